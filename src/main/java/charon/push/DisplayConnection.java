package charon.push;

import jakarta.ws.rs.sse.SseEventSink;

/**
 * One display's open stream, as the push layer writes to it: a JAX-RS {@link SseEventSink} whose {@code send}
 * writes before it returns (a failed write comes back as a failed stage) and whose {@code close} ends the
 * connection, and which tells when the container ended it (the display went away, an error, shutdown).
 */
interface DisplayConnection extends SseEventSink {

    /** Runs {@code whenEnded} once the connection is gone, whoever ended it; at once if it already is. */
    void whenEnded(Runnable whenEnded);
}
