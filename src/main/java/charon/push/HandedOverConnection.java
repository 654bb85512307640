package charon.push;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;

import java.io.IOException;

/**
 * What both upgrade paths share: the body's framing (chunks, or raw bytes if the head said so) and the first event,
 * kept until the container hands the connection over; each path says how it writes once it has the connection.
 */
abstract class HandedOverConnection extends GuardedConnection {

    /** What is sent before the container hands the connection over (the first event). */
    protected final BeforeHandOver beforeHandOver = new BeforeHandOver();
    protected volatile boolean chunked = true;

    /**
     * Upgrades the request to a connection of this type, framed as the head sent before says: chunks for HTTP/1.1, raw
     * bytes until the close otherwise.
     */
    static <T extends HandedOverConnection & HttpUpgradeHandler> T upgrade(HttpServletRequest request, HttpServletResponse response,
                                                                         Class<T> type) throws IOException, jakarta.servlet.ServletException {
        boolean chunked = "chunked".equalsIgnoreCase(response.getHeader("Transfer-Encoding"));
        T connection = request.upgrade(type);
        connection.chunked = chunked;
        return connection;
    }

    /** The event as this connection's body frames it. */
    protected final byte[] bytes(EncodedSseEvent event) {
        return chunked ? event.chunk() : event.wire();
    }

    @Override
    protected final void write(EncodedSseEvent event) throws IOException {
        byte[] bytes = bytes(event);
        if (!beforeHandOver.handedOver()) {
            beforeHandOver.keep(bytes);
            return;
        }
        writeHandedOver(bytes);
    }

    /** A blocking write once the connection is this handler's (io held). */
    protected abstract void writeHandedOver(byte[] bytes) throws IOException;
}
