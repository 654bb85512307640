package charon.errors;

import java.time.Duration;

/** The sender is over a rate: answered 429 with {@code Retry-After} in whole seconds. */
public final class TooManyRequests extends Refusal {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
