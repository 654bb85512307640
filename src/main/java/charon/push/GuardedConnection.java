package charon.push;

import jakarta.ws.rs.sse.OutboundSseEvent;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What both display connections share: writes hold {@code io}, one at a time; a close never waits for a write in
 * progress (one to a display that stopped reading can last the write timeout). Whoever finds {@code io} taken marks
 * the stream {@code closed}, and the writer ends the connection once its write is over. {@code closed} is always set
 * before {@code io} is tried, and checked after it is released, so one of the two always sees the other.
 */
abstract class GuardedConnection implements DisplayConnection {

    /** Held by every write (and the last bytes before the end). */
    protected final ReentrantLock io = new ReentrantLock();
    private final Ended ended = new Ended();
    /** No more writes: the stream ended, its display went away, or the container ended the connection. */
    protected volatile boolean closed;
    /** The connection is being ended, or the container has ended it: {@link #end()} is not called (again). */
    private final AtomicBoolean ending = new AtomicBoolean();

    @Override
    public final CompletionStage<?> send(OutboundSseEvent event) {
        EncodedSseEvent encoded = EncodedSseEvent.of(event);
        io.lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("stream closed"));
            }
            write(encoded);
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            closed = true;
            return CompletableFuture.failedFuture(e);
        } catch (LinkageError e) {
            // the container's internals are not what this class was built for: this stream ends, the others are told
            closed = true;
            platformFailed(e);
            return CompletableFuture.failedFuture(e);
        } finally {
            unlockAndEndIfClosed();
        }
    }

    /** Writes one event, blocking; under io. */
    protected abstract void write(EncodedSseEvent event) throws IOException;

    /**
     * Writes one event now without blocking, on the thread that fans it out, when nothing else is being written to this
     * display: no hand-off to a writer thread. {@link DirectWrite#QUEUE} when it cannot (a write in progress, not
     * handed over yet, a connection that only writes blocking): the caller queues the event as before.
     * {@link DirectWrite#FLUSH} when the socket took only part of it: the rest waits in the connection and
     * {@link #flush()} must run (on a writer thread) before anything else is written.
     */
    final DirectWrite sendNow(EncodedSseEvent event) {
        if (closed || !io.tryLock()) {
            return DirectWrite.QUEUE;
        }
        try {
            if (closed) {
                return DirectWrite.QUEUE;
            }
            return writeNonBlocking(event);
        } catch (IOException | RuntimeException e) {
            closed = true;
            return DirectWrite.failed(e);
        } catch (LinkageError e) {
            closed = true;
            platformFailed(e);
            return DirectWrite.failed(e);
        } finally {
            unlockAndEndIfClosed();
        }
    }

    /** As {@link #sendNow}, under io; by default a connection writes blocking only. */
    protected DirectWrite writeNonBlocking(EncodedSseEvent event) throws IOException {
        return DirectWrite.QUEUE;
    }

    /** Writes out, blocking, what a {@link DirectWrite#FLUSH} left; null or the failure. */
    final Throwable flush() {
        io.lock();
        try {
            if (closed) {
                return new IllegalStateException("stream closed");
            }
            flushBlocking();
            return null;
        } catch (IOException | RuntimeException e) {
            closed = true;
            return e;
        } catch (LinkageError e) {
            closed = true;
            platformFailed(e);
            return e;
        } finally {
            unlockAndEndIfClosed();
        }
    }

    /** Under io: what a non-blocking write left goes out, blocking. */
    protected void flushBlocking() throws IOException {
        // nothing left by default
    }

    /** Ends the stream now, or, during a write, once that write is over. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (io.isHeldByCurrentThread() || !io.tryLock()) {
            return;
        }
        try {
            writeLastBytes();
        } catch (IOException | RuntimeException alreadyBroken) {
            // the connection ends all the same
        } catch (LinkageError e) {
            platformFailed(e);
        } finally {
            unlockAndEndIfClosed();
        }
    }

    /** What goes out before the end if it can go at once (never blocking); under io. */
    protected void writeLastBytes() throws IOException {
        // nothing by default
    }

    private void unlockAndEndIfClosed() {
        io.unlock();
        if (closed && canEnd() && ending.compareAndSet(false, true)) {
            end();
        }
    }

    /** A call into the container's own classes failed with a {@link LinkageError}; the stream ends all the same. */
    protected void platformFailed(LinkageError error) {
        // nothing by default: the portable connection calls only the Servlet API
    }

    /** False while the connection cannot be ended yet (it is ended later by other means). */
    protected boolean canEnd() {
        return true;
    }

    /** Ends the connection; called once, with no write in progress. */
    protected abstract void end();

    /** The connection is being ended by the container (or by {@link #end()}): true if it already was. */
    protected final boolean markEnding() {
        return ending.getAndSet(true);
    }

    protected final boolean isEnding() {
        return ending.get();
    }

    /** Tells the push layer the connection is gone (once, whoever calls). */
    protected final void runEnded() {
        ended.run();
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void whenEnded(Runnable whenEnded) {
        ended.add(whenEnded);
    }
}
