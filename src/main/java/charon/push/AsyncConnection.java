package charon.push;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * A display's stream as an asynchronous servlet response: any Servlet 6 container (Payara). The container frames the
 * body and applies its own write timeout; the request and its buffers stay allocated while the display is open.
 *
 * <p>Once the container has ended the request (completion, error, timeout) nothing touches the response again: it
 * is recycled for other connections, so the container's end waits for a write in progress (a close does not).
 */
final class AsyncConnection extends GuardedConnection {

    private final AsyncContext async;
    private final ServletOutputStream out;

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
    protected void write(EncodedSseEvent event) throws IOException {
        out.write(event.wire());
        out.flush();
    }

    @Override
    protected void end() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyEnding) {
            // the container is ending the request itself
        }
    }

    /** The container ended the request: waits for a write in progress, then nothing may use the response. */
    private void containerEnded() {
        io.lock();
        try {
            closed = true;
            markEnding();
        } finally {
            io.unlock();
        }
        runEnded();
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
