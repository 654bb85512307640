package charon.deploy;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Payara build in a real Payara Micro (from Maven Central, on a JDK 21+), in its own process:
 * the first event, one GM write pushed to a stream, a message persisted. Runs with {@code -Ppayara}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PayaraSmokeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Process payara;
    private static URI api;
    private static Path home;

    @BeforeAll
    static void startPayaraMicro() throws Exception {
        String port = System.getProperty("charon.payara.port", "18680");
        home = Files.createTempDirectory("charon-payara-");
        Path log = home.resolve("payara.log");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("charon.payara.java"), "-jar",
                System.getProperty("charon.payara.jar"),
                "--deploy", System.getProperty("charon.payara.war"),
                "--contextroot", "charon", "--port", port, "--nocluster",
                "--rootdir", home.resolve("payara-root").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CHARON_HOME", home.toString());
        builder.environment().put("CHARON_GM_PASSWORD", "payara-pass-123");
        payara = builder.start();
        api = URI.create("http://127.0.0.1:" + port + "/charon/api/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!healthy()) {
            if (!payara.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Payara Micro did not serve Charon; its log:\n" + tail(log));
            }
            Thread.sleep(250);
        }
    }

    private static boolean healthy() {
        try {
            return Http.get(api.resolve("health")).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @AfterAll
    static void stopPayaraMicro() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void servesTheStreamPushesAGmWriteAndPersistsAMessage() throws Exception {
        try (SseClient display = SseClient.open(api.resolve("active-view/stream/"))) {
            SseClient.Event first = display.next("activeview", WAIT);
            assertEquals("STANDBY", JsonText.object(first.data()).getString("view_type"));

            Session gm = new Session(api);
            gm.login("gm", "payara-pass-123");
            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
            JsonObject pushed = JsonText.object(display.next("activeview", WAIT).data());
            assertEquals("ENCOUNTER", pushed.getString("view_type"));
            assertEquals("msv_caldera_wren", pushed.getString("location_slug"));

            int id = gm.ok("gm/broadcast/", "{\"content\":\"Payara says hello\"}").getInt("message_id");
            assertEquals(id, JsonText.object(display.next("message", WAIT).data()).getInt("id"));
            HttpResponse<String> messages = Http.get(api.resolve("messages/"));
            assertTrue(messages.body().contains("Payara says hello"), messages.body());
        }
        assertTrue(Files.size(home.resolve("charon.db")) > 0, "the message is in the SQLite file");
    }
}
