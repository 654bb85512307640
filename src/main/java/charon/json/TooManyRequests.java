package charon.json;

import java.time.Duration;

/** A request refused because its sender is over a rate: 429 with {@code Retry-After}, whole seconds. */
public class TooManyRequests extends RequestRejected {

    private final long retryAfterSeconds;

    public TooManyRequests(String message, Duration retryAfter) {
        super(429, message);
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
