package charon.journal;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Deployments;
import charon.testsupport.Eventually;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;
import charon.testsupport.SqliteLockHolder;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table's state through the real API on the demo campaign: each location remembers its encounter, a GM
 * resets one, undo/redo, a new session, and the journal in SQLite (written after each change; a journal that
 * cannot be written does not stop the table). Every change is checked as the one event a display receives.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TableStateIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "table-" + System.nanoTime());
    private static final String WREN = "msv_caldera_wren";
    private static final String TALLOW = "tallow_station";
    private static final List<String> ENCOUNTER_FIELDS = List.of("encounter_level", "encounter_deck_id", "encounter_room_visibility",
            "encounter_door_status", "encounter_tokens", "encounter_active_portraits");

    @ArquillianResource
    URL base;

    private Session gm;

    /** Logins end after 15 idle seconds here (the setting is read at each use; cleared after this class). */
    static final String IDLE_MINUTES = "0.25";

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        System.setProperty("charon.session.idle.minutes", IDLE_MINUTES);
        return Deployments.onFixtureDatabase("table", DATA, "30");
    }

    @org.junit.jupiter.api.AfterAll
    static void defaultIdleTime() {
        System.clearProperty("charon.session.idle.minutes");
    }

    /** A login in use lasts past the idle time; one left alone longer than it ends, here and in SQLite. */
    @Test
    void aLoginEndsAfterTheConfiguredIdleTimeUnlessUsed() throws Exception {
        Session used = Session.gm(api());
        Session idle = Session.gm(api());
        long idleMillis = Math.round(Double.parseDouble(IDLE_MINUTES) * 60_000);
        long until = System.nanoTime() + (idleMillis + 5_000) * 1_000_000;
        while (System.nanoTime() < until) {
            assertEquals(200, used.get("auth/me/").statusCode(), "a login in use does not expire");
            Thread.sleep(1_000); // a GM clicking now and then: the passage of time is what is under test
        }
        assertEquals(401, idle.get("auth/me/").statusCode(), "a login left idle longer than " + IDLE_MINUTES + " min has ended");
        assertEquals(401, idle.post("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}").statusCode());
        assertEquals(200, used.get("auth/me/").statusCode());
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    @BeforeEach
    void login() throws Exception {
        gm = Session.gm(api());
    }

    private static JsonObject next(SseClient display, long expectedVersion) throws InterruptedException {
        SseClient.Event event = display.next("activeview", WAIT);
        assertEquals(String.valueOf(expectedVersion), event.id(), "one event per change, in order");
        return JsonText.object(event.data());
    }

    private static String encounterOf(JsonObject payload) {
        StringBuilder fields = new StringBuilder();
        ENCOUNTER_FIELDS.forEach(field -> fields.append(field).append('=').append(payload.get(field)).append('\n'));
        return fields.toString();
    }

    private String show(String location) {
        return location == null ? "{\"view_type\":\"BRIDGE\"}" : "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + location + "\"}";
    }

    @Test
    void eachLocationRemembersItsEncounterAndNothingCarriesOver() throws Exception {
        gm.ok("gm/session/new/", "{\"keep_memories\":false}");
        try (SseClient display = SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader())) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            gm.ok("gm/switch-view/", show(WREN));
            JsonObject fresh = next(display, ++v);
            assertTrue(fresh.getJsonObject("encounter_room_visibility").values().stream().allMatch(JsonValueFalse::is), "a new encounter starts hidden");
            for (String room : List.of("wren_cockpit", "wren_galley", "wren_medbay", "wren_cryo")) {
                gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"" + room + "\",\"visible\":true}");
                next(display, ++v);
            }
            String token = gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Vask\",\"x\":2,\"y\":3,\"room_id\":\"wren_cryo\"}").getString("token_id");
            next(display, ++v);
            gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_galley_cryo\",\"door_status\":\"OPEN\"}");
            next(display, ++v);
            gm.ok("gm/encounter/toggle-portrait/", "{\"npc_id\":\"ines_varga\"}");
            next(display, ++v);
            gm.ok("gm/encounter/switch-level/", "{\"deck_id\":\"lower\"}");
            JsonObject wrenSeen = next(display, ++v);
            assertTrue(wrenSeen.getJsonObject("encounter_tokens").containsKey(token));

            gm.ok("gm/switch-view/", show(null));
            JsonObject bridge = next(display, ++v);
            assertTrue(bridge.getJsonObject("encounter_tokens").isEmpty(), "no tokens follow the view to the bridge");
            assertTrue(bridge.getJsonObject("encounter_door_status").isEmpty());
            assertTrue(bridge.getJsonArray("encounter_active_portraits").isEmpty());

            gm.ok("gm/switch-view/", show(TALLOW));
            JsonObject tallow = next(display, ++v);
            assertTrue(tallow.getJsonObject("encounter_tokens").isEmpty(), "another location gets none of the ship's tokens");
            assertFalse(tallow.getJsonObject("encounter_door_status").containsKey("wren_galley_cryo"));
            assertTrue(tallow.getJsonObject("encounter_room_visibility").containsKey("tallow_chapel"));
            gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"tallow_chapel\"}");
            next(display, ++v);
            gm.ok("gm/encounter/place-token/", "{\"type\":\"player\",\"name\":\"Ash\",\"x\":1,\"y\":1}");
            JsonObject tallowSeen = next(display, ++v);

            gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
            next(display, ++v);
            gm.ok("gm/switch-view/", show(WREN));
            JsonObject back = next(display, ++v);
            assertEquals(encounterOf(wrenSeen), encounterOf(back), "the ship as the players left it, deck included");
            gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
            next(display, ++v);
            gm.ok("gm/switch-view/", show(TALLOW));
            assertEquals(encounterOf(tallowSeen), encounterOf(next(display, ++v)), "and the station as they left it");
            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + TALLOW + "\",\"view_slug\":\"x\"}");
            assertEquals(encounterOf(tallowSeen), encounterOf(next(display, ++v)), "the same location again keeps its encounter");

            JsonObject history = JsonText.object(gm.get("gm/view/history/").body());
            assertEquals(List.of(WREN), history.getJsonArray("remembered_locations").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), "the station's memory is on screen, the ship's is kept");
        }
    }

    @Test
    void resettingAnEncounterReturnsItToItsStart() throws Exception {
        gm.ok("gm/session/new/", "{\"keep_memories\":false}");
        gm.ok("gm/switch-view/", show(WREN));
        JsonObject start = JsonText.object(gm.get("gm/active-view/").body());
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cryo\"}");
        gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Vask\",\"x\":2,\"y\":3}");
        gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_galley_cryo\",\"door_status\":\"LOCKED\"}");
        gm.ok("gm/switch-view/", show(TALLOW));
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"tallow_chapel\"}");
        JsonObject tallowSeen = JsonText.object(gm.get("gm/active-view/").body());
        try (SseClient display = SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader())) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            gm.ok("gm/encounter/reset/", "{\"location_slug\":\"" + WREN + "\"}");
            JsonObject unchanged = next(display, ++v);
            assertEquals(encounterOf(tallowSeen), encounterOf(unchanged), "resetting another location leaves the screen alone");
            gm.ok("gm/switch-view/", show(WREN));
            assertEquals(encounterOf(start), encounterOf(next(display, ++v)), "the ship starts over");
            gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cryo\"}");
            next(display, ++v);
            gm.ok("gm/encounter/reset/", "{}");
            assertEquals(encounterOf(start), encounterOf(next(display, ++v)), "the encounter on screen starts over");
            long before = v;
            assertEquals(404, gm.post("gm/encounter/reset/", "{\"location_slug\":\"atlantis\"}").statusCode());
            assertEquals(400, gm.post("gm/encounter/reset/", "{\"location_slug\":7}").statusCode());
            assertEquals(401, Http.post(api().resolve("gm/encounter/reset/"), "{}").statusCode(), "GM only");
            gm.ok("gm/switch-view/", show(null));
            next(display, ++v);
            JsonObject refused = JsonText.object(gm.post("gm/encounter/reset/", "{}").body());
            assertTrue(refused.getString("error").contains("No encounter location is shown"), refused.toString());
            assertEquals(before + 1, Long.parseLong(gm.get("gm/active-view/").headers().firstValue("X-Charon-Version").orElseThrow()),
                    "refusals changed nothing");
        }
    }

    /** 50 random GM changes, then 50 undos: the payload byte for byte as before, each undo one event. */
    @Test
    void fiftyRandomChangesThenFiftyUndosGiveTheOriginalStateByteForByte() throws Exception {
        gm.ok("gm/session/new/", "{\"keep_memories\":false}");
        gm.ok("gm/switch-view/", show(WREN));
        String tokenId = gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Vask\",\"x\":0,\"y\":0}").getString("token_id");
        String original = gm.get("gm/active-view/").body();
        Random random = new Random(1234);
        String[] doors = {"OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"};
        String[] rooms = {"wren_cockpit", "wren_galley", "wren_medbay", "wren_airlock", "wren_cryo"};
        String at = WREN;
        int doorChanges = 0; // each door write sets another status than the last, so each is an undoable change
        try (SseClient display = SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader())) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            for (int i = 0; i < 50; i++) {
                int kind = at.equals(WREN) ? random.nextInt(6) : 5;
                switch (kind) {
                    case 0, 1 -> gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"" + rooms[random.nextInt(rooms.length)] + "\"}");
                    case 2 -> gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + tokenId + "\",\"x\":" + (i + 1) + ",\"y\":" + random.nextInt(30) + "}");
                    case 3 -> gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_galley_cryo\",\"door_status\":\"" + doors[doorChanges++ % 5] + "\"}");
                    case 4 -> gm.ok("gm/encounter/toggle-portrait/", "{\"npc_id\":\"ines_varga\"}");
                    default -> {
                        at = at.equals(WREN) ? (random.nextBoolean() ? TALLOW : "") : WREN;
                        gm.ok("gm/switch-view/", at.isEmpty() ? show(null) : show(at));
                    }
                }
                next(display, ++v);
            }
            assertNotEquals(original, gm.get("gm/active-view/").body());
            for (int i = 0; i < 50; i++) {
                JsonObject history = JsonText.object(gm.get("gm/view/history/").body());
                assertTrue(history.containsKey("next_undo"), "the console can show what the next undo reverts");
                JsonObject answer = gm.ok("gm/view/undo/", "{}");
                assertEquals(v + 1, answer.getJsonNumber("version").longValue(), "an undo is a new version");
                next(display, ++v);
            }
            assertEquals(original, gm.get("gm/active-view/").body(), "byte for byte");
            assertEquals(v, Long.parseLong(gm.get("gm/active-view/").headers().firstValue("X-Charon-Version").orElseThrow()),
                    "exactly one event per undo");
            gm.ok("gm/view/redo/", "{}");
            next(display, ++v);
            gm.ok("gm/view/undo/", "{}");
            next(display, ++v);
            assertEquals(original, gm.get("gm/active-view/").body());
        }
    }

    @Test
    void nothingToUndoIsAClearRefusalAndWritesNeedTheGm() throws Exception {
        Session fresh = Session.gm(api());
        assertEquals(401, Http.post(api().resolve("gm/view/undo/"), "{}").statusCode());
        Session player = new Session(api());
        player.login("ripley", "ripley-pass-123");
        assertEquals(403, player.post("gm/view/undo/", "{}").statusCode(), "players cannot undo");
        assertEquals(400, fresh.post("gm/session/new/", "{}").statusCode(), "keep_memories must be chosen");
        long before = Long.parseLong(gm.get("gm/active-view/").headers().firstValue("X-Charon-Version").orElseThrow());
        for (String path : List.of("gm/view/undo/", "gm/encounter/reset/", "gm/session/new/")) {
            HttpResponse<String> noToken = raw(fresh, path, null);
            assertEquals(403, noToken.statusCode(), path + " without the CSRF token");
            assertTrue(noToken.body().contains("CSRF token missing or invalid"), noToken.body());
            HttpResponse<String> foreign = raw(fresh, path, "http://evil.example");
            assertEquals(403, foreign.statusCode(), path + " from another origin");
            assertTrue(foreign.body().contains("Cross-origin request refused"), foreign.body());
        }
        assertEquals(before, Long.parseLong(gm.get("gm/active-view/").headers().firstValue("X-Charon-Version").orElseThrow()),
                "refused writes changed nothing");
        int undone = 0;
        int status;
        while ((status = fresh.post("gm/view/undo/", "{}").statusCode()) == 200) {
            undone++;
            assertTrue(undone <= 100, "the history is bounded");
        }
        assertEquals(409, status);
        assertTrue(JsonText.object(fresh.post("gm/view/undo/", "{}").body()).getString("error").contains("Nothing to undo"));
    }

    @Test
    void aNewSessionKeepsOrClearsTheMemoriesAsTheGmChooses() throws Exception {
        gm.ok("gm/session/new/", "{\"keep_memories\":false}");
        gm.ok("gm/switch-view/", show(WREN));
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cryo\"}");
        String seen = encounterOf(JsonText.object(gm.get("gm/active-view/").body()));
        JsonObject kept = gm.ok("gm/session/new/", "{\"keep_memories\":true}");
        assertEquals("STANDBY", kept.getString("view_type"));
        assertEquals("STANDBY", JsonText.object(gm.get("gm/active-view/").body()).getString("view_type"));
        gm.ok("gm/switch-view/", show(WREN));
        assertEquals(seen, encounterOf(JsonText.object(gm.get("gm/active-view/").body())), "kept");
        gm.ok("gm/session/new/", "{\"keep_memories\":false}");
        gm.ok("gm/switch-view/", show(WREN));
        assertFalse(JsonText.object(gm.get("gm/active-view/").body())
                .getJsonObject("encounter_room_visibility").getBoolean("wren_cryo"), "cleared");
    }

    /** Every answered change is in SQLite; a journal SQLite refuses warns and recovers, the table plays on. */
    @Test
    void theJournalFollowsEveryAnsweredChangeAndAFailingOneDoesNotStopTheTable() throws Exception {
        gm.ok("gm/switch-view/", show(WREN));
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_galley\"}");
        long answered = Long.parseLong(gm.get("gm/active-view/").headers().firstValue("X-Charon-Version").orElseThrow());
        assertEquals(answered, journaledVersion(), "an answered change is journaled before its answer");
        assertEquals("ok", JsonText.object(Http.get(api().resolve("health")).body()).getString("journal"));

        try (SseClient display = SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader())) {
            long v = Long.parseLong(display.next("activeview", WAIT).id());
            // another program holds SQLite's write lock: the journal's writes are refused
            try (SqliteLockHolder lock = SqliteLockHolder.lock(DATA.resolve("charon.db"))) {
                for (int i = 0; i < 3; i++) {
                    gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cryo\"}");
                    next(display, ++v);
                }
                Eventually.awaitEquals("health degraded", "degraded", WAIT, () -> health().getString("status"));
                assertEquals("failing", health().getString("journal"));
                gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cryo\"}");
                next(display, ++v);
                assertTrue(journaledVersion() < v, "not journaled while the file is locked");
            }
            long last = v;
            Eventually.awaitEquals("the journal catches up", last, WAIT, () -> {
                return journaledVersion();
            });
            Eventually.awaitEquals("health ok again", "ok", WAIT, () -> health().getString("status"));
        }
    }

    /** A POST with the session's cookie but without its CSRF token (and with the given Origin, if any). */
    private HttpResponse<String> raw(Session session, String path, String origin) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(api().resolve(path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"keep_memories\":false}"));
        session.cookieHeader().forEach(request::header);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject health() {
        try {
            return JsonText.object(Http.get(api().resolve("health")).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the newest state in SQLite (read by the server: a second SQLite in this process would upset its locks). */
    private long journaledVersion() {
        return health().getJsonNumber("journal_version").longValue();
    }

    private static final class JsonValueFalse {
        static boolean is(jakarta.json.JsonValue value) {
            return value == jakarta.json.JsonValue.FALSE;
        }
    }
}
