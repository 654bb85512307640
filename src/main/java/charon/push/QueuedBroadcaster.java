package charon.push;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayDeque;
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

    private final Executor writers;
    private final int maxBacklog;
    private final Map<SseEventSink, SinkQueue> queues = new ConcurrentHashMap<>();
    private final List<BiConsumer<SseEventSink, Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SseEventSink>> closeListeners = new CopyOnWriteArrayList<>();

    /**
     * Closes dropped streams, off the broadcasting thread. Charon's display connections close without waiting; the
     * separate threads stay as a guard for a container whose end of an async request flushes (and could block).
     */
    private final Executor closer;

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
        queues.putIfAbsent(sink, new SinkQueue(sink, false, Feed.PLAYERS));
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
        queues.putIfAbsent(sink, new SinkQueue(sink, true, feed));
    }

    /** The first event of a held stream was written: its queued events may now be written. */
    void release(SseEventSink sink) {
        SinkQueue queue = queues.get(sink);
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
        SinkQueue queue = queues.remove(sink);
        if (queue == null) {
            return false;
        }
        queue.detach();
        return true;
    }

    /** Ends one stream on purpose: the close listeners are told at once, the close itself runs on the closer. */
    void end(SseEventSink sink) {
        SinkQueue queue = queues.get(sink);
        if (queue != null) {
            queue.endLater(null);
        }
    }

    /** Forgets a stream without telling the listeners (its first event failed; the caller handles it). */
    void unregister(SseEventSink sink) {
        SinkQueue queue = queues.remove(sink);
        if (queue != null) {
            synchronized (queue) {
                queue.ended = true;
                queue.backlog.clear();
            }
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
        queues.values().forEach(queue -> queue.offer(change.of(queue.feed)));
    }

    /** Queues an event for one registered stream only (a private message); encoded by the caller, once for all its streams. */
    void sendTo(SseEventSink sink, EncodedSseEvent event) {
        SinkQueue queue = queues.get(sink);
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

    /** One stream's backlog; at most one writer drains it at a time, so its events stay in order. */
    private final class SinkQueue {
        private final SseEventSink sink;
        /** What this stream gets of a change. */
        private final Feed feed;
        private final ArrayDeque<OutboundSseEvent> backlog = new ArrayDeque<>();
        private boolean draining;
        private boolean ended;
        /** The request thread is still sending the first event: nothing else is written or closes the sink before it. */
        private boolean held;
        /** Ended while held: the close waits for release(). */
        private boolean closeOnRelease;
        /** Set once the container has ended the connection: the sink is not used any more. */
        private volatile boolean detached;

        SinkQueue(SseEventSink sink, boolean held, Feed feed) {
            this.sink = sink;
            this.feed = feed;
            // a held stream counts as being drained (by its request thread) until release()
            this.draining = held;
            this.held = held;
        }

        void release() {
            boolean close;
            boolean drain;
            synchronized (this) {
                held = false;
                close = closeOnRelease;
                drain = !ended && !backlog.isEmpty();
                draining = drain;
            }
            if (close) {
                closeOnCloser();
            } else if (drain) {
                writers.execute(this::drain);
            }
        }

        void offer(OutboundSseEvent event) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                if (backlog.size() >= maxBacklog) {
                    // falls through to end() outside the lock
                } else {
                    backlog.add(event);
                    if (draining) {
                        return;
                    }
                    draining = true;
                    writers.execute(this::drain);
                    return;
                }
            }
            endLater(new SlowClientException(maxBacklog));
        }

        /**
         * Ends the stream now (no more events are queued or written) but closes it on the closer; a stream whose
         * first event is still being sent is closed by {@link #release()} after it, so that the first event is always
         * the first thing on the wire (it stays findable for release() until then).
         */
        private void endLater(Throwable failure) {
            boolean deferred;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                backlog.clear();
                deferred = held;
                closeOnRelease = held;
            }
            notifyListeners(failure);
            if (!deferred) {
                closeOnCloser();
            }
        }

        private void closeOnCloser() {
            try {
                closer.execute(this::close);
            } catch (RuntimeException rejected) {
                close();
            }
        }

        private void drain() {
            while (true) {
                OutboundSseEvent next;
                synchronized (this) {
                    next = backlog.poll();
                    if (next == null || ended) {
                        draining = false;
                        return;
                    }
                }
                Throwable failure = write(next);
                if (failure != null) {
                    end(failure);
                    return;
                }
            }
        }

        void detach() {
            detached = true;
            synchronized (this) {
                ended = true;
                backlog.clear();
            }
        }

        private Throwable write(OutboundSseEvent event) {
            return WriterPool.blocking(() -> detached
                    ? new IllegalStateException("connection already ended by the container")
                    : writeNow(event));
        }

        private Throwable writeNow(OutboundSseEvent event) {
            if (sink.isClosed()) {
                return new IllegalStateException("stream closed");
            }
            try {
                // A display connection's send() writes before it returns (blocking); a failed write comes back as a failed stage.
                CompletableFuture<?> sent = sink.send(event).toCompletableFuture();
                return sent.isCompletedExceptionally() ? sent.handle((ok, error) -> error).join() : null;
            } catch (RuntimeException | LinkageError e) {
                // a LinkageError too (a container's changed internals): it ends this stream, never the writer thread
                return e;
            }
        }

        /** Stops this stream for good: closes it and tells the listeners (error, or close when failure is null). */
        void end(Throwable failure) {
            if (markEnded()) {
                notifyAndClose(failure);
            }
        }

        /** True for the one caller that ends this stream: no more events are queued or written after it. */
        private boolean markEnded() {
            synchronized (this) {
                if (ended) {
                    return false;
                }
                ended = true;
                backlog.clear();
            }
            return true;
        }

        /** Listeners first (they count the drop at once), then the close. */
        private void notifyAndClose(Throwable failure) {
            notifyListeners(failure);
            close();
        }

        /** The listeners only do bookkeeping (they must not block): they run on the thread that ends the stream. */
        private void notifyListeners(Throwable failure) {
            if (failure == null) {
                closeListeners.forEach(listener -> listener.accept(sink));
            } else {
                errorListeners.forEach(listener -> listener.accept(sink, failure));
            }
        }

        /**
         * Closes the sink, also while a write to it is in progress (a display connection ends after that write without
         * waiting for it). The queue stays registered until here, so that detach() finds it meanwhile.
         */
        private void close() {
            WriterPool.blocking(() -> {
                if (!detached) {
                    closeQuietly(sink);
                }
                return null;
            });
            queues.remove(sink, this);
        }
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
