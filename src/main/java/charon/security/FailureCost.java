package charon.security;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How many PBKDF2 rounds a failed login costs: the highest count of any stored hash, and at least the count
 * new hashes get. An unknown user (no hash: 0 rounds) and a user whose hash Django wrote with 260,000 rounds
 * are both padded up to it, so a database taken over from Django does not tell which usernames exist.
 * The stored counts are read once; a higher one met later raises the cost from then on.
 */
final class FailureCost {

    private final int floor;
    private final AtomicInteger highestStored = new AtomicInteger(-1);

    FailureCost(int floor) {
        this.floor = floor;
    }

    /** The rounds a failure costs, given the hash this attempt met (or null) and, at first use, every stored hash. */
    int iterations(String metHash, Supplier<Stream<String>> storedHashes) {
        if (highestStored.get() < 0) {
            int stored = storedHashes.get().mapToInt(PasswordHasher::iterationsOf).max().orElse(0);
            highestStored.accumulateAndGet(stored, Math::max);
        }
        return Math.max(floor, highestStored.accumulateAndGet(PasswordHasher.iterationsOf(metHash), Math::max));
    }
}
