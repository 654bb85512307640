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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import charon.testsupport.DjangoDatabase;

/**
 * kill -9 during a stream of message writes and GM view writes, with a display connected: the display's stream
 * ends with the process; after a restart on the same database file every message answered 2xx is there, the table
 * shows the last state answered, and a display that reconnects gets it. Then a journal that cannot be read, and
 * one of a newer format. The server runs in its own process (embedded Tomcat on the exploded WAR); one test
 * method, so that each server start (a fresh JVM, the slowest step) checks as much as it can.
 */
// a hang guard, not a timing target: four server JVMs, and two test JVMs share the cores
@Timeout(value = 360, unit = TimeUnit.SECONDS)
class RestartIT {

    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "restart-" + System.nanoTime());

    private Process start(Path data, int port) throws Exception {
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
                "-Dcharon.home=" + data, "-Dcharon.db=" + data.resolve("charon.db"),
                "-cp", classpath, ServerLauncher.class.getName(),
                Integer.toString(port), Path.of("target/charon").toAbsolutePath().toString(), base.toString())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server-" + System.nanoTime() + ".log").toFile());
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
        throw new AssertionError("server did not start (see " + data + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * kill -9 in the middle of a stream of GM view writes (reveals, tokens, doors, switches across locations) and
     * of four GM broadcasters: the restarted server has every message answered 2xx and the CHARON conversation,
     * shows the last state answered 2xx (or the write in flight at the kill, which the display may already have
     * shown), every location's memory, at a version after every version shown before; a display that reconnects
     * gets it.
     */
    @Test
    void answeredMessagesAndTheTableStateSurviveKillMinus9() throws Exception {
        Path data = Files.createDirectories(DATA.resolve("table"));
        DjangoDatabase.create(data.resolve("charon.db"));
        int port = freePort();
        URI api = URI.create("http://127.0.0.1:" + port + "/api/");
        Process server = start(data, port);
        List<SseClient.Event> shown = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<String> lastAnswered = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger answeredWrites = new java.util.concurrent.atomic.AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader;
        Thread writer;
        Session gm = Session.gm(api);
        Session player = new Session(api);
        player.login("ripley", "ripley-pass-123");
        Session loggedOut = Session.gm(api);
        assertEquals(200, loggedOut.post("auth/logout/", "{}").statusCode());
        Session passwordChanged = new Session(api);
        passwordChanged.login("hicks", "hicks-pass-123");
        assertEquals(200, gm.post("gm/players/hicks/password/", "{\"password\":\"hicks-new-pass-456\"}").statusCode());
        // a CHARON exchange on the story channel, read by the GM
        assertEquals(200, Http.post(api.resolve("charon/story/submit/"), "{\"query\":\"Where is the captain?\"}").statusCode());
        assertEquals(200, gm.post("gm/charon/story/send/", "{\"content\":\"CAPTAIN LOCATION: UNKNOWN.\"}").statusCode());
        assertEquals(200, gm.post("gm/charon/story/mark-read/", "{}").statusCode());
        assertEquals(200, Http.post(api.resolve("charon/story/submit/"), "{\"query\":\"Is anyone alive?\"}").statusCode());
        jakarta.json.JsonArray charonBefore = JsonText.object(Http.get(api.resolve("charon/story/conversation/")).body()).getJsonArray("messages");
        ConcurrentLinkedQueue<String> messagesAnswered = new ConcurrentLinkedQueue<>();
        List<Thread> broadcasters = new ArrayList<>();
        try (SseClient display = SseClient.open(api.resolve("active-view/stream/"))) {
            reader = new Thread(() -> {
                try {
                    SseClient.Event event;
                    while ((event = display.nextOrEnd("activeview", Duration.ofSeconds(60))) != null) {
                        shown.add(event);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reader.start();
            writer = new Thread(() -> viewWrites(gm, api, stop, lastAnswered, answeredWrites));
            writer.start();
            for (int w = 0; w < 4; w++) {
                broadcasters.add(broadcaster(gm, w, stop, messagesAnswered));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((answeredWrites.get() < 60 || messagesAnswered.size() < 50) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            server.destroyForcibly(); // SIGKILL, while the writers keep writing
            server.waitFor(30, TimeUnit.SECONDS);
            writer.join(30_000);
            for (Thread thread : broadcasters) {
                thread.join(30_000);
            }
            // the display's stream ends with the process (its kernel closes the socket), so EventSource notices
            // at once and starts reconnecting instead of waiting on a dead stream
            reader.join(30_000);
            assertFalse(reader.isAlive(), "the display's stream ended with the server");
        } finally {
            stop.set(true);
            server.destroyForcibly();
        }
        assertTrue(answeredWrites.get() >= 60, "view writes answered before the kill: " + answeredWrites.get());
        Set<String> acknowledged = Set.copyOf(messagesAnswered);
        assertTrue(acknowledged.size() >= 50, "messages answered before the kill: " + acknowledged.size());
        String answered = lastAnswered.get();
        long answeredVersion = Long.parseLong(answered.substring(0, answered.indexOf('\n')));
        String answeredBody = answered.substring(answered.indexOf('\n') + 1);
        List<SseClient.Event> events = List.copyOf(shown);
        long highestShown = events.stream().mapToLong(e -> Long.parseLong(e.id())).max().orElseThrow();
        // what the restarted server may show: the last answered state, or a later one the display was already shown
        List<String> acceptable = new ArrayList<>(List.of(answeredBody));
        events.stream().filter(e -> Long.parseLong(e.id()) > answeredVersion).forEach(e -> acceptable.add(e.data()));

        Process restarted = start(data, port);
        try {
            HttpResponse<String> restored = Http.get(api.resolve("active-view/"));
            long version = Long.parseLong(restored.headers().firstValue("X-Charon-Version").orElseThrow());
            System.out.printf("[restart] %d view writes answered, last answered v%d, highest shown v%d, restarted at v%d, %d candidates%n",
                    answeredWrites.get(), answeredVersion, highestShown, version, acceptable.size());
            assertTrue(acceptable.contains(restored.body()), "the restarted state is the last answered one (or the write in flight)");
            everyAnsweredMessageIsThere(api, acknowledged, charonBefore);
            assertTrue(version > highestShown, "versions never go back: " + version + " after " + highestShown);
            int index = acceptable.indexOf(restored.body());
            long restoredFrom = index == 0 ? answeredVersion : Long.parseLong(events.stream()
                    .filter(e -> Long.parseLong(e.id()) > answeredVersion).toList().get(index - 1).id());

            try (SseClient reconnected = SseClient.open(api.resolve("active-view/stream/"))) {
                SseClient.Event first = reconnected.next("activeview", Duration.ofSeconds(20));
                assertEquals(String.valueOf(version), first.id());
                assertEquals(restored.body(), first.data(), "a display that reconnects gets the restored state");

                // logins last: the GM's console and a player's page go on without logging in again (same CSRF token)
                assertEquals(200, player.get("auth/me/").statusCode(), "the player's login outlived kill -9");
                assertEquals(200, player.get("messages/").statusCode());
                assertEquals("ripley", JsonText.object(player.get("auth/me/").body()).getString("username"));
                assertEquals(401, loggedOut.post("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}").statusCode(), "a logout ended it for good");
                assertEquals(401, passwordChanged.get("auth/me/").statusCode(), "a password change ended it for good");
                // every other location's memory came back too: showing it again shows what was last shown there
                String onScreen = JsonText.object(restored.body()).getString("location_slug");
                for (String location : List.of("msv_caldera_wren", "tallow_station")) {
                    String lastSeenThere = lastShownAt(events, location, restoredFrom);
                    if (lastSeenThere == null || location.equals(onScreen) && "ENCOUNTER".equals(JsonText.object(restored.body()).getString("view_type"))) {
                        continue;
                    }
                    gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + location + "\"}");
                    JsonObject back = JsonText.object(reconnected.next("activeview", Duration.ofSeconds(20)).data());
                    assertEquals(encounterFields(JsonText.object(lastSeenThere)), encounterFields(back), location + " remembered across kill -9");
                }
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
        aJournalThatCannotBeReadIsReportedAndKept(data, port, api);
    }

    /** A journal row that cannot be read: one log line, STANDBY at a newer version, the row kept, nothing deleted. */
    private void aJournalThatCannotBeReadIsReportedAndKept(Path data, int port, URI api) throws Exception {
        long lastVersion;
        String broken = "{\"view\":{\"view_type\":\"TELEPORT\"";
        try (java.sql.Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + data.resolve("charon.db"), new java.util.Properties());
             java.sql.Statement sql = db.createStatement()) {
            try (java.sql.ResultSet row = sql.executeQuery("SELECT version FROM charon_table_state WHERE slot = 'current'")) {
                assertTrue(row.next());
                lastVersion = row.getLong(1);
            }
            sql.executeUpdate("UPDATE charon_table_state SET state = '" + broken + "' WHERE slot = 'current'");
        }
        Process again = start(data, port);
        try {
            HttpResponse<String> state = Http.get(api.resolve("active-view/"));
            assertEquals("STANDBY", JsonText.object(state.body()).getString("view_type"), "an unreadable journal starts at STANDBY");
            assertTrue(Long.parseLong(state.headers().firstValue("X-Charon-Version").orElseThrow()) > lastVersion, "versions still go on");
            Session gm = Session.gm(api);
            gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}"); // the journal writes again, over nothing unread
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
        try (java.sql.Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + data.resolve("charon.db"), new java.util.Properties());
             java.sql.Statement sql = db.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT slot, state FROM charon_table_state ORDER BY slot")) {
            List<String> kept = new ArrayList<>();
            while (rows.next()) {
                kept.add(rows.getString(1) + "=" + (rows.getString(2).equals(broken) ? "broken" : "readable"));
            }
            assertEquals(2, kept.size(), "the new state and the unreadable row: " + kept);
            assertEquals("current=readable", kept.get(0));
            assertTrue(kept.get(1).startsWith("unreadable-") && kept.get(1).endsWith("=broken"), kept.toString());
        }
        long lines = 0;
        try (var logs = Files.list(data)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("server-")).toList()) {
                lines += Files.readAllLines(log).stream().filter(line -> line.contains("The table-state journal cannot be parsed")).count();
            }
        }
        assertEquals(1, lines, "reported in one line");
        aJournalOfANewerFormatIsReportedAndKept(data, port, api);
    }

    /** A row a newer build wrote (another format): refused in one line, STANDBY, the row kept, never overwritten. */
    private void aJournalOfANewerFormatIsReportedAndKept(Path data, int port, URI api) throws Exception {
        try (java.sql.Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + data.resolve("charon.db"), new java.util.Properties());
             java.sql.Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE charon_table_state SET format = 2 WHERE slot = 'current'");
        }
        Process again = start(data, port);
        try {
            HttpResponse<String> state = Http.get(api.resolve("active-view/"));
            assertEquals("STANDBY", JsonText.object(state.body()).getString("view_type"), "a newer journal starts at STANDBY");
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
        try (java.sql.Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + data.resolve("charon.db"), new java.util.Properties());
             java.sql.Statement sql = db.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT count(*) FROM charon_table_state WHERE slot LIKE 'unreadable-%' AND format = 2")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), "the newer row is kept as it was");
        }
        long lines = 0;
        try (var logs = Files.list(data)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("server-")).toList()) {
                lines += Files.readAllLines(log).stream().filter(line -> line.contains("has format 2, this build reads 1")).count();
            }
        }
        assertEquals(1, lines, "reported in one line");
    }

    /** A GM broadcasting numbered messages until stopped (or the server is gone); what was answered 2xx is recorded. */
    private static Thread broadcaster(Session gm, int writer, AtomicBoolean stop, ConcurrentLinkedQueue<String> answered) {
        Thread thread = new Thread(() -> {
            for (int i = 0; i < 10_000 && !stop.get(); i++) {
                String content = "restart-" + writer + "-" + i;
                try {
                    HttpResponse<String> response = gm.post("gm/broadcast/", "{\"content\":\"" + content + "\"}");
                    if (response.statusCode() / 100 == 2) {
                        answered.add(content);
                    }
                } catch (IOException | InterruptedException serverGone) {
                    return;
                }
            }
        });
        thread.start();
        return thread;
    }

    /** After the restart: no message answered 2xx is lost; the CHARON conversation and the GM's read marker are kept. */
    private static void everyAnsweredMessageIsThere(URI api, Set<String> acknowledged, jakarta.json.JsonArray charonBefore) throws Exception {
        Session gm = Session.gm(api);
        JsonObject history = JsonText.object(gm.get("gm/backup/messages").body());
        Set<String> stored = history.getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("content")).collect(Collectors.toSet());
        List<String> lost = acknowledged.stream().filter(c -> !stored.contains(c)).sorted().toList();
        long unanswered = stored.stream().filter(c -> c.startsWith("restart-") && !acknowledged.contains(c)).count();
        System.out.printf("[restart] %d messages answered 2xx before kill -9, %d lost, %d stored without an answer%n",
                acknowledged.size(), lost.size(), unanswered);
        assertTrue(lost.isEmpty(), "answered writes lost after kill -9: " + lost);
        // the original's file cache kept these too
        assertEquals(charonBefore, JsonText.object(Http.get(api.resolve("charon/story/conversation/")).body()).getJsonArray("messages"));
        assertEquals(3, charonBefore.size());
        JsonObject story = JsonText.object(gm.get("gm/charon/channels/").body()).getJsonArray("channels").stream()
                .map(c -> c.asJsonObject()).filter(c -> "story".equals(c.getString("channel"))).findFirst().orElseThrow();
        assertEquals(1, story.getInt("unread_count"), "one query after the marker");
    }

    /** The last payload (up to a version) that showed this location's encounter. */
    private static String lastShownAt(List<SseClient.Event> events, String location, long upTo) {
        String last = null;
        for (SseClient.Event event : events) {
            JsonObject payload = JsonText.object(event.data());
            if (Long.parseLong(event.id()) <= upTo && "ENCOUNTER".equals(payload.getString("view_type"))
                    && location.equals(payload.getString("location_slug"))) {
                last = event.data();
            }
        }
        return last;
    }

    private static String encounterFields(JsonObject payload) {
        StringBuilder out = new StringBuilder();
        for (String field : List.of("encounter_level", "encounter_deck_id", "encounter_room_visibility", "encounter_door_status",
                "encounter_tokens", "encounter_active_portraits")) {
            out.append(field).append('=').append(payload.get(field)).append('\n');
        }
        return out.toString();
    }

    /** One GM at the console: reveals, tokens, doors and switches across two locations and the bridge (and its choices), one at a time. */
    private static void viewWrites(Session gm, URI api, AtomicBoolean stop, java.util.concurrent.atomic.AtomicReference<String> lastAnswered,
                                   java.util.concurrent.atomic.AtomicInteger answered) {
        java.util.Random random = new java.util.Random(99);
        String[][] rooms = {{"wren_cockpit", "wren_galley", "wren_medbay", "wren_cryo"}, {"tallow_concourse", "tallow_customs", "tallow_chapel"}};
        String[] doors = {"wren_galley_cryo", "tallow_customs_concourse"};
        String[] locations = {"msv_caldera_wren", "tallow_station"};
        int at = -1; // -1: the bridge
        try {
            for (int i = 0; i < 100_000 && !stop.get(); i++) {
                int kind = at < 0 ? (random.nextBoolean() ? 8 : 0) : random.nextInt(8);
                String path;
                String body;
                if (kind == 8) { // on the bridge: the GM's choice of tab, star and person is table state too (issue 17.4)
                    path = "gm/bridge/";
                    body = "{\"tab\":\"" + List.of("MAP", "PERSONNEL", "LOGS", "STATUS").get(random.nextInt(4))
                            + "\",\"map_level\":\"GALAXY\",\"system_slug\":\"" + List.of("hesper", "vanta-reach", "").get(random.nextInt(3))
                            + "\",\"person\":\"" + List.of("yusra_kade", "adaeze_rook", "").get(random.nextInt(3)) + "\"}";
                } else if (kind == 0) {
                    at = at < 0 ? random.nextInt(2) : random.nextInt(3) - 1;
                    path = "gm/switch-view/";
                    body = at < 0 ? "{\"view_type\":\"BRIDGE\"}" : "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + locations[at] + "\"}";
                } else if (kind <= 4) {
                    path = "gm/encounter/toggle-room/";
                    body = "{\"room_id\":\"" + rooms[at][random.nextInt(rooms[at].length)] + "\"}";
                } else if (kind == 5) {
                    path = "gm/encounter/place-token/";
                    body = "{\"type\":\"npc\",\"name\":\"T" + i + "\",\"x\":" + random.nextInt(20) + ",\"y\":" + random.nextInt(10) + "}";
                } else if (kind == 6) {
                    path = "gm/encounter/set-door-status/";
                    body = "{\"connection_id\":\"" + doors[at] + "\",\"door_status\":\"" + List.of("OPEN", "CLOSED", "LOCKED").get(random.nextInt(3)) + "\"}";
                } else {
                    path = "gm/encounter/clear-tokens/";
                    body = "{}";
                }
                HttpResponse<String> response = gm.post(path, body);
                if (response.statusCode() / 100 != 2) {
                    throw new AssertionError(path + " " + body + " -> " + response.statusCode() + " " + response.body());
                }
                // one writer: the state now is the state this answered write produced
                HttpResponse<String> state = Http.get(api.resolve("active-view/"));
                lastAnswered.set(state.headers().firstValue("X-Charon-Version").orElseThrow() + "\n" + state.body());
                answered.incrementAndGet();
            }
        } catch (IOException | InterruptedException serverGone) {
            // killed
        }
    }
}
