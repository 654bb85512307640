package charon.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * username or one client address, further attempts are refused (without checking the password) until
 * the oldest of those failures leaves the window. A successful login clears its username's record.
 *
 * <p>The server's own machine (127.0.0.1, ::1) is counted apart: failures from the LAN do not block a
 * username there, and its failures do not block the username for the LAN. Otherwise anyone at the table
 * could lock the GM out of the console for 15 minutes with five wrong passwords; guesses from the LAN are
 * still limited per username, and guesses at the laptop per username on the laptop.
 * In memory only: a restart forgets it, which is fine for a laptop server.
 *
 * <p>A login counts from the moment it starts ({@link #begin}), as a failure until it succeeds: otherwise
 * guesses sent all at once would all be checked before the first of them was counted.
 */
public final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Above this many tracked keys, stale ones are swept so an attacker cannot grow the map forever. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** A started attempt, counted as a failure of its username and its address until it {@link #succeeded(Attempt) succeeds}. */
    public record Attempt(String username, String clientAddress, Instant at) {
    }

    /** What {@link #begin} decided: go on with the attempt, or wait. */
    public sealed interface Admission {
        record Admitted(Attempt attempt) implements Admission {
        }

        record Refused(Duration retryAfter) implements Admission {
        }
    }

    /** Counts the attempt at once, unless its username or address is already blocked (then nothing is counted). */
    public synchronized Admission begin(String username, String clientAddress) {
        Optional<Duration> wait = retryAfter(username, clientAddress);
        if (wait.isPresent()) {
            return new Admission.Refused(wait.get());
        }
        Instant now = clock.instant();
        record(username, clientAddress, now);
        return new Admission.Admitted(new Attempt(username, clientAddress, now));
    }

    /** A started attempt was the right password: its username's record is cleared, and the address no longer counts it. */
    public synchronized void succeeded(Attempt attempt) {
        failures.remove(userKey(attempt.username(), attempt.clientAddress()));
        Deque<Instant> address = failures.get(addressKey(attempt.clientAddress()));
        if (address != null) {
            address.removeFirstOccurrence(attempt.at());
        }
    }

    /** How long this attempt must wait, if either its username or its address is blocked. */
    public synchronized Optional<Duration> retryAfter(String username, String clientAddress) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(userKey(username, clientAddress), now), waitFor(addressKey(clientAddress), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public synchronized void failed(String username, String clientAddress) {
        record(username, clientAddress, clock.instant());
    }

    private void record(String username, String clientAddress, Instant now) {
        if (failures.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        failures.computeIfAbsent(userKey(username, clientAddress), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(addressKey(clientAddress), k -> new ArrayDeque<>()).addLast(now);
    }

    /** The address keeps its record: one right guess must not wipe a scan of many usernames. */
    public synchronized void succeeded(String username, String clientAddress) {
        failures.remove(userKey(username, clientAddress));
    }

    private Duration waitFor(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        prune(times, now);
        if (times.isEmpty()) {
            failures.remove(key);
            return Duration.ZERO;
        }
        if (times.size() < MAX_FAILURES) {
            return Duration.ZERO;
        }
        // Blocked until enough failures age out to fall below the limit.
        Instant freed = times.stream().skip(times.size() - MAX_FAILURES).findFirst().orElseThrow().plus(WINDOW);
        return Duration.between(now, freed);
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void sweep(Instant now) {
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            prune(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A username's record: one for the whole LAN, one for the server's own machine. */
    private static String userKey(String username, String clientAddress) {
        return (ClientAddresses.isServerMachine(clientAddress) ? "local-user:" : "user:") + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
