package charon.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What an upgraded display connection is sent before the container hands it over (normally the first event alone,
 * until the servlet returns), bounded; taken once at the hand-over. Shared by both upgrade paths; guarded by the
 * connection's io lock, except {@link #handedOver()}.
 */
final class BeforeHandOver {

    /** How long a display may stop reading during one write: the connectionTimeout of server.xml, repeated here. */
    static final int WRITE_TIMEOUT_MS = 20_000;
    /** The end of a chunked body. */
    static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_PENDING = 1 << 20;

    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile boolean handedOver;

    boolean handedOver() {
        return handedOver;
    }

    void keep(byte[] bytes) throws IOException {
        if (pending.size() > MAX_PENDING) {
            throw new IOException("connection not handed over after " + pending.size() + " bytes");
        }
        pending.writeBytes(bytes);
    }

    /** The bytes kept so far; from now on the connection writes to the socket. */
    byte[] handOver() {
        byte[] first = pending.toByteArray();
        pending = null;
        handedOver = true;
        return first;
    }
}
