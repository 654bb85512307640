package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read endpoints' JSON shapes, checked against the API contract. */
class JsonShapesTest {

    static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Fixtures.icarium());
    }

    private static Map<String, Object> map(Object o) {
        return Values.asMap(o);
    }

    @Test
    void gmLocationTree() {
        List<?> roots = Values.asList(campaign.locationsTreeJson().get("locations"));
        assertEquals(9, roots.size());
        Map<String, Object> sol = map(roots.get(6));
        assertEquals(List.of("slug", "name", "type", "status", "description", "has_map", "terminals", "children"),
                List.copyOf(sol.keySet()));
        Map<String, Object> earth = map(Values.asList(sol.get("children")).get(0));
        Map<String, Object> morrigan = map(Values.asList(earth.get("children")).get(2));
        assertEquals("uscss_morrigan", morrigan.get("slug"));
        assertEquals(true, morrigan.get("has_map"));
        Map<String, Object> terminal = map(Values.asList(morrigan.get("terminals")).get(0));
        assertEquals(List.of("slug", "name", "owner", "description"), List.copyOf(terminal.keySet()));
        assertEquals("", terminal.get("name"));
        assertTrue(TestJson.write(campaign.locationsTreeJson()).length() > 0);
    }

    @Test
    void terminalEndpoint() {
        JsonResponse r = campaign.terminalJson("research_base_alpha", "commanders_terminal");
        assertEquals(200, r.status());
        assertEquals(List.of("slug", "owner", "terminal_id", "access_level", "description", "location_name", "inbox", "sent"),
                List.copyOf(r.body().keySet()));
        assertEquals("Research Base Alpha", r.body().get("location_name"));
        Map<String, Object> msg = map(Values.asList(r.body().get("inbox")).get(0));
        assertEquals(List.of("message_id", "subject", "from", "to", "content", "timestamp", "priority", "read", "folder",
                "contact", "conversation_id", "in_reply_to"), List.copyOf(msg.keySet()));
        assertEquals("2183-06-12T14:23:00", msg.get("timestamp"));
        assertEquals("", msg.get("conversation_id"));
        assertEquals("charon", msg.get("contact"));
        Map<String, Object> unread = map(Values.asList(r.body().get("inbox")).get(2));
        assertEquals(false, unread.get("read"));
        assertEquals(Map.of("error", "Location not found"), campaign.terminalJson("nowhere", "x").body());
        assertEquals(404, campaign.terminalJson("uscss_morrigan", "x").status());
        assertEquals(Map.of("error", "Terminal not found"), campaign.terminalJson("uscss_morrigan", "x").body());
    }

    @Test
    void encounterMapMultiDeck() {
        Map<String, Boolean> vis = Map.of("bridge", true);
        JsonResponse r = campaign.encounterMapJson("uscss_morrigan", vis, 1, "", null);
        assertEquals(List.of("is_multi_deck", "manifest", "current_deck", "current_deck_id", "slug", "room_visibility",
                "encounter_level", "encounter_deck_id"), List.copyOf(r.body().keySet()));
        assertEquals("deck_1", r.body().get("current_deck_id"));
        assertEquals("manifest", r.body().get("slug"));
        assertEquals(vis, r.body().get("room_visibility"));
        assertEquals("deck_2", campaign.encounterMapJson("uscss_morrigan", vis, 2, "deck_2", null).body().get("current_deck_id"));
        assertEquals("deck_2", campaign.encounterMapJson("uscss_morrigan", vis, 1, "deck_1", "deck_2").body().get("current_deck_id"));
        assertEquals("deck_1", campaign.encounterMapJson("uscss_morrigan", vis, 1, "bogus", null).body().get("current_deck_id"));
        assertEquals("bogus", campaign.encounterMapJson("uscss_morrigan", vis, 1, "bogus", null).body().get("encounter_deck_id"));
    }

    @Test
    void encounterMapSingleAndNotFound() {
        JsonResponse r = campaign.encounterMapJson("base_alpha", Map.of(), 1, "", "");
        assertEquals("main_facility", r.body().get("slug"));
        assertTrue(r.body().keySet().containsAll(Set.of("room_visibility", "encounter_level", "encounter_deck_id")));
        assertFalse(r.body().containsKey("is_multi_deck"));
        assertEquals(new JsonResponse(404, Map.of("error", "Location not found")),
                campaign.encounterMapJson("nowhere", Map.of(), 1, "", null));
        assertEquals(new JsonResponse(404, Map.of("error", "No map data for location")),
                campaign.encounterMapJson("earth", Map.of(), 1, "", null));
    }

    @Test
    void allDecks() {
        Map<String, Object> multi = campaign.encounterAllDecksJson("uscss_morrigan", Map.of(), "deck_2").body();
        assertEquals(List.of("is_multi_deck", "manifest", "decks", "room_visibility", "current_deck_id"),
                List.copyOf(multi.keySet()));
        List<?> decks = Values.asList(multi.get("decks"));
        assertEquals(List.of("id", "name", "level", "rooms"), List.copyOf(map(decks.get(0)).keySet()));
        assertEquals("Lower Deck", map(decks.get(1)).get("name"));
        assertEquals(5, Values.asList(map(decks.get(1)).get("rooms")).size());
        assertEquals("deck_2", multi.get("current_deck_id"));
        Map<String, Object> single = campaign.encounterAllDecksJson("base_alpha", Map.of(), "").body();
        assertEquals(List.of("is_multi_deck", "decks", "room_visibility"), List.copyOf(single.keySet()));
        assertEquals(Map.of("id", "single", "name", "Main Facility", "level", 1, "rooms", List.of()),
                map(Values.asList(single.get("decks")).get(0)));
        assertEquals(404, campaign.encounterAllDecksJson("earth", Map.of(), "").status());
    }

    @Test
    void starSystemAndOrbitMaps() {
        Map<String, Object> star = campaign.starMapJson().body();
        List<?> systems = Values.asList(star.get("systems"));
        assertEquals(true, map(systems.get(0)).get("has_system_map"));      // sol
        Map<String, Object> kepler = systems.stream().map(Values::asMap)
                .filter(s -> "kepler-442".equals(s.get("location_slug"))).findFirst().orElseThrow();
        assertEquals(false, kepler.get("has_system_map"));
        assertFalse(map(Values.asList(campaign.starMap().orElseThrow().get("systems")).get(0)).containsKey("has_system_map"));
        assertEquals(9, campaign.terminalPageStarSystems().size());

        Map<String, Object> solMap = campaign.systemMapJson("sol").body();
        Map<String, Object> earth = Values.asList(solMap.get("bodies")).stream().map(Values::asMap)
                .filter(b -> "earth".equals(b.get("location_slug"))).findFirst().orElseThrow();
        assertEquals(3, earth.get("surface_facility_count"));
        assertEquals(0, earth.get("orbital_station_count"));
        assertEquals(true, earth.get("has_orbit_map"));
        Map<String, Object> mars = Values.asList(solMap.get("bodies")).stream().map(Values::asMap)
                .filter(b -> "mars".equals(b.get("location_slug"))).findFirst().orElseThrow();
        assertEquals(0, mars.get("surface_facility_count"));
        assertEquals(false, mars.get("has_orbit_map"));
        Map<String, Object> tauE = Values.asList(campaign.systemMapJson("tau-ceti").body().get("bodies")).stream()
                .map(Values::asMap).filter(b -> "tau-ceti-e".equals(b.get("location_slug"))).findFirst().orElseThrow();
        assertEquals(3, tauE.get("surface_facility_count"));   // new-terra-city, phoebe, selene
        assertEquals(1, tauE.get("orbital_station_count"));    // orbital-yards (is_orbital)
        Map<String, Object> noSlug = map(Values.asList(solMap.get("bodies")).get(0));
        assertEquals(0, noSlug.get("surface_facility_count"));
        assertEquals(false, noSlug.get("has_orbit_map"));

        assertEquals(Map.of("error", "System map not found for kepler-442", "system_slug", "kepler-442"),
                campaign.systemMapJson("kepler-442").body());
        assertEquals(200, campaign.orbitMapJson("sol", "earth").status());
        assertEquals(Map.of("error", "Orbit map not found for sol/luna", "system_slug", "sol", "body_slug", "luna"),
                campaign.orbitMapJson("sol", "luna").body());
        assertTrue(TestJson.write(star).contains("\"color\":16777130"));
    }

    @Test
    void shipStatusMergesOverrides() {
        Map<String, Map<String, Object>> overrides = Map.of(
                "engines", Map.of("status", "CRITICAL", "condition", 12),
                "warp_drive", Map.of("status", "OFFLINE"));
        Map<String, Object> body = campaign.shipStatusJson(overrides).body();
        Map<String, Object> systems = map(map(body.get("ship")).get("systems"));
        assertEquals(Map.of("status", "CRITICAL", "condition", 12, "info", "Coolant pressure low"), systems.get("engines"));
        assertFalse(systems.containsKey("warp_drive"));
        assertEquals("ONLINE", map(systems.get("weapons")).get("status"));
        // the loaded ship is untouched
        assertEquals("STRESSED", map(map(map(campaign.ship().orElseThrow().get("ship")).get("systems")).get("engines")).get("status"));
        assertEquals(200, campaign.shipStatusJson(Map.of()).status());
    }

    @Test
    void tokenImagesAndNpcCards() {
        List<?> images = Values.asList(campaign.tokenImagesJson().get("images"));
        // 4 crew with portraits, 2 NPCs with portraits, 2 loose images
        assertEquals(8, images.size());
        Map<String, Object> crew = map(images.get(0));
        assertEquals(Map.of("id", "elena_vasquez", "name", "Dr. Elena Vasquez", "type", "player",
                "url", "/data/campaign/NPCs/images/lucia_vance.png", "source", "crew"), crew);
        assertEquals("npc", map(images.get(4)).get("source"));
        assertEquals(Map.of("id", "ewan_mcgregor.png", "name", "ewan_mcgregor", "type", "creature",
                "url", "campaign/NPCs/images/ewan_mcgregor.png", "source", "images"), map(images.get(6)));

        Map<String, Object> cards = campaign.npcCards();
        assertEquals(List.of("lucia_vance", "ewan_mcgregor", "dr_yuki_tanaka", "captain_harrow"), List.copyOf(cards.keySet()));
        assertEquals(Map.of("id", "dr_yuki_tanaka", "name", "Dr. Yuki Tanaka", "portrait", ""), cards.get("dr_yuki_tanaka"));
        assertNull(campaign.npc("nobody").orElse(null));
    }
}
