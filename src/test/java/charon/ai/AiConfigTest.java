package charon.ai;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AI settings: read like every other setting, defaults per provider, clear errors, and a key that never prints. */
class AiConfigTest {

    @AfterEach
    void clear() {
        for (String p : new String[]{"charon.ai.provider", "charon.ai.base.url", "charon.ai.model", "charon.ai.api.key",
                "charon.ai.timeout.seconds", "charon.ai.daily.token.cap"}) {
            System.clearProperty(p);
        }
    }

    @Test
    void offUnlessAProviderIsNamed() {
        assertFalse(new AiConfig().current().enabled());
        System.setProperty("charon.ai.provider", "  ");
        assertFalse(new AiConfig().current().enabled());
    }

    @Test
    void defaultsPerProvider() {
        System.setProperty("charon.ai.provider", "Ollama");
        AiSettings ollama = new AiConfig().current();
        assertEquals(AiProvider.OLLAMA, ollama.provider().orElseThrow());
        assertEquals("http://127.0.0.1:11434/", ollama.baseUrl());
        assertEquals("llama3.2", ollama.model());
        assertEquals(Duration.ofSeconds(60), ollama.timeout());
        assertEquals(200_000, ollama.dailyTokenCap());
        System.setProperty("charon.ai.provider", "anthropic");
        assertEquals("https://api.anthropic.com/v1/", new AiConfig().current().baseUrl());
    }

    @Test
    void badValuesNameTheSetting() {
        System.setProperty("charon.ai.provider", "gemini");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AiConfig().current()).getMessage().startsWith("charon.ai.provider must be"));
        System.setProperty("charon.ai.provider", "openai");
        System.setProperty("charon.ai.timeout.seconds", "soon");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AiConfig().current()).getMessage().startsWith("charon.ai.timeout.seconds must be"));
        System.clearProperty("charon.ai.timeout.seconds");
        System.setProperty("charon.ai.base.url", "file:///etc/passwd");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AiConfig().current()).getMessage().startsWith("charon.ai.base.url must be"));
    }

    @Test
    void theKeyNeverPrints() {
        System.setProperty("charon.ai.provider", "openai");
        System.setProperty("charon.ai.api.key", "sk-never-PRINTED");
        AiSettings settings = new AiConfig().current();
        assertTrue(settings.hasKey());
        assertFalse(settings.toString().contains("sk-never-PRINTED"), settings.toString());
        assertFalse(settings.describe().contains("sk-never-PRINTED"));
        assertEquals("openai said *** is bad", FaultReasons.line("openai said sk-never-PRINTED is bad", settings));
    }
}
