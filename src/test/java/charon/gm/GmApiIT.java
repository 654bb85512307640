package charon.gm;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import charon.testsupport.CapturedLog;
import charon.testsupport.Deployments;
import charon.testsupport.Eventually;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GM's write API on the demo campaign: effects, the one event each write pushes, refusals, fuzzing, concurrency, messages. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GmApiIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "gm-" + System.nanoTime());

    @ArquillianResource
    URL base;

    private Session gm;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        return Deployments.onFixtureDatabase("gm", DATA, "30");
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    @BeforeEach
    void login() throws Exception {
        gm = Session.gm(api());
    }

    private long version() throws Exception {
        return Long.parseLong(Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow());
    }

    /** The whole state, as the GM's console sees it (the displays see only what is revealed: PlayerViewIT). */
    private JsonObject state() throws Exception {
        return JsonText.object(gm.get("gm/active-view/").body());
    }

    /** The GM console's stream: every write's effect on the whole state. */
    private SseClient console() throws Exception {
        return SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader());
    }

    private String firstShipWithDecks() throws Exception {
        return "msv_caldera_wren";
    }

    /** Each accepted write is one version and exactly one event, carrying its effect. */
    @Test
    void everyWriteChangesStateAndPushesOneEvent() throws Exception {
        gm.ok("gm/session/new/", "{\"keep_memories\":false}"); // so that the ship below is a new encounter (locations remember theirs)
        try (SseClient display = console()) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            String ship = firstShipWithDecks();
            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + ship + "\"}");
            JsonObject s = next(display, ++v);
            assertEquals("ENCOUNTER", s.getString("view_type"));
            assertEquals("encounter-" + ship, s.getString("charon_active_channel"));
            String room = s.getJsonObject("encounter_room_visibility").keySet().iterator().next();
            assertFalse(s.getJsonObject("encounter_room_visibility").getBoolean(room));

            gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"" + room + "\"}");
            assertTrue(next(display, ++v).getJsonObject("encounter_room_visibility").getBoolean(room));

            JsonObject placed = gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Vask\",\"x\":2,\"y\":3,\"room_id\":\"" + room + "\"}");
            String token = placed.getString("token_id");
            assertEquals(room, next(display, ++v).getJsonObject("encounter_tokens").getJsonObject(token).getString("room_id"));

            gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + token + "\",\"x\":4,\"y\":5}");
            JsonObject moved = next(display, ++v).getJsonObject("encounter_tokens").getJsonObject(token);
            assertEquals(4, moved.getInt("x"));
            assertEquals(room, moved.getString("room_id"), "a move keeps the token's room");

            gm.ok("gm/encounter/update-token-status/", "{\"token_id\":\"" + token + "\",\"status\":[\"wounded\"]}");
            assertEquals("wounded", next(display, ++v).getJsonObject("encounter_tokens").getJsonObject(token).getJsonArray("status").getString(0));

            JsonObject map = JsonText.object(gm.get("gm/encounter-map/" + ship + "/all-decks/").body());
            JsonObject deckMap = JsonText.object(gm.get("gm/encounter-map/" + ship + "/").body());
            JsonObject currentDeck = deckMap.getJsonObject("current_deck");
            String connection = currentDeck.getJsonArray("connections").getJsonObject(0).getString("id");
            gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"" + connection + "\",\"door_status\":\"SEALED\"}");
            assertEquals("SEALED", next(display, ++v).getJsonObject("encounter_door_status").getString(connection));

            String otherDeck = map.getJsonArray("decks").getJsonObject(1).getString("id");
            gm.ok("gm/encounter/switch-level/", "{\"deck_id\":\"" + otherDeck + "\"}");
            assertEquals(otherDeck, next(display, ++v).getString("encounter_deck_id"));

            String npc = state().getJsonObject("encounter_npc_data").keySet().iterator().next();
            gm.ok("gm/encounter/toggle-portrait/", "{\"npc_id\":\"" + npc + "\"}");
            assertEquals(npc, next(display, ++v).getJsonArray("encounter_active_portraits").getString(0));

            gm.ok("gm/ship-status/toggle/", "{\"system\":\"engines\",\"status\":\"CRITICAL\",\"condition\":12,\"info\":\"Fire\"}");
            assertEquals(12, next(display, ++v).getJsonObject("ship_system_overrides").getJsonObject("engines").getInt("condition"));
            assertEquals("CRITICAL", JsonText.object(Http.get(api().resolve("ship-status/")).body())
                    .getJsonObject("ship").getJsonObject("systems").getJsonObject("engines").getString("status"));

            gm.ok("gm/charon/mode/", "{\"mode\":\"QUERY\"}");
            assertEquals("QUERY", next(display, ++v).getString("charon_mode"));
            gm.ok("gm/charon/toggle-dialog/", "{\"open\":true}");
            assertTrue(next(display, ++v).getBoolean("charon_dialog_open"));
            assertEquals(200, Http.post(api().resolve("gm/charon/toggle-dialog/"), "{\"open\":false}").statusCode(), "a display may close the dialog");
            assertFalse(next(display, ++v).getBoolean("charon_dialog_open"));
            assertEquals(403, Http.post(api().resolve("gm/charon/toggle-dialog/"), "{\"open\":true}").statusCode(), "but not open it");

            gm.ok("gm/encounter/remove-token/", "{\"token_id\":\"" + token + "\"}");
            assertTrue(next(display, ++v).getJsonObject("encounter_tokens").isEmpty());
            gm.ok("gm/encounter/clear-tokens/", "{}");
            next(display, ++v);
            gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
            assertEquals("bridge", next(display, ++v).getString("charon_active_channel"));
            assertEquals(v, version());
        }
    }

    private static JsonObject next(SseClient display, long expectedVersion) throws InterruptedException {
        SseClient.Event event = display.next("activeview", WAIT);
        assertEquals(String.valueOf(expectedVersion), event.id(), "one event per write, in order");
        return JsonText.object(event.data());
    }

    @Test
    void refusedWritesAnswerAClearErrorAndChangeNothing() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
        String[][] cases = {
                {"gm/switch-view/", "{\"view_type\":\"DISCO\"}", "400"},
                {"gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"atlantis\"}", "404"},
                {"gm/switch-view/", "[1]", "400"},
                {"gm/switch-view/", "{not json", "400"},
                {"gm/encounter/toggle-room/", "{}", "400"},
                {"gm/encounter/toggle-room/", "{\"room_id\":\"no-such-room\"}", "404"},
                {"gm/encounter/toggle-room/", "{\"room_id\":42}", "400"},
                {"gm/encounter/set-door-status/", "{\"connection_id\":\"x\",\"door_status\":\"AJAR\"}", "400"},
                {"gm/encounter/set-door-status/", "{\"connection_id\":\"no-such-door\",\"door_status\":\"OPEN\"}", "404"},
                {"gm/encounter/place-token/", "{\"type\":\"dragon\",\"name\":\"x\",\"x\":1,\"y\":1}", "400"},
                {"gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"x\",\"x\":1.5,\"y\":1}", "400"},
                {"gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"x\",\"x\":true,\"y\":1}", "400"},
                {"gm/encounter/move-token/", "{\"token_id\":\"ffffffff\",\"x\":1,\"y\":1}", "404"},
                {"gm/encounter/update-token-status/", "{\"token_id\":\"ffffffff\",\"status\":\"dead\"}", "400"},
                {"gm/encounter/toggle-portrait/", "{\"npc_id\":\"nobody\"}", "404"},
                {"gm/encounter/switch-level/", "{\"deck_id\":\"basement\"}", "404"},
                {"gm/ship-status/toggle/", "{\"system\":\"warp\",\"status\":\"ONLINE\"}", "400"},
                {"gm/ship-status/toggle/", "{\"system\":\"engines\",\"status\":\"ONLINE\",\"condition\":\"12\"}", "400"},
                {"gm/charon/mode/", "{\"mode\":\"CHAT\"}", "400"},
                {"gm/show-terminal/", "{\"location_slug\":\"msv_caldera_wren\",\"terminal_slug\":\"nope\"}", "404"},
                {"gm/broadcast/", "{\"content\":\"  \"}", "400"},
                {"gm/broadcast/", "{\"content\":\"hi\",\"priority\":\"URGENT\"}", "400"},
                {"gm/broadcast/", "{\"content\":\"hi\",\"recipients\":[\"nobody\"]}", "404"},
                {"gm/switch-view/", "{\"view_type\":\"" + "A".repeat(70_000) + "\"}", "413"},
        };
        for (String[] c : cases) {
            long before = version();
            HttpResponse<String> response = gm.post(c[0], c[1]);
            assertEquals(Integer.parseInt(c[2]), response.statusCode(), c[0] + " " + c[1].substring(0, Math.min(80, c[1].length())) + " -> " + response.body());
            assertFalse(JsonText.object(response.body()).getString("error").isBlank());
            assertEquals(before, version(), "a refused write changes nothing: " + c[0]);
        }
    }

    /** api-contract §0: a write's Content-Type is not checked and an empty body is {}; the field checks still apply. */
    @Test
    void aWriteReadsItsBodyWhateverTheContentType() throws Exception {
        for (String type : new String[]{"text/plain", null, "application/json; charset=UTF-8"}) {
            String path = "deck/" + type;
            HttpResponse<String> response = gm.post("gm/charon/location/", "{\"location_path\":\"" + path + "\"}", type);
            assertEquals(200, response.statusCode(), type + " -> " + response.body());
            assertEquals(path, JsonText.object(response.body()).getString("location_path"), String.valueOf(type));
        }
        HttpResponse<String> empty = gm.post("gm/charon/location/", "", "text/plain");
        assertEquals(200, empty.statusCode(), empty.body());
        assertEquals("", JsonText.object(empty.body()).getString("location_path"), "an empty body takes the default");
        long before = version();
        HttpResponse<String> stringForNumber = gm.post("gm/encounter/place-token/",
                "{\"type\":\"npc\",\"name\":\"Vasquez\",\"x\":\"3\",\"y\":1}", "text/plain");
        assertEquals(400, stringForNumber.statusCode());
        assertEquals("x must be an integer", JsonText.object(stringForNumber.body()).getString("error"));
        HttpResponse<String> missing = gm.post("gm/encounter/place-token/", "{\"type\":\"npc\",\"x\":3,\"y\":1}", null);
        assertEquals(400, missing.statusCode());
        assertEquals("name is required", JsonText.object(missing.body()).getString("error"));
        assertEquals(before, version(), "refused writes change nothing");
    }

    @Test
    void generatedHostileBodiesNeverCauseA500OrAChange() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
        List<String> endpoints = List.of("gm/switch-view/", "gm/show-terminal/", "gm/encounter/switch-level/",
                "gm/encounter/toggle-room/", "gm/encounter/room-visibility/", "gm/encounter/set-door-status/",
                "gm/encounter/place-token/", "gm/encounter/move-token/", "gm/encounter/remove-token/",
                "gm/encounter/update-token-status/", "gm/encounter/toggle-portrait/", "gm/ship-status/toggle/",
                "gm/charon/mode/", "gm/charon/location/", "gm/broadcast/", "terminal/hide/", "gm/charon/toggle-dialog/",
                "charon/story/submit/", "gm/charon/story/send/");
        String[] keys = {"view_type", "location_slug", "room_id", "visible", "room_visibility", "connection_id", "door_status",
                "type", "name", "x", "y", "token_id", "status", "npc_id", "system", "condition", "mode", "deck_id", "level",
                "content", "priority", "recipients", "query", "open", "terminal_slug"};
        Random random = new Random(20261126);
        java.util.Set<String> refusedSomewhere = new java.util.TreeSet<>();
        java.util.Set<String> changedSomewhere = new java.util.TreeSet<>();
        for (String endpoint : endpoints) {
            for (int i = 0; i < 120; i++) {
                String body = hostileBody(random, keys);
                long before = version();
                HttpResponse<String> response = gm.post(endpoint, body);
                assertNotEquals(500, response.statusCode(), endpoint + " " + body);
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), endpoint + " " + body);
                if (response.statusCode() >= 400) {
                    assertEquals(before, version(), "refused but changed: " + endpoint + " " + body);
                    assertFalse(JsonText.object(response.body()).getString("error").isBlank(), endpoint + " " + body);
                    refusedSomewhere.add(endpoint);
                } else if (version() != before) {
                    changedSomewhere.add(endpoint);
                }
            }
        }
        // the bodies reached the endpoints' checks (not all stopped at the door, e.g. by CSRF), and the version
        // check above can see a change: some generated bodies are valid writes
        assertEquals(new java.util.TreeSet<>(endpoints), refusedSomewhere, "every endpoint refused some hostile body");
        assertFalse(changedSomewhere.isEmpty(), "no generated body was ever accepted, so 'changes nothing' was never tested");
    }

    private static String hostileBody(Random random, String[] keys) {
        switch (random.nextInt(6)) {
            case 0:
                return new String[]{"", "null", "[]", "42", "\"text\"", "{", "{\"a\":", "\u0000", "{}}", "true"}[random.nextInt(10)];
            default:
                StringBuilder body = new StringBuilder("{");
                int fields = 1 + random.nextInt(4);
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        body.append(',');
                    }
                    body.append('"').append(keys[random.nextInt(keys.length)]).append("\":").append(hostileValue(random, 0));
                }
                return body.append('}').toString();
        }
    }

    private static String hostileValue(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 11)) {
            case 0 -> "null";
            case 1 -> Integer.toString(random.nextInt(200) - 100);
            case 2 -> "1e308";
            case 3 -> "12.5";
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "\"../../etc/passwd\"";
            case 6 -> "\"<script>alert(1)</script>\"";
            case 7 -> "\"" + "x".repeat(random.nextInt(3000)) + "\"";
            case 8 -> "\"\\ud800\"";
            case 9 -> "[" + hostileValue(random, depth + 1) + "," + hostileValue(random, depth + 1) + "]";
            default -> "{\"k\":" + hostileValue(random, depth + 1) + "}";
        };
    }

    @Test
    void parallelTokenMovesAndRoomTogglesEqualTheSerialResult() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
        gm.ok("gm/encounter/reset/", "{}"); // every room hidden, no tokens (the ship remembers earlier tests' changes)
        List<String> rooms = new ArrayList<>(state().getJsonObject("encounter_room_visibility").keySet());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(gm.ok("gm/encounter/place-token/", "{\"type\":\"player\",\"name\":\"P" + i + "\",\"x\":0,\"y\":0}").getString("token_id"));
        }
        List<Session> clients = List.of(gm, Session.gm(api()), Session.gm(api()), Session.gm(api()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        try (SseClient display = console()) {
            display.next("activeview", WAIT);
            for (int i = 0; i < 200; i++) {
                Session client = clients.get(i % clients.size());
                int n = i;
                done.add(pool.submit(() -> n % 2 == 0
                        ? client.ok("gm/encounter/toggle-room/", "{\"room_id\":\"" + rooms.get(n / 2 % rooms.size()) + "\"}")
                        : client.ok("gm/encounter/move-token/", "{\"token_id\":\"" + tokens.get(n / 2 % tokens.size()) + "\",\"x\":" + (n % 7) + ",\"y\":" + (n % 5) + "}")));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            JsonObject end = state();
            // Serially, each room is toggled (100 toggles spread evenly) starting hidden: odd count -> visible.
            for (int r = 0; r < rooms.size(); r++) {
                int toggles = 0;
                for (int i = 0; i < 200; i += 2) {
                    if (i / 2 % rooms.size() == r) {
                        toggles++;
                    }
                }
                assertEquals(toggles % 2 == 1, end.getJsonObject("encounter_room_visibility").getBoolean(rooms.get(r)), rooms.get(r));
            }
            assertEquals(tokens.size(), end.getJsonObject("encounter_tokens").size(), "no token lost");
            long last = version();
            SseClient.Event event;
            do {
                event = display.next("activeview", WAIT);
            } while (Long.parseLong(event.id()) < last);
            assertEquals(end, JsonText.object(event.data()), "the display ends on the final state");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMessageForSomePlayersReachesOnlyThemAndTheGm() throws Exception {
        Session ripley = new Session(api());
        ripley.login("ripley", "ripley-pass-123");
        Session hicks = new Session(api());
        hicks.login("hicks", "hicks-pass-123");
        try (SseClient gmStream = SseClient.open(api().resolve("active-view/stream/"), gm.cookieHeader());
             SseClient ripleyStream = SseClient.open(api().resolve("active-view/stream/"), ripley.cookieHeader());
             SseClient hicksStream = SseClient.open(api().resolve("active-view/stream/"), hicks.cookieHeader());
             SseClient anonymous = SseClient.open(api().resolve("active-view/stream/"))) {
            for (SseClient s : List.of(gmStream, ripleyStream, hicksStream, anonymous)) {
                s.next("activeview", WAIT);
            }
            int secret = gm.ok("gm/broadcast/", "{\"sender\":\"MU-TH-UR\",\"content\":\"For Ripley only\",\"priority\":\"HIGH\",\"recipients\":[\"ripley\"]}").getInt("message_id");
            int open = gm.ok("gm/broadcast/", "{\"content\":\"All hands\"}").getInt("message_id");
            assertEquals(secret, JsonText.object(ripleyStream.next("message", WAIT).data()).getInt("id"));
            assertEquals(secret, JsonText.object(gmStream.next("message", WAIT).data()).getInt("id"));
            assertEquals(open, JsonText.object(hicksStream.next("message", WAIT).data()).getInt("id"), "hicks never got Ripley's message");
            assertEquals(open, JsonText.object(anonymous.next("message", WAIT).data()).getInt("id"), "displays never got Ripley's message");
            assertTrue(JsonText.object(ripley.get("messages/").body()).toString().contains("For Ripley only"));
            assertFalse(JsonText.object(hicks.get("messages/").body()).toString().contains("For Ripley only"));
            assertFalse(Http.get(api().resolve("messages/")).body().contains("For Ripley only"));

            // the GM deletes them: the removal reaches the streams the message reached, and only those
            gm.ok("gm/messages/" + secret + "/delete/", "{}");
            gm.ok("gm/messages/" + open + "/delete/", "{}");
            for (SseClient s : List.of(ripleyStream, gmStream)) {
                assertEquals("{\"id\":" + secret + "}", s.next("message-deleted", WAIT).data(), "only the id");
                assertEquals(open, JsonText.object(s.next("message-deleted", WAIT).data()).getInt("id"));
            }
            for (SseClient s : List.of(hicksStream, anonymous)) {
                assertEquals(open, JsonText.object(s.next("message-deleted", WAIT).data()).getInt("id"),
                        "the first removal they hear of is the broadcast's: Ripley's message's never reached them");
            }
            assertFalse(ripley.get("messages/").body().contains("For Ripley only"));
        }
    }

    @Test
    void charonConversationIsPushedLive() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
        assertTrue(state().getBoolean("charon_dialog_open"), "entering CHARON_TERMINAL opens the dialog");
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            assertEquals(200, Http.post(api().resolve("charon/story/submit/"), "{\"query\":\"Where is the captain?\"}").statusCode());
            JsonObject asked = JsonText.object(display.next("charon", WAIT).data());
            assertEquals("story", asked.getString("channel"));
            assertEquals("user", asked.getJsonObject("message").getString("role"), "the new line only");
            gm.ok("gm/charon/story/send/", "{\"content\":\"CAPTAIN LOCATION: UNKNOWN.\"}");
            JsonObject answered = JsonText.object(display.next("charon", WAIT).data());
            assertEquals("charon", answered.getJsonObject("message").getString("role"));
            assertEquals(asked.getJsonObject("message").getString("message_id"), answered.getString("previous_id"));
            JsonObject channels = JsonText.object(gm.get("gm/charon/channels/").body());
            assertTrue(channels.getJsonArray("channels").stream().anyMatch(c -> c.asJsonObject().getString("channel").equals("story")));
            gm.ok("gm/charon/story/clear/", "{}");
            assertTrue(JsonText.object(display.next("charon", WAIT).data()).getBoolean("cleared"));
            assertEquals(401, Http.post(api().resolve("gm/charon/story/send/"), "{\"content\":\"spoof\"}").statusCode());
        }
    }

    @Test
    void theGmDownloadsTheDatabaseAndTheMessageHistory() throws Exception {
        HttpResponse<byte[]> database = gm.getBytes("gm/backup/database");
        assertEquals(200, database.statusCode());
        assertTrue(database.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        byte[] bytes = database.body();
        assertEquals("SQLite format 3", new String(bytes, 0, 15, java.nio.charset.StandardCharsets.US_ASCII));
        Path copy = DATA.resolve("downloaded-backup.db");
        Files.write(copy, bytes);
        try (java.sql.Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + copy, new java.util.Properties());
             java.sql.ResultSet rs = c.createStatement().executeQuery("select count(*) from terminal_message")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 6, "the fixture's six messages are in the backup");
        }
        JsonObject history = JsonText.object(gm.get("gm/backup/messages").body());
        assertTrue(history.getInt("count") >= 6);
        JsonObject second = history.getJsonArray("messages").getJsonObject(1);
        assertEquals(2, second.getInt("id"));
        assertEquals(List.of("ripley"), second.getJsonArray("recipients").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(401, Http.get(api().resolve("gm/backup/database")).statusCode(), "not for displays");
        Session ripley = new Session(api());
        ripley.login("ripley", "ripley-pass-123");
        assertEquals(403, ripley.get("gm/backup/messages").statusCode(), "not for players");
    }

    @Test
    void healthReportsTheDatabaseCampaignAndDisplays() throws Exception {
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            HttpResponse<String> response = Http.get(api().resolve("health"));
            assertEquals(200, response.statusCode());
            JsonObject health = JsonText.object(response.body());
            assertEquals("reachable", health.getString("database"));
            assertTrue(health.getJsonObject("campaign").getBoolean("demo"));
            assertTrue(health.getInt("connected_displays") >= 1);
            assertFalse(response.body().contains(DATA.toString()), "no server paths");

            JsonObject diagnostics = JsonText.object(gm.get("gm/diagnostics?gc=true").body());
            assertEquals(ProcessHandle.current().pid(), diagnostics.getJsonNumber("pid").longValue(), "embedded Tomcat: this JVM");
            assertTrue(diagnostics.getInt("connected_displays") >= 1);
            for (String key : List.of("heap_used_bytes", "threads", "process_cpu_ns", "jit_compile_ms", "open_files")) {
                assertTrue(diagnostics.getJsonNumber(key).longValue() > 0, key + " in " + diagnostics);
            }
            assertEquals(401, Http.get(api().resolve("gm/diagnostics")).statusCode(), "not for displays");
        }
    }

    @Test
    void aDisplayThatClosesIsForgottenAtOnceNotAtTheNextWrite() throws Exception {
        // Keepalive is 30 s in this deployment and nothing is written meanwhile: only the closed socket can tell.
        Eventually.awaitEquals("no display left from other tests", 0, Duration.ofSeconds(35), this::connectedDisplays);
        SseClient display = SseClient.open(api().resolve("active-view/stream/"));
        display.next("activeview", WAIT);
        assertEquals(1, connectedDisplays());
        display.close();
        Eventually.awaitEquals("displays once the only one closed", 0, Duration.ofSeconds(5), this::connectedDisplays);
    }

    private int connectedDisplays() {
        try {
            return JsonText.object(Http.get(api().resolve("health")).body()).getInt("connected_displays");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRemainingWritesPushTheirEventAndEveryGmEndpointNeedsTheGm() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
        String terminal = firstTerminal();
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            gm.ok("gm/show-terminal/", "{\"location_slug\":\"" + terminal.split("/")[0] + "\",\"terminal_slug\":\"" + terminal.split("/")[1] + "\"}");
            assertEquals(terminal.split("/")[1], next(display, ++v).getString("overlay_terminal_slug"));
            assertEquals(200, Http.post(api().resolve("terminal/hide/"), "{}").statusCode(), "a display closes the overlay");
            assertEquals("", next(display, ++v).getString("overlay_terminal_slug"));

            JsonObject rooms = JsonText.object(gm.get("gm/encounter/room-visibility/").body()).getJsonObject("room_visibility");
            StringBuilder all = new StringBuilder("{\"room_visibility\":{");
            rooms.keySet().forEach(room -> all.append(all.charAt(all.length() - 1) == '{' ? "" : ",").append('"').append(room).append("\":true"));
            gm.ok("gm/encounter/room-visibility/", all.append("}}").toString());
            assertTrue(next(display, ++v).getJsonObject("encounter_room_visibility").values().stream().allMatch(x -> x == jakarta.json.JsonValue.TRUE));

            gm.ok("gm/charon/location/", "{\"location_path\":\"hesper/orrin\"}");
            assertEquals("hesper/orrin", next(display, ++v).getString("charon_location_path"));
        }
        Session player = new Session(api());
        player.login("hicks", "hicks-pass-123");
        for (String endpoint : List.of("gm/switch-view/", "gm/show-terminal/", "gm/encounter/switch-level/",
                "gm/encounter/toggle-room/", "gm/encounter/room-visibility/", "gm/encounter/set-door-status/",
                "gm/encounter/place-token/", "gm/encounter/move-token/", "gm/encounter/remove-token/",
                "gm/encounter/update-token-status/", "gm/encounter/clear-tokens/", "gm/encounter/toggle-portrait/",
                "gm/ship-status/toggle/", "gm/charon/mode/", "gm/charon/location/", "gm/broadcast/",
                "gm/charon/send/", "gm/charon/clear/", "gm/charon/story/send/", "gm/charon/story/mark-read/",
                "gm/charon/story/clear/", "gm/players/", "gm/bridge/")) {
            long before = version();
            assertEquals(401, Http.post(api().resolve(endpoint), "{}").statusCode(), "anonymous " + endpoint);
            assertEquals(403, player.post(endpoint, "{}").statusCode(), "player " + endpoint);
            assertEquals(before, version());
        }
        for (String read : List.of("gm/locations/", "gm/encounter/token-images/", "gm/campaign/problems/",
                "gm/encounter/room-visibility/", "gm/charon/channels/", "gm/join/", "gm/players/")) {
            assertEquals(401, Http.get(api().resolve(read)).statusCode(), "anonymous " + read);
            assertEquals(403, player.get(read).statusCode(), "player " + read);
            assertEquals(200, gm.get(read).statusCode(), "GM " + read);
        }
    }

    private String firstTerminal() throws Exception {
        JsonObject tree = JsonText.object(gm.get("gm/locations/").body());
        java.util.Deque<JsonObject> todo = new java.util.ArrayDeque<>();
        tree.getJsonArray("locations").forEach(l -> todo.add(l.asJsonObject()));
        while (!todo.isEmpty()) {
            JsonObject location = todo.pop();
            if (!location.getJsonArray("terminals").isEmpty()) {
                return location.getString("slug") + "/" + location.getJsonArray("terminals").getJsonObject(0).getString("slug");
            }
            location.getJsonArray("children").forEach(c -> todo.add(c.asJsonObject()));
        }
        throw new AssertionError("the demo campaign has no terminal");
    }

    @Test
    void eachAcceptedGmWriteIsLoggedOnceWithWhoWhatAndVersion() throws Exception {
        try (CapturedLog log = CapturedLog.of("charon.gm.writes")) {
            gm.ok("gm/charon/mode/", "{\"mode\":\"QUERY\"}");
            long version = version();
            assertEquals(400, gm.post("gm/charon/mode/", "{\"mode\":\"LOUD\"}").statusCode());
            assertEquals(List.of("GM write by=gm action=charon/mode status=200 version=" + version), log.messages(),
                    "one line for the accepted write, none for the refused one");
        }
    }

    /**
     * Issue 17.4 / 18.3: the GM chooses what BRIDGE shows (tab, star map level and selection, person, log) in one
     * validated write: one version, one event on every display; refusals change nothing; players get the people and
     * logs only while the bridge is on screen.
     */
    @Test
    void theGmChoosesWhatTheBridgeShowsAndEveryDisplayFollows() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            JsonObject chosen = gm.ok("gm/bridge/", "{\"tab\":\"PERSONNEL\",\"person\":\"adaeze_rook\",\"log\":\"2\"}");
            assertEquals("PERSONNEL", chosen.getJsonObject("bridge").getString("tab"));
            JsonObject bridge = next(display, ++v).getJsonObject("bridge");
            assertEquals("PERSONNEL", bridge.getString("tab"));
            assertEquals("adaeze_rook", bridge.getString("person"));
            assertEquals("2", bridge.getString("log"));
            assertEquals("GALAXY", bridge.getString("map_level"));

            gm.ok("gm/bridge/", "{\"tab\":\"MAP\",\"map_level\":\"GALAXY\",\"system_slug\":\"hesper\"}");
            assertEquals("hesper", next(display, ++v).getJsonObject("bridge").getString("system_slug"));
            gm.ok("gm/bridge/", "{\"map_level\":\"SYSTEM\",\"system_slug\":\"hesper\",\"body_slug\":\"orrin\"}");
            bridge = next(display, ++v).getJsonObject("bridge");
            assertEquals(List.of("MAP", "SYSTEM", "hesper", "orrin", "", "adaeze_rook"), List.of(bridge.getString("tab"),
                    bridge.getString("map_level"), bridge.getString("system_slug"), bridge.getString("body_slug"),
                    bridge.getString("selected"), bridge.getString("person")), "a move keeps the tab's other choices");
            gm.ok("gm/bridge/", "{\"map_level\":\"ORBIT\",\"system_slug\":\"hesper\",\"body_slug\":\"orrin\",\"selected\":\"Tallow Station\"}");
            bridge = next(display, ++v).getJsonObject("bridge");
            assertEquals("ORBIT", bridge.getString("map_level"));
            assertEquals("Tallow Station", bridge.getString("selected"));

            String[] refused = {
                    "{\"tab\":\"WARP\"}",
                    "{\"tab\":7}",
                    "{\"map_level\":\"SYSTEM\",\"system_slug\":\"vanta-reach\"}", // a star without a system map
                    "{\"map_level\":\"GALAXY\",\"system_slug\":\"atlantis\"}",
                    "{\"map_level\":\"SYSTEM\",\"system_slug\":\"hesper\",\"body_slug\":\"pluto\"}",
                    "{\"map_level\":\"ORBIT\",\"system_slug\":\"hesper\",\"body_slug\":\"Cinder\"}", // a body without an orbit map
                    "{\"map_level\":\"ORBIT\",\"system_slug\":\"hesper\",\"body_slug\":\"orrin\",\"selected\":\"Moonbase\"}",
                    "{\"person\":\"nobody\"}",
                    "{\"log\":\"99\"}",
                    "[1]",
            };
            for (String body : refused) {
                long before = version();
                HttpResponse<String> response = gm.post("gm/bridge/", body);
                assertEquals(400, response.statusCode(), body + " -> " + response.body());
                assertFalse(JsonText.object(response.body()).getString("error").isBlank());
                assertEquals(before, version(), "a refused choice changes nothing: " + body);
            }

            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"msv_caldera_wren\"}");
            JsonObject players = next(display, ++v).getJsonObject("bridge");
            assertEquals("", players.getString("person"), "people are shown with the bridge, not before");
            assertEquals("", players.getString("log"));
            assertEquals("ORBIT", players.getString("map_level"), "the star map's part is public");
            assertEquals("adaeze_rook", state().getJsonObject("bridge").getString("person"), "the GM keeps the whole choice");
        }
    }

    /**
     * Issue 20: a GM alert is one version and one event to every display, carrying the sound; an unknown sound is
     * refused in one line and nothing is pushed (the next event the display gets is the next accepted write's).
     */
    @Test
    void aSoundAlertIsOneEventAndAnUnknownSoundIsRefusedWithNothingPushed() throws Exception {
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"));
             CapturedLog log = CapturedLog.of("charon.gm.writes")) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());

            HttpResponse<String> unknown = gm.post("gm/sound/alert/", "{\"sound\":\"banshee\"}");
            assertEquals(400, unknown.statusCode(), unknown.body());
            String error = JsonText.object(unknown.body()).getString("error");
            assertTrue(error.startsWith("Unknown sound: \"banshee\"") && !error.contains("\n"), error);
            assertEquals(400, gm.post("gm/sound/alert/", "{}").statusCode(), "the sound is required");
            assertEquals(400, gm.post("gm/sound/alert/", "{\"sound\":\"../../etc/passwd.ogg\"}").statusCode());
            assertEquals(400, gm.post("gm/sound/alert/", "{\"sound\":\"audio/missing.ogg\"}").statusCode(), "no such campaign file");
            assertEquals(401, Http.post(api().resolve("gm/sound/alert/"), "{\"sound\":\"klaxon\"}").statusCode(), "only the GM");
            HttpResponse<String> noCsrf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(api().resolve("gm/sound/alert/"))
                    .header("Cookie", gm.cookieHeader().get("Cookie")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"sound\":\"klaxon\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, noCsrf.statusCode(), "the GM's login without the CSRF token");
            assertEquals(v, version(), "nothing refused changed the state");

            JsonObject fired = gm.ok("gm/sound/alert/", "{\"sound\":\"motion-tracker-ping\"}");
            JsonObject pushed = next(display, ++v); // the refusals pushed nothing: the next event is this one
            JsonObject alert = pushed.getJsonObject("sound").getJsonObject("alert");
            assertEquals("motion-tracker-ping", alert.getString("name"));
            assertEquals(fired.getJsonNumber("sequence").longValue(), alert.getJsonNumber("sequence").longValue());
            for (String field : List.of("view_type", "location_slug", "view_slug", "overlay_location_slug", "overlay_terminal_slug",
                    "charon_mode", "charon_location_path", "charon_dialog_open", "charon_active_channel", "encounter_level",
                    "encounter_deck_id", "encounter_room_visibility", "encounter_door_status", "encounter_tokens",
                    "encounter_active_portraits", "ship_system_overrides")) {
                assertTrue(pushed.containsKey(field), "the 16 fields stay: " + field);
            }
            assertFalse(pushed.getJsonObject("sound").containsKey("ambience_by_view"), "the displays get the ambience of the view shown only");

            gm.ok("gm/sound/alert/", "{\"sound\":\"klaxon\"}");
            JsonObject again = next(display, ++v).getJsonObject("sound").getJsonObject("alert");
            assertEquals(alert.getJsonNumber("sequence").longValue() + 1, again.getJsonNumber("sequence").longValue(), "each alert is new");

            assertEquals(400, gm.post("gm/sound/ambience/", "{\"view_type\":\"DISCO\",\"ambience\":\"engine-hum\"}").statusCode());
            assertEquals(400, gm.post("gm/sound/ambience/", "{\"view_type\":\"BRIDGE\",\"ambience\":\"bagpipes\"}").statusCode());
            assertEquals(400, gm.post("gm/sound/level/", "{\"level\":101}").statusCode());
            assertEquals(v, version());
            String shown = pushed.getString("view_type");
            gm.ok("gm/sound/ambience/", "{\"view_type\":\"" + shown + "\",\"ambience\":\"silence\"}");
            assertEquals("silence", next(display, ++v).getJsonObject("sound").getString("ambience"));
            gm.ok("gm/sound/level/", "{\"level\":25}");
            assertEquals(25, next(display, ++v).getJsonObject("sound").getInt("level"));
            assertEquals("silence", state().getJsonObject("sound").getJsonObject("ambience_by_view").getString(shown), "the GM sees every view's");
            assertTrue(log.messages().contains("GM write by=gm action=sound/alert status=200 version=" + (v - 3)), log.messages().toString());
        }
    }
}
