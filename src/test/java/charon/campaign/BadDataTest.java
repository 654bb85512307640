package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken file becomes a CampaignProblem; the broken piece is skipped and the rest still loads. */
class BadDataTest {

    @TempDir
    Path temp;
    Path root;

    static final String MORRIGAN = "galaxy/sol/earth/uscss_morrigan/";

    @BeforeEach
    void copyFixture() {
        root = Fixtures.copy(Fixtures.icarium(), temp.resolve("campaign"));
    }

    private void write(String rel, String text) throws IOException {
        Files.writeString(root.resolve(rel), text);
    }

    private void append(String rel, String text) throws IOException {
        Files.writeString(root.resolve(rel), text, StandardOpenOption.APPEND);
    }

    private static CampaignProblem only(Campaign c) {
        assertEquals(1, c.problems().size(), () -> "problems: " + c.problems());
        return c.problems().get(0);
    }

    /** Everything but the broken piece is still there. */
    private static void restStillLoads(Campaign c) {
        assertEquals(41, c.allLocations().size());
        assertTrue(c.location("uscss_morrigan").orElseThrow().hasMap());
        assertTrue(c.ship().isPresent());
        assertEquals(3, c.sessions().size());
    }

    /** 1-based line of the first line of {@code rel} containing {@code needle}. */
    private int lineOf(String rel, String needle) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(rel));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + rel);
    }

    @Test
    void yamlSyntaxErrorHasFileAndLine() throws IOException {
        write("galaxy/sol/earth/luna/location.yaml", "name: \"Luna\"\ntype: moon: bad\nstatus: OK\n");
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals("galaxy/sol/earth/luna/location.yaml", p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().startsWith("YAML syntax error"), p.message());
        assertEquals("luna", c.location("luna").orElseThrow().name()); // still a location, named after its folder
        restStillLoads(c);
    }

    @Test
    void emptyYamlFile() throws IOException {
        write("galaxy/sol/saturn/location.yaml", "# nothing here yet\n");
        write("campaign/ship.yaml", "");
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(new CampaignProblem("galaxy/sol/saturn/location.yaml", null, "empty YAML file"),
                new CampaignProblem("campaign/ship.yaml", null, "empty YAML file")), c.problems());
        assertEquals("saturn", c.location("saturn").orElseThrow().name());
        assertTrue(c.ship().isEmpty());
        assertEquals(404, c.shipStatusJson(Map.of()).status());
        assertEquals(41, c.allLocations().size());
    }

    @Test
    void npcWithIdButNoName() throws IOException {
        append("campaign/npcs.yaml", "\n  - id: \"ghost\"\n    role: \"Unknown signal\"\n");
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals("campaign/npcs.yaml", p.file());
        assertEquals(lineOf("campaign/npcs.yaml", "id: \"ghost\""), p.line());
        assertTrue(p.message().contains("ghost"));
        assertEquals(4, c.npcs().size());
        assertFalse(c.npcCards().containsKey("ghost"));
        restStillLoads(c);
    }

    @Test
    void roomWithoutIdAndConnectionWithoutId() throws IOException {
        String deck = MORRIGAN + "map/deck_2.yaml";
        String text = Files.readString(root.resolve(deck))
                .replace("rooms:\n", "rooms:\n  - name: \"NAMELESS\"\n    x: 0\n    y: 0\n    width: 1\n    height: 1\n\n")
                .replace("connections:\n", "connections:\n  - from: maintenance\n    to: storage_a\n\n");
        write(deck, text);
        Campaign c = CampaignLoader.load(root);
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertEquals(new CampaignProblem(deck, lineOf(deck, "name: \"NAMELESS\""), "room without an 'id'; room skipped"),
                c.problems().get(0));
        assertEquals(lineOf(deck, "- from: maintenance"), c.problems().get(1).line());
        Deck lower = c.location("uscss_morrigan").orElseThrow().map().orElseThrow().deck("deck_2").orElseThrow();
        assertEquals(5, lower.roomIds().size());
        assertEquals(5, lower.rooms().size());
        assertEquals(4, lower.connectionIds().size());
        restStillLoads(c);
    }

    @Test
    void deckListedInManifestButFileMissing() throws IOException {
        append(MORRIGAN + "map/manifest.yaml", "\n  - id: \"deck_3\"\n    name: \"Keel\"\n    file: \"deck_3.yaml\"\n    level: 3\n");
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals(MORRIGAN + "map/manifest.yaml", p.file());
        assertEquals(lineOf(MORRIGAN + "map/manifest.yaml", "deck_3.yaml"), p.line());
        EncounterMap map = c.location("uscss_morrigan").orElseThrow().map().orElseThrow();
        assertTrue(map.isMultiDeck());
        assertEquals(2, map.decks().size());
        restStillLoads(c);
    }

    @Test
    void defaultDeckMissingFallsBackToSingleMap() throws IOException {
        Files.delete(root.resolve(MORRIGAN + "map/deck_1.yaml"));
        Campaign c = CampaignLoader.load(root);
        assertEquals(1, c.problems().size(), c.problems().toString());
        EncounterMap map = c.location("uscss_morrigan").orElseThrow().map().orElseThrow();
        assertFalse(map.isMultiDeck());
        assertEquals("deck_2", map.defaultDeck().data().get("slug"));
        Map<String, Object> e = c.encounterEnrichment("uscss_morrigan", "").orElseThrow();
        assertEquals(2, e.get("encounter_total_decks")); // the manifest still exists
        assertEquals("Main Deck", e.get("encounter_deck_name"));
    }

    @Test
    void duplicateRoomIdsAcrossDecks() throws IOException {
        String deck = MORRIGAN + "map/deck_2.yaml";
        write(deck, Files.readString(root.resolve(deck)).replace("id: storage_b", "id: engineering"));
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals(deck, p.file());
        assertEquals(lineOf(deck, "id: engineering"), p.line());
        assertTrue(p.message().contains("duplicate room id 'engineering'"));
        EncounterMap map = c.location("uscss_morrigan").orElseThrow().map().orElseThrow();
        assertEquals(List.of("maintenance", "storage_a", "fuel_cells", "waste_processing"), map.deck("deck_2").orElseThrow().roomIds());
        assertTrue(map.deck("deck_1").orElseThrow().roomIds().contains("engineering"));
        restStillLoads(c);
    }

    @Test
    void brokenFrontMatter() throws IOException {
        String messages = MORRIGAN + "comms/messages/";
        write(messages + "003_status_reply.md", "---\ntimestamp: \"2183-07-02 15:45:00\"\nto: [Captain Morrison\n---\nbody\n");
        write(messages + "006_coolant_response.md", "---\nto: Captain Morrison\nno closing line\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertEquals(messages + "003_status_reply.md", c.problems().get(0).file());
        assertTrue(c.problems().get(0).line() >= 3, c.problems().toString());
        assertEquals(new CampaignProblem(messages + "006_coolant_response.md", 1,
                "front matter starts with '---' but has no closing '---' line"), c.problems().get(1));
        Terminal bridge = c.terminal("uscss_morrigan", "bridge_terminal").orElseThrow();
        assertEquals(2, bridge.inbox().size());
        restStillLoads(c);
    }

    @Test
    void messagesWithoutTimestampSortLast() throws IOException {
        String messages = MORRIGAN + "comms/messages/";
        write(messages + "000_undated.md", "---\nfrom: Dock Control\nto: Captain Morrison\nsubject: No date\n---\nHello\n");
        write(messages + "000_odd_date.md", "---\ntimestamp: \"stardate 41153.7\"\nto: Captain Morrison\n---\nOdd\n");
        write(messages + "000_plain.md", "No front matter at all, to Captain Morrison\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(), c.problems());
        Terminal bridge = c.terminal("uscss_morrigan", "bridge_terminal").orElseThrow();
        List<String> files = bridge.inbox().stream().map(Message::fileName).toList();
        assertEquals(List.of("001_departure_clearance.md", "003_status_reply.md", "006_coolant_response.md",
                "007_coolant_resolved.md", "000_odd_date.md", "000_undated.md"), files);
        Map<String, Object> json = c.terminalJson("uscss_morrigan", "bridge_terminal").body();
        List<?> inbox = Values.asList(json.get("inbox"));
        assertEquals("stardate 41153.7", Values.asMap(inbox.get(4)).get("timestamp"));
        assertEquals(null, Values.asMap(inbox.get(5)).get("timestamp"));
        assertEquals("000_undated.md", Values.asMap(inbox.get(5)).get("message_id"));
        assertEquals("Dock Control", Values.asMap(inbox.get(5)).get("contact"));
    }

    @Test
    void missingRootIsAProblem() {
        Campaign c = CampaignLoader.load(temp.resolve("does-not-exist"));
        assertEquals(1, c.problems().size());
        assertEquals(".", c.problems().get(0).file());
        assertTrue(c.systems().isEmpty());
        assertEquals(404, c.starMapJson().status());
        assertEquals(Map.of("images", List.of()), c.tokenImagesJson());
    }

    @Test
    void brokenStarMapAnswers500() throws IOException {
        write("galaxy/star_map.yaml", "systems: [\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(1, c.problems().size());
        JsonResponse r = c.starMapJson();
        assertEquals(500, r.status());
        assertTrue(((String) r.body().get("error")).startsWith("Error loading star map: "));
        assertEquals(List.of(), r.body().get("systems"));
    }
}
