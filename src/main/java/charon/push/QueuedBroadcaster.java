package charon.push;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import charon.view.Audience;

/**
 * The JAX-RS {@link SseBroadcaster}, implemented with one bounded queue per stream drained on
 * Charon's own writer threads.
 *
 * <p>Why not Jersey's: its broadcaster delivers through a {@code SubmissionPublisher} on a shared
 * executor; in a JVM that had run another deployment, a newly registered stream got its first event
 * and then nothing at all (its subscription was never served), and it had each event encoded again for
 * every stream. Here an event is encoded once ({@link EncodedSseEvent}) and every stream's events are written
 * in order by whichever writer thread drains its queue, and a stream that falls
 * {@code maxBacklog} events behind is closed instead of growing without bound.
 *
 * <p>The sinks are display connections ({@link DisplayConnection}): safe to close while a write is in progress, and
 * inert once their connection has ended, so this class never waits for a write before a close or an end.
 */
final class QueuedBroadcaster implements SseBroadcaster {

    final Executor writers;
    final int maxBacklog;
    final Map<SseEventSink, StreamQueue> queues = new ConcurrentHashMap<>();
    final List<BiConsumer<SseEventSink, Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    final List<Consumer<SseEventSink>> closeListeners = new CopyOnWriteArrayList<>();

    /**
     * Closes dropped streams, off the broadcasting thread. Charon's display connections close without waiting; the
     * separate threads stay as a guard for a container whose end of an async request flushes (and could block).
     */
    final Executor closer;

    QueuedBroadcaster(Executor writers, int maxBacklog, Executor closer) {
        this.writers = writers;
        this.maxBacklog = maxBacklog;
        this.closer = closer;
    }

    /** Thrown to error listeners when a stream is dropped for not keeping up. */
    static final class SlowClientException extends RuntimeException {
        SlowClientException(int backlog) {
            super("display fell " + backlog + " events behind; stream closed", null, false, false);
        }
    }

    @Override
    public void onError(BiConsumer<SseEventSink, Throwable> onError) {
        errorListeners.add(onError);
    }

    @Override
    public void onClose(Consumer<SseEventSink> onClose) {
        closeListeners.add(onClose);
    }

    @Override
    public void register(SseEventSink sink) {
        queues.putIfAbsent(sink, new StreamQueue(this, sink, false, Feed.PLAYERS));
    }

    /**
     * Registers a stream whose first event is still being written by its request thread: events broadcast
     * meanwhile are queued (up to the backlog bound) and written after it, once {@link #release} is called.
     */
    void registerHeld(SseEventSink sink) {
        registerHeld(sink, Feed.PLAYERS);
    }

    /** As {@link #registerHeld(SseEventSink)}, for a stream of the given audience (see {@link #broadcast(OutboundSseEvent, OutboundSseEvent)}). */
    void registerHeld(SseEventSink sink, Audience audience) {
        registerHeld(sink, Feed.of(audience, false));
    }

    /** As {@link #registerHeld(SseEventSink)}, for a stream of the given feed (see {@link #broadcast(ChangeEvents)}). */
    void registerHeld(SseEventSink sink, Feed feed) {
        queues.putIfAbsent(sink, new StreamQueue(this, sink, true, feed));
    }

    /** The first event of a held stream was written: its queued events may now be written. */
    void release(SseEventSink sink) {
        StreamQueue queue = queues.get(sink);
        if (queue != null) {
            queue.release();
        }
    }

    /**
     * The container ended the stream's connection (the display closed it, an error, shutdown): nothing more is
     * written to or closes the sink. Does not wait for a write in progress (it may run on one of Tomcat's threads,
     * even its poller, which a blocked write needs): the sink itself refuses further use once its connection ended.
     * Returns true if the stream was still registered.
     */
    boolean detach(SseEventSink sink) {
        StreamQueue queue = queues.remove(sink);
        if (queue == null) {
            return false;
        }
        queue.detach();
        return true;
    }

    /** Ends one stream on purpose: the close listeners are told at once, the close itself runs on the closer. */
    void end(SseEventSink sink) {
        StreamQueue queue = queues.get(sink);
        if (queue != null) {
            queue.endLater(null);
        }
    }

    /** Forgets a stream without telling the listeners (its first event failed; the caller handles it). */
    void unregister(SseEventSink sink) {
        StreamQueue queue = queues.remove(sink);
        if (queue != null) {
            queue.forget();
        }
    }

    @Override
    public CompletionStage<?> broadcast(OutboundSseEvent event) {
        EncodedSseEvent encoded = EncodedSseEvent.of(event);
        queues.values().forEach(queue -> queue.offer(encoded));
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Queues, in one pass, each stream the event of its audience: the same change serialized for the players and
     * for the GM. Each event is encoded once, whatever the number of streams.
     */
    void broadcast(OutboundSseEvent forPlayers, OutboundSseEvent forGm) {
        EncodedSseEvent players = EncodedSseEvent.of(forPlayers);
        broadcast(new ChangeEvents(players, players, EncodedSseEvent.of(forGm)));
    }

    /** Queues, in one pass, each stream the event of its feed (each encoded once, whatever the number of streams). */
    void broadcast(ChangeEvents change) {
        queues.values().forEach(queue -> queue.offer(change.of(queue.feed())));
    }

    /** Queues an event for one registered stream only (a private message); encoded by the caller, once for all its streams. */
    void sendTo(SseEventSink sink, EncodedSseEvent event) {
        StreamQueue queue = queues.get(sink);
        if (queue != null) {
            queue.offer(event);
        }
    }

    @Override
    public void close() {
        close(true);
    }

    /** Ends every stream (JAX-RS 4: with or without closing the sinks; ours always closes them). */
    @Override
    public void close(boolean cascading) {
        queues.values().forEach(queue -> queue.end(null));
    }


    /** Closes a sink that may already be broken (the display gone): nothing more to free then. */
    static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (Exception ignored) {
            // already broken
        }
    }
}
