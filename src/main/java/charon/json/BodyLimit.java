package charon.json;

import java.io.IOException;
import java.io.InputStream;

import charon.errors.BodyTooLarge;

/** The one limit on request bodies, for every endpoint: 64 KB of bytes, also for chunked bodies that announce no length. */
public final class BodyLimit {

    public static final int MAX_BYTES = 64 * 1024;
    public static final String REFUSAL = "Request body too large (limit 64 KB)";

    private BodyLimit() {
    }

    /** The whole body, or {@link BodyTooLarge} as soon as it passes the limit (the rest is not read). */
    public static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new BodyTooLarge(REFUSAL);
        }
        return body;
    }
}
