package charon.push;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Patch streams ({@code ?patch=1}) through the real server on embedded Tomcat: a display applying the patches ends in
 * exactly the state of one receiving full events, through thousands of random GM changes and reconnects; a token move
 * costs a small fraction of the full event; every display is on Tomcat's upgraded connection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PatchStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "patch-" + System.nanoTime());
    private static final String SHIP = "msv_caldera_wren";
    private static final List<String> UPPER_ROOMS = List.of("wren_cockpit", "wren_galley", "wren_medbay", "wren_airlock", "wren_cryo");
    private static final List<String> LOWER_ROOMS = List.of("wren_hold", "wren_reactor", "wren_drone_bay", "wren_workshop");
    private static final List<String> UPPER_DOORS = List.of("wren_cockpit_galley", "wren_galley_medbay", "wren_galley_airlock",
            "wren_galley_cryo", "wren_medbay_cryo");
    private static final List<String> LOWER_DOORS = List.of("wren_hold_reactor", "wren_hold_drones", "wren_hold_workshop",
            "wren_workshop_drones");
    private static final List<String> DOOR_STATES = List.of("OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED");
    private static final List<String> OTHER_LOCATIONS = List.of("tallow_station", "brine_works", "orrin", "hesper", "corvids-rest");
    private static final List<String> NPCS = List.of("ines_varga", "marrow_okafor", "quartermaster_bell");

    @ArquillianResource
    URL base;

    /** One GM login for the class (a password check costs a second or more on a loaded machine). */
    private static Session gm;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        return Deployments.onFixtureDatabase("patch", DATA, "30");
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    private URI stream(boolean patches) {
        return api().resolve(patches ? "active-view/stream/?patch=1" : "active-view/stream/");
    }

    @BeforeEach
    void login() throws Exception {
        if (gm == null) {
            gm = Session.gm(api());
        }
    }

    private static JsonValue json(String text) {
        return JsonText.PROVIDER.createReader(new StringReader(text)).readValue();
    }

    /** What a display holds: the state it rebuilt from its events, and the version of it. */
    private static final class Display implements AutoCloseable {
        private final boolean patches;
        private SseClient client;
        JsonValue state;
        long version = -1;
        int fullEvents;
        int patchEvents;

        Display(boolean patches) {
            this.patches = patches;
        }

        void connect(URI uri) throws Exception {
            close();
            client = SseClient.open(uri);
            assertEquals(200, client.status());
            // on every (re)connect the first event is the full state
            SseClient.Event first = client.next("activeview", WAIT);
            apply(first);
        }

        /** Applies events until this display has the given version. */
        void catchUp(long target) throws Exception {
            while (version < target) {
                SseClient.Event event = client.next(WAIT);
                if (event.name().startsWith("activeview")) {
                    apply(event);
                }
            }
            assertEquals(target, version, "no version skipped past the target");
        }

        private void apply(SseClient.Event event) {
            long id = Long.parseLong(event.id());
            if (event.name().equals("activeview")) {
                state = json(event.data());
                fullEvents++;
            } else {
                assertEquals("activeview-patch", event.name());
                assertTrue(patches, "a display that did not ask for patches gets none");
                // the patch is from the version right before: a gap would be a server bug (the display would reconnect)
                assertEquals(version + 1, id, "a patch follows the version it was computed from");
                state = JsonText.PROVIDER.createMergePatch(json(event.data())).apply(state);
                patchEvents++;
            }
            version = id;
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }

    private long currentVersion() throws Exception {
        return Long.parseLong(Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow());
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aDisplayApplyingPatchesEndsInTheStateOfOneGettingFullEventsAfter10000RandomChangesAndReconnects() throws Exception {
        long seed = Long.getLong("charon.patch.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed + " (-Dcharon.patch.seed to repeat)";
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        try (Display full = new Display(false); Display patched = new Display(true)) {
            full.connect(stream(false));
            patched.connect(stream(true));
            RandomTable table = new RandomTable(gm, random);
            int accepted = 0;
            for (int i = 1; i <= 10_000; i++) {
                if (table.change()) {
                    accepted++;
                }
                if (i % 50 == 0) {
                    // the displays follow as they go (their streams must not fall 64 events behind)
                    long now = currentVersion();
                    full.catchUp(now);
                    patched.catchUp(now);
                    assertEquals(full.state, patched.state, "after change " + i + ", " + context);
                }
                if (i % 2_000 == 1_000) {
                    // a reconnect in the middle of the changes: the patch display starts again from a full state
                    patched.connect(stream(true));
                }
                if (i % 3_000 == 1_500) {
                    full.connect(stream(false));
                }
            }
            long last = currentVersion();
            full.catchUp(last);
            patched.catchUp(last);
            assertEquals(full.state, patched.state, context);
            assertEquals(json(Http.get(api().resolve("active-view/")).body()), patched.state, "the server's own state, " + context);
            assertTrue(accepted > 8_000, "most random changes are accepted by the server (" + accepted + ")");
            assertTrue(patched.patchEvents > 8_000, "the patch display got patches (" + patched.patchEvents + ")");
            // a full state per (re)connect, and for the few changes a merge patch cannot say (a member set to null)
            assertTrue(patched.fullEvents >= 6 && patched.fullEvents < patched.patchEvents / 10,
                    patched.fullEvents + " full events, " + patched.patchEvents + " patches");
            assertEquals(0, full.patchEvents);
        }
    }

    /** The GM's random changes on the demo ship and around it: reveals, moves, doors, views, locations, overlays. */
    private static final class RandomTable {
        private final Session gm;
        private final Random random;
        private final List<String> tokens = new ArrayList<>();
        private boolean lower;
        private boolean onShip = true;

        RandomTable(Session gm, Random random) {
            this.gm = gm;
            this.random = random;
        }

        private <T> T any(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        /** One random GM write; true if the server accepted it. */
        boolean change() throws Exception {
            List<String> rooms = lower ? LOWER_ROOMS : UPPER_ROOMS;
            int dice = random.nextInt(100);
            HttpResponse<String> response;
            if (!onShip && dice < 60) {
                response = gm.post("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
                onShip = response.statusCode() == 200 || onShip;
            } else if (dice < 20) {
                response = gm.post("gm/encounter/toggle-room/", "{\"room_id\":\"" + any(rooms) + "\"}");
            } else if (dice < 45 && !tokens.isEmpty()) {
                response = gm.post("gm/encounter/move-token/", "{\"token_id\":\"" + any(tokens) + "\",\"x\":" + random.nextInt(20)
                        + ",\"y\":" + random.nextInt(20) + "}");
            } else if (dice < 52 && tokens.size() < 12) {
                response = gm.post("gm/encounter/place-token/", "{\"type\":\"" + any(List.of("npc", "player", "creature", "object"))
                        + "\",\"name\":\"T" + random.nextInt(1000) + "\",\"x\":" + random.nextInt(20) + ",\"y\":" + random.nextInt(20)
                        + ",\"room_id\":\"" + any(rooms) + "\"}");
                if (response.statusCode() == 200) {
                    tokens.add(JsonText.object(response.body()).getString("token_id"));
                }
            } else if (dice < 55 && !tokens.isEmpty()) {
                String token = tokens.remove(random.nextInt(tokens.size()));
                response = gm.post("gm/encounter/remove-token/", "{\"token_id\":\"" + token + "\"}");
            } else if (dice < 60 && !tokens.isEmpty()) {
                response = gm.post("gm/encounter/update-token-status/", "{\"token_id\":\"" + any(tokens) + "\",\"status\":"
                        + any(List.of("[]", "[\"wounded\"]", "[\"dead\"]", "[\"panicked\",\"stunned\"]")) + "}");
            } else if (dice < 72) {
                response = gm.post("gm/encounter/set-door-status/", "{\"connection_id\":\"" + any(lower ? LOWER_DOORS : UPPER_DOORS)
                        + "\",\"door_status\":\"" + any(DOOR_STATES) + "\"}");
            } else if (dice < 77) {
                response = gm.post("gm/encounter/switch-level/", "{\"deck_id\":\"" + (lower ? "upper" : "lower") + "\"}");
                if (response.statusCode() == 200) {
                    lower = !lower;
                }
            } else if (dice < 81) {
                response = gm.post("gm/switch-view/", "{\"view_type\":\"" + any(List.of("STANDBY", "BRIDGE", "CHARON_TERMINAL"))
                        + "\",\"location_slug\":\"" + SHIP + "\"}");
                onShip = false;
            } else if (dice < 85) {
                response = gm.post("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + any(OTHER_LOCATIONS) + "\"}");
                onShip = false;
            } else if (dice < 90) {
                response = gm.post("gm/show-terminal/", "{\"location_slug\":\"" + SHIP + "\",\"terminal_slug\":\""
                        + any(List.of("helm", "medbay")) + "\"}");
            } else if (dice < 93) {
                response = gm.post("terminal/hide/", "{}");
            } else if (dice < 97) {
                response = gm.post("gm/encounter/toggle-portrait/", "{\"npc_id\":\"" + any(NPCS) + "\"}");
            } else {
                response = gm.post("gm/charon/toggle-dialog/", "{\"open\":" + random.nextBoolean() + "}");
            }
            return response.statusCode() == 200;
        }
    }

    /** Issue 21's budget: a token move on the demo ship's encounter map costs at most 5 % of the full event. */
    @Test
    void aTokenMoveOnTheShipsMapIsAtMostFivePercentOfTheFullEvent() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        gm.ok("gm/encounter/switch-level/", "{\"deck_id\":\"upper\"}");
        gm.ok("gm/encounter/room-visibility/", "{\"room_visibility\":{\"wren_cockpit\":true,\"wren_galley\":true,\"wren_medbay\":true}}");
        String token = gm.ok("gm/encounter/place-token/", "{\"type\":\"player\",\"name\":\"Rook\",\"x\":2,\"y\":3,\"room_id\":\"wren_galley\"}")
                .getString("token_id");
        try (SseClient full = SseClient.open(stream(false)); SseClient patched = SseClient.open(stream(true))) {
            full.next("activeview", WAIT);
            patched.next("activeview", WAIT);
            gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + token + "\",\"x\":3,\"y\":3}");
            SseClient.Event whole = full.next("activeview", WAIT);
            SseClient.Event patch = patched.next("activeview-patch", WAIT);
            assertEquals(whole.id(), patch.id());
            int fullBytes = wireBytes(whole);
            int patchBytes = wireBytes(patch);
            System.out.printf("token move: full event %d bytes, patch event %d bytes (%.1f %%)%n", fullBytes, patchBytes,
                    100.0 * patchBytes / fullBytes);
            assertTrue(patchBytes * 20 <= fullBytes, "patch " + patchBytes + " bytes, full " + fullBytes + " bytes: " + patch.data());
        }
    }

    /** The event's bytes on the wire (text/event-stream lines; chunk framing aside, the same for both). */
    private static int wireBytes(SseClient.Event event) {
        String text = "event: " + event.name() + "\nid: " + event.id() + "\ndata: " + event.data() + "\n\n";
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aPatchValueOtherThanOneOrZeroIsRefusedInOneLine() throws Exception {
        HttpResponse<String> response = Http.get(api().resolve("active-view/stream/?patch=yes"));
        assertEquals(400, response.statusCode());
        assertEquals("patch must be 1 or 0", JsonText.object(response.body()).getString("error"));
    }

    /** Issue 16: a silent fall-back from Tomcat's upgraded connection to an open async request fails here. */
    @Test
    void inTomcatEveryDisplayIsOnTheUpgradedConnection() throws Exception {
        try (SseClient display = SseClient.open(stream(false)); SseClient patches = SseClient.open(stream(true))) {
            display.next("activeview", WAIT);
            patches.next("activeview", WAIT);
            JsonObject byConnection = JsonText.object(gm.get("gm/diagnostics").body()).getJsonObject("streams_by_connection");
            assertTrue(byConnection.getInt("upgraded") >= 2, byConnection.toString());
            assertEquals(0, byConnection.getInt("async"), "no display on the portable path: " + byConnection);
        }
    }
}
