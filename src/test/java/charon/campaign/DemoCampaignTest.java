package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo campaign shipped in the WAR loads cleanly and shows every feature of the format. */
class DemoCampaignTest {

    static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.demo());
    }

    @Test
    void loadsWithZeroProblems() {
        assertEquals(List.of(), campaign.problems());
        assertEquals(List.of("corvids-rest", "hesper", "vanta-reach"), campaign.systems().stream().map(Location::slug).toList());
        assertEquals(8, campaign.allLocations().size());
    }

    @Test
    void multiDeckShipUsesEveryStatusAndDoor() {
        EncounterMap wren = campaign.location("msv_caldera_wren").orElseThrow().map().orElseThrow();
        assertTrue(wren.isMultiDeck());
        assertEquals(2, wren.decks().size());
        assertEquals("upper", wren.defaultDeck().id());
        Set<Object> roomStatuses = new HashSet<>();
        Set<Object> doorTypes = new HashSet<>();
        Set<Object> doorStatuses = new HashSet<>();
        for (Deck deck : wren.decks()) {
            deck.rooms().forEach(r -> roomStatuses.add(Values.asMap(r).get("status")));
            Values.asList(deck.data().get("connections")).forEach(c -> {
                doorTypes.add(Values.asMap(c).get("door_type"));
                if (Values.asMap(c).get("door_status") != null) {
                    doorStatuses.add(Values.asMap(c).get("door_status"));
                }
            });
            assertFalse(Values.asList(deck.data().get("terminals")).isEmpty());
            assertFalse(Values.asList(deck.data().get("poi")).isEmpty());
        }
        assertEquals(Set.of("OPERATIONAL", "WARNING", "HAZARD", "OFFLINE"), roomStatuses);
        assertEquals(Set.of("standard", "airlock", "blast_door", "emergency", "open"), doorTypes);
        assertEquals(Set.of("OPEN", "CLOSED", "LOCKED", "SEALED", "DAMAGED"), doorStatuses);
    }

    @Test
    void singleMapTerminalsAndMessages() {
        EncounterMap tallow = campaign.location("tallow_station").orElseThrow().map().orElseThrow();
        assertFalse(tallow.isMultiDeck());
        assertEquals(5, tallow.allRoomIds().size());
        Terminal helm = campaign.terminal("msv_caldera_wren", "helm").orElseThrow();     // central comms/messages
        assertEquals(2, helm.inbox().size());
        assertEquals(2, helm.sent().size());
        Terminal qm = campaign.terminal("tallow_station", "quartermaster").orElseThrow(); // legacy inbox/sent
        assertEquals(2, qm.inbox().size());
        assertEquals(1, qm.sent().size());
        assertEquals("ines_varga", qm.sent().get(0).contact());
        assertTrue(campaign.terminal("tallow_station", "security_desk").orElseThrow().inbox().isEmpty());
    }

    @Test
    void peopleShipSessionsAndMaps() {
        assertTrue(campaign.npcs().size() >= 4);
        long withPortrait = campaign.npcs().stream().filter(n -> n.get("portrait") != null).count();
        assertEquals(2, withPortrait);
        for (String file : campaign.imageFiles()) {
            Path image = Fixtures.demo().resolve("campaign/NPCs/images").resolve(file);
            assertTrue(Files.exists(image));
        }
        campaign.npcs().stream().map(n -> Values.str(n.get("portrait"))).filter(p -> p != null).forEach(p ->
                assertTrue(Files.exists(Fixtures.demo().resolve(p.substring("/data/".length()))), p));
        assertEquals(4, campaign.crew().size());
        Map<String, Object> systems = Values.asMap(Values.asMap(campaign.ship().orElseThrow().get("ship")).get("systems"));
        assertEquals(Set.of("life_support", "engines", "weapons", "comms"), systems.keySet());
        assertEquals(List.of(2, 1), campaign.sessions().stream().map(Session::number).toList());
        assertEquals(List.of("Marrow Okafor", "Quartermaster Bell"), campaign.sessions().get(1).npcs());
        assertEquals(3, Values.asList(Answered.of(() -> campaign.starMapJson()).body().get("systems")).size());
        Map<String, Object> orrin = Values.asList(Answered.of(() -> campaign.systemMapJson("hesper")).body().get("bodies")).stream()
                .map(Values::asMap).filter(b -> "orrin".equals(b.get("location_slug"))).findFirst().orElseThrow();
        assertEquals(1, orrin.get("orbital_station_count"));
        assertEquals(2, orrin.get("surface_facility_count"));
        assertEquals(true, orrin.get("has_orbit_map"));
        assertEquals(200, Answered.of(() -> campaign.orbitMapJson("hesper", "orrin")).status());
        String payload = charon.json.Json.write(campaign.encounterEnrichment("msv_caldera_wren", "lower").orElseThrow());
        assertTrue(payload.length() < 16 * 1024);
    }
}
