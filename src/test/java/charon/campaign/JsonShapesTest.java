package charon.campaign;

import charon.view.ShipSystemOverride;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;

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
        campaign = CampaignLoader.load(Fixtures.cinderwake());
    }

    private static Map<String, Object> map(Object o) {
        return Values.asMap(o);
    }

    @Test
    void gmLocationTree() {
        List<?> roots = Values.asList(Plain.object(campaign.locationsTreeJson()).get("locations"));
        assertEquals(3, roots.size());
        Map<String, Object> caul = map(roots.get(0));
        assertEquals(List.of("slug", "name", "type", "status", "description", "has_map", "terminals", "children"),
                List.copyOf(caul.keySet()));
        assertEquals("caul", caul.get("slug"));
        Map<String, Object> meridian = map(Values.asList(caul.get("children")).get(0));
        Map<String, Object> cormorant = map(Values.asList(meridian.get("children")).get(0));
        assertEquals("isv_cormorant", cormorant.get("slug"));
        assertEquals(true, cormorant.get("has_map"));
        assertEquals(false, meridian.get("has_map"));
        List<?> terminals = Values.asList(cormorant.get("terminals"));
        Map<String, Object> bridge = map(terminals.get(0));
        assertEquals(List.of("slug", "name", "owner", "description"), List.copyOf(bridge.keySet()));
        assertEquals("Command Console", bridge.get("name"));
        Map<String, Object> cargoHold = map(terminals.get(1));
        assertEquals(Map.of("slug", "cargo_hold", "name", "", "owner", "cargo_hold", "description", ""), cargoHold);
        Map<String, Object> camp = map(Values.asList(meridian.get("children")).get(3));
        assertEquals(List.of("saltmarsh-camp", "saltmarsh-camp", "", "", ""),
                List.of(camp.get("slug"), camp.get("name"), camp.get("type"), camp.get("status"), camp.get("description")));
        // the server's JSON-B writes the tree as the independent test writer writes what was read back: nothing lost
        assertEquals(TestJson.write(Plain.of(campaign.locationsTreeJson())), charon.json.Json.write(campaign.locationsTreeJson()));
    }

    @Test
    void terminalEndpoint() {
        Answered r = Answered.of(() -> campaign.terminalJson("meridian-highport", "dockmaster"));
        assertEquals(200, r.status());
        assertEquals(List.of("slug", "owner", "terminal_id", "access_level", "description", "location_name", "inbox", "sent"),
                List.copyOf(r.body().keySet()));
        assertEquals("Meridian Highport", r.body().get("location_name"));
        Map<String, Object> msg = map(Values.asList(r.body().get("inbox")).get(0));
        // content_html: the Markdown rendered by the server (issue 17), beside the text as written
        assertEquals(List.of("message_id", "subject", "from", "to", "content", "content_html", "timestamp", "priority", "read", "folder",
                "contact", "conversation_id", "in_reply_to"), List.copyOf(msg.keySet()));
        assertEquals(charon.markdown.MarkdownHtml.render((String) msg.get("content")), msg.get("content_html"));
        assertEquals("2291-02-27T11:00:00", msg.get("timestamp"));
        assertEquals("", msg.get("conversation_id"));
        assertEquals("meridian_traffic", msg.get("contact"));
        assertEquals(true, msg.get("read"));
        Map<String, Object> unread = map(Values.asList(r.body().get("inbox")).get(2));
        assertEquals(false, unread.get("read"));
        assertEquals("HIGH", unread.get("priority"));
        Map<String, Object> bare = map(Values.asList(Answered.of(() -> campaign.terminalJson("deck_a", "emergency_beacon")).body().get("inbox")).get(0));
        assertEquals("001_loop.md", bare.get("message_id"));   // defaults of the endpoint for a file without front matter
        assertEquals("NORMAL", bare.get("priority"));
        assertEquals(true, bare.get("read"));
        assertEquals("", bare.get("subject"));
        assertNull(bare.get("timestamp"));
        assertEquals(Map.of("error", "Location not found"), Answered.of(() -> campaign.terminalJson("nowhere", "x")).body());
        assertEquals(404, Answered.of(() -> campaign.terminalJson("isv_cormorant", "x")).status());
        assertEquals(Map.of("error", "Terminal not found"), Answered.of(() -> campaign.terminalJson("isv_cormorant", "x")).body());
    }

    @Test
    void encounterMapMultiDeck() {
        Map<String, Boolean> vis = Map.of("bridge", true);
        Answered r = Answered.of(() -> campaign.encounterMapJson("isv_cormorant", vis, 1, "", null));
        assertEquals(List.of("is_multi_deck", "manifest", "current_deck", "current_deck_id", "slug", "room_visibility",
                "encounter_level", "encounter_deck_id"), List.copyOf(r.body().keySet()));
        assertEquals("command", r.body().get("current_deck_id"));
        assertEquals("manifest", r.body().get("slug"));
        assertEquals(vis, r.body().get("room_visibility"));
        assertEquals("spine", Answered.of(() -> campaign.encounterMapJson("isv_cormorant", vis, 2, "spine", null)).body().get("current_deck_id"));
        assertEquals("keel", Answered.of(() -> campaign.encounterMapJson("isv_cormorant", vis, 1, "command", "keel")).body().get("current_deck_id"));
        assertEquals("command", Answered.of(() -> campaign.encounterMapJson("isv_cormorant", vis, 1, "bogus", null)).body().get("current_deck_id"));
        assertEquals("bogus", Answered.of(() -> campaign.encounterMapJson("isv_cormorant", vis, 1, "bogus", null)).body().get("encounter_deck_id"));
    }

    @Test
    void encounterMapSingleAndNotFound() {
        Answered r = Answered.of(() -> campaign.encounterMapJson("meridian-highport", Map.of(), 1, "", ""));
        assertEquals("ring", r.body().get("slug"));
        assertEquals("galaxy/caul/meridian/meridian-highport/map/ring.png", r.body().get("image_path"));
        assertTrue(r.body().keySet().containsAll(Set.of("room_visibility", "encounter_level", "encounter_deck_id")));
        assertFalse(r.body().containsKey("is_multi_deck"));
        assertEquals("hold", Answered.of(() -> campaign.encounterMapJson("deck_a", Map.of(), 1, "", null)).body().get("slug"));
        assertEquals(new Answered(404, Map.of("error", "Location not found")),
                Answered.of(() -> campaign.encounterMapJson("nowhere", Map.of(), 1, "", null)));
        assertEquals(new Answered(404, Map.of("error", "No map data for location")),
                Answered.of(() -> campaign.encounterMapJson("meridian", Map.of(), 1, "", null)));
        assertEquals(new Answered(404, Map.of("error", "No map data for location")),
                Answered.of(() -> campaign.encounterMapJson("saltmarsh-camp", Map.of(), 1, "", null)));
    }

    @Test
    void allDecks() {
        Map<String, Object> multi = Answered.of(() -> campaign.encounterAllDecksJson("isv_cormorant", Map.of(), "spine")).body();
        assertEquals(List.of("is_multi_deck", "manifest", "decks", "room_visibility", "current_deck_id"),
                List.copyOf(multi.keySet()));
        List<?> decks = Values.asList(multi.get("decks"));
        assertEquals(List.of("id", "name", "level", "rooms"), List.copyOf(map(decks.get(0)).keySet()));
        // by level, not in the manifest's order (spine, command, keel)
        assertEquals(List.of("command", "spine", "keel"), decks.stream().map(d -> map(d).get("id")).toList());
        assertEquals("Spine Deck", map(decks.get(1)).get("name"));
        assertEquals(5, Values.asList(map(decks.get(1)).get("rooms")).size());
        assertEquals("spine", multi.get("current_deck_id"));
        Map<String, Object> single = Answered.of(() -> campaign.encounterAllDecksJson("deck_a", Map.of(), "")).body();
        assertEquals(List.of("is_multi_deck", "decks", "room_visibility"), List.copyOf(single.keySet()));
        assertEquals(Map.of("id", "single", "name", "Deck A Hold", "level", 1, "rooms", List.of()),
                map(Values.asList(single.get("decks")).get(0)));
        assertEquals(3, Values.asList(map(Values.asList(Answered.of(() -> campaign.encounterAllDecksJson("meridian-highport", Map.of(), ""))
                .body().get("decks")).get(0)).get("rooms")).size());
        assertEquals(404, Answered.of(() -> campaign.encounterAllDecksJson("meridian", Map.of(), "")).status());
    }

    @Test
    void starSystemAndOrbitMaps() {
        Map<String, Object> star = Answered.of(() -> campaign.starMapJson()).body();
        List<?> systems = Values.asList(star.get("systems"));
        assertEquals(true, map(systems.get(0)).get("has_system_map"));      // caul
        Map<String, Object> vesper = systems.stream().map(Values::asMap)
                .filter(s -> "vesper-deep".equals(s.get("location_slug"))).findFirst().orElseThrow();
        assertEquals(false, vesper.get("has_system_map"));
        assertEquals(false, map(systems.get(3)).get("has_system_map"));     // no location_slug at all
        assertFalse(map(Values.asList(campaign.starMap().orElseThrow().get("systems")).get(0)).containsKey("has_system_map"));
        // labelled systems only: "label: yes" counts, "label: false" does not
        assertEquals(List.of(Map.of("name", "Caul", "hasSystemMap", true), Map.of("name", "Vesper Deep", "hasSystemMap", false),
                Map.of("name", "Gallows Reach", "hasSystemMap", true)),
                Plain.of(campaign.terminalPageStarSystems().stream().map(StarSystemLabel::json).toList()));

        Map<String, Object> caulMap = Answered.of(() -> campaign.systemMapJson("caul")).body();
        Map<String, Object> meridian = body(caulMap, "meridian");
        assertEquals(3, meridian.get("surface_facility_count"));   // isv_cormorant, saltmarsh-camp (no yaml), tessaly (moon)
        assertEquals(2, meridian.get("orbital_station_count"));    // meridian-highport (is_orbital), kiln-platform (type)
        assertEquals(true, meridian.get("has_orbit_map"));         // the file says false
        Map<String, Object> ossuary = body(caulMap, "ossuary");
        assertEquals(0, ossuary.get("surface_facility_count"));
        assertEquals(1, ossuary.get("orbital_station_count"));
        assertEquals(false, ossuary.get("has_orbit_map"));         // the file says true
        Map<String, Object> cinder = body(caulMap, "cinder");      // a slug without a folder
        assertEquals(0, cinder.get("surface_facility_count"));
        assertEquals(0, cinder.get("orbital_station_count"));
        assertEquals(false, cinder.get("has_orbit_map"));
        Map<String, Object> noSlug = map(Values.asList(caulMap.get("bodies")).get(0));
        assertEquals(0, noSlug.get("surface_facility_count"));
        assertEquals(false, noSlug.get("has_orbit_map"));
        Map<String, Object> tollhouse = body(Answered.of(() -> campaign.systemMapJson("gallows-reach")).body(), "tollhouse");
        assertEquals(0, tollhouse.get("surface_facility_count"));  // its charon/ folder is CHARON's, not a facility

        assertEquals(Map.of("error", "System map not found for vesper-deep", "system_slug", "vesper-deep"),
                Answered.of(() -> campaign.systemMapJson("vesper-deep")).body());
        assertEquals(200, Answered.of(() -> campaign.orbitMapJson("caul", "meridian")).status());
        assertEquals(200, Answered.of(() -> campaign.orbitMapJson("vesper-deep", "vesper-deep-ii")).status());
        assertEquals(Map.of("error", "Orbit map not found for caul/tessaly", "system_slug", "caul", "body_slug", "tessaly"),
                Answered.of(() -> campaign.orbitMapJson("caul", "tessaly")).body());
        assertTrue(TestJson.write(star).contains("\"color\":16777130"));
        assertTrue(TestJson.write(star).contains("\"surveyed\":\"2289-11-04\""));
    }

    private static Map<String, Object> body(Map<String, Object> systemMap, String slug) {
        return Values.asList(systemMap.get("bodies")).stream().map(Values::asMap)
                .filter(b -> slug.equals(b.get("location_slug"))).findFirst().orElseThrow();
    }

    @Test
    void shipStatusMergesOverrides() {
        Map<String, ShipSystemOverride> overrides = Map.of(
                "engines", new ShipSystemOverride("CRITICAL", 12, null),
                "warp_drive", new ShipSystemOverride("OFFLINE", null, null));
        Map<String, Object> body = Answered.of(() -> campaign.shipStatusJson(overrides)).body();
        Map<String, Object> systems = map(map(body.get("ship")).get("systems"));
        assertEquals(Map.of("status", "CRITICAL", "condition", 12, "info", "Reaction mass feed stuttering"), systems.get("engines"));
        assertFalse(systems.containsKey("warp_drive"));
        assertEquals("OFFLINE", map(systems.get("weapons")).get("status"));
        assertEquals("DAMAGED", map(systems.get("comms")).get("status"));
        // the loaded ship is untouched
        assertEquals("STRESSED", map(map(map(campaign.ship().orElseThrow().get("ship")).get("systems")).get("engines")).get("status"));
        assertEquals(200, Answered.of(() -> campaign.shipStatusJson(Map.of())).status());
    }

    @Test
    void tokenImagesAndNpcCards() {
        List<TokenImage> images = campaign.tokenImages();
        // 3 crew with portraits, 2 NPCs with portraits, 6 loose images (notes.txt and images_source/ are not images)
        assertEquals(11, images.size());
        assertEquals("{\"id\":\"ada_okonkwo\",\"name\":\"Ada Okonkwo\",\"type\":\"player\","
                + "\"url\":\"/data/campaign/NPCs/images/ada_okonkwo.png\",\"source\":\"crew\"}", charon.json.Json.write(images.get(0)));
        assertEquals(Json.createValue("tamsin_roe"), images.get(1).id());
        assertEquals(Json.createValue("Jory Flint"), images.get(2).id()); // no id: the name stands in
        assertEquals("npc", images.get(3).source());
        assertEquals(Json.createValue("brother_cask"), images.get(4).id());
        assertEquals("{\"id\":\"pale_visitor.jpg\",\"name\":\"pale_visitor\",\"type\":\"creature\","
                + "\"url\":\"campaign/NPCs/images/pale_visitor.jpg\",\"source\":\"images\"}", charon.json.Json.write(images.get(9)));

        Map<String, NpcCard> cards = campaign.npcCards();
        assertEquals(List.of("ilse_marr", "brother_cask", "warden_pell"), List.copyOf(cards.keySet()));
        assertEquals("{\"id\":\"warden_pell\",\"name\":\"Warden Oriel Pell\",\"portrait\":\"\"}",
                charon.json.Json.write(cards.get("warden_pell")));
        assertEquals("{\"id\":\"ilse_marr\",\"name\":\"Dr. Ilse Marr\",\"portrait\":\"/data/campaign/NPCs/images/ilse_marr.png\"}",
                charon.json.Json.write(cards.get("ilse_marr")));
        assertNull(campaign.npc("nobody").orElse(null));
    }

    @Test
    void bridgeWithoutShipOrTitleWritesThemAsNull() {
        String json = charon.json.Json.write(new BridgeCampaign(null, List.of(), List.of(), List.of(), null, List.of()));
        assertEquals("{\"campaign_title\":null,\"crew\":[],\"npcs\":[],\"sessions\":[],\"ship\":null,\"star_systems\":[]}", json);
    }
}
