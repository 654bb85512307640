package charon.push;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Eventually;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriterPoolTest {

    /** Every blocking call counts as stuck at once, so the tests need no waiting for a threshold. */
    private final WriterPool pool = new WriterPool("test-writer", 2, 3, Duration.ZERO);
    private final CountDownLatch socketsDrain = new CountDownLatch(1);

    @AfterEach
    void shutdown() {
        socketsDrain.countDown();
        pool.shutdownNow();
    }

    /** A write that blocks, as one to a display that stopped reading does, until the test lets it go. */
    private CountDownLatch stalledWrite() {
        CountDownLatch writing = new CountDownLatch(1);
        pool.execute(() -> WriterPool.blocking(() -> {
            writing.countDown();
            try {
                return socketsDrain.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        return writing;
    }

    private static boolean ran(CountDownLatch latch) throws InterruptedException {
        return latch.await(10, TimeUnit.SECONDS);
    }

    @Test
    void threadsStuckInAWriteAreMadeUpForUpToTheLimit() throws Exception {
        assertTrue(ran(stalledWrite()));
        assertTrue(ran(stalledWrite()));
        CountDownLatch otherDisplay = new CountDownLatch(1);
        pool.execute(otherDisplay::countDown);
        assertFalse(otherDisplay.await(50, TimeUnit.MILLISECONDS), "both threads are stuck: the write waits");

        pool.replaceStuckThreads();
        assertEquals(2, pool.stuck());
        assertTrue(ran(otherDisplay), "an extra thread wrote to the display that reads");

        assertTrue(ran(stalledWrite()), "the extra thread is free again");
        pool.replaceStuckThreads();
        assertEquals(3, pool.stuck());
        assertEquals(3, pool.size(), "never more than the limit");
    }

    @Test
    void theExtraThreadsEndOnceTheStuckWritesAreOver() throws Exception {
        assertTrue(ran(stalledWrite()));
        assertTrue(ran(stalledWrite()));
        pool.replaceStuckThreads();
        CountDownLatch extra = new CountDownLatch(1);
        pool.execute(extra::countDown);
        assertTrue(ran(extra));
        assertEquals(3, pool.size());

        socketsDrain.countDown();
        Eventually.awaitEquals("stuck writes after they returned", 0, Duration.ofSeconds(10), () -> {
            pool.replaceStuckThreads();
            return pool.stuck();
        });
        Eventually.awaitEquals("threads once idle", 2, Duration.ofSeconds(10), pool::size);
    }

    @Test
    void aCallOutsideThePoolIsOnlyRun() {
        assertEquals("written", WriterPool.blocking(() -> "written"));
        pool.replaceStuckThreads();
        assertEquals(0, pool.stuck());
    }
}
