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

import charon.push.DisplayStreams;
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
