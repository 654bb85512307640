package charon.push;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Threads for the blocking writes (and the closes) of display streams (a display connection writes
 * blocking). A display that stops reading (a tablet gone to sleep, or a LAN device doing it on purpose) keeps
 * the thread writing to it until the write timeout (20 s in Tomcat, the container's own elsewhere). With a fixed pool, as many such displays as threads
 * would stop every other display for that long; so each thread found inside one write or close for longer than
 * {@code stuckAfter} is made up for by one more thread, up to {@code maxThreads}, and the extra threads end
 * when they are no longer needed. A write to a display that reads takes microseconds and never counts.
 */
final class WriterPool implements Executor {

    private static final long IDLE = Long.MIN_VALUE;

    private final int threads;
    private final int maxThreads;
    private final long stuckAfterNanos;
    private final ThreadPoolExecutor executor;
    private final Set<Writer> live = ConcurrentHashMap.newKeySet();
    private volatile int stuck;

    WriterPool(String name, int threads, int maxThreads, Duration stuckAfter) {
        this.threads = threads;
        this.maxThreads = maxThreads;
        this.stuckAfterNanos = stuckAfter.toNanos();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> new Writer(name, task));
    }

    /** One of the pool's threads; knows since when it has been inside a blocking call, if it is. */
    private final class Writer extends Thread {
        private volatile long busySince = IDLE;

        Writer(String name, Runnable task) {
            super(task, name);
            setDaemon(true);
        }

        @Override
        public void run() {
            live.add(this);
            try {
                super.run();
            } finally {
                live.remove(this);
            }
        }
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Runs a blocking write or close; on a pool thread, the thread counts as busy with it meanwhile. */
    static <T> T blocking(Supplier<T> io) {
        if (!(Thread.currentThread() instanceof WriterPool.Writer writer)) {
            return io.get();
        }
        writer.busySince = System.nanoTime();
        try {
            return io.get();
        } finally {
            writer.busySince = IDLE;
        }
    }

    /**
     * Counts the threads stuck in one write or close and sizes the pool to {@code threads} free ones (at most
     * {@code maxThreads} in all). Called periodically; the extra threads end once idle after it shrinks.
     */
    synchronized void replaceStuckThreads() {
        long now = System.nanoTime();
        int count = 0;
        for (Writer writer : live) {
            long since = writer.busySince;
            if (since != IDLE && now - since >= stuckAfterNanos) {
                count++;
            }
        }
        stuck = count;
        int target = Math.min(maxThreads, threads + count);
        int current = executor.getCorePoolSize();
        if (target > current) {
            executor.setMaximumPoolSize(target);
            executor.setCorePoolSize(target);
        } else if (target < current) {
            executor.setCorePoolSize(target);
            executor.setMaximumPoolSize(target);
        }
    }

    /** Threads found stuck in a write or close at the last check: displays that stopped reading. */
    int stuck() {
        return stuck;
    }

    /** Threads of the pool right now. */
    int size() {
        return executor.getPoolSize();
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
