package charon.view;

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

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.ResourceEndpoints;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Players' screens receive only what players may see. A scripted encounter on the demo campaign's MSV Caldera
 * Wren (two rooms revealed; a creature in the hidden cryo vault; a hidden-status token in a revealed room; a closed
 * door between the revealed galley and the hidden cryo vault; the autodoc terminal in the hidden medbay), then
 * every GET endpoint of the application (found by reflection over the resource classes) and the public stream,
 * crawled as an anonymous device and as a signed-in player: no byte names a hidden room, its contents or the
 * hidden tokens. The GM's own endpoints and stream still carry all of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PlayerViewIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "players-" + System.nanoTime());
    private static final String SHIP = "msv_caldera_wren";
    private static final Path CAMPAIGN = Path.of("webapp/WEB-INF/demo-campaign");

    @ArquillianResource
    URL base;

    private Session gm;
    /** Every body the crawl got from the public endpoints: what a player's device may know of. */
    private final StringBuilder publicText = new StringBuilder();

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        return Deployments.onFixtureDatabase("players", DATA, "30");
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    @BeforeEach
    void login() throws Exception {
        gm = Session.gm(api());
    }

    /** What the scripted encounter leaves for the crawl to look for. */
    private record Scenario(Set<String> secrets, String revealedRoom, String visibleToken, long version) {
    }

    @Test
    void noPublicEndpointNorTheStreamCarriesWhatTheGmHasNotRevealed() throws Exception {
        Session player = new Session(api());
        player.login("ripley", "ripley-pass-123");
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        try (SseClient anonymous = SseClient.open(api().resolve("active-view/stream/"));
             SseClient signedIn = SseClient.open(api().resolve("active-view/stream/"), player.cookieHeader());
             SseClient console = SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader())) {
            assertEquals(200, console.status(), "the GM's stream");
            Scenario scenario = playEncounter();
            assertFalse(scenario.secrets().isEmpty());

            // the GM's side has every secret: the data is there, and only the players' side leaves it out
            String gmPayload = gm.get("gm/active-view/").body();
            for (String secret : List.of("Xenomorph", "Lurker", "wren_cryo", "wren_galley_cryo")) {
                assertTrue(gmPayload.contains(secret), "the GM's payload has " + secret);
            }
            assertTrue(readUntil(console, scenario.version()).contains("Xenomorph"), "the GM's stream has the hidden token");
            String gmMap = gm.get("gm/encounter-map/" + SHIP + "/").body();
            assertTrue(gmMap.contains("CRYO VAULT") && gmMap.contains("wren_autodoc"), "the GM's map has the hidden rooms");

            // the players' streams: every event they got during the whole encounter
            assertClean("public stream (anonymous)", readUntil(anonymous, scenario.version()), scenario.secrets());
            assertClean("public stream (player)", readUntil(signedIn, scenario.version()), scenario.secrets());

            // and what they still get: the revealed room, its visible token, the door on the revealed side
            JsonObject shown = JsonText.object(Http.get(api().resolve("active-view/")).body());
            assertTrue(shown.getJsonObject("encounter_room_visibility").getBoolean(scenario.revealedRoom()));
            assertTrue(shown.getJsonObject("encounter_tokens").containsKey(scenario.visibleToken()), "a visible token stays");
            JsonObject deck = shown.getJsonObject("location_data").getJsonObject("map").getJsonObject("current_deck");
            JsonObject door = oneSidedDoor(deck, "wren_galley");
            assertNotNull(door, "the door from the galley to the hidden cryo vault is drawn on the galley's side");
            assertEquals("CLOSED", shown.getJsonObject("encounter_door_status").getString(door.getString("id")),
                    "its status is pushed under the id the players know");
            assertTrue(deck.getJsonArray("rooms").stream().map(JsonValue::asJsonObject)
                    .anyMatch(r -> r.getString("id").equals("wren_galley")));

            int crawled = crawl("anonymous", null, scenario.secrets());
            crawl("player", player, scenario.secrets());
            crawlImages("anonymous", null);
            crawlImages("player", player);
            assertTrue(crawled > 100, "the crawl reached the endpoints (" + crawled + " requests)");
        }
    }

    @Test
    void gmEndpointsAndTheGmStreamStayTheGms() throws Exception {
        assertEquals(401, Http.get(api().resolve("gm/active-view/")).statusCode());
        assertEquals(401, Http.get(api().resolve("gm/encounter-map/" + SHIP + "/")).statusCode());
        Session player = new Session(api());
        player.login("hicks", "hicks-pass-123");
        assertEquals(403, player.get("gm/active-view/").statusCode());
        try (SseClient anonymous = SseClient.open(api().resolve("gm/active-view/stream/"));
             SseClient signedIn = SseClient.open(api().resolve("gm/active-view/stream/"), player.cookieHeader())) {
            assertEquals(401, anonymous.status());
            assertEquals(403, signedIn.status());
        }
    }

    /**
     * The players' projection is built once per change, not once per display or request: with many displays and
     * GM consoles connected and readers polling, N changes build N projections.
     */
    @Test
    void theProjectionIsBuiltOncePerChangeWhateverTheNumberOfDisplays() throws Exception {
        List<SseClient> displays = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                displays.add(SseClient.open(api().resolve("active-view/stream/")));
            }
            displays.add(SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader()));
            displays.add(SseClient.open(api().resolve("gm/active-view/stream/"), gm.cookieHeader()));
            for (SseClient display : displays) {
                assertEquals(200, display.status());
                display.next("activeview", WAIT);
            }
            long before = projectionsBuilt();
            long version = version();
            int changes = 12;
            for (int i = 0; i < changes; i++) {
                gm.ok("gm/ship-status/toggle/", "{\"system\":\"comms\",\"status\":\"" + (i % 2 == 0 ? "DAMAGED" : "ONLINE") + "\"}");
                for (int r = 0; r < 5; r++) {
                    assertEquals(200, Http.get(api().resolve("active-view/")).statusCode());
                    assertEquals(200, gm.get("gm/active-view/").statusCode());
                }
            }
            long last = version + changes;
            for (SseClient display : displays) {
                String id;
                do {
                    id = display.next("activeview", WAIT).id();
                } while (Long.parseLong(id) < last);
                assertEquals(last, Long.parseLong(id));
            }
            assertEquals(changes, projectionsBuilt() - before,
                    "one players' projection per change for " + displays.size() + " streams and " + changes * 10 + " reads");
        } finally {
            displays.forEach(SseClient::close);
        }
    }

    // ------------------------------------------------------------------ the scripted encounter

    private Scenario playEncounter() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_galley\",\"visible\":true}");
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"wren_cockpit\",\"visible\":true}");
        String visible = gm.ok("gm/encounter/place-token/",
                "{\"type\":\"player\",\"name\":\"Ripley\",\"x\":9,\"y\":6,\"room_id\":\"wren_galley\"}").getString("token_id");
        String creature = gm.ok("gm/encounter/place-token/",
                "{\"type\":\"creature\",\"name\":\"Xenomorph\",\"x\":20,\"y\":6,\"room_id\":\"wren_cryo\",\"image_url\":\"/data/campaign/NPCs/images/xenomorph-secret.png\"}").getString("token_id");
        // placed out of sight, marked hidden, then moved into the revealed galley: hidden by its status alone
        String lurker = gm.ok("gm/encounter/place-token/",
                "{\"type\":\"npc\",\"name\":\"Lurker\",\"x\":10,\"y\":1,\"room_id\":\"wren_medbay\"}").getString("token_id");
        gm.ok("gm/encounter/update-token-status/", "{\"token_id\":\"" + lurker + "\",\"status\":[\"hidden\"]}");
        gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + lurker + "\",\"x\":11,\"y\":7,\"room_id\":\"wren_galley\"}");
        JsonObject door = gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_galley_cryo\",\"door_status\":\"CLOSED\"}");
        assertEquals("CLOSED", door.getJsonObject("all_door_status").getString("wren_galley_cryo"));
        gm.ok("gm/encounter/set-door-status/", "{\"connection_id\":\"wren_medbay_cryo\",\"door_status\":\"OPEN\"}");

        Set<String> secrets = new LinkedHashSet<>(List.of(creature, "Xenomorph", "xenomorph-secret", lurker, "Lurker"));
        JsonObject all = JsonText.object(gm.get("gm/encounter-map/" + SHIP + "/all-decks/").body());
        JsonObject visibility = all.getJsonObject("room_visibility");
        Set<String> hiddenRooms = new TreeSet<>();
        for (JsonValue d : all.getJsonArray("decks")) {
            String deckId = d.asJsonObject().getString("id");
            JsonObject map = JsonText.object(gm.get("gm/encounter-map/" + SHIP + "/?deck_id=" + deckId).body()).getJsonObject("current_deck");
            for (JsonValue r : map.getJsonArray("rooms")) {
                JsonObject room = r.asJsonObject();
                if (!visibility.getBoolean(room.getString("id"))) {
                    hiddenRooms.add(room.getString("id"));
                    secrets.add(room.getString("id"));
                    secrets.add(room.getString("name"));
                    secrets.add(room.getString("description"));
                }
            }
            for (String list : List.of("poi", "terminals")) {
                for (JsonValue item : map.getJsonArray(list)) {
                    JsonObject thing = item.asJsonObject();
                    if (hiddenRooms.contains(thing.getString("room"))) {
                        secrets.add(thing.getString("id"));
                        secrets.add(thing.getString("name"));
                        if (thing.containsKey("description")) {
                            secrets.add(thing.getString("description"));
                        }
                    }
                }
            }
            for (JsonValue c : map.getJsonArray("connections")) {
                JsonObject connection = c.asJsonObject();
                if (hiddenRooms.contains(connection.getString("from")) || hiddenRooms.contains(connection.getString("to"))) {
                    secrets.add(connection.getString("id")); // its id often names the hidden room
                }
            }
        }
        assertTrue(hiddenRooms.containsAll(List.of("wren_cryo", "wren_medbay", "wren_hold")), "the scenario hides " + hiddenRooms);
        assertTrue(secrets.containsAll(List.of("CRYO VAULT", "wren_autodoc", "AUTODOC", "wren_galley_cryo")), "secrets: " + secrets);
        long version = Long.parseLong(Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow());
        return new Scenario(secrets, "wren_galley", visible, version);
    }

    private static JsonObject oneSidedDoor(JsonObject deck, String revealedRoom) {
        for (JsonValue c : deck.getJsonArray("connections")) {
            JsonObject connection = c.asJsonObject();
            if (connection.getString("from").equals(revealedRoom) && connection.getString("to").isEmpty()
                    && connection.containsKey("door_at") && "blast_door".equals(connection.getString("door_type", ""))) {
                return connection;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the crawl

    /** Every GET endpoint with every value the campaign could give its parameters; returns the requests made. */
    private int crawl(String who, Session session, Set<String> secrets) throws Exception {
        List<ResourceEndpoints.Endpoint> endpoints = ResourceEndpoints.of(api());
        Set<String> templates = new TreeSet<>();
        endpoints.forEach(e -> templates.add(e.template()));
        assertTrue(templates.containsAll(List.of("active-view/", "active-view/stream/", "encounter-map/{location}/",
                "encounter-map/{location}/all-decks/", "terminal/{location}/{terminal}/", "campaign/bridge/")),
                "the resource scan finds the public endpoints: " + templates);
        List<String> values = parameterValues();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        int requests = 0;
        for (ResourceEndpoints.Endpoint endpoint : endpoints) {
            for (String path : ResourceEndpoints.expand(endpoint, values)) {
                requests++;
                URI uri = api().resolve(path);
                String where = who + " GET /api/" + path + " (" + endpoint.method() + ")";
                if (endpoint.stream()) {
                    try (SseClient stream = session == null ? SseClient.open(uri) : SseClient.open(uri, session.cookieHeader())) {
                        statuses.merge(stream.status(), 1, Integer::sum);
                        assertGmOnly(where, path, session, stream.status());
                        if (stream.status() == 200) {
                            assertClean(where, stream.next("activeview", WAIT).data(), secrets);
                        }
                    }
                    continue;
                }
                HttpResponse<String> response = session == null ? Http.get(uri) : session.get(path);
                publicText.append(response.body()).append('\n');
                statuses.merge(response.statusCode(), 1, Integer::sum);
                assertGmOnly(where, path, session, response.statusCode());
                assertClean(where, response.body(), secrets);
                response.headers().map().forEach((name, headerValues) -> assertClean(where + " header " + name, String.join(",", headerValues), secrets));
            }
        }
        assertTrue(statuses.getOrDefault(200, 0) > 10, who + " got answers: " + statuses);
        return requests;
    }

    /**
     * Every image file of the campaign, asked for under /data/ by a player's device: only those a public answer of
     * the crawl names are served (a portrait shown, a crew member on the bridge...); the rest answer 404, whatever
     * their names, so a device cannot fetch an unrevealed portrait or map by guessing. The GM reads them all.
     */
    private void crawlImages(String who, Session session) throws Exception {
        String named = publicText.toString();
        List<String> images;
        try (Stream<Path> files = Files.walk(CAMPAIGN)) {
            images = files.filter(Files::isRegularFile).map(f -> CAMPAIGN.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.matches("(?i).*\\.(png|jpe?g|gif|webp)$")).toList();
        }
        assertFalse(images.isEmpty(), "the demo campaign has images");
        for (String image : images) {
            String path = "../data/" + image;
            int status = session == null ? Http.get(api().resolve(path)).statusCode() : session.get(path).statusCode();
            if (status == 200) {
                assertTrue(named.contains(image), who + " got /data/" + image + ", which no public answer names");
            } else {
                assertEquals(404, status, who + " /data/" + image);
            }
            assertEquals(200, gm.get(path).statusCode(), "the GM reads /data/" + image);
        }
    }

    /** Everything under gm/ refuses anyone but the GM: 401 without a login, 403 for a player. */
    private static void assertGmOnly(String where, String path, Session session, int status) {
        if (path.startsWith("gm/")) {
            assertEquals(session == null ? 401 : 403, status, where);
        }
    }

    /**
     * Values for path and query parameters: every location, terminal and deck of the campaign, the channels, a
     * revealed room. Not the secrets themselves: an error that repeats what a client sent tells it nothing new.
     */
    private static List<String> parameterValues() throws Exception {
        Set<String> values = new TreeSet<>(List.of("story", "bridge", "encounter-" + SHIP, "upper", "lower", "1",
                "wren_galley"));
        try (Stream<Path> dirs = Files.walk(CAMPAIGN.resolve("galaxy"))) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                String name = dir.getFileName().toString();
                Path parent = dir.getParent();
                boolean location = Files.exists(dir.resolve("location.yaml"));
                boolean terminal = parent != null && parent.getFileName().toString().equals("comms") && !name.equals("messages");
                if (location || terminal) {
                    values.add(name);
                }
            });
        }
        return List.copyOf(values);
    }

    private static void assertClean(String where, String bytes, Set<String> secrets) {
        for (String secret : secrets) {
            assertFalse(bytes.contains(secret), where + " carries the secret '" + secret + "': " + excerpt(bytes, secret));
        }
    }

    private static String excerpt(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 120));
    }

    /** Every event of a stream up to the given version, as one text. */
    private static String readUntil(SseClient stream, long version) throws InterruptedException {
        StringBuilder all = new StringBuilder();
        while (true) {
            SseClient.Event event = stream.next(WAIT);
            all.append(event.name()).append(' ').append(event.id()).append(' ').append(event.data()).append('\n');
            if ("activeview".equals(event.name()) && Long.parseLong(event.id()) >= version) {
                return all.toString();
            }
        }
    }

    private long projectionsBuilt() throws Exception {
        return Long.parseLong(Http.get(api().resolve("test-control/projections-built")).body().trim());
    }

    private long version() throws Exception {
        return Long.parseLong(Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow());
    }
}
