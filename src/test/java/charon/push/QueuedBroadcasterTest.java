package charon.push;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import charon.view.Audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-stream queues' rules, on the calling thread (writers and closer run each task at once): order,
 * the first event written by the joining request before anything else touches the stream, the backlog bound.
 * The real streams are in PushIT and LoadFaultsIT.
 */
class QueuedBroadcasterTest {

    private final Executor now = Runnable::run;
    private final List<Runnable> closes = new ArrayList<>();
    private final Executor closer = closes::add;
    private final QueuedBroadcaster broadcaster = new QueuedBroadcaster(now, 3, closer);

    /** Records what is written and whether it was closed; a display that reads everything at once. */
    private static final class RecordingSink implements SseEventSink {
        final List<String> written = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            written.add(event.getName());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static OutboundSseEvent event(String name) {
        return new OutboundEvent.Builder().name(name).data(String.class, "{}").build();
    }

    private void runCloses() {
        List<Runnable> pending = new ArrayList<>(closes);
        closes.clear();
        pending.forEach(Runnable::run);
    }

    @Test
    void eventsBroadcastWhileTheFirstIsWrittenFollowItInOrder() {
        RecordingSink sink = new RecordingSink();
        broadcaster.registerHeld(sink);
        broadcaster.broadcast(event("one"));
        broadcaster.broadcast(event("two"));
        assertEquals(List.of(), sink.written, "nothing before the first event");
        broadcaster.release(sink);
        assertEquals(List.of("one", "two"), sink.written);
        broadcaster.broadcast(event("three"));
        assertEquals(List.of("one", "two", "three"), sink.written);
    }

    @Test
    void eachStreamGetsTheEventOfItsAudienceAndEveryoneTheCommonOnes() {
        RecordingSink display = new RecordingSink();
        RecordingSink console = new RecordingSink();
        broadcaster.registerHeld(display, Audience.PLAYERS);
        broadcaster.registerHeld(console, Audience.GM);
        broadcaster.release(display);
        broadcaster.release(console);
        broadcaster.broadcast(event("players-view"), event("gm-view"));
        broadcaster.broadcast(event("keepalive"));
        assertEquals(List.of("players-view", "keepalive"), display.written, "a display never gets the GM's payload");
        assertEquals(List.of("gm-view", "keepalive"), console.written);
    }

    @Test
    void aStreamEndedDuringItsFirstWriteIsClosedOnlyAfterIt() {
        RecordingSink sink = new RecordingSink();
        List<SseEventSink> toldClosed = new ArrayList<>();
        broadcaster.onClose(toldClosed::add);
        broadcaster.registerHeld(sink);
        broadcaster.end(sink);
        runCloses();
        assertFalse(sink.closed, "Jersey's output is not safe for a close during the first write");
        assertEquals(List.of(sink), toldClosed, "the bookkeeping is told at once");
        broadcaster.release(sink);
        runCloses();
        assertTrue(sink.closed);
        broadcaster.broadcast(event("late"));
        assertEquals(List.of(), sink.written, "nothing written after the end");
    }

    @Test
    void aStreamTooFarBehindIsDroppedAndClosed() {
        RecordingSink sink = new RecordingSink();
        List<Throwable> errors = new ArrayList<>();
        broadcaster.onError((s, error) -> errors.add(error));
        broadcaster.registerHeld(sink);
        for (int i = 0; i < 4; i++) {
            broadcaster.broadcast(event("e" + i));
        }
        assertEquals(1, errors.size());
        assertTrue(errors.get(0) instanceof QueuedBroadcaster.SlowClientException);
        broadcaster.release(sink);
        runCloses();
        assertTrue(sink.closed);
        assertEquals(List.of(), sink.written, "a dropped stream gets none of its backlog");
    }

    @Test
    void anEndedStreamThatWasNotHeldIsClosedOnTheCloser() {
        RecordingSink sink = new RecordingSink();
        broadcaster.register(sink);
        broadcaster.end(sink);
        assertFalse(sink.closed, "not on the caller's thread");
        runCloses();
        assertTrue(sink.closed);
    }

    @Test
    void aCloseStillPendingWhenTheContainerEndsTheRequestNeverTouchesTheSink() {
        RecordingSink sink = new RecordingSink();
        broadcaster.register(sink);
        broadcaster.end(sink);
        assertTrue(broadcaster.detach(sink), "the ended stream is still known until its close has run");
        runCloses();
        assertFalse(sink.closed, "Tomcat may already have recycled the response for another connection");
    }
}
