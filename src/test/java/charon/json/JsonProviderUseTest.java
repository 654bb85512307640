package charon.json;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON-P's static factory ({@code jakarta.json.Json.createValue}, {@code createReader}, ...) looks its provider up
 * through the ServiceLoader on every call: in Tomcat a scan of the WAR's jars, which took a fifth of a GM write's
 * CPU in a profile (FreeForm building NPC cards). Main code goes through {@link Json#jsonP()}, looked up once.
 */
class JsonProviderUseTest {

    /** A call of the static factory, written with the class imported or fully qualified. */
    private static final Pattern STATIC_FACTORY = Pattern.compile("(?<![\\w.])(jakarta\\.json\\.)?Json\\.create\\w*\\(");

    @Test
    void mainCodeNeverCallsJsonPsStaticFactory() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(JsonProviderUseTest::callsStaticFactory)
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), offenders, "use charon.json.Json.jsonP() instead of jakarta.json.Json.createX");
    }

    @Test
    void thePatternFindsTheCallsItIsMeantToFind() {
        assertTrue(STATIC_FACTORY.matcher("return Json.createValue(s);").find());
        assertTrue(STATIC_FACTORY.matcher("try (var r = jakarta.json.Json.createReader(in)) {").find());
        assertTrue(!STATIC_FACTORY.matcher("charon.json.Json.jsonP().createReader(in)").find());
        assertTrue(!STATIC_FACTORY.matcher("JSON_P.createValue(s)").find());
    }

    private static boolean callsStaticFactory(Path file) {
        try {
            String source = Files.readString(file);
            // charon.json.Json has no create methods: a call of Json.createX is JSON-P's wherever it is written
            return STATIC_FACTORY.matcher(source).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
