package charon.push;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import charon.testsupport.CapturedLog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call into the container's internals that fails with a {@link LinkageError} (a Tomcat whose internal interface
 * changed under Charon) ends that one stream cleanly, never a writer thread, and turns the upgrade path off for new
 * streams, logged once.
 */
class PushFailuresTest {

    /** A connection whose container call fails as a changed Tomcat would make it fail. */
    private static final class BrokenPlatformConnection extends GuardedConnection {
        final List<LinkageError> reported = new ArrayList<>();
        final AtomicInteger ends = new AtomicInteger();

        @Override
        protected void write(EncodedSseEvent event) throws IOException {
            throw new NoSuchMethodError("org.apache.tomcat.util.net.SocketWrapperBase.write(Z[BII)V");
        }

        @Override
        protected void platformFailed(LinkageError error) {
            reported.add(error);
        }

        @Override
        protected void end() {
            ends.incrementAndGet();
            runEnded();
        }
    }

    private static OutboundSseEvent event(String name) {
        return new OutboundEvent.Builder().name(name).data(String.class, "{}").build();
    }

    @Test
    void aLinkageErrorInAWriteEndsThatStreamAndIsReported() {
        BrokenPlatformConnection connection = new BrokenPlatformConnection();
        AtomicInteger endedSeen = new AtomicInteger();
        connection.whenEnded(endedSeen::incrementAndGet);

        CompletableFuture<?> sent = connection.send(event("activeview")).toCompletableFuture();

        assertTrue(sent.isCompletedExceptionally(), "the write fails as a failed stage, not a thrown Error");
        assertTrue(connection.isClosed());
        assertEquals(1, connection.ends.get(), "the connection is ended once");
        assertEquals(1, endedSeen.get(), "the push layer is told the stream is gone");
        assertEquals(1, connection.reported.size());
        assertInstanceOf(NoSuchMethodError.class, connection.reported.get(0));
    }

    /** The writer thread that met the error goes on writing to the other streams. */
    @Test
    void aLinkageErrorFromOneSinkEndsOnlyThatStreamAndTheWriterGoesOn() {
        Executor now = Runnable::run;
        List<Runnable> closes = new ArrayList<>();
        QueuedBroadcaster broadcaster = new QueuedBroadcaster(now, 8, closes::add);
        List<Throwable> errors = new ArrayList<>();
        broadcaster.onError((sink, error) -> errors.add(error));
        List<String> healthyGot = new ArrayList<>();
        SseEventSink broken = new SseEventSink() {
            boolean closed;

            @Override
            public boolean isClosed() {
                return closed;
            }

            @Override
            public CompletionStage<?> send(OutboundSseEvent e) {
                throw new NoClassDefFoundError("org/apache/tomcat/util/net/SocketEvent");
            }

            @Override
            public void close() {
                closed = true;
            }
        };
        SseEventSink healthy = new SseEventSink() {
            @Override
            public boolean isClosed() {
                return false;
            }

            @Override
            public CompletionStage<?> send(OutboundSseEvent e) {
                healthyGot.add(e.getName());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        };
        broadcaster.register(broken);
        broadcaster.register(healthy);

        broadcaster.broadcast(event("one"));
        broadcaster.broadcast(event("two"));

        assertEquals(1, errors.size(), "the broken stream is ended once, with its error");
        assertInstanceOf(NoClassDefFoundError.class, errors.get(0));
        assertEquals(List.of("one", "two"), healthyGot, "the other stream gets every event");
    }

    @Test
    void anUpgradeFailureTurnsTheUpgradePathOffForNewStreamsLoggedOnce() {
        ConnectionKinds kinds = new ConnectionKinds();
        assertTrue(kinds.upgradeUsable());
        try (CapturedLog log = CapturedLog.of(ConnectionKinds.class.getName())) {
            kinds.upgradeFailed(new NoSuchMethodError("first"));
            kinds.upgradeFailed(new NoSuchMethodError("second"));
            kinds.upgradeFailed(new AbstractMethodError("third"));
            List<LogRecord> records = log.records();
            assertEquals(1, records.size(), "logged once");
            assertEquals(Level.SEVERE, records.get(0).getLevel());
            assertEquals("first", records.get(0).getThrown().getMessage());
        }
        assertFalse(kinds.upgradeUsable(), "new streams take the portable path");
    }

    @Test
    void streamsAreCountedByConnectionKindUntilTheyEnd() {
        ConnectionKinds kinds = new ConnectionKinds();
        BrokenPlatformConnection upgraded = new BrokenPlatformConnection();
        BrokenPlatformConnection async = new BrokenPlatformConnection();
        kinds.track(ConnectionKinds.Kind.UPGRADED, upgraded);
        kinds.track(ConnectionKinds.Kind.ASYNC, async);
        assertEquals(java.util.Map.of("upgraded", 1, "async", 1), kinds.open());
        upgraded.send(event("x"));
        assertEquals(java.util.Map.of("upgraded", 0, "async", 1), kinds.open());
    }
}
