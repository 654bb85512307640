package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign in the original's format (the Cinderwake test campaign, which exercises every feature the loader
 * reads) loads with the original's data semantics and quirks.
 */
class SampleCampaignTest {

    static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.cinderwake());
    }

    private static List<String> slugs(List<Location> locations) {
        return locations.stream().map(Location::slug).toList();
    }

    @Test
    void loadsWithoutProblems() {
        assertEquals(List.of(), campaign.problems());
        assertEquals("CINDERWAKE", campaign.title());
    }

    @Test
    void everyLocationOfTheTree() {
        assertEquals(16, campaign.allLocations().size());
        assertEquals(List.of("caul", "gallows-reach", "vesper-deep"), slugs(campaign.systems()));
        Location caul = campaign.location("caul").orElseThrow();
        assertEquals(List.of("meridian", "ossuary"), slugs(caul.children()));
        assertEquals(List.of("isv_cormorant", "kiln-platform", "meridian-highport", "saltmarsh-camp", "tessaly"),
                slugs(campaign.location("meridian").orElseThrow().children()));
        assertEquals("system", caul.type());
        assertEquals("Caul System", caul.name());
    }

    @Test
    void foldersWithoutYamlAreLocationsButCharonConfigIsNot() {
        Location camp = campaign.location("saltmarsh-camp").orElseThrow(); // no location.yaml
        assertEquals("saltmarsh-camp", camp.name());
        assertEquals("", camp.type());
        assertEquals(Map.of("name", "saltmarsh-camp"), camp.data());
        // a charon/ folder beside map/ and comms/ holds CHARON's instance.yaml: the original made it a child
        // location (README, deliberate differences); Charon reads it as CHARON's configuration only
        assertTrue(campaign.location("charon").isEmpty());
        assertEquals(List.of(), slugs(campaign.location("tollhouse").orElseThrow().children()));
    }

    @Test
    void pathsAndRealParents() {
        assertEquals(List.of("caul", "meridian", "isv_cormorant"), campaign.locationPath("isv_cormorant"));
        Location cormorant = campaign.location("isv_cormorant").orElseThrow();
        assertEquals("meridian", cormorant.parentSlug().orElseThrow());
        assertEquals("caul", cormorant.systemSlug());
        assertEquals(List.of("vesper-deep", "vesper-deep-ii", "hulk_anselm", "deck_a"), campaign.locationPath("deck_a"));
        assertEquals("hulk_anselm", campaign.location("deck_a").orElseThrow().parentSlug().orElseThrow());
        assertEquals("vesper-deep", campaign.location("deck_a").orElseThrow().systemSlug());
        assertEquals(List.of("gallows-reach", "tollhouse"), campaign.locationPath("tollhouse"));
        assertEquals("gallows-reach", campaign.location("tollhouse").orElseThrow().parentSlug().orElseThrow());
        assertTrue(campaign.location("caul").orElseThrow().parentSlug().isEmpty());
        assertEquals(List.of(), campaign.locationPath("nowhere"));
        assertTrue(campaign.location("nowhere").isEmpty());
    }

    @Test
    void locationYamlIsKeptInOrder() {
        Location v = campaign.location("vesper-deep").orElseThrow();
        assertEquals(List.of("name", "type", "star_class", "galactic_coordinates", "status", "description"),
                List.copyOf(v.data().keySet()));
        assertEquals(List.of(-28, 12, -6), v.data().get("galactic_coordinates"));
        assertFalse(v.data().containsKey("directory"));
        assertEquals(2300, campaign.location("meridian-highport").orElseThrow().data().get("population"));
        assertEquals(true, campaign.location("meridian-highport").orElseThrow().data().get("is_orbital"));
    }

    @Test
    void everyTerminal() {
        long count = campaign.allLocations().stream().mapToLong(l -> l.terminals().size()).sum();
        assertEquals(9, count);
        assertEquals(List.of("bridge", "cargo_hold", "engineering", "medbay"),
                campaign.location("isv_cormorant").orElseThrow().terminals().stream().map(Terminal::slug).toList());
        Terminal bridge = campaign.terminal("isv_cormorant", "bridge").orElseThrow();
        assertEquals("Captain Okonkwo", bridge.owner());
        assertEquals("Command Console", bridge.name());
        assertEquals("CORM-BRG-01", bridge.terminalId());
        assertEquals("RESTRICTED", bridge.accessLevel());
        Terminal noYaml = campaign.terminal("isv_cormorant", "cargo_hold").orElseThrow();
        assertEquals("cargo_hold", noYaml.owner()); // no terminal.yaml: owned by its folder name
        assertEquals("PUBLIC", noYaml.accessLevel());
        assertTrue(noYaml.messages().isEmpty());
        assertTrue(campaign.terminal("isv_cormorant", "nope").isEmpty());
        Terminal customs = campaign.terminal("meridian-highport", "customs").orElseThrow();
        assertTrue(customs.inbox().isEmpty());
        assertTrue(customs.sent().isEmpty());
    }

    @Test
    void centralMessagesMatchOwnerBySubstring() {
        Terminal bridge = campaign.terminal("isv_cormorant", "bridge").orElseThrow();
        // sorted by timestamp, not file name: 008 carries the oldest (unquoted YAML) timestamp;
        // 006 is addressed to "captain okonkwo; Dr. Ilse Marr" (case-insensitive substring)
        assertEquals(List.of("msg_med_bridge_001", "msg_traffic_001", "msg_eng_bridge_001", "msg_eng_bridge_002",
                "msg_eng_bridge_003"), bridge.inbox().stream().map(Message::messageId).toList());
        assertEquals(List.of("msg_bridge_eng_001", "msg_bridge_all_001", "msg_bridge_survey_001"),
                bridge.sent().stream().map(Message::messageId).toList());
        assertEquals("Dr. Ilse Marr", bridge.inbox().get(0).contact());
        assertEquals("inbox", bridge.inbox().get(0).folder());
        assertEquals(LocalDateTime.of(2291, 3, 1, 18, 30), bridge.inbox().get(0).timestamp());
        assertEquals(LocalDateTime.of(2291, 3, 2, 6, 10), bridge.inbox().get(1).timestamp());
        assertEquals("Survey Team Two", bridge.sent().get(2).contact());
        assertEquals("sent", bridge.sent().get(2).folder());

        Terminal eng = campaign.terminal("isv_cormorant", "engineering").orElseThrow();
        // owner "Vey" also matches the message to "Survey Team Two", as in the original
        assertEquals(List.of("msg_bridge_eng_001", "msg_ai_eng_001", "msg_bridge_survey_001"),
                eng.inbox().stream().map(Message::messageId).toList());
        assertEquals(3, eng.sent().size());
        assertEquals("Captain Okonkwo", eng.sent().get(0).contact());
        assertEquals(6, eng.messages().size());

        Terminal medbay = campaign.terminal("isv_cormorant", "medbay").orElseThrow();
        assertEquals(List.of("msg_eng_bridge_002"), medbay.inbox().stream().map(Message::messageId).toList());
        assertEquals(List.of("msg_med_bridge_001"), medbay.sent().stream().map(Message::messageId).toList());
    }

    @Test
    void anEmptyOwnerMatchesEveryCentralMessage() {
        Terminal board = campaign.terminal("tollhouse", "toll_board").orElseThrow();
        assertEquals("", board.owner());
        assertEquals(List.of("msg_toll_001", "msg_toll_002"), board.inbox().stream().map(Message::messageId).toList());
        assertEquals(List.of("msg_toll_001", "msg_toll_002"), board.sent().stream().map(Message::messageId).toList());
        Terminal warden = campaign.terminal("tollhouse", "warden").orElseThrow();
        assertEquals(List.of("msg_toll_002"), warden.inbox().stream().map(Message::messageId).toList());
        assertEquals(List.of("msg_toll_001"), warden.sent().stream().map(Message::messageId).toList());
        assertEquals(LocalDateTime.of(2291, 1, 11, 8, 0), warden.inbox().get(0).timestamp()); // "T" separator
    }

    @Test
    void legacyInboxAndSentFolders() {
        Terminal dock = campaign.terminal("meridian-highport", "dockmaster").orElseThrow();
        // read per contact folder (captain_okonkwo first), then sorted by timestamp; inbox/stray_note.md is ignored
        assertEquals(List.of("001_berth_assignment.md", "002_manifest_query.md", "003_quarantine_hold.md"),
                dock.inbox().stream().map(Message::fileName).toList());
        assertEquals(List.of("meridian_traffic", "captain_okonkwo", "meridian_traffic"),
                dock.inbox().stream().map(Message::contact).toList());
        assertEquals(1, dock.sent().size());
        assertEquals("sent", dock.sent().get(0).folder());
        assertEquals("captain_okonkwo", dock.sent().get(0).contact());
        assertEquals("msg_okonkwo_dock_001", dock.sent().get(0).fields().get("in_reply_to"));
        assertTrue(dock.inbox().get(1).content().startsWith("Dockmaster, my manifest"));

        Terminal beacon = campaign.terminal("deck_a", "emergency_beacon").orElseThrow();
        Message loop = beacon.inbox().get(0);
        assertEquals(1, beacon.messages().size());
        assertEquals("unknown", loop.contact());
        assertNull(loop.timestamp());
        assertEquals("001_loop.md", loop.messageId());
        assertTrue(loop.content().startsWith("THIS FILE HAS NO FRONT MATTER."), loop.content());
    }

    @Test
    void peopleShipAndSessions() {
        assertEquals(4, campaign.npcs().size());
        assertEquals(jakarta.json.Json.createValue("Dr. Ilse Marr"), campaign.npc("ilse_marr").orElseThrow().name());
        assertEquals("The Passenger in Berth Nine", campaign.npcs().get(3).get("name")); // no id: kept
        assertEquals(4, campaign.crew().size());
        Map<String, Object> ship = Values.asMap(campaign.ship().orElseThrow().get("ship"));
        assertEquals("ISV Cormorant", ship.get("name"));
        assertEquals(List.of(3, 2, 1, 0), campaign.sessions().stream().map(Session::number).toList());
        Session first = campaign.sessions().get(2);
        assertEquals("2291-02-20", first.date()); // "2291-02-20 (ship time)": first token
        assertEquals(List.of("Dr. Ilse Marr", "Brother Cask", "Warden Oriel Pell"), first.npcs()); // comma string
        assertTrue(first.body().startsWith("## Cold Start"));
        assertEquals("session-01.md", first.fileName());
        Session second = campaign.sessions().get(1);
        assertEquals("2291-02-27", second.date()); // an unquoted YAML date
        assertEquals(List.of("Dr. Ilse Marr", "Brother Cask"), second.npcs());
        assertEquals(List.of(), campaign.sessions().get(0).npcs());
        assertEquals("session-00-prelude.md", campaign.sessions().get(3).fileName());
        assertEquals("", campaign.sessions().get(3).date());
        assertEquals(List.of("ada_okonkwo.png", "brother_cask.png", "ilse_marr.png", "jory_flint.png",
                "pale_visitor.jpg", "tamsin_roe.png"), campaign.imageFiles());
    }

    @Test
    void galaxyMapFilesWithYaml11Semantics() {
        Map<String, Object> star = campaign.starMap().orElseThrow();
        List<?> systems = Values.asList(star.get("systems"));
        Map<String, Object> caul = Values.asMap(systems.get(0));
        assertEquals(0xFFFFAA, caul.get("color"));
        assertEquals(16777130, caul.get("color"));
        assertEquals(LocalDate.of(2289, 11, 4), Values.asMap(caul.get("info")).get("surveyed"));
        assertEquals(Boolean.TRUE, Values.asMap(systems.get(1)).get("label")); // label: yes
        assertEquals(Boolean.FALSE, Values.asMap(systems.get(3)).get("label"));
        assertTrue(campaign.systemMap("caul").isPresent());
        assertTrue(campaign.systemMap("gallows-reach").isPresent());
        assertTrue(campaign.systemMap("vesper-deep").isEmpty());
        assertTrue(campaign.orbitMap("caul", "meridian").isPresent());
        assertTrue(campaign.orbitMap("vesper-deep", "vesper-deep-ii").isPresent());
        assertTrue(campaign.orbitMap("caul", "ossuary").isEmpty());
        assertTrue(campaign.orbitMap("caul", "tessaly").isEmpty()); // its file is three levels deep: never read
        Map<String, Object> rings = Values.asMap(Values.asMap(
                campaign.orbitMap("vesper-deep", "vesper-deep-ii").orElseThrow().get("planet")).get("rings"));
        assertEquals(0x8899AA, rings.get("color"));
    }
}
