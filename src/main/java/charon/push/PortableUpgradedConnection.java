package charon.push;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A display's stream on a connection taken over from its request through the public Servlet API only
 * ({@code HttpServletRequest.upgrade} with an {@link HttpUpgradeHandler}): the portable counterpart of
 * {@link UpgradedConnection}, selected with {@code -Dcharon.push.connection=portable} to measure it against that one
 * (docs/performance.md, "The portable upgrade"). Same wire bytes: HTTP/1.1 chunks (or raw bytes if the head said so),
 * the last chunk at the end.
 *
 * <p>Writes are non-blocking ({@link WriteListener}): the fanning thread writes while {@code isReady()}, the container
 * keeps what the socket did not take, and a writer thread that must wait for it waits for {@code onWritePossible}, for
 * at most {@link BeforeHandOver#WRITE_TIMEOUT_MS} (the container leaves upgraded connections without timeouts). A display that closes
 * its end is seen by the {@link ReadListener} (end of input, or an error).
 *
 * <p>Limit of the public API: the container closes the socket only during one of its own dispatches once both streams
 * are closed. A display that closes its end gets it at once; one that the server ends (its stream ends, or it stopped
 * reading) is forgotten by the push layer at once, but its socket closes when the display next closes or sends.
 */
public final class PortableUpgradedConnection extends HandedOverConnection implements HttpUpgradeHandler {

    private volatile WebConnection connection;
    private volatile ServletOutputStream out;
    /** Notified by onWritePossible (and when the display goes away): a writer waiting for the socket. */
    private final Object writable = new Object();

    /** The container creates the handler (no arguments); {@link HandedOverConnection#upgrade} sets the framing right after. */
    public PortableUpgradedConnection() {
    }

    @Override
    protected void writeHandedOver(byte[] bytes) throws IOException {
        awaitWritable();
        writeAndFlush(bytes);
    }

    @Override
    protected DirectWrite writeNonBlocking(EncodedSseEvent event) throws IOException {
        if (!beforeHandOver.handedOver() || !out.isReady()) {
            return DirectWrite.QUEUE;
        }
        return writeAndFlush(bytes(event)) ? DirectWrite.DONE : DirectWrite.FLUSH;
    }

    /**
     * Into the container's buffer, then towards the socket without waiting; false if the socket did not take it all
     * (the container goes on flushing by itself, and calls onWritePossible when it is done).
     */
    private boolean writeAndFlush(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return out.isReady();
    }

    @Override
    protected void flushBlocking() throws IOException {
        awaitWritable();
    }

    /** Until the container has written out what it kept (onWritePossible), for at most the write timeout. */
    private void awaitWritable() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BeforeHandOver.WRITE_TIMEOUT_MS);
        synchronized (writable) {
            // isReady() false registers for onWritePossible, which needs this monitor to notify: no wake-up is lost
            while (!out.isReady()) {
                if (closed) {
                    throw new IOException("display went away");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("display did not read for " + BeforeHandOver.WRITE_TIMEOUT_MS + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(writable, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting to write", e);
                }
            }
        }
    }

    /** The last chunk if the socket takes it now (never waiting). */
    @Override
    protected void writeLastBytes() throws IOException {
        if (beforeHandOver.handedOver() && chunked && out.isReady()) {
            writeAndFlush(BeforeHandOver.LAST_CHUNK);
        }
    }

    @Override
    protected boolean canEnd() {
        return beforeHandOver.handedOver();
    }

    /** Closes both streams (the container closes the socket at its next dispatch) and forgets the stream. */
    @Override
    protected void end() {
        closeStreams();
        runEnded();
    }

    private void closeStreams() {
        try {
            connection.close();
        } catch (Exception alreadyBroken) {
            // the connection ends all the same
        }
    }

    // ---- the container's side, on its threads

    /**
     * The servlet has returned: reads and writes become non-blocking. Writes are possible once the container has made
     * its first call to onWritePossible (isReady() is false until then); that call sends what was kept meanwhile.
     */
    @Override
    public void init(WebConnection webConnection) {
        io.lock();
        try {
            connection = webConnection;
            out = webConnection.getOutputStream();
            ServletInputStream in = webConnection.getInputStream();
            in.setReadListener(new DisplayClose(in));
            out.setWriteListener(new Writable());
        } catch (IOException | RuntimeException e) {
            closed = true;
        } finally {
            io.unlock();
        }
        if (closed && !markEnding()) {
            closeStreams();
            runEnded();
        }
    }

    /** The first onWritePossible: the first event, kept until now, goes out. */
    private void handOver() {
        io.lock();
        try {
            if (beforeHandOver.handedOver()) {
                return;
            }
            byte[] first = beforeHandOver.handOver();
            if (first.length > 0) {
                writeAndFlush(first);
            }
            if (closed) {
                writeLastBytes();
            }
        } catch (IOException | RuntimeException e) {
            closed = true;
        } finally {
            io.unlock();
        }
        if (closed && !markEnding()) {
            end();
        }
    }

    /** The display closed its end (or its connection failed): nothing more is written, the streams close. */
    private void displayGone() {
        closed = true;
        synchronized (writable) {
            writable.notifyAll();
        }
        // a write in progress ends the connection itself when it is over (GuardedConnection)
        if (io.tryLock()) {
            try {
                if (!markEnding()) {
                    closeStreams();
                }
            } finally {
                io.unlock();
            }
            runEnded();
        }
    }

    /** The container released the connection. */
    @Override
    public void destroy() {
        closed = true;
        markEnding();
        runEnded();
    }

    private final class Writable implements WriteListener {
        @Override
        public void onWritePossible() {
            if (!beforeHandOver.handedOver()) {
                handOver();
            }
            synchronized (writable) {
                writable.notifyAll();
            }
        }

        @Override
        public void onError(Throwable t) {
            displayGone();
        }
    }

    /** A display sends nothing after its request: input means its close. */
    private final class DisplayClose implements ReadListener {
        private final ServletInputStream in;
        private final byte[] discard = new byte[256];

        DisplayClose(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady()) {
                if (in.read(discard) < 0) {
                    displayGone();
                    return;
                }
            }
        }

        /**
         * Not taken for the close: a container may call it at once for a request with no body (Payara). The close is
         * the end of input read above (Tomcat reads it there before it calls this) or an error.
         */
        @Override
        public void onAllDataRead() {
            // see above
        }

        @Override
        public void onError(Throwable t) {
            displayGone();
        }
    }
}
