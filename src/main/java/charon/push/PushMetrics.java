package charon.push;

import java.util.concurrent.atomic.AtomicLong;

/** The push layer's counters, for {@code GET /api/health} and {@code GET /api/gm/diagnostics}. */
final class PushMetrics {

    /** Events queued for displays, every kind. */
    final AtomicLong eventsSent = new AtomicLong();
    /** Of those, state changes sent as a patch ({@code activeview-patch}). */
    final AtomicLong patchesSent = new AtomicLong();
    /** Streams that went away (or were dropped for falling behind) while still registered. */
    final AtomicLong dropped = new AtomicLong();
    /** Streams whose first event could not be written (see DisplayStreams.join). */
    final AtomicLong closedAtFirstEvent = new AtomicLong();
    /** Streams ended because their address opened more than it may hold. */
    final AtomicLong endedOverDeviceLimit = new AtomicLong();
}
