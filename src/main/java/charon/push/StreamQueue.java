package charon.push;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * One stream's backlog; at most one writer drains it at a time, so its events stay in order.
 *
 * <p>When nothing is queued or being written for the display, the thread that fans an event out writes it at once
 * without blocking ({@link GuardedConnection#sendNow}): most events at a table go out that way, with no hand-off to a
 * writer thread and no wake-up. Only what the socket does not take at once (a display that reads slowly or stopped
 * reading) goes to the writer threads, which write blocking as before, within the backlog bound.
 */
final class StreamQueue {

    /** Off with {@code -Dcharon.push.directWrites=false}: every event through the writer threads (to measure both). */
    static final boolean DIRECT_WRITES = !"false".equals(System.getProperty("charon.push.directWrites"));

    private final QueuedBroadcaster owner;
    private final SseEventSink sink;
    /** The sink as a display connection that can write without blocking, or null (written on the writers only). */
    private final GuardedConnection direct;
    /** What this stream gets of a change. */
    private final Feed feed;
    private final ArrayDeque<OutboundSseEvent> backlog = new ArrayDeque<>();
    private boolean draining;
    private boolean ended;
    /** The request thread is still sending the first event: nothing else is written or closes the sink before it. */
    private boolean held;
    /** Ended while held: the close waits for release(). */
    private boolean closeOnRelease;
    /** An event was written at once but only partly: the drain flushes the rest before anything else. */
    private boolean flushFirst;
    /** Set once the container has ended the connection: the sink is not used any more. */
    private volatile boolean detached;

    StreamQueue(QueuedBroadcaster owner, SseEventSink sink, boolean held, Feed feed) {
        this.owner = owner;
        this.sink = sink;
        this.direct = DIRECT_WRITES && sink instanceof GuardedConnection connection ? connection : null;
        this.feed = feed;
        // a held stream counts as being drained (by its request thread) until release()
        this.draining = held;
        this.held = held;
    }

    Feed feed() {
        return feed;
    }

    /** Unregistered without the listeners being told: nothing more is queued or written. */
    synchronized void forget() {
        ended = true;
        backlog.clear();
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
            owner.writers.execute(this::drain);
        }
    }

    void offer(OutboundSseEvent event) {
        Throwable failure;
        synchronized (this) {
            if (ended) {
                return;
            }
            failure = null;
            if (backlog.size() >= owner.maxBacklog) {
                // falls through to endLater() outside the lock
            } else if (draining || direct == null || detached) {
                backlog.add(event);
                if (!draining) {
                    draining = true;
                    owner.writers.execute(this::drain);
                }
                return;
            } else {
                // nothing queued or being written: this thread writes it now, without blocking
                failure = direct(event);
                if (failure == null) {
                    return;
                }
            }
        }
        // outside the lock: the listeners do bookkeeping that may take other locks
        endLater(failure != null ? failure : new QueuedBroadcaster.SlowClientException(owner.maxBacklog));
    }

    /**
     * Under this, nothing queued or being written: writes the event without blocking; what the socket did not take
     * (or the event itself, if it could not be tried) goes to a writer thread. The failure of the write, if it failed.
     */
    private Throwable direct(OutboundSseEvent event) {
        DirectWrite written = direct.sendNow(EncodedSseEvent.of(event));
        if (written.outcome() == DirectWrite.Outcome.FAILED) {
            return written.failure();
        }
        if (written.outcome() == DirectWrite.Outcome.QUEUE) {
            backlog.addFirst(event);
        }
        flushFirst = written.outcome() == DirectWrite.Outcome.FLUSH;
        if (!flushFirst && written.outcome() == DirectWrite.Outcome.DONE) {
            return null;
        }
        draining = true;
        owner.writers.execute(this::drain);
        return null;
    }

    /**
     * Ends the stream now (no more events are queued or written) but closes it on the owner.closer; a stream whose
     * first event is still being sent is closed by {@link #release()} after it, so that the first event is always
     * the first thing on the wire (it stays findable for release() until then).
     */
    void endLater(Throwable failure) {
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
            owner.closer.execute(this::close);
        } catch (RuntimeException rejected) {
            close();
        }
    }

    private void drain() {
        boolean flush;
        synchronized (this) {
            flush = flushFirst;
            flushFirst = false;
        }
        if (flush) {
            Throwable failure = WriterPool.blocking(() -> detached
                    ? new IllegalStateException("connection already ended by the container")
                    : direct.flush());
            if (failure != null) {
                end(failure);
                return;
            }
        }
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
            owner.closeListeners.forEach(listener -> listener.accept(sink));
        } else {
            owner.errorListeners.forEach(listener -> listener.accept(sink, failure));
        }
    }

    /**
     * Closes the sink, also while a write to it is in progress (a display connection ends after that write without
     * waiting for it). The queue stays registered until here, so that detach() finds it meanwhile.
     */
    private void close() {
        WriterPool.blocking(() -> {
            if (!detached) {
                QueuedBroadcaster.closeQuietly(sink);
            }
            return null;
        });
        owner.queues.remove(sink, this);
    }
}
