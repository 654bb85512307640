package charon.campaign;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import charon.json.Json;
import charon.view.ActiveView;
import charon.view.DoorStatus;
import charon.view.PlayerState;
import charon.view.Token;
import charon.view.ViewType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The players' projection's rules on the demo ship (the crawl over the real server is PlayerViewIT). */
class PlayerProjectionTest {

    static Campaign campaign;
    static Location ship;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.demo());
        ship = campaign.location("msv_caldera_wren").orElseThrow();
    }

    /** Every room hidden but the ones given, as switch-view and toggle-room leave it. */
    private static Map<String, Boolean> revealing(String... rooms) {
        Map<String, Boolean> visibility = new LinkedHashMap<>();
        ship.map().orElseThrow().allRoomIds().forEach(id -> visibility.put(id, false));
        for (String room : rooms) {
            visibility.put(room, true);
        }
        return visibility;
    }

    private static RevealedMap revealed(String... rooms) {
        return new RevealedMap(ship.map().orElseThrow(), revealing(rooms));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> upperDeck(RevealedMap map) {
        return (Map<String, Object>) Plain.object(map.mapJson(ship.map().orElseThrow().deck("upper").orElseThrow(), false, FreeForm.Floats.AS_JAVA).build()).get("current_deck");
    }

    private static List<Map<?, ?>> list(Map<String, Object> deck, String key) {
        return RevealedMap.listOfMaps(deck.get(key));
    }

    @Test
    void onlyRevealedRoomsWithTheirPoisAndTerminalsAndTheOutlineOfAll() {
        Map<String, Object> deck = upperDeck(revealed("wren_galley", "wren_medbay"));
        assertEquals(List.of("wren_galley", "wren_medbay"), list(deck, "rooms").stream().map(r -> r.get("id")).toList());
        assertEquals(List.of("wren_autodoc"), list(deck, "terminals").stream().map(t -> t.get("id")).toList(), "the helm is in the hidden cockpit");
        assertEquals(List.of("wren_med_kit"), list(deck, "poi").stream().map(p -> p.get("id")).toList(), "the warm pod is in the hidden cryo vault");
        assertEquals(Map.of("x", 1.0, "y", 0.0, "width", 23.0, "height", 14.0), deck.get("room_bounds"), "every room's outline, so nothing shifts");
        assertFalse(deck.containsKey("description"), "a deck's description names its rooms");
        assertFalse(deck.containsKey("inter_deck_connections"));
        String json = Json.write(deck);
        assertFalse(json.contains("wren_cryo") || json.contains("CRYO VAULT") || json.contains("Twelve pods"), json);
    }

    @Test
    void aDoorBetweenARevealedAndAHiddenRoomIsSeenFromTheRevealedSideOnly() {
        RevealedMap map = revealed("wren_galley", "wren_cockpit");
        Map<String, Object> deck = upperDeck(map);
        Map<?, ?> both = list(deck, "connections").stream().filter(c -> "wren_cockpit_galley".equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals("wren_cockpit", both.get("from"));
        assertEquals("wren_galley", both.get("to"));
        String opaque = map.publicDoorId("wren_galley_cryo");
        assertTrue(opaque.matches("door-[0-9a-f]{16}"), opaque);
        assertEquals(opaque, revealed("wren_galley").publicDoorId("wren_galley_cryo"), "stable while the server runs");
        assertNotEquals(opaque, map.publicDoorId("wren_galley_medbay"));
        Map<?, ?> blast = list(deck, "connections").stream().filter(c -> opaque.equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals("wren_galley", blast.get("from"));
        assertEquals("", blast.get("to"));
        assertEquals("blast_door", blast.get("door_type"));
        // the galley (8,5 5×4) and the cryo vault (17,4 7×6) face each other horizontally: the galley's east edge, y 7
        assertEquals(Map.of("x", 13.0, "y", 7.0, "axis", "h"), blast.get("door_at"));
        assertEquals("wren_cockpit_galley", map.publicDoorId("wren_cockpit_galley"), "both rooms revealed: its own id");
        assertNull(map.publicDoorId("wren_medbay_cryo"), "no revealed room touches it");
        assertNull(map.publicDoorId("no_such_door"));
        assertEquals(4, list(deck, "connections").size(), "cockpit-galley, and the galley's doors to the medbay, the airlock, the cryo vault: "
                + deck.get("connections"));
    }

    @Test
    void theStateKeepsOnlyRevealedRoomsVisibleTokensAndDoorsARevealedRoomTouches() {
        RevealedMap map = revealed("wren_galley");
        ActiveView state = ActiveView.STANDBY.withView(ViewType.ENCOUNTER, "msv_caldera_wren", "")
                .withRoomVisibility(revealing("wren_galley"))
                .withToken("a", new Token("player", "Ripley", 9, 6, List.of(), "", "wren_galley"))
                .withToken("b", new Token("creature", "Xenomorph", 20, 6, List.of(), "", "wren_cryo"))
                .withToken("c", new Token("npc", "Lurker", 10, 6, List.of("hidden"), "", "wren_galley"))
                .withToken("d", new Token("object", "Crate", 0, 0, List.of(), "", ""))
                .withDoorStatus("wren_galley_cryo", DoorStatus.CLOSED)
                .withDoorStatus("wren_medbay_cryo", DoorStatus.OPEN)
                .withDoorStatus("wren_hold_reactor", DoorStatus.SEALED);
        ActiveView players = PlayerState.project(state, map::publicDoorId);
        assertEquals(Map.of("wren_galley", true), players.encounterRoomVisibility());
        assertEquals(List.of("a", "d"), List.copyOf(players.encounterTokens().keySet()));
        assertEquals(Map.of(map.publicDoorId("wren_galley_cryo"), DoorStatus.CLOSED), players.encounterDoorStatus());
        assertEquals(state.shipSystemOverrides(), players.shipSystemOverrides());
    }

    @Test
    void theLocationDataLeavesOutTerminalsOfHiddenRoomsAndTheGmsKeys() {
        Map<String, Object> shown = Plain.object(PlayerLocationJson.enrichment(ship, "", Optional.of(revealed("wren_cockpit"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) shown.get("location_data");
        assertEquals(List.of("helm"), RevealedMap.listOfMaps(Plain.of(data.get("terminals"))).stream().map(t -> t.get("slug")).toList(),
                "the medbay's terminal stands in the hidden medbay");
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) ((Map<String, Object>) data.get("map")).get("manifest");
        assertEquals(List.of(Map.of("id", "upper", "name", "Upper Deck", "level", 1, "default", true),
                Map.of("id", "lower", "name", "Lower Deck", "level", 2)), manifest.get("decks"), "no deck descriptions, no file names");
        assertEquals(Plain.object(campaign.encounterEnrichment("msv_caldera_wren", "").orElseThrow()).keySet(), shown.keySet(), "the GM's keys");

        Map<String, Object> location = new LinkedHashMap<>(Map.of("name", "Wreck", "lore", Map.of("note", "the captain did it"),
                "charon", Map.of("x", 1), "gm_notes", "trap in the hold"));
        assertEquals(Map.of("name", "Wreck"), GmOnly.strip(location));
        assertEquals(List.of(Map.of("id", "b")), GmOnly.forPlayers(List.of(Map.of("id", "a", "gm_only", true), Map.of("id", "b", "gm_secret", "x"))));
    }
}
