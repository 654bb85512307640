package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encounter maps of the Cinderwake test campaign: multi-deck manifests, single and legacy map files, doors. */
class SampleCampaignMapsTest {

    static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.cinderwake());
    }

    @Test
    void cormorantIsMultiDeck() {
        EncounterMap map = campaign.location("isv_cormorant").orElseThrow().map().orElseThrow();
        assertTrue(map.isMultiDeck());
        assertEquals(3, map.totalDecks());
        assertEquals(List.of("spine", "command", "keel"), map.decks().stream().map(Deck::id).toList());
        Deck command = map.defaultDeck(); // marked default, though listed second
        assertEquals("command", command.id());
        assertEquals("Command Deck", command.name());
        assertEquals(1, command.level());
        assertTrue(command.isDefault());
        assertEquals(6, command.roomIds().size());
        assertEquals(7, command.connectionIds().size());
        Deck spine = map.deck("spine").orElseThrow();
        assertEquals(2, spine.level());
        assertFalse(spine.isDefault());
        assertEquals(List.of("spine_corridor", "cargo_a", "cargo_b", "berth_nine", "hydroponics"), spine.roomIds());
        assertEquals(15, map.allRoomIds().size());
        assertEquals(14, map.connectionIds().size());
        assertEquals("command", command.data().get("slug"));
        assertEquals("command", command.data().get("deck_id")); // the file says deck_old_1: the manifest id wins
        assertEquals("keel", map.deck("keel").orElseThrow().data().get("deck_id"));
        assertFalse(command.data().containsKey("image_path")); // overview.png has another stem
        assertEquals("ISV Cormorant", map.manifest().orElseThrow().getString("name"));
    }

    @Test
    void withoutADefaultFlagTheFirstListedDeckIsTheDefault() {
        EncounterMap map = campaign.location("tollhouse").orElseThrow().map().orElseThrow();
        assertTrue(map.isMultiDeck());
        assertEquals("concourse", map.defaultDeck().id());
        assertTrue(map.defaultDeck().isDefault());
        assertFalse(map.deck("undercroft").orElseThrow().isDefault());
        assertEquals("galaxy/gallows-reach/tollhouse/map/concourse.png", map.defaultDeck().data().get("image_path"));
        assertFalse(map.deck("undercroft").orElseThrow().data().containsKey("image_path"));
    }

    @Test
    void doorsOfEveryTypeAndState() {
        Deck command = campaign.location("isv_cormorant").orElseThrow().map().orElseThrow().deck("command").orElseThrow();
        Set<Object> types = new HashSet<>();
        Set<Object> states = new HashSet<>();
        List<Object> withoutDoor = new ArrayList<>();
        for (Object c : Values.asList(command.data().get("connections"))) {
            Map<String, Object> connection = Values.asMap(c);
            if (connection.containsKey("door_type")) {
                types.add(connection.get("door_type"));
            } else {
                withoutDoor.add(connection.get("id"));
            }
            if (connection.containsKey("door_status")) {
                states.add(connection.get("door_status"));
            }
        }
        assertEquals(Set.of("standard", "airlock", "blast_door", "emergency", "open"), types);
        assertEquals(Set.of("OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"), states);
        assertEquals(List.of("c_bridge_mess"), withoutDoor);
    }

    @Test
    void legacyDoorsBecomeConnections() {
        EncounterMap ring = campaign.location("meridian-highport").orElseThrow().map().orElseThrow();
        assertFalse(ring.isMultiDeck());
        Deck deck = ring.defaultDeck();
        assertEquals("ring", deck.data().get("slug"));
        assertEquals("Highport Ring", deck.name());
        assertEquals("", deck.id());
        assertEquals("galaxy/caul/meridian/meridian-highport/map/ring.png", deck.data().get("image_path"));
        assertEquals(List.of("docking_arm", "customs_hall", "concourse"), deck.roomIds());
        // the blast door names one room only: dropped, like the original
        assertEquals(List.of("d_arm_customs", "d_customs_concourse"), deck.connectionIds());
        assertEquals(List.of(
                        Map.of("id", "d_arm_customs", "from", "docking_arm", "to", "customs_hall", "door_type", "airlock",
                                "door_status", "OPEN"),
                        Map.of("id", "d_customs_concourse", "from", "customs_hall", "to", "concourse", "door_type", "standard")),
                deck.data().get("connections"));
    }

    @Test
    void legacySingleFileMapsLoad() {
        EncounterMap hold = campaign.location("deck_a").orElseThrow().map().orElseThrow();
        assertFalse(hold.isMultiDeck());
        assertEquals(1, hold.totalDecks());
        assertEquals("hold", hold.defaultDeck().data().get("slug"));
        assertEquals(16, hold.defaultDeck().data().get("grid_size_x"));
        assertEquals(List.of(), hold.allRoomIds());
        // two map files and no manifest: the first by name; it repeats grid_size_x and the last one wins, like PyYAML
        Deck aft = campaign.location("deck_b").orElseThrow().map().orElseThrow().defaultDeck();
        assertEquals("aft", aft.data().get("slug"));
        assertEquals(22, aft.data().get("grid_size_x"));
        long withMap = campaign.allLocations().stream().filter(Location::hasMap).count();
        assertEquals(5, withMap);
        assertFalse(campaign.location("meridian").orElseThrow().hasMap());
        assertFalse(campaign.location("saltmarsh-camp").orElseThrow().hasMap()); // map/ holds only a .yml file
        assertFalse(campaign.location("hulk_anselm").orElseThrow().hasMap());
    }
}
