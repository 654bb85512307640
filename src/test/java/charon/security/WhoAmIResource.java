package charon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** Only in SecurityIT's deployment: shows what CurrentUser and Viewer see, over plain GET and over SSE. */
@RequestScoped
@Path("test-whoami/")
public class WhoAmIResource {

    @Inject
    CurrentUser currentUser;
    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String plain() {
        return describe();
    }

    @GET
    @Path("stream/")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        try (sink) {
            sink.send(sse.newEventBuilder().name("whoami").data(String.class, describe()).build());
        }
    }

    private String describe() {
        Viewer viewer = Viewer.of(request);
        return currentUser.username().orElse("-") + "|" + currentUser.userId().map(String::valueOf).orElse("-") + "|"
                + (currentUser.isGm() ? "gm" : "not-gm") + "|" + viewer.username().orElse("-") + "|" + viewer.gm();
    }
}
