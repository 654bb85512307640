package charon.chat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmitRateTest {

    private Instant now = Instant.parse("2026-01-01T20:00:00Z");
    private final Clock clock = new Clock() {
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
    };
    private final SubmitRate rate = new SubmitRate(clock, 5, Duration.ofSeconds(2));

    @Test
    void aBurstThenOneEveryTwoSecondsPerDevice() {
        for (int i = 0; i < 5; i++) {
            assertTrue(rate.take("10.0.0.1").isEmpty(), "query " + (i + 1) + " of the burst");
        }
        assertEquals(Optional.of(Duration.ofSeconds(2)), rate.take("10.0.0.1"));
        assertTrue(rate.take("10.0.0.2").isEmpty(), "another device has its own allowance");
        now = now.plusMillis(1500);
        assertEquals(Optional.of(Duration.ofMillis(500)), rate.take("10.0.0.1"), "a refused query takes nothing");
        now = now.plusMillis(500);
        assertTrue(rate.take("10.0.0.1").isEmpty());
        assertTrue(rate.take("10.0.0.1").isPresent());
        now = now.plusSeconds(60);
        for (int i = 0; i < 5; i++) {
            assertTrue(rate.take("10.0.0.1").isEmpty(), "a quiet minute refills the burst, no more");
        }
        assertTrue(rate.take("10.0.0.1").isPresent());
    }
}
