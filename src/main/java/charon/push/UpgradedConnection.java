package charon.push;

import jakarta.servlet.http.WebConnection;

import java.io.IOException;

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
 * <p>The body is what an async response sends: HTTP/1.1 chunks (or raw bytes until the close, if the head said so),
 * and a last chunk when the stream ends. Writes block, on the push layer's writer threads, for at most
 * {@link BeforeHandOver#WRITE_TIMEOUT_MS} (Tomcat leaves an upgraded connection without timeouts). A display that closes its end is
 * noticed at once (its socket becomes readable), not at the next write.
 *
 * <p>Who touches the socket: writes and the last chunk hold {@code io} ({@link GuardedConnection}). The socket itself
 * is closed by Tomcat, on its own thread and under its own lock (Charon asks with a {@code DISCONNECT} event, which
 * Tomcat answers by closing the connection and calling {@link #destroy()}), so a close never races a read; and it is
 * only asked for, or answered from {@link #upgradeDispatch}, once no write is in progress, because Tomcat recycles
 * the socket's channel for other connections.
 */
public final class UpgradedConnection extends HandedOverConnection implements InternalHttpUpgradeHandler {

    /** Set by Tomcat before {@link #init}. */
    private volatile SocketWrapperBase<?> socket;
    /** A non-blocking write left bytes in Tomcat's buffers (guarded by io). */
    private boolean unflushed;

    /** Tomcat creates the handler (no arguments); {@link HandedOverConnection#upgrade} sets the framing right after. */
    public UpgradedConnection() {
    }

    @Override
    protected void writeHandedOver(byte[] bytes) throws IOException {
        if (unflushed) {
            flushBlocking();
        }
        writeBlocking(bytes);
        socket.flush(true);
    }

    /**
     * Into the socket without waiting: Tomcat keeps what the socket does not take at once, in order, until
     * {@link #flushBlocking()} (every blocking write flushes it first, so nothing overtakes it).
     */
    @Override
    protected DirectWrite writeNonBlocking(EncodedSseEvent event) throws IOException {
        if (!beforeHandOver.handedOver() || unflushed) {
            return DirectWrite.QUEUE;
        }
        byte[] bytes = bytes(event);
        socket.write(false, bytes, 0, bytes.length);
        if (socket.flush(false)) {
            unflushed = true;
            return DirectWrite.FLUSH;
        }
        return DirectWrite.DONE;
    }

    @Override
    protected void flushBlocking() throws IOException {
        socket.flush(true);
        unflushed = false;
    }

    private void writeBlocking(byte[] bytes) throws IOException {
        socket.write(true, bytes, 0, bytes.length);
    }

    /**
     * The last chunk if the socket takes it now: a display that stopped reading does not get it, and nothing waits for
     * it, not even at shutdown. Not handed over yet: init() sends what is pending, then ends the connection.
     */
    @Override
    protected void writeLastBytes() throws IOException {
        if (beforeHandOver.handedOver()) {
            if (chunked) {
                socket.write(false, BeforeHandOver.LAST_CHUNK, 0, BeforeHandOver.LAST_CHUNK.length);
            }
            socket.flush(false);
        }
    }

    /** Before the hand-over the dispatch that follows init() ends the connection. */
    @Override
    protected boolean canEnd() {
        return beforeHandOver.handedOver();
    }

    /**
     * Tomcat closes the socket on its own thread (it answers the DISCONNECT itself and calls destroy()). If that call
     * fails, the socket is closed here and the stream is forgotten at once.
     */
    @Override
    protected void end() {
        try {
            socket.processSocket(SocketEvent.DISCONNECT, true);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof LinkageError linkage) {
                platformFailed(linkage);
            }
            try {
                socket.close();
            } catch (RuntimeException | LinkageError alreadyBroken) {
                // nothing more can be done with this socket
            }
            runEnded();
        }
    }

    /** Tomcat's internal interface is not what Charon was built for: new streams take the portable path. */
    @Override
    protected void platformFailed(LinkageError error) {
        ConnectionKinds.SHARED.upgradeFailed(error);
    }

    // ---- Tomcat's side: called on its threads

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        socket = wrapper;
        try {
            // Tomcat leaves upgraded connections without timeouts; a blocked write must still end
            wrapper.setWriteTimeout(BeforeHandOver.WRITE_TIMEOUT_MS);
        } catch (RuntimeException | LinkageError e) {
            // no write may wait forever: this stream ends at the dispatch after init()
            closed = true;
            if (e instanceof LinkageError linkage) {
                platformFailed(linkage);
            }
        }
    }

    /**
     * The servlet has returned and Tomcat recycled the request: what was sent meanwhile goes out now. If that fails or
     * the stream already ended, the dispatch Tomcat makes right after this ends the connection.
     */
    @Override
    public void init(WebConnection connection) {
        io.lock();
        try {
            byte[] first = beforeHandOver.handOver();
            if (first.length > 0) {
                writeBlocking(first);
            }
            if (closed && chunked) {
                writeBlocking(BeforeHandOver.LAST_CHUNK);
            }
            socket.flush(true);
        } catch (IOException | RuntimeException e) {
            closed = true;
        } catch (LinkageError e) {
            closed = true;
            platformFailed(e);
        } finally {
            io.unlock();
        }
    }

    /**
     * The socket became readable (a display sends nothing after its request: this is its close), or an error, a
     * timeout or the connector stopping. Answering CLOSED makes Tomcat close the socket and call destroy(); it is only
     * answered once no write is in progress. (The DISCONNECT asked for above does not come here: Tomcat answers it
     * itself, with the same close.)
     */
    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (!closed && !isEnding()) {
            if (status == SocketEvent.OPEN_READ && stillOpen()) {
                return SocketState.UPGRADED;
            }
            if (status == SocketEvent.OPEN_WRITE) {
                return SocketState.UPGRADED;
            }
        }
        closed = true;
        if (isEnding()) {
            return SocketState.CLOSED;
        }
        // (at connector stop Tomcat can call this on the writer's own thread, from inside its blocked write)
        if (!io.isHeldByCurrentThread() && io.tryLock()) {
            markEnding();
            io.unlock();
            return SocketState.CLOSED;
        }
        // A write is in progress (one to a display that stopped reading can take up to the write timeout): this
        // thread does not wait for it; the writer asks for the close when it is done (see GuardedConnection).
        // SUSPENDED: no read interest again (a closed display's socket stays readable, which would spin).
        return SocketState.SUSPENDED;
    }

    /** Reads and drops whatever the display sent; false once it has closed its end. */
    private boolean stillOpen() {
        byte[] discard = new byte[256];
        try {
            int read;
            do {
                read = socket.read(false, discard, 0, discard.length);
            } while (read > 0);
            return read == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (LinkageError e) {
            platformFailed(e);
            return false;
        }
    }

    /** Tomcat released the connection (closed by either side): the push layer forgets the stream. */
    @Override
    public void destroy() {
        closed = true;
        markEnding();
        runEnded();
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
