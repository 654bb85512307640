package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The active-view payload's location part (§10.2), trimmed to what the display draws. */
class EncounterEnrichmentTest {

    static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.icarium());
    }

    private static Map<String, Object> data(Map<String, Object> enrichment) {
        return Values.asMap(enrichment.get("location_data"));
    }

    @Test
    void morriganDefaultDeck() {
        Map<String, Object> e = campaign.encounterEnrichment("uscss_morrigan", "").orElseThrow();
        assertEquals(List.of("location_type", "location_name", "location_data", "location_path", "encounter_total_decks",
                "encounter_deck_name"), List.copyOf(e.keySet()));
        assertEquals("ship", e.get("location_type"));
        assertEquals("USCSS Morrigan", e.get("location_name"));
        assertEquals(List.of("sol", "earth", "uscss_morrigan"), e.get("location_path"));
        assertEquals(2, e.get("encounter_total_decks"));
        assertEquals("Main Deck", e.get("encounter_deck_name"));

        Map<String, Object> d = data(e);
        assertEquals(List.of("name", "type", "description", "coordinates", "status", "slug", "has_map", "map",
                "system_slug", "parent_slug", "terminals", "children"), List.copyOf(d.keySet()));
        assertEquals("earth", d.get("parent_slug"));
        assertEquals("sol", d.get("system_slug"));
        Map<String, Object> map = Values.asMap(d.get("map"));
        assertEquals(List.of("is_multi_deck", "manifest", "current_deck", "current_deck_id"), List.copyOf(map.keySet()));
        assertEquals("deck_1", map.get("current_deck_id"));
        Map<String, Object> terminal = Values.asMap(Values.asList(d.get("terminals")).get(0));
        assertEquals(List.of("slug", "name", "owner", "description", "access_level"), List.copyOf(terminal.keySet()));
        assertEquals(List.of(), d.get("children"));
        assertFalse(d.containsKey("directory"));
        assertFalse(d.containsKey("maps"));
    }

    @Test
    void morriganOtherDeck() {
        Map<String, Object> e = campaign.encounterEnrichment("uscss_morrigan", "deck_2").orElseThrow();
        assertEquals("Lower Deck", e.get("encounter_deck_name"));
        Map<String, Object> map = Values.asMap(data(e).get("map"));
        assertEquals("deck_2", map.get("current_deck_id"));
        assertEquals("deck_2", Values.asMap(map.get("current_deck")).get("deck_id"));

        Map<String, Object> bogus = campaign.encounterEnrichment("uscss_morrigan", "deck_9").orElseThrow();
        assertFalse(bogus.containsKey("encounter_deck_name"));
        Map<String, Object> fallback = Values.asMap(data(bogus).get("map"));
        assertEquals("manifest", fallback.get("slug"));
        assertEquals("deck_1", fallback.get("current_deck_id"));
    }

    @Test
    void singleFileMapLocation() {
        Map<String, Object> e = campaign.encounterEnrichment("base_alpha", "").orElseThrow();
        assertFalse(e.containsKey("encounter_total_decks"));
        assertFalse(e.containsKey("encounter_deck_name"));
        Map<String, Object> d = data(e);
        assertEquals(true, d.get("has_map"));
        assertEquals("main_facility", Values.asMap(d.get("map")).get("slug"));
        assertEquals("kepler-442b", d.get("parent_slug"));
        assertEquals(4, Values.asList(d.get("terminals")).size());
    }

    @Test
    void locationWithoutMapAndSystems() {
        Map<String, Object> earth = campaign.encounterEnrichment("earth", "").orElseThrow();
        Map<String, Object> d = data(earth);
        assertEquals(false, d.get("has_map"));
        assertTrue(d.containsKey("map"));
        assertNull(d.get("map"));
        assertEquals("sol", d.get("parent_slug"));
        assertEquals(List.of(Map.of("slug", "luna", "name", "Luna", "type", "moon"),
                        Map.of("slug", "research_base_alpha", "name", "Research Base Alpha", "type", "station"),
                        Map.of("slug", "uscss_morrigan", "name", "USCSS Morrigan", "type", "ship")),
                d.get("children"));
        Map<String, Object> sol = data(campaign.encounterEnrichment("sol", "").orElseThrow());
        assertEquals("sol", sol.get("system_slug"));
        assertFalse(sol.containsKey("parent_slug"));
        assertTrue(campaign.encounterEnrichment("nowhere", "").isEmpty());
    }

    @Test
    void payloadStaysSmall() {
        for (String deck : List.of("", "deck_1", "deck_2")) {
            String json = TestJson.write(campaign.encounterEnrichment("uscss_morrigan", deck).orElseThrow());
            assertTrue(json.length() < 16 * 1024, "enrichment is " + json.length() + " bytes");
        }
        for (Location l : campaign.allLocations()) {
            String json = TestJson.write(campaign.encounterEnrichment(l.slug(), "").orElseThrow());
            assertTrue(json.length() < 16 * 1024, l.slug() + " enrichment is " + json.length() + " bytes");
        }
        String cards = TestJson.write(campaign.npcCards());
        assertTrue(cards.length() < 2048);
    }
}
