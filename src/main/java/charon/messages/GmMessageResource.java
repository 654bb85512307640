package charon.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

import charon.security.Viewer;

/** {@code POST /api/gm/broadcast/}: a message to every player, or to the named ones. */
@RequestScoped
@Path("gm/broadcast/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class GmMessageResource {

    /** {@code {"success": true, "message_id": n}}. */
    public record Broadcast(boolean success, long messageId) {
    }

    @Inject
    MessageService messages;

    @POST
    public Broadcast broadcast(BroadcastRequest body, @Context HttpServletRequest request) {
        String author = Viewer.of(request).username()
                .orElseThrow(() -> new charon.errors.NotSignedIn("Authentication required"));
        MessageView message = messages.broadcast(body.sender(), body.content(), body.priority(), author, body.recipients());
        return new Broadcast(true, message.id());
    }
}
