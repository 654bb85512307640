package charon.campaign;

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

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import charon.testsupport.Deployments;
import charon.testsupport.DjangoDatabase;
import charon.testsupport.Eventually;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Cinderwake test campaign (src/test/fixtures) through the real server, on a Django-schema database built by
 * the test: payload enrichment, read endpoints, images, hot reload, problems.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CampaignIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "campaign-" + System.nanoTime());
    private static final Path CAMPAIGN = DATA.resolve("cinderwake");

    @ArquillianResource
    URL base;

    private Session gm;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        copyTree(Fixtures.cinderwake(), CAMPAIGN);
        DjangoDatabase.create(DATA.resolve("charon.db"));
        System.setProperty("charon.home", DATA.toString());
        System.setProperty("charon.db", DATA.resolve("charon.db").toString());
        System.setProperty("charon.campaign", CAMPAIGN.toString());
        System.setProperty("charon.keepalive.seconds", "30");
        return Deployments.charon("campaign");
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    @BeforeEach
    void login() throws Exception {
        gm = Session.gm(api());
    }

    private JsonObject payload() throws Exception {
        return JsonText.object(Http.get(api().resolve("active-view/")).body());
    }

    private JsonObject encounter(String location) throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + location + "\"}");
        return payload();
    }

    /** The GM's payload carries every NPC card; the displays' only those the GM shows (see PlayerViewIT). */
    @Test
    void everyPayloadCarriesTheNpcCards() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        assertTrue(payload().getJsonObject("encounter_npc_data").isEmpty(), "no NPC reaches the displays before the GM shows it");
        JsonObject payload = JsonText.object(gm.get("gm/active-view/").body());
        JsonObject npcs = payload.getJsonObject("encounter_npc_data");
        assertEquals(List.of("ilse_marr", "brother_cask", "warden_pell"), List.copyOf(npcs.keySet()), npcs.toString());
        assertEquals("ilse_marr", npcs.getJsonObject("ilse_marr").getString("id"));
        assertEquals("/data/campaign/NPCs/images/ilse_marr.png", npcs.getJsonObject("ilse_marr").getString("portrait"));
        assertEquals("", npcs.getJsonObject("warden_pell").getString("portrait"));
        assertFalse(payload.containsKey("location_data"), "no location keys outside an encounter");
    }

    @Test
    void multiDeckEncounterPayloadIsCompactAndCorrect() throws Exception {
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"isv_cormorant\"}");
            SseClient.Event event = display.next("activeview", WAIT);
            assertTrue(event.data().getBytes(StandardCharsets.UTF_8).length < 16 * 1024, "payload is " + event.data().length() + " bytes");
            assertFalse(event.data().contains("\"directory\""), "no server paths");
            assertFalse(event.data().contains(CAMPAIGN.toAbsolutePath().toString()), "no server paths");
            JsonObject payload = JsonText.object(event.data());
            assertEquals("ship", payload.getString("location_type"));
            assertTrue(payload.getString("location_name").startsWith("ISV Cormorant"));
            assertEquals(List.of("caul", "meridian", "isv_cormorant"), payload.getJsonArray("location_path").getValuesAs(jakarta.json.JsonString::getString));
            JsonObject data = payload.getJsonObject("location_data");
            assertEquals("caul", data.getString("system_slug"));
            assertEquals("meridian", data.getString("parent_slug"), "the real parent, not the system");
            assertEquals(3, payload.getInt("encounter_total_decks"));
            assertEquals("Command Deck", payload.getString("encounter_deck_name"));
            assertEquals("command", payload.getString("encounter_deck_id"));
            JsonObject map = data.getJsonObject("map");
            assertTrue(map.getBoolean("is_multi_deck"));
            assertEquals("command", map.getString("current_deck_id"));
            assertTrue(payload.getJsonObject("encounter_room_visibility").isEmpty(), "the displays are told of no room: every one is hidden");
            JsonObject visibility = JsonText.object(gm.get("gm/active-view/").body()).getJsonObject("encounter_room_visibility");
            assertEquals(15, visibility.size(), "every room of every deck: " + visibility.keySet());
            assertTrue(visibility.keySet().containsAll(List.of("bridge", "berth_nine", "reactor")), visibility.toString());
            assertTrue(visibility.values().stream().allMatch(v -> v == jakarta.json.JsonValue.FALSE), "a new encounter starts with every room hidden");

            gm.ok("gm/encounter/switch-level/", "{\"deck_id\":\"spine\",\"level\":2}");
            JsonObject lower = JsonText.object(display.next("activeview", WAIT).data());
            assertEquals("Spine Deck", lower.getString("encounter_deck_name"));
            assertEquals(2, lower.getInt("encounter_level"));
            assertEquals("spine", lower.getJsonObject("location_data").getJsonObject("map").getString("current_deck_id"));
        }
    }

    @Test
    void singleFileMapAndLocationWithoutMap() throws Exception {
        encounter("meridian-highport");
        JsonObject single = JsonText.object(gm.get("gm/active-view/").body()); // the whole map: the GM's payload
        assertEquals("meridian-highport", single.getString("location_slug"));
        JsonObject map = single.getJsonObject("location_data").getJsonObject("map");
        assertFalse(map.containsKey("is_multi_deck") && map.getBoolean("is_multi_deck"));
        assertEquals("galaxy/caul/meridian/meridian-highport/map/ring.png", map.getString("image_path"));
        assertFalse(payload().getJsonObject("location_data").getJsonObject("map").containsKey("image_path"),
                "the displays draw the ring room by room: its picture would show the hidden rooms");
        assertEquals("airlock", map.getJsonArray("connections").getJsonObject(0).getString("door_type")); // legacy doors[]
        assertFalse(single.containsKey("encounter_total_decks"));

        JsonObject noMap = encounter("tessaly");
        assertEquals("moon", noMap.getString("location_type"));
        assertTrue(noMap.getJsonObject("location_data").isNull("map"));
        assertEquals("meridian", noMap.getJsonObject("location_data").getString("parent_slug"));

        JsonObject deep = encounter("deck_a");
        assertEquals(List.of("vesper-deep", "vesper-deep-ii", "hulk_anselm", "deck_a"),
                deep.getJsonArray("location_path").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("hulk_anselm", deep.getJsonObject("location_data").getString("parent_slug"));
        assertEquals("hold", deep.getJsonObject("location_data").getJsonObject("map").getString("slug"));
    }

    @Test
    void readEndpointsAnswerInTheContractsShapes() throws Exception {
        JsonObject tree = JsonText.object(gm.get("gm/locations/").body());
        assertEquals(3, tree.getJsonArray("locations").size());
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        assertEquals(404, Http.get(api().resolve("encounter-map/isv_cormorant/")).statusCode(), "a map no view shows is the GM's");
        JsonObject multi = JsonText.object(gm.get("gm/encounter-map/isv_cormorant/").body());
        assertTrue(multi.getBoolean("is_multi_deck"));
        assertTrue(multi.containsKey("room_visibility"));
        JsonObject decks = JsonText.object(gm.get("gm/encounter-map/isv_cormorant/all-decks/").body());
        assertEquals(3, decks.getJsonArray("decks").size());
        HttpResponse<String> unknown = gm.get("gm/encounter-map/nowhere/");
        assertEquals(404, unknown.statusCode());
        assertEquals("Location not found", JsonText.object(unknown.body()).getString("error"));
        assertEquals("No map data for location", JsonText.object(gm.get("gm/encounter-map/tessaly/").body()).getString("error"));
        // the displays get the same shapes for the encounter shown (its revealed rooms only)
        encounter("isv_cormorant");
        gm.ok("gm/encounter/reset/", "{}"); // the location remembers earlier tests' reveals
        JsonObject shown = JsonText.object(Http.get(api().resolve("encounter-map/isv_cormorant/")).body());
        assertTrue(shown.getBoolean("is_multi_deck"));
        assertTrue(shown.getJsonObject("current_deck").getJsonArray("rooms").isEmpty(), "no room revealed yet");
        assertEquals(3, JsonText.object(Http.get(api().resolve("encounter-map/isv_cormorant/all-decks/")).body()).getJsonArray("decks").size());
        assertEquals("Location not found", JsonText.object(Http.get(api().resolve("encounter-map/nowhere/")).body()).getString("error"));
        JsonObject dockmaster = JsonText.object(gm.get("gm/terminal/meridian-highport/dockmaster/").body());
        assertEquals(3, dockmaster.getJsonArray("inbox").size());
        assertEquals("2291-02-27T11:00:00", dockmaster.getJsonArray("inbox").getJsonObject(0).getString("timestamp"));
        assertEquals(404, Http.get(api().resolve("terminal/meridian-highport/dockmaster/")).statusCode(), "not shown yet");
        gm.ok("gm/show-terminal/", "{\"location_slug\":\"meridian-highport\",\"terminal_slug\":\"dockmaster\"}");
        JsonObject terminal = JsonText.object(Http.get(api().resolve("terminal/meridian-highport/dockmaster/")).body());
        assertEquals(3, terminal.getJsonArray("inbox").size());
        JsonObject bridge = JsonText.object(gm.get("gm/terminal/isv_cormorant/bridge/").body());
        assertEquals("msg_med_bridge_001", bridge.getJsonArray("inbox").getJsonObject(0).getString("message_id"));
        assertEquals(404, Http.get(api().resolve("terminal/meridian-highport/nope/")).statusCode());
        assertEquals(404, gm.get("gm/terminal/meridian-highport/nope/").statusCode());
        assertTrue(JsonText.object(Http.get(api().resolve("ship-status/")).body()).containsKey("ship"));
        assertTrue(JsonText.object(Http.get(api().resolve("star-map/")).body()).getJsonArray("systems").size() > 0);
        assertTrue(JsonText.object(Http.get(api().resolve("system-map/caul/")).body()).containsKey("bodies"));
        assertEquals(404, Http.get(api().resolve("system-map/vesper-deep/")).statusCode());
        assertEquals(200, Http.get(api().resolve("orbit-map/caul/meridian/")).statusCode());
        assertEquals(404, Http.get(api().resolve("orbit-map/caul/nowhere/")).statusCode());
        assertEquals(11, JsonText.object(gm.get("gm/encounter/token-images/").body()).getJsonArray("images").size());
    }

    @Test
    void onlyCampaignImagesAreServedAndNothingOutsideTheCampaign() throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}"); // its roster names the crew's and NPCs' portraits
        HttpResponse<String> portrait = Http.get(URI.create(base.toString()).resolve("data/campaign/NPCs/images/ilse_marr.png"));
        assertEquals(200, portrait.statusCode());
        assertEquals("image/png", portrait.headers().firstValue("Content-Type").orElse(""));
        assertEquals(200, Http.get(URI.create(base.toString()).resolve("data/campaign/NPCs/images/ada_okonkwo.png")).statusCode(),
                "a crew portrait (the bridge's public roster names it)");
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        assertEquals(404, Http.get(URI.create(base.toString()).resolve("data/campaign/NPCs/images/ada_okonkwo.png")).statusCode(),
                "not while the bridge is not shown (its roster answers 404 then too)");
        // Images nothing public names yet: a token picture no token uses, the picture of a map revealed room by room
        // (it shows every room), a handout never handed out. Players' devices get 404 whatever they guess; the GM reads them.
        Files.copy(CAMPAIGN.resolve("campaign/NPCs/images/ilse_marr.png"), CAMPAIGN.resolve("campaign/NPCs/images/handout-secret.png"));
        for (String unnamed : List.of("campaign/NPCs/images/pale_visitor.jpg", "galaxy/caul/meridian/meridian-highport/map/ring.png",
                "campaign/NPCs/images/handout-secret.png")) {
            assertEquals(404, Http.get(URI.create(base.toString()).resolve("data/" + unnamed)).statusCode(), unnamed);
            assertEquals(200, gm.get("../data/" + unnamed).statusCode(), "the GM: " + unnamed);
        }
        assertEquals("image/jpeg", gm.get("../data/campaign/NPCs/images/pale_visitor.jpg").headers().firstValue("Content-Type").orElse(""));
        // once the GM puts a token with that picture in a revealed room, the displays name it, and may fetch it
        encounter("isv_cormorant");
        gm.ok("gm/encounter/toggle-room/", "{\"room_id\":\"bridge\",\"visible\":true}");
        gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Visitor\",\"x\":2,\"y\":2,\"room_id\":\"bridge\","
                + "\"image_url\":\"/data/campaign/NPCs/images/pale_visitor.jpg\"}");
        HttpResponse<String> token = Http.get(URI.create(base.toString()).resolve("data/campaign/NPCs/images/pale_visitor.jpg"));
        assertEquals(200, token.statusCode());
        assertEquals("image/jpeg", token.headers().firstValue("Content-Type").orElse(""));
        gm.ok("gm/encounter/reset/", "{\"location_slug\":\"isv_cormorant\"}"); // every room hidden again, no token
        assertEquals(404, Http.get(URI.create(base.toString()).resolve("data/campaign/NPCs/images/pale_visitor.jpg")).statusCode(),
                "not once the token is off the displays");
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        Path outside = DATA.resolve("secret.png");
        Files.writeString(outside, "not for players");
        Files.createSymbolicLink(CAMPAIGN.resolve("campaign/NPCs/images/escape.png"), outside.toAbsolutePath());
        for (String path : List.of("data/campaign/npcs.yaml", "data/campaign/sessions/session-01.md",
                "data/campaign/NPCs/images/escape.png", "data/campaign/NPCs/images/missing.png",
                "data/campaign/NPCs/images/notes.txt", "data/galaxy/caul/meridian/isv_cormorant/map/command.yaml", "data/")) {
            assertEquals(404, Http.get(URI.create(base.toString()).resolve(path)).statusCode(), path);
        }
        String root = URI.create(base.toString()).getPath();
        for (String raw : List.of("data/../../charon.db", "data/%2e%2e/%2e%2e/charon.db", "data/campaign%2f..%2f..%2fcharon.db",
                "data/..%5c..%5ccharon.db", "data/campaign/NPCs/images/..%2f..%2f..%2f..%2fcharon.db")) {
            int status = rawStatus(root + raw);
            assertTrue(status == 404 || status == 400, raw + " answered " + status);
        }
    }

    /** Issue 20: the campaign's own audio files (audio/) are served like images, and the GM can fire and loop them. */
    @Test
    void theCampaignsAudioFilesAreServedAndTheGmCanUseThem() throws Exception {
        Path audio = Files.createDirectories(CAMPAIGN.resolve("audio"));
        Files.write(audio.resolve("hatch.wav"), wav(800));
        Files.writeString(audio.resolve("notes.txt"), "GM notes, not a sound");
        Path outside = DATA.resolve("secret.ogg");
        Files.writeString(outside, "not for players");
        Files.createSymbolicLink(audio.resolve("escape.ogg"), outside.toAbsolutePath());

        HttpResponse<String> served = gm.get("../data/audio/hatch.wav");
        assertEquals(200, served.statusCode(), "the GM reads it");
        assertEquals("audio/wav", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, Http.get(URI.create(base.toString()).resolve("data/audio/hatch.wav")).statusCode(),
                "players' devices get a sound once the displays are told to play it (its name can be a spoiler)");
        for (String path : List.of("data/audio/notes.txt", "data/audio/escape.ogg", "data/audio/missing.ogg")) {
            assertEquals(404, Http.get(URI.create(base.toString()).resolve(path)).statusCode(), path);
        }
        int traversal = rawStatus(URI.create(base.toString()).getPath() + "data/audio/..%2f..%2fsecret.ogg");
        assertTrue(traversal == 404 || traversal == 400, "traversal answered " + traversal);

        JsonObject catalogue = JsonText.object(gm.get("gm/sound/").body());
        assertEquals(List.of("audio/hatch.wav"), catalogue.getJsonArray("campaign_files").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList(), "only the real audio files inside the campaign");
        gm.ok("gm/sound/alert/", "{\"sound\":\"audio/hatch.wav\"}");
        assertEquals("audio/hatch.wav", payload().getJsonObject("sound").getJsonObject("alert").getString("name"));
        assertEquals(200, Http.get(URI.create(base.toString()).resolve("data/audio/hatch.wav")).statusCode(), "now the displays may fetch it");
        for (String refused : List.of("audio/notes.txt", "audio/escape.ogg", "audio/../audio/hatch.wav")) {
            assertEquals(400, gm.post("gm/sound/alert/", "{\"sound\":\"" + refused + "\"}").statusCode(), refused);
        }
        gm.ok("gm/sound/ambience/", "{\"view_type\":\"STANDBY\",\"ambience\":\"audio/hatch.wav\"}");
        gm.ok("gm/switch-view/", "{\"view_type\":\"STANDBY\"}");
        assertEquals("audio/hatch.wav", payload().getJsonObject("sound").getString("ambience"));
    }

    /** A mono 8 kHz 16-bit WAV of a quiet tone, written by the test. */
    private static byte[] wav(int samples) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return b.array();
    }

    /** Sends the path exactly as written (no client-side normalisation). */
    private int rawStatus(String path) throws IOException {
        URI uri = URI.create(base.toString());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void editingACampaignFileReloadsAndPushesAFreshPayload() throws Exception {
        encounter("isv_cormorant");
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            assertTrue(JsonText.object(display.next("activeview", WAIT).data()).getString("location_name").startsWith("ISV Cormorant"));
            Path file = CAMPAIGN.resolve("galaxy/caul/meridian/isv_cormorant/location.yaml");
            String renamed = "ISV Cormorant (refit " + System.nanoTime() + ")";
            Files.writeString(file, Files.readString(file).replaceFirst("(?m)^name: .*$", "name: \"" + renamed + "\""));
            // The 2 s target is a measured figure (debounce 300 ms, at most 1 s), not a timing assertion here.
            JsonObject reloaded = JsonText.object(display.next("activeview", WAIT).data());
            assertEquals(renamed, reloaded.getString("location_name"));
        }
    }

    @Test
    void aBrokenFileIsReportedAndTheRestKeepsWorking() throws Exception {
        Path broken = CAMPAIGN.resolve("galaxy/caul/wreck-of-the-gannet/location.yaml");
        Files.createDirectories(broken.getParent());
        try (SseClient display = SseClient.open(api().resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            Files.writeString(broken, "name: \"Wreck\nstatus: [unclosed\n");
            Eventually.await("the broken file is listed", WAIT,
                    () -> !problems().getJsonArray("problems").isEmpty());
            JsonObject problems = problems();
            JsonObject problem = problems.getJsonArray("problems").getJsonObject(0);
            assertEquals("galaxy/caul/wreck-of-the-gannet/location.yaml", problem.getString("file"));
            assertFalse(problem.isNull("line"));
            assertEquals(200, gm.get("gm/encounter-map/isv_cormorant/").statusCode(), "the rest still loads");
        }
    }

    private JsonObject problems() {
        try {
            return JsonText.object(gm.get("gm/campaign/problems/").body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
