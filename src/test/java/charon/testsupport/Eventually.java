package charon.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition the server reaches asynchronously, checking often, failing at a deadline. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    public static <T> void awaitEquals(String what, T expected, Duration timeout, Supplier<T> actual) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last;
        while (!expected.equals(last = actual.get())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": expected " + expected + " within " + timeout + " but was " + last);
            }
            Thread.sleep(20);
        }
    }
}
