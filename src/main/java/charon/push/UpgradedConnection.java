package charon.push;

import jakarta.servlet.http.WebConnection;
import jakarta.ws.rs.sse.OutboundSseEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * A display's stream on a Tomcat connection taken over from its request once the 200 head is sent (Servlet HTTP
 * upgrade, through the interface Tomcat's own WebSocket uses). An async request would keep its request and response
 * objects and their buffers, about 70 KiB, for as long as the display stays open; here Tomcat recycles them at once,
 * and what stays per display is the socket, its two small buffers and this object.
 *
 * <p>The body is what an async response sends: HTTP/1.1 chunks (HTTP/1.0: raw bytes until the close), and a last
 * chunk when the stream ends. Writes block, on the push layer's writer threads, for at most {@link #WRITE_TIMEOUT_MS}
 * (Tomcat leaves an upgraded connection without timeouts). A display that closes its end is noticed at once
 * (the socket becomes readable), not at the next write.
 *
 * <p>Every use of the socket and every close happens under {@code io}; once {@code closed} is set nothing touches the
 * socket again (Tomcat recycles its channel for other connections).
 */
public final class UpgradedConnection implements DisplayConnection, InternalHttpUpgradeHandler {

    /** Same as the connector's connectionTimeout in server.xml: how long a display may stop reading during one write. */
    static final int WRITE_TIMEOUT_MS = 20_000;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Object io = new Object();
    private final Ended ended = new Ended();
    /** Set by Tomcat once the servlet has returned; guarded by io. */
    private SocketWrapperBase<?> socket;
    /** What was sent before Tomcat handed over the socket (the first event); guarded by io. */
    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** close() before the socket was handed over: it ends after the pending bytes. Guarded by io. */
    private boolean closeWhenOpened;
    private volatile boolean chunked = true;
    private volatile boolean closed;

    /** Tomcat creates the handler (no arguments); the stream resource sets the framing right after. */
    public UpgradedConnection() {
    }

    void chunked(boolean chunked) {
        this.chunked = chunked;
    }

    @Override
    public CompletionStage<?> send(OutboundSseEvent event) {
        byte[] wire = EncodedSseEvent.of(event).wire();
        synchronized (io) {
            if (closed || closeWhenOpened) {
                return CompletableFuture.failedFuture(new IllegalStateException("stream closed"));
            }
            try {
                if (socket == null) {
                    frame(wire, pending::writeBytes);
                } else {
                    frame(wire, this::write);
                    socket.flush(true);
                }
                return CompletableFuture.completedFuture(null);
            } catch (IOException | RuntimeException e) {
                closeSocket();
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    private interface Output {
        void write(byte[] bytes) throws IOException;
    }

    private void frame(byte[] wire, Output out) throws IOException {
        if (!chunked) {
            out.write(wire);
            return;
        }
        out.write((Integer.toHexString(wire.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(wire);
        out.write(CRLF);
    }

    private void write(byte[] bytes) throws IOException {
        socket.write(true, bytes, 0, bytes.length);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Ends the stream: the last chunk (a display that does not read can hold this for the write timeout), then the socket. */
    @Override
    public void close() {
        synchronized (io) {
            if (closed) {
                return;
            }
            if (socket == null) {
                closeWhenOpened = true;
                return;
            }
            try {
                if (chunked) {
                    write(LAST_CHUNK);
                }
                socket.flush(true);
            } catch (IOException | RuntimeException alreadyBroken) {
                // the socket closes all the same
            }
            closeSocket();
        }
    }

    /** Under io. Tomcat's close of the socket calls destroy(), which tells the push layer. */
    private void closeSocket() {
        closed = true;
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public void whenEnded(Runnable whenEnded) {
        ended.add(whenEnded);
    }

    // ---- Tomcat's side: called on its threads

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        synchronized (io) {
            socket = wrapper;
            // Tomcat leaves upgraded connections without timeouts; a blocked write must still end
            wrapper.setWriteTimeout(WRITE_TIMEOUT_MS);
        }
    }

    /** The servlet has returned and Tomcat recycled the request: what was sent meanwhile goes out now. */
    @Override
    public void init(WebConnection connection) {
        synchronized (io) {
            byte[] first = pending.toByteArray();
            pending = null;
            try {
                if (first.length > 0) {
                    write(first);
                }
                if (closeWhenOpened && chunked) {
                    write(LAST_CHUNK);
                }
                socket.flush(true);
            } catch (IOException | RuntimeException e) {
                // the display is gone; the dispatch that follows ends the connection
                closed = true;
            }
            if (closeWhenOpened) {
                // not socket.close() here: Tomcat is still setting up the connection; the next dispatch closes it
                closed = true;
            }
        }
    }

    /**
     * The socket became readable (a display sends nothing after its request: this is its close), or an error,
     * a timeout or the connector stopping. Answering CLOSED makes Tomcat close the socket and call destroy().
     */
    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (status == SocketEvent.OPEN_READ && !closed && stillOpen()) {
            return SocketState.UPGRADED;
        }
        if (status == SocketEvent.OPEN_WRITE && !closed) {
            return SocketState.UPGRADED;
        }
        synchronized (io) {
            closed = true;
        }
        return SocketState.CLOSED;
    }

    /** Reads and drops whatever the display sent; false once it has closed its end. */
    private boolean stillOpen() {
        // not under io: a write blocked on this display must not hold up Tomcat's thread (reads and writes are independent)
        byte[] discard = new byte[256];
        try {
            int read;
            do {
                read = socket.read(false, discard, 0, discard.length);
            } while (read > 0);
            return read == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Tomcat released the connection (closed by either side): the push layer forgets the stream. */
    @Override
    public void destroy() {
        synchronized (io) {
            closed = true;
        }
        ended.run();
    }

    @Override
    public void timeoutAsync(long now) {
        // the write timeout is the socket's own (set above); nothing to time out between writes
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // plain HTTP on the LAN
    }

    @Override
    public void pause() {
        // the application closes every stream when it stops
    }
}
