package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real campaign written for the original loads unchanged, with the original's data semantics. */
class FixtureCampaignTest {

    static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.icarium());
    }

    @Test
    void loadsWithoutProblems() {
        assertEquals(List.of(), campaign.problems());
    }

    @Test
    void everyLocationOfTheTree() {
        assertEquals(41, campaign.allLocations().size());
        assertEquals(List.of("anchor-system", "epsilon-eridani", "kepler-442", "luyten-star", "proxima-centauri",
                "ross-128", "sol", "tau-ceti", "trappist-1"), campaign.systems().stream().map(Location::slug).toList());
        Location sol = campaign.location("sol").orElseThrow();
        assertEquals(List.of("earth", "saturn"), sol.children().stream().map(Location::slug).toList());
        assertEquals(List.of("luna", "research_base_alpha", "uscss_morrigan"),
                campaign.location("earth").orElseThrow().children().stream().map(Location::slug).toList());
        assertEquals("system", sol.type());
        assertEquals("Sol System", sol.name());
    }

    @Test
    void pathsAndRealParents() {
        assertEquals(List.of("sol", "earth", "uscss_morrigan"), campaign.locationPath("uscss_morrigan"));
        Location morrigan = campaign.location("uscss_morrigan").orElseThrow();
        assertEquals("earth", morrigan.parentSlug().orElseThrow());
        assertEquals("sol", morrigan.systemSlug());
        assertEquals(List.of("kepler-442", "kepler-442c", "ship_gamma", "deck_1"), campaign.locationPath("deck_1"));
        assertEquals("ship_gamma", campaign.location("deck_1").orElseThrow().parentSlug().orElseThrow());
        assertTrue(campaign.location("sol").orElseThrow().parentSlug().isEmpty());
        assertEquals(List.of(), campaign.locationPath("nowhere"));
        assertTrue(campaign.location("nowhere").isEmpty());
    }

    @Test
    void locationYamlIsKeptInOrder() {
        Location k = campaign.location("kepler-442").orElseThrow();
        assertEquals(List.of("name", "type", "star_type"), List.copyOf(k.data().keySet()).subList(0, 3));
        assertEquals(List.of(25, -15, 10), k.data().get("galactic_coordinates"));
        assertFalse(k.data().containsKey("directory"));
    }

    @Test
    void everyTerminal() {
        long count = campaign.allLocations().stream().mapToLong(l -> l.terminals().size()).sum();
        assertEquals(9, count);
        assertEquals(List.of("commander", "dr_chen", "engineering", "steven"),
                campaign.location("base_alpha").orElseThrow().terminals().stream().map(Terminal::slug).toList());
        Terminal bridge = campaign.terminal("uscss_morrigan", "bridge_terminal").orElseThrow();
        assertEquals("Captain Morrison", bridge.owner());
        assertEquals("BRIDGE-001", bridge.terminalId());
        assertEquals("RESTRICTED", bridge.accessLevel());
        assertTrue(campaign.terminal("uscss_morrigan", "nope").isEmpty());
        assertTrue(campaign.terminal("base_alpha", "commander").orElseThrow().inbox().isEmpty());
    }

    @Test
    void centralMessagesMatchOwnerBySubstring() {
        Terminal bridge = campaign.terminal("uscss_morrigan", "bridge_terminal").orElseThrow();
        assertEquals(List.of("msg_station_001", "msg_eng_bridge_001", "msg_eng_bridge_002", "msg_eng_bridge_003"),
                bridge.inbox().stream().map(Message::messageId).toList());
        assertEquals(List.of("msg_bridge_eng_001", "msg_bridge_all_001"),
                bridge.sent().stream().map(Message::messageId).toList());
        assertEquals("Station Control", bridge.inbox().get(0).contact());
        assertEquals("inbox", bridge.inbox().get(0).folder());
        assertEquals(LocalDateTime.of(2183, 7, 1, 8, 0), bridge.inbox().get(0).timestamp());
        Terminal eng = campaign.terminal("uscss_morrigan", "engineering_terminal").orElseThrow();
        assertEquals(2, eng.inbox().size());
        assertEquals(3, eng.sent().size());
        assertEquals("Captain Morrison", eng.sent().get(0).contact());
        assertEquals(5, eng.messages().size());
    }

    @Test
    void legacyInboxAndSentFolders() {
        Terminal cmd = campaign.terminal("research_base_alpha", "commanders_terminal").orElseThrow();
        assertEquals(List.of("001_arrival_notification.md", "001_lab_update.md", "002_security_alert.md",
                "003_contamination_warning.md"), cmd.inbox().stream().map(Message::fileName).toList());
        assertEquals(List.of("charon", "dr_chen", "charon", "dr_chen"), cmd.inbox().stream().map(Message::contact).toList());
        assertEquals(1, cmd.sent().size());
        assertEquals("sent", cmd.sent().get(0).folder());
        Terminal lab = campaign.terminal("research_base_alpha", "science_lab_07").orElseThrow();
        assertEquals(1, lab.inbox().size());
        assertEquals(2, lab.sent().size());
        assertEquals("commander_drake", lab.sent().get(0).contact());
        assertTrue(lab.inbox().get(0).content().startsWith("Dr. Chen,"));
    }

    @Test
    void morriganIsMultiDeck() {
        EncounterMap map = campaign.location("uscss_morrigan").orElseThrow().map().orElseThrow();
        assertTrue(map.isMultiDeck());
        assertEquals(2, map.totalDecks());
        assertEquals(List.of("deck_1", "deck_2"), map.decks().stream().map(Deck::id).toList());
        Deck main = map.defaultDeck();
        assertEquals("deck_1", main.id());
        assertEquals("Main Deck", main.name());
        assertEquals(1, main.level());
        assertTrue(main.isDefault());
        assertEquals(7, main.roomIds().size());
        assertEquals(7, main.connectionIds().size());
        Deck lower = map.deck("deck_2").orElseThrow();
        assertEquals(2, lower.level());
        assertFalse(lower.isDefault());
        assertEquals(List.of("maintenance", "storage_a", "storage_b", "fuel_cells", "waste_processing"), lower.roomIds());
        assertEquals(12, map.allRoomIds().size());
        assertEquals(11, map.connectionIds().size());
        assertEquals("deck_1", main.data().get("slug"));
        assertEquals("deck_2", lower.data().get("deck_id"));
        assertFalse(main.data().containsKey("image_path")); // deck_layout.png has another stem
        assertEquals("USCSS Morrigan", map.manifest().orElseThrow().get("name"));
    }

    @Test
    void legacySingleFileMapsLoad() {
        EncounterMap base = campaign.location("base_alpha").orElseThrow().map().orElseThrow();
        assertFalse(base.isMultiDeck());
        assertEquals(1, base.totalDecks());
        assertEquals("main_facility", base.defaultDeck().data().get("slug"));
        assertEquals(30, base.defaultDeck().data().get("grid_size_x"));
        assertEquals(List.of(), base.allRoomIds());
        // the fixture repeats grid_size_x: the last one wins, like PyYAML
        assertEquals(25, campaign.location("deck_2").orElseThrow().map().orElseThrow().defaultDeck().data().get("grid_size_x"));
        long withMap = campaign.allLocations().stream().filter(Location::hasMap).count();
        assertEquals(4, withMap);
        assertFalse(campaign.location("earth").orElseThrow().hasMap());
    }

    @Test
    void peopleShipAndSessions() {
        assertEquals(4, campaign.npcs().size());
        assertEquals("Dr. Yuki Tanaka", campaign.npc("dr_yuki_tanaka").orElseThrow().get("name"));
        assertEquals(4, campaign.crew().size());
        Map<String, Object> ship = Values.asMap(campaign.ship().orElseThrow().get("ship"));
        assertEquals("USCSS Morrigan", ship.get("name"));
        assertEquals(List.of(3, 2, 1), campaign.sessions().stream().map(Session::number).toList());
        Session first = campaign.sessions().get(2);
        assertEquals("2183-03-14", first.date());
        assertEquals(List.of("Dr. Elena Vasquez", "Captain Morrison"), first.npcs());
        assertTrue(first.body().startsWith("## Session Recap"));
        assertEquals("session-001.md", first.fileName());
        assertEquals(List.of("ewan_mcgregor.png", "lucia_vance.png"), campaign.imageFiles());
    }

    @Test
    void galaxyMapFilesWithYaml11Semantics() {
        Map<String, Object> star = campaign.starMap().orElseThrow();
        Map<String, Object> sol = Values.asMap(Values.asList(star.get("systems")).get(0));
        assertEquals(0xFFFFAA, sol.get("color"));
        assertEquals(16777130, sol.get("color"));
        assertTrue(campaign.systemMap("sol").isPresent());
        assertTrue(campaign.systemMap("kepler-442").isEmpty());
        assertTrue(campaign.orbitMap("sol", "earth").isPresent());
        assertTrue(campaign.orbitMap("tau-ceti", "tau-ceti-f").isPresent());
        assertTrue(campaign.orbitMap("sol", "luna").isEmpty());
    }
}
