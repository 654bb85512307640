package charon.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Start-up settings. Each one is read from a system property first (so a test or a
 * {@code -D} flag wins), then from the environment, then falls back to a default.
 */
@ApplicationScoped
public class CharonConfig {

    static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(30);
    /** A table has a few devices with one or two screens each; a device holding more is doing it on purpose. */
    static final int DEFAULT_MAX_STREAMS_PER_ADDRESS = 32;

    /** The data folder: {@code -Dcharon.home}, {@code CHARON_HOME}, else {@code ~/.charon}. */
    public Path home() {
        return setting("charon.home", "CHARON_HOME")
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".charon"))
                .toAbsolutePath();
    }

    /** The SQLite file: {@code -Dcharon.db}, {@code CHARON_DB}, else {@code charon.db} in {@link #home()}. */
    public Path database() {
        return setting("charon.db", "CHARON_DB")
                .map(Path::of)
                .map(Path::toAbsolutePath)
                .orElseGet(() -> home().resolve("charon.db"));
    }

    /** A GM's campaign directory, if one is configured; otherwise the bundled demo campaign is used. */
    public Optional<Path> campaignDirectory() {
        return setting("charon.campaign", "CHARON_CAMPAIGN").map(Path::of).map(Path::toAbsolutePath);
    }

    /** How often an idle SSE stream gets a keepalive (seconds; fractions allowed for tests). */
    public Duration keepaliveInterval() {
        return setting("charon.keepalive.seconds", "CHARON_KEEPALIVE_SECONDS")
                .map(CharonConfig::parseSeconds)
                .orElse(DEFAULT_KEEPALIVE);
    }

    static Duration parseSeconds(String text) {
        double seconds;
        try {
            seconds = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("charon.keepalive.seconds must be a number of seconds, got '" + text + "'");
        }
        if (!(seconds >= 0.05 && seconds <= 3600)) {
            throw new IllegalArgumentException("charon.keepalive.seconds must be between 0.05 and 3600, got " + text);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /**
     * How many display streams one LAN address may keep open at once (0 = no limit). The server's own machine is
     * not limited (the benchmark, and a GM's reverse proxy if any, connect from it).
     */
    public int maxStreamsPerAddress() {
        return setting("charon.max.streams.per.address", "CHARON_MAX_STREAMS_PER_ADDRESS")
                .map(CharonConfig::parseStreamLimit)
                .orElse(DEFAULT_MAX_STREAMS_PER_ADDRESS);
    }

    static int parseStreamLimit(String text) {
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("charon.max.streams.per.address must be a whole number, 0 for no limit, got '" + text + "'");
    }

    /**
     * How long a login lasts without being used (minutes; fractions allowed for tests): {@code -Dcharon.session.idle.minutes},
     * {@code CHARON_SESSION_IDLE_MINUTES}, else 12 hours (a long game night).
     */
    public Duration sessionIdle() {
        return setting("charon.session.idle.minutes", "CHARON_SESSION_IDLE_MINUTES")
                .map(CharonConfig::parseIdleMinutes)
                .orElse(DEFAULT_SESSION_IDLE);
    }

    static final Duration DEFAULT_SESSION_IDLE = Duration.ofHours(12);

    static Duration parseIdleMinutes(String text) {
        try {
            double minutes = Double.parseDouble(text.trim());
            if (minutes >= 0.01 && minutes <= 60 * 24 * 90) {
                return Duration.ofMillis(Math.round(minutes * 60_000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("charon.session.idle.minutes must be a number of minutes between 0.01 and 129600, got '" + text + "'");
    }

    /** Blank values count as unset, so an empty {@code -D} or environment variable falls through. */
    public static Optional<String> setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
