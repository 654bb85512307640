package charon.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionIdleSettingTest {

    @Test
    void minutesWithFractionsAndClearRefusals() {
        assertEquals(Duration.ofHours(12), CharonConfig.DEFAULT_SESSION_IDLE);
        assertEquals(Duration.ofMinutes(90), CharonConfig.parseIdleMinutes(" 90 "));
        assertEquals(Duration.ofSeconds(15), CharonConfig.parseIdleMinutes("0.25"));
        for (String bad : new String[] {"0", "-5", "ten", "NaN", "200000"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CharonConfig.parseIdleMinutes(bad));
            assertTrue(e.getMessage().startsWith("charon.session.idle.minutes must be"), e.getMessage());
        }
    }
}
