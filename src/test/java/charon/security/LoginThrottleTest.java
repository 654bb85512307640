package charon.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T20:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.retryAfter(user, address).isEmpty(), "attempt " + (i + 1) + " allowed");
            throttle.failed(user, address);
        }
    }

    @Test
    void fiveFailuresForOneUsernameBlockItForFifteenMinutes() {
        fail("gm", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(1));
        fail("gm", "10.0.0.2", 1);
        assertEquals(Optional.of(Duration.ofMinutes(14)), throttle.retryAfter("gm", "10.0.0.3"), "any address, same user");
        assertEquals(Optional.of(Duration.ofMinutes(14)), throttle.retryAfter("GM", "10.0.0.3"), "case does not dodge it");
        assertTrue(throttle.retryAfter("ripley", "10.0.0.3").isEmpty(), "other users are not affected");

        clock.advance(Duration.ofMinutes(14).minusSeconds(1));
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.retryAfter("gm", "10.0.0.3"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.retryAfter("gm", "10.0.0.3").isEmpty(), "free once the first failures leave the window");
        fail("gm", "10.0.0.3", 3);
        assertTrue(throttle.retryAfter("gm", "10.0.0.4").isEmpty(), "four in the window: the one from minute 1 and three now");
        throttle.failed("gm", "10.0.0.3");
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.retryAfter("gm", "10.0.0.4"),
                "blocked until the failure from minute 1 leaves the window");
    }

    @Test
    void fiveFailuresFromOneAddressBlockEveryUsernameFromIt() {
        fail("a", "10.0.0.9", 1);
        fail("b", "10.0.0.9", 1);
        fail("c", "10.0.0.9", 1);
        fail("d", "10.0.0.9", 1);
        fail("e", "10.0.0.9", 1);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.retryAfter("gm", "10.0.0.9"));
        assertTrue(throttle.retryAfter("gm", "10.0.0.10").isEmpty());
        throttle.succeeded("gm", "10.0.0.9");
        assertTrue(throttle.retryAfter("gm", "10.0.0.9").isPresent(), "a success does not clear the address");
        clock.advance(Duration.ofMinutes(15));
        assertTrue(throttle.retryAfter("gm", "10.0.0.9").isEmpty());
    }

    @Test
    void successResetsTheUsernameCounter() {
        fail("ripley", "10.0.0.1", 4);
        throttle.succeeded("ripley", "10.0.0.1");
        fail("ripley", "10.0.0.2", 4);
        assertTrue(throttle.retryAfter("ripley", "10.0.0.3").isEmpty(), "only four since the success");
        throttle.failed("ripley", "10.0.0.3");
        assertTrue(throttle.retryAfter("ripley", "10.0.0.3").isPresent());
    }

    @Test
    void theLanCannotLockAUsernameOutOfTheServersOwnMachine() {
        fail("gm", "192.168.1.23", 5);
        assertTrue(throttle.retryAfter("gm", "192.168.1.40").isPresent(), "blocked for the whole LAN");
        assertTrue(throttle.retryAfter("gm", "127.0.0.1").isEmpty(), "not at the laptop");
        assertTrue(throttle.retryAfter("gm", "0:0:0:0:0:0:0:1").isEmpty(), "nor over IPv6 loopback");

        fail("gm", "127.0.0.1", 5);
        assertTrue(throttle.retryAfter("gm", "127.0.0.1").isPresent(), "guessing at the laptop is limited too");
        assertTrue(throttle.retryAfter("ripley", "127.0.0.1").isPresent(), "and blocks the laptop's address");
        clock.advance(LoginThrottle.WINDOW);
        fail("gm", "::1", 4);
        assertTrue(throttle.retryAfter("gm", "192.168.1.40").isEmpty(), "the laptop's failures do not block the LAN");
        throttle.succeeded("gm", "::1");
        fail("gm", "127.0.0.1", 1);
        assertTrue(throttle.retryAfter("gm", "127.0.0.1").isEmpty(), "a success at the laptop cleared the username's four failures there");
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("hicks", "10.0.0.1", 4);
        clock.advance(Duration.ofMinutes(16));
        fail("hicks", "10.0.0.1", 4);
        assertTrue(throttle.retryAfter("hicks", "10.0.0.1").isEmpty());
    }

    @Test
    void anAttemptCountsFromItsStartSoABurstIsCutAtFive() {
        int admitted = 0;
        for (int i = 0; i < 49; i++) {
            if (throttle.begin("gm", "10.0.0." + (i % 3)) instanceof LoginThrottle.Admission.Admitted) {
                admitted++;
            }
        }
        assertEquals(5, admitted, "none of the five had ended when the others began");
        LoginThrottle.Admission refused = throttle.begin("gm", "10.0.0.7");
        assertEquals(new LoginThrottle.Admission.Refused(LoginThrottle.WINDOW), refused, "the right password too");
    }

    @Test
    void aSuccessfulAttemptIsUncountedForItsAddressAndClearsItsUsername() {
        for (int i = 0; i < 4; i++) {
            LoginThrottle.Admission admission = throttle.begin("user" + i, "10.0.0.5");
            throttle.succeeded(((LoginThrottle.Admission.Admitted) admission).attempt());
        }
        fail("other", "10.0.0.5", 4);
        LoginThrottle.Admission fifth = throttle.begin("ripley", "10.0.0.5");
        assertTrue(fifth instanceof LoginThrottle.Admission.Admitted, "four successes did not count against the address");
        throttle.succeeded(((LoginThrottle.Admission.Admitted) fifth).attempt());
        throttle.failed("other", "10.0.0.5");
        assertTrue(throttle.retryAfter("anyone", "10.0.0.5").isPresent(), "five failures block the address");
    }
}
