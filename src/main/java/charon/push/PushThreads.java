package charon.push;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The push layer's threads: the writers that drain the streams' queues, the closer, and one timer for the keepalive
 * and for making up for writers stuck on displays that stopped reading.
 */
final class PushThreads {

    static final int WRITER_THREADS = 32;
    /** Writer threads at most, the extra ones standing in for writers stuck on displays that stopped reading. */
    static final int MAX_WRITER_THREADS = 512;
    /** A write or close taking longer than this is stuck (a display that reads takes microseconds). */
    static final Duration STUCK_AFTER = Duration.ofMillis(100);

    /**
     * Writes to displays. A stream's events are written by one writer at a time; a display that stops reading
     * holds its writer until the write timeout, and the pool makes up for it with another thread.
     */
    final WriterPool writers = new WriterPool("charon-sse-writer", WRITER_THREADS, MAX_WRITER_THREADS, STUCK_AFTER);
    /** Closes ended streams, never on a broadcaster's thread (see QueuedBroadcaster's closer). */
    final WriterPool closer = new WriterPool("charon-sse-closer", 4, MAX_WRITER_THREADS, STUCK_AFTER);
    private ScheduledExecutorService timer;

    /** Starts the timer: {@code keepalive} every {@code interval}, and the check for stuck writers. */
    synchronized void start(Runnable keepalive, Duration interval) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "charon-sse-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(keepalive, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> {
            writers.replaceStuckThreads();
            closer.replaceStuckThreads();
        }, STUCK_AFTER.toMillis(), STUCK_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes to displays found stuck at the last check. */
    int stuckWrites() {
        return writers.stuck();
    }

    synchronized void shutdown() {
        writers.shutdownNow();
        closer.shutdownNow();
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
