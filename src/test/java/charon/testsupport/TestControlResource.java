package charon.testsupport;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import charon.push.DisplayStreams;
import charon.security.SecurityTestResource;
import charon.view.ActiveViewPayloads;
import charon.view.ActiveViewStore;
import charon.view.Token;

/**
 * Only in test deployments: changes state through the store exactly as a writer would, so push
 * tests can drive changes over HTTP before and independently of the GM endpoints.
 */
@RequestScoped
@Path("test-control/")
@Produces(MediaType.TEXT_PLAIN)
public class TestControlResource {

    @Inject
    ActiveViewStore store;
    @Inject
    DisplayStreams streams;

    /** First version a silent stream reports; each opened silent stream reports the next one. */
    public static final long SILENT_VERSION_BASE = 900_000;
    private static final AtomicInteger SILENT_OPENS = new AtomicInteger();
    /** Held so the silent streams stay open (never written to again, never closed) until undeploy. */
    private static final Queue<SseEventSink> SILENT_SINKS = new ConcurrentLinkedQueue<>();

    @POST
    @Path("toggle-room/{room}")
    public String toggleRoom(@PathParam("room") String room) {
        return Long.toString(store.update(view -> view.withRoomVisible(room,
                !view.encounterRoomVisibility().getOrDefault(room, true))).version());
    }

    @POST
    @Path("step-token/{token}")
    public String stepToken(@PathParam("token") String tokenId) {
        return Long.toString(store.update(view -> {
            Token token = view.encounterTokens().get(tokenId);
            Token next = token == null
                    ? new Token("object", tokenId, 1, 0, List.of(), "", "")
                    : token.movedTo(token.x() + 1, token.y(), token.roomId());
            return view.withToken(tokenId, next);
        }).version());
    }

    /** How many players' projections the payload cache has built (one per state version, however many displays read). */
    @GET
    @Path("projections-built")
    public String projectionsBuilt() {
        return Long.toString(CDI.current().select(ActiveViewPayloads.class).get().projectionsBuilt());
    }

    /**
     * Every GET method of the deployed application, from Jersey's own resource model (what it routes, not a copy of
     * it): one line each, {@code template TAB query params (comma-separated) TAB stream|plain TAB Class.method}. The
     * tests' own resources are left out (they are not part of the application).
     */
    @GET
    @Path("endpoints")
    public String endpoints(@Context ExtendedResourceContext context) {
        StringBuilder out = new StringBuilder();
        for (Resource resource : context.getResourceModel().getRootResources()) {
            list(resource, "", out);
        }
        return out.toString();
    }

    private static void list(Resource resource, String parent, StringBuilder out) {
        String path = joinPath(parent, resource.getPath() == null ? "" : resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Class<?> handler = method.getInvocable().getHandler().getHandlerClass();
            if (!"GET".equals(method.getHttpMethod()) || handler.getPackageName().equals("charon.testsupport")
                    || handler == SecurityTestResource.class) {
                continue;
            }
            List<String> query = method.getInvocable().getParameters().stream()
                    .filter(p -> p.getSource() == org.glassfish.jersey.server.model.Parameter.Source.QUERY)
                    .map(org.glassfish.jersey.server.model.Parameter::getSourceName).toList();
            boolean stream = method.getProducedTypes().stream().anyMatch(MediaType.SERVER_SENT_EVENTS_TYPE::isCompatible);
            out.append(path).append('\t').append(String.join(",", query)).append('\t').append(stream ? "stream" : "plain")
                    .append('\t').append(handler.getSimpleName()).append('.')
                    .append(method.getInvocable().getHandlingMethod().getName()).append('\n');
        }
        for (Resource child : resource.getChildResources()) {
            list(child, path, out);
        }
    }

    private static String joinPath(String a, String b) {
        String left = a.replaceAll("^/+", "");
        String right = b.replaceAll("^/+", "");
        if (left.isEmpty() || right.isEmpty()) {
            return left + right;
        }
        return left.endsWith("/") ? left + right : left + "/" + right;
    }

    @GET
    @Path("connected")
    public String connected() {
        return Integer.toString(streams.connected());
    }

    /**
     * A stream that goes quiet without closing: a keepalive event announcing a 1 s interval (so the
     * page's watchdog gives up after 2 s), the current state as an {@code activeview} event with the
     * version {@code SILENT_VERSION_BASE + n} (n = how many silent streams were opened), then nothing,
     * ever. Displays are pointed at it with {@code /terminal/?stream=test-control/silent-stream/}.
     */
    @GET
    @Path("silent-stream/")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    // The payloads bean is looked up here, not injected: injected into this resource it made PushIT's
    // race test fail (streams got their first event, then nothing), though PushIT never calls this.
    public void silentStream(@Context SseEventSink sink, @Context Sse sse) {
        int n = SILENT_OPENS.incrementAndGet();
        SILENT_SINKS.add(sink);
        sink.send(sse.newEventBuilder().name("keepalive").mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"interval_ms\":1000}").build());
        sink.send(sse.newEventBuilder().name("activeview").id(Long.toString(SILENT_VERSION_BASE + n))
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, CDI.current().select(ActiveViewPayloads.class).get().latest().json()).build());
    }

    /** How many silent streams were opened so far, and how many of them the server still holds open. */
    @GET
    @Path("silent-stream/opens")
    public String silentOpens() {
        return SILENT_OPENS.get() + " " + SILENT_SINKS.stream().filter(sink -> !sink.isClosed()).count();
    }
}
