package charon.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CharonConfigTest {

    private final CharonConfig config = new CharonConfig();

    @AfterEach
    void clear() {
        System.clearProperty("charon.home");
        System.clearProperty("charon.db");
        System.clearProperty("charon.keepalive.seconds");
        System.clearProperty("charon.max.streams.per.address");
    }

    @Test
    void databaseIsCharonDbInTheHomeFolder() {
        System.setProperty("charon.home", "/tmp/charon-home");
        assertEquals(Path.of("/tmp/charon-home/charon.db"), config.database());
    }

    @Test
    void anExplicitDatabaseFileWins() {
        System.setProperty("charon.home", "/tmp/charon-home");
        System.setProperty("charon.db", "/srv/game/other.sqlite3");
        assertEquals(Path.of("/srv/game/other.sqlite3"), config.database());
    }

    @Test
    void homeDefaultsToDotCharonWhenNothingIsSet() {
        // The build does not set CHARON_HOME; a developer's shell might.
        if (System.getenv("CHARON_HOME") == null) {
            System.setProperty("charon.home", " ");
            assertEquals(Path.of(System.getProperty("user.home"), ".charon"), config.home());
        }
    }

    @Test
    void keepaliveIsThirtySecondsUnlessConfigured() {
        if (System.getenv("CHARON_KEEPALIVE_SECONDS") == null) {
            assertEquals(Duration.ofSeconds(30), config.keepaliveInterval());
        }
        System.setProperty("charon.keepalive.seconds", "1.5");
        assertEquals(Duration.ofMillis(1500), config.keepaliveInterval());
        System.setProperty("charon.keepalive.seconds", "soon");
        assertThrows(IllegalArgumentException.class, config::keepaliveInterval);
    }

    @Test
    void streamsPerAddressAreThirtyTwoUnlessConfigured() {
        if (System.getenv("CHARON_MAX_STREAMS_PER_ADDRESS") == null) {
            assertEquals(32, config.maxStreamsPerAddress());
        }
        System.setProperty("charon.max.streams.per.address", "0");
        assertEquals(0, config.maxStreamsPerAddress(), "no limit");
        System.setProperty("charon.max.streams.per.address", "-1");
        assertThrows(IllegalArgumentException.class, config::maxStreamsPerAddress);
        System.setProperty("charon.max.streams.per.address", "many");
        assertThrows(IllegalArgumentException.class, config::maxStreamsPerAddress);
    }
}
