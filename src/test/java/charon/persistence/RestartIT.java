package charon.persistence;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.ServerLauncher;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import charon.testsupport.DjangoDatabase;

/**
 * kill -9 during a stream of message writes, with a display connected: the display's stream ends with the
 * process; after a restart on the same database file every write that was answered 2xx is there, and a display
 * that reconnects gets the current state and the changes after it. The server runs in its own process
 * (embedded Tomcat on the exploded WAR).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RestartIT {

    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "restart-" + System.nanoTime());

    private Process start(int port) throws Exception {
        Path launcherDir = DATA.resolve("launcher");
        Path classFile = launcherDir.resolve("charon/testsupport/ServerLauncher.class");
        if (!Files.exists(classFile)) {
            Files.createDirectories(classFile.getParent());
            try (var in = ServerLauncher.class.getResourceAsStream("ServerLauncher.class")) {
                Files.copy(in, classFile);
            }
        }
        // only Tomcat's own jars: the application's classes and libraries come from the exploded WAR
        String classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("tomcat-embed") || entry.contains("tomcat-annotations") || entry.contains("ecj"))
                .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator + launcherDir;
        Path base = Files.createDirectories(DATA.resolve("tomcat-" + System.nanoTime()));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dcharon.home=" + DATA, "-Dcharon.db=" + DATA.resolve("charon.db"),
                "-cp", classpath, ServerLauncher.class.getName(),
                Integer.toString(port), Path.of("target/charon").toAbsolutePath().toString(), base.toString())
                .redirectErrorStream(true)
                .redirectOutput(DATA.resolve("server-" + System.nanoTime() + ".log").toFile());
        Process process = builder.start();
        URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (Http.get(health).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start (see " + DATA + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyAnsweredMessageSurvivesKillMinus9() throws Exception {
        Files.createDirectories(DATA);
        DjangoDatabase.create(DATA.resolve("charon.db"));
        int port = freePort();
        URI api = URI.create("http://127.0.0.1:" + port + "/api/");
        Process server = start(port);
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        SseClient display = SseClient.open(api.resolve("active-view/stream/"));
        jakarta.json.JsonArray charonBefore = null;
        try {
            display.next("activeview", Duration.ofSeconds(20));
            Session gm = Session.gm(api);
            // a CHARON exchange on the story channel, read by the GM
            assertEquals(200, Http.post(api.resolve("charon/story/submit/"), "{\"query\":\"Where is the captain?\"}").statusCode());
            assertEquals(200, gm.post("gm/charon/story/send/", "{\"content\":\"CAPTAIN LOCATION: UNKNOWN.\"}").statusCode());
            assertEquals(200, gm.post("gm/charon/story/mark-read/", "{}").statusCode());
            assertEquals(200, Http.post(api.resolve("charon/story/submit/"), "{\"query\":\"Is anyone alive?\"}").statusCode());
            charonBefore = JsonText.object(Http.get(api.resolve("charon/story/conversation/")).body()).getJsonArray("messages");
            for (int w = 0; w < 4; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 10_000 && !stop.get(); i++) {
                        String content = "restart-" + writer + "-" + i;
                        try {
                            HttpResponse<String> response = gm.post("gm/broadcast/", "{\"content\":\"" + content + "\"}");
                            if (response.statusCode() / 100 == 2) {
                                answered.add(content);
                            }
                        } catch (IOException e) {
                            return; // the server is gone
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (answered.size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.destroyForcibly(); // SIGKILL
            server.waitFor(30, TimeUnit.SECONDS);
            // the display's stream ends with the process (its kernel closes the socket), so EventSource notices
            // at once and starts reconnecting instead of waiting on a dead stream
            assertNull(display.nextOrEnd("no-such-event", Duration.ofSeconds(10)), "the display's stream ended with the server");
        } finally {
            display.close();
            stop.set(true);
            for (Thread thread : writers) {
                thread.join(30_000);
            }
            server.destroyForcibly();
        }
        Set<String> acknowledged = Set.copyOf(answered);
        assertTrue(acknowledged.size() >= 50, "writes were answered before the kill: " + acknowledged.size());

        Process restarted = start(port);
        try {
            Session gm = Session.gm(api);
            JsonObject history = JsonText.object(gm.get("gm/backup/messages").body());
            Set<String> stored = history.getJsonArray("messages").stream()
                    .map(m -> m.asJsonObject().getString("content")).collect(Collectors.toSet());
            List<String> lost = acknowledged.stream().filter(c -> !stored.contains(c)).sorted().toList();
            long unanswered = stored.stream().filter(c -> c.startsWith("restart-") && !acknowledged.contains(c)).count();
            System.out.printf("[restart] %d writes answered 2xx before kill -9, %d lost, %d stored without an answer%n",
                    acknowledged.size(), lost.size(), unanswered);
            assertTrue(lost.isEmpty(), "answered writes lost after kill -9: " + lost);

            // the CHARON conversation and the GM's last-read marker are still there (the original's file cache kept them too)
            assertEquals(charonBefore, JsonText.object(Http.get(api.resolve("charon/story/conversation/")).body()).getJsonArray("messages"));
            assertEquals(3, charonBefore.size());
            JsonObject story = JsonText.object(gm.get("gm/charon/channels/").body()).getJsonArray("channels").stream()
                    .map(c -> c.asJsonObject()).filter(c -> "story".equals(c.getString("channel"))).findFirst().orElseThrow();
            assertEquals(1, story.getInt("unread_count"), "one query after the marker");

            // the display reconnects (EventSource does it by itself after `retry`) and gets the restarted
            // server's current state, then its changes
            try (SseClient reconnected = SseClient.open(api.resolve("active-view/stream/"))) {
                SseClient.Event first = reconnected.next("activeview", Duration.ofSeconds(20));
                String version = Http.get(api.resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow();
                assertEquals(version, first.id(), "the current state first");
                assertEquals("STANDBY", JsonText.object(first.data()).getString("view_type"), "the view starts at STANDBY after a restart");
                assertEquals(200, gm.post("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}").statusCode());
                assertEquals("BRIDGE", JsonText.object(reconnected.next("activeview", Duration.ofSeconds(20)).data()).getString("view_type"));
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
