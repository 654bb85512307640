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
        campaign = CampaignLoader.load(Fixtures.cinderwake());
    }

    private static Map<String, Object> data(Map<String, Object> enrichment) {
        return Values.asMap(enrichment.get("location_data"));
    }

    @Test
    void cormorantDefaultDeck() {
        Map<String, Object> e = Plain.object(campaign.encounterEnrichment("isv_cormorant", "").orElseThrow());
        assertEquals(List.of("location_type", "location_name", "location_data", "location_path", "encounter_total_decks",
                "encounter_deck_name"), List.copyOf(e.keySet()));
        assertEquals("ship", e.get("location_type"));
        assertEquals("ISV Cormorant", e.get("location_name"));
        assertEquals(List.of("caul", "meridian", "isv_cormorant"), e.get("location_path"));
        assertEquals(3, e.get("encounter_total_decks"));
        assertEquals("Command Deck", e.get("encounter_deck_name"));

        Map<String, Object> d = data(e);
        assertEquals(List.of("name", "type", "description", "registry", "status", "slug", "has_map", "map",
                "system_slug", "parent_slug", "terminals", "children"), List.copyOf(d.keySet()));
        assertEquals("meridian", d.get("parent_slug"));
        assertEquals("caul", d.get("system_slug"));
        Map<String, Object> map = Values.asMap(d.get("map"));
        assertEquals(List.of("is_multi_deck", "manifest", "current_deck", "current_deck_id"), List.copyOf(map.keySet()));
        assertEquals("command", map.get("current_deck_id"));
        List<?> terminals = Values.asList(Plain.of(d.get("terminals")));
        assertEquals(4, terminals.size());
        Map<String, Object> terminal = Values.asMap(terminals.get(0));
        assertEquals(List.of("slug", "name", "owner", "description", "access_level"), List.copyOf(terminal.keySet()));
        assertEquals(Map.of("slug", "bridge", "name", "Command Console", "owner", "Captain Okonkwo",
                "description", "Bridge command terminal", "access_level", "RESTRICTED"), terminal);
        assertEquals(List.of(), d.get("children"));
        assertFalse(d.containsKey("directory"));
        assertFalse(d.containsKey("maps"));
    }

    @Test
    void cormorantOtherDeck() {
        Map<String, Object> e = Plain.object(campaign.encounterEnrichment("isv_cormorant", "spine").orElseThrow());
        assertEquals("Spine Deck", e.get("encounter_deck_name"));
        Map<String, Object> map = Values.asMap(data(e).get("map"));
        assertEquals("spine", map.get("current_deck_id"));
        assertEquals("spine", Values.asMap(map.get("current_deck")).get("deck_id"));

        Map<String, Object> bogus = Plain.object(campaign.encounterEnrichment("isv_cormorant", "deck_9").orElseThrow());
        assertFalse(bogus.containsKey("encounter_deck_name"));
        Map<String, Object> fallback = Values.asMap(data(bogus).get("map"));
        assertEquals("manifest", fallback.get("slug"));
        assertEquals("command", fallback.get("current_deck_id"));
    }

    @Test
    void withoutADefaultFlagTheFirstListedDeckIsShown() {
        Map<String, Object> e = Plain.object(campaign.encounterEnrichment("tollhouse", "").orElseThrow());
        assertEquals(2, e.get("encounter_total_decks"));
        assertEquals("Concourse", e.get("encounter_deck_name"));
        assertEquals("concourse", Values.asMap(data(e).get("map")).get("current_deck_id"));
        assertEquals("gallows-reach", data(e).get("parent_slug"));
        assertEquals(List.of(), data(e).get("children")); // its charon/ folder is CHARON's configuration
    }

    @Test
    void singleFileMapLocation() {
        Map<String, Object> e = Plain.object(campaign.encounterEnrichment("meridian-highport", "").orElseThrow());
        assertFalse(e.containsKey("encounter_total_decks"));
        assertFalse(e.containsKey("encounter_deck_name"));
        Map<String, Object> d = data(e);
        assertEquals(true, d.get("has_map"));
        Map<String, Object> map = Values.asMap(d.get("map"));
        assertEquals("ring", map.get("slug"));
        assertEquals("galaxy/caul/meridian/meridian-highport/map/ring.png", map.get("image_path"));
        assertEquals("meridian", d.get("parent_slug"));
        assertEquals(2, Values.asList(d.get("terminals")).size());
        Map<String, Object> deep = data(Plain.object(campaign.encounterEnrichment("deck_a", "").orElseThrow()));
        assertEquals("hulk_anselm", deep.get("parent_slug"));
        assertEquals("vesper-deep", deep.get("system_slug"));
        assertEquals("hold", Values.asMap(deep.get("map")).get("slug"));
    }

    @Test
    void locationWithoutMapAndSystems() {
        Map<String, Object> meridian = Plain.object(campaign.encounterEnrichment("meridian", "").orElseThrow());
        Map<String, Object> d = data(meridian);
        assertEquals(false, d.get("has_map"));
        assertTrue(d.containsKey("map"));
        assertNull(d.get("map"));
        assertEquals("caul", d.get("parent_slug"));
        assertEquals(List.of(Map.of("slug", "isv_cormorant", "name", "ISV Cormorant", "type", "ship"),
                        Map.of("slug", "kiln-platform", "name", "Kiln Platform", "type", "orbital_platform"),
                        Map.of("slug", "meridian-highport", "name", "Meridian Highport", "type", "station"),
                        Map.of("slug", "saltmarsh-camp", "name", "saltmarsh-camp", "type", ""),
                        Map.of("slug", "tessaly", "name", "Tessaly", "type", "moon")),
                d.get("children"));
        Map<String, Object> caul = data(Plain.object(campaign.encounterEnrichment("caul", "").orElseThrow()));
        assertEquals("caul", caul.get("system_slug"));
        assertFalse(caul.containsKey("parent_slug"));
        assertEquals("unknown", Plain.object(campaign.encounterEnrichment("saltmarsh-camp", "").orElseThrow()).get("location_type"));
        assertTrue(campaign.encounterEnrichment("nowhere", "").isEmpty());
    }

    @Test
    void thePayloadGetsTheKeysInTheOrderOfTheRecordsJson() {
        for (String slug : List.of("isv_cormorant", "meridian-highport", "meridian")) {
            LocationKeys keys = campaign.encounterEnrichment(slug, "").orElseThrow();
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            keys.addTo(payload::put);
            assertEquals(charon.json.Json.write(keys), charon.json.Json.write(payload), slug);
        }
    }

    @Test
    void payloadStaysSmall() {
        for (String deck : List.of("", "command", "spine", "keel")) {
            String json = charon.json.Json.write(campaign.encounterEnrichment("isv_cormorant", deck).orElseThrow());
            assertTrue(json.length() < 16 * 1024, "enrichment is " + json.length() + " bytes");
        }
        for (Location l : campaign.allLocations()) {
            String json = charon.json.Json.write(campaign.encounterEnrichment(l.slug(), "").orElseThrow());
            assertTrue(json.length() < 16 * 1024, l.slug() + " enrichment is " + json.length() + " bytes");
        }
        String cards = charon.json.Json.write(campaign.npcCards());
        assertTrue(cards.length() < 2048);
    }
}
