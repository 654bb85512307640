package charon.push;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.sse.OutboundSseEvent;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A display's stream as an asynchronous servlet response: any Servlet 6 container (Payara). The container frames the
 * body and applies its own write timeout; the request and its buffers stay allocated while the display is open.
 *
 * <p>Once the container has ended the request (completion, error, timeout) nothing touches the response again: it
 * is recycled for other connections. Writes hold {@code io}, and the container's end waits for a write in progress;
 * a close does not wait (see {@link #close()}).
 */
final class AsyncConnection implements DisplayConnection {

    private final ReentrantLock io = new ReentrantLock();
    private final Ended ended = new Ended();
    private final AsyncContext async;
    private final ServletOutputStream out;
    /** No more writes. */
    private volatile boolean closed;
    /** The request is completed, or the container ended it: nothing touches the response any more. */
    private final AtomicBoolean over = new AtomicBoolean();

    private AsyncConnection(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** The response head must be sent already (its status, headers and a flush). */
    static AsyncConnection start(HttpServletRequest request) throws IOException {
        AsyncContext async = request.startAsync();
        // a stream stays open for as long as the display does
        async.setTimeout(0);
        AsyncConnection connection = new AsyncConnection(async, async.getResponse().getOutputStream());
        async.addListener(connection.new EndListener());
        return connection;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        byte[] wire = EncodedSseEvent.of(event).wire();
        io.lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("stream closed"));
            }
            out.write(wire);
            out.flush();
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            closed = true;
            return CompletableFuture.failedFuture(e);
        } finally {
            unlockAndCompleteIfClosed();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Completes the request; during a write, the writer does once its write is over (it can last the write timeout). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (io.isHeldByCurrentThread() || !io.tryLock()) {
            return;
        }
        unlockAndCompleteIfClosed();
    }

    /** Checked after the unlock: close() sets {@code closed} before it tries for io, so one of the two completes. */
    private void unlockAndCompleteIfClosed() {
        io.unlock();
        if (closed && over.compareAndSet(false, true)) {
            try {
                async.complete();
            } catch (IllegalStateException alreadyEnding) {
                // the container is ending the request itself
            }
        }
    }

    @Override
    public void whenEnded(Runnable whenEnded) {
        ended.add(whenEnded);
    }

    /** The container ended the request: waits for a write in progress, then nothing may use the response. */
    private void containerEnded() {
        io.lock();
        try {
            closed = true;
            over.set(true);
        } finally {
            io.unlock();
        }
        ended.run();
    }

    private final class EndListener implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            containerEnded();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            containerEnded();
        }

        @Override
        public void onError(AsyncEvent event) {
            containerEnded();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a stream is never re-dispatched
        }
    }
}
