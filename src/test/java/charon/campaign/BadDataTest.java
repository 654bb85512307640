package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    static final String CORMORANT = "galaxy/caul/meridian/isv_cormorant/";

    @BeforeEach
    void copyFixture() {
        root = Fixtures.copy(Fixtures.cinderwake(), temp.resolve("campaign"));
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
        assertEquals(16, c.allLocations().size());
        assertTrue(c.location("isv_cormorant").orElseThrow().hasMap());
        assertTrue(c.ship().isPresent());
        assertEquals(4, c.sessions().size());
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
        write("galaxy/caul/meridian/tessaly/location.yaml", "name: \"Tessaly\"\ntype: moon: bad\nstatus: OK\n");
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals("galaxy/caul/meridian/tessaly/location.yaml", p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().startsWith("YAML syntax error"), p.message());
        assertEquals("tessaly", c.location("tessaly").orElseThrow().name()); // still a location, named after its folder
        restStillLoads(c);
    }

    @Test
    void emptyYamlFile() throws IOException {
        write("galaxy/caul/ossuary/location.yaml", "# nothing here yet\n");
        write("campaign/ship.yaml", "");
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(new CampaignProblem("galaxy/caul/ossuary/location.yaml", null, "empty YAML file"),
                new CampaignProblem("campaign/ship.yaml", null, "empty YAML file")), c.problems());
        assertEquals("ossuary", c.location("ossuary").orElseThrow().name());
        assertTrue(c.ship().isEmpty());
        assertEquals(404, Answered.of(() -> c.shipStatusJson(Map.of())).status());
        assertEquals(16, c.allLocations().size());
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
        String deck = CORMORANT + "map/spine.yaml";
        String text = Files.readString(root.resolve(deck))
                .replaceFirst("(?m)^rooms:\n", "rooms:\n  - name: \"NAMELESS\"\n    x: 0\n    y: 0\n    width: 1\n    height: 1\n\n")
                .replaceFirst("(?m)^connections:\n", "connections:\n  - from: spine_corridor\n    to: hydroponics\n\n");
        write(deck, text);
        Campaign c = CampaignLoader.load(root);
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertEquals(new CampaignProblem(deck, lineOf(deck, "name: \"NAMELESS\""), "room without an 'id'; room skipped"),
                c.problems().get(0));
        assertEquals(lineOf(deck, "- from: spine_corridor"), c.problems().get(1).line());
        Deck spine = c.location("isv_cormorant").orElseThrow().map().orElseThrow().deck("spine").orElseThrow();
        assertEquals(5, spine.roomIds().size());
        assertEquals(5, spine.rooms().size());
        assertEquals(4, spine.connectionIds().size());
        restStillLoads(c);
    }

    @Test
    void deckListedInManifestButFileMissing() throws IOException {
        append(CORMORANT + "map/manifest.yaml", "\n  - id: \"sump\"\n    name: \"Sump\"\n    file: \"sump.yaml\"\n    level: 4\n");
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals(CORMORANT + "map/manifest.yaml", p.file());
        assertEquals(lineOf(CORMORANT + "map/manifest.yaml", "sump.yaml"), p.line());
        assertTrue(p.message().contains("'sump.yaml' does not exist"), p.message());
        EncounterMap map = c.location("isv_cormorant").orElseThrow().map().orElseThrow();
        assertTrue(map.isMultiDeck());
        assertEquals(3, map.decks().size());
        restStillLoads(c);
    }

    @Test
    void defaultDeckMissingFallsBackToSingleMap() throws IOException {
        Files.delete(root.resolve(CORMORANT + "map/command.yaml"));
        Campaign c = CampaignLoader.load(root);
        assertEquals(1, c.problems().size(), c.problems().toString());
        EncounterMap map = c.location("isv_cormorant").orElseThrow().map().orElseThrow();
        assertFalse(map.isMultiDeck());
        assertEquals("keel", map.defaultDeck().data().get("slug")); // the first *.yaml by name, manifest aside
        Map<String, Object> e = Plain.object(c.encounterEnrichment("isv_cormorant", "").orElseThrow());
        assertEquals(3, e.get("encounter_total_decks")); // the manifest still exists
        assertEquals("Command Deck", e.get("encounter_deck_name"));
    }

    @Test
    void duplicateRoomIdsAcrossDecks() throws IOException {
        String deck = CORMORANT + "map/keel.yaml"; // the last deck the manifest lists
        write(deck, Files.readString(root.resolve(deck)).replace("id: ballast", "id: medbay"));
        Campaign c = CampaignLoader.load(root);
        CampaignProblem p = only(c);
        assertEquals(deck, p.file());
        assertEquals(lineOf(deck, "id: medbay"), p.line());
        assertTrue(p.message().contains("duplicate room id 'medbay'"));
        EncounterMap map = c.location("isv_cormorant").orElseThrow().map().orElseThrow();
        assertEquals(List.of("reactor", "engine_room", "coolant_loop"), map.deck("keel").orElseThrow().roomIds());
        assertTrue(map.deck("command").orElseThrow().roomIds().contains("medbay"));
        restStillLoads(c);
    }

    @Test
    void brokenFrontMatter() throws IOException {
        String messages = CORMORANT + "comms/messages/";
        write(messages + "003_coolant_answer.md", "---\ntimestamp: \"2291-03-02 09:40:00\"\nto: [Captain Okonkwo\n---\nbody\n");
        write(messages + "007_pump_fixed.md", "---\nto: Captain Okonkwo\nno closing line\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertEquals(messages + "003_coolant_answer.md", c.problems().get(0).file());
        assertTrue(c.problems().get(0).line() >= 3, c.problems().toString());
        assertEquals(new CampaignProblem(messages + "007_pump_fixed.md", 1,
                "front matter starts with '---' but has no closing '---' line"), c.problems().get(1));
        Terminal bridge = c.terminal("isv_cormorant", "bridge").orElseThrow();
        assertEquals(List.of("msg_med_bridge_001", "msg_traffic_001", "msg_eng_bridge_002"),
                bridge.inbox().stream().map(Message::messageId).toList());
        restStillLoads(c);
    }

    @Test
    void messagesWithoutTimestampSortLast() throws IOException {
        String messages = CORMORANT + "comms/messages/";
        write(messages + "000_undated.md", "---\nfrom: Dock Control\nto: Captain Okonkwo\nsubject: No date\n---\nHello\n");
        write(messages + "000_odd_date.md", "---\ntimestamp: \"stardate 41153.7\"\nto: Captain Okonkwo\n---\nOdd\n");
        write(messages + "000_plain.md", "No front matter at all, to Captain Okonkwo\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(), c.problems());
        Terminal bridge = c.terminal("isv_cormorant", "bridge").orElseThrow();
        List<String> files = bridge.inbox().stream().map(Message::fileName).toList();
        assertEquals(List.of("008_medical_note.md", "001_berth_clearance.md", "003_coolant_answer.md", "006_pump_report.md",
                "007_pump_fixed.md", "000_odd_date.md", "000_undated.md"), files);
        Map<String, Object> json = Answered.of(() -> c.terminalJson("isv_cormorant", "bridge")).body();
        List<?> inbox = Values.asList(json.get("inbox"));
        assertEquals("stardate 41153.7", Values.asMap(inbox.get(5)).get("timestamp"));
        assertEquals(null, Values.asMap(inbox.get(6)).get("timestamp"));
        assertEquals("000_undated.md", Values.asMap(inbox.get(6)).get("message_id"));
        assertEquals("Dock Control", Values.asMap(inbox.get(6)).get("contact"));
        // a message without front matter has no "to" or "from": no terminal with an owner receives it
        assertTrue(c.location("isv_cormorant").orElseThrow().terminals().stream().flatMap(t -> t.messages().stream())
                .noneMatch(m -> m.fileName().equals("000_plain.md")));
    }

    @Test
    void missingRootIsAProblem() {
        Campaign c = CampaignLoader.load(temp.resolve("does-not-exist"));
        assertEquals(1, c.problems().size());
        assertEquals(".", c.problems().get(0).file());
        assertTrue(c.systems().isEmpty());
        assertEquals(404, Answered.of(() -> c.starMapJson()).status());
        assertEquals(List.of(), c.tokenImages());
    }

    @Test
    void brokenStarMapAnswers500() throws IOException {
        write("galaxy/star_map.yaml", "systems: [\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(1, c.problems().size());
        Answered r = Answered.of(() -> c.starMapJson());
        assertEquals(500, r.status());
        assertTrue(((String) r.body().get("error")).startsWith("Error loading star map: "));
        assertEquals(List.of(), r.body().get("systems"));
    }

    @Test
    void duplicateLocationSlugIsReportedAndTheFirstWins() throws IOException {
        Files.createDirectories(root.resolve("galaxy/gallows-reach/tessaly"));
        write("galaxy/gallows-reach/tessaly/location.yaml", "name: \"Second Tessaly\"\ntype: moon\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(new CampaignProblem("galaxy/gallows-reach/tessaly", null, "location slug 'tessaly' is also used by "
                + "galaxy/caul/meridian/tessaly; lookups find that one")), c.problems());
        assertEquals("Tessaly", c.location("tessaly").orElseThrow().name());
        assertEquals(List.of("caul", "meridian", "tessaly"), c.locationPath("tessaly"));
    }

    @Test
    void wrongShapesAreReportedWithTheirLines() throws IOException {
        write("galaxy/caul/meridian/kiln-platform/location.yaml", "- furnace\n- slag\n");
        append(CORMORANT + "map/manifest.yaml", "\n  - id: \"hold\"\n    name: \"Hold\"\n");
        String ring = "galaxy/caul/meridian/meridian-highport/map/ring.yaml";
        write(ring, Files.readString(root.resolve(ring)).replace("  - id: d_customs_concourse\n    type: standard\n", "  - type: standard\n"));
        String note = CORMORANT + "comms/messages/010_list.md";
        write(note, "---\n- not\n- a mapping\n---\nbody\n");
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(
                new CampaignProblem("galaxy/caul/meridian/isv_cormorant/map/manifest.yaml",
                        lineOf(CORMORANT + "map/manifest.yaml", "id: \"hold\""), "deck entry needs an 'id' and a 'file'; skipped"),
                new CampaignProblem(note, 2, "expected a YAML mapping (key: value), found a list"),
                new CampaignProblem("galaxy/caul/meridian/kiln-platform/location.yaml", 1,
                        "expected a YAML mapping (key: value), found a list"),
                new CampaignProblem(ring, lineOf(ring, "- type: standard"), "door without an 'id'; door skipped")), c.problems());
        assertEquals("kiln-platform", c.location("kiln-platform").orElseThrow().name());
        assertEquals(3, c.location("isv_cormorant").orElseThrow().map().orElseThrow().decks().size());
        assertEquals(List.of("d_arm_customs"),
                c.location("meridian-highport").orElseThrow().map().orElseThrow().defaultDeck().connectionIds());
        assertEquals(5, c.terminal("isv_cormorant", "bridge").orElseThrow().inbox().size());
        restStillLoads(c);
    }

    @Test
    void aValueJsonCannotCarryFailsOnlyTheLocationThatShowsIt() throws IOException {
        append("galaxy/caul/meridian/location.yaml", "\ngravity: .nan\n");
        Campaign c = CampaignLoader.load(root);
        restStillLoads(c); // the location's JSON is made when a display first needs it, not at load
        assertThrows(NumberFormatException.class, () -> c.encounterEnrichment("meridian", ""));
        assertEquals("ISV Cormorant", Plain.object(c.encounterEnrichment("isv_cormorant", "").orElseThrow()).get("location_name"));
    }

    @Test
    void noGalaxyFolderStillLoadsThePeople() throws IOException {
        try (var files = Files.walk(root.resolve("galaxy"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Campaign c = CampaignLoader.load(root);
        assertEquals(List.of(new CampaignProblem("galaxy", null, "galaxy/ directory not found: no locations")), c.problems());
        assertTrue(c.allLocations().isEmpty());
        assertEquals(404, Answered.of(() -> c.starMapJson()).status());
        assertEquals(4, c.npcs().size());
        assertEquals(4, c.sessions().size());
        assertTrue(c.ship().isPresent());
    }
}
