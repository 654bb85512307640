package charon.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How often one LAN device may ask CHARON: a burst of {@code burst} queries, then one per {@code every}
 * (a token bucket per address). A player types a query in seconds; a script sending hundreds a second is
 * answered 429 after its burst. In memory; stale addresses are swept so the map cannot grow without bound.
 */
final class SubmitRate {

    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final int burst;
    private final Duration every;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Tokens left at a moment; a full bucket is the same as no bucket. */
    private record Bucket(double tokens, Instant at) {
    }

    SubmitRate(Clock clock, int burst, Duration every) {
        this.clock = clock;
        this.burst = burst;
        this.every = every;
    }

    /** Takes one query from the address's allowance; empty if it may go on, else how long until it may. */
    synchronized Optional<Duration> take(String address) {
        Instant now = clock.instant();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> tokens(bucket, now) >= burst);
        }
        double tokens = buckets.containsKey(address) ? tokens(buckets.get(address), now) : burst;
        if (tokens < 1) {
            long millis = (long) Math.ceil((1 - tokens) * every.toMillis());
            return Optional.of(Duration.ofMillis(Math.max(1, millis)));
        }
        buckets.put(address, new Bucket(tokens - 1, now));
        return Optional.empty();
    }

    private double tokens(Bucket bucket, Instant now) {
        double refilled = (double) Duration.between(bucket.at(), now).toMillis() / every.toMillis();
        return Math.min(burst, bucket.tokens() + refilled);
    }
}
