package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import charon.testsupport.CompatInputs;

/**
 * Compatibility run only (`mvn -Pcompat verify`): a campaign folder written for the original loads
 * unchanged, with nothing reported, and every read the displays and the console make of it answers.
 * Nothing here knows the campaign: it holds for any GM's folder.
 */
class CampaignCompatTest {

    static Path root;
    static Campaign campaign;

    @BeforeAll
    static void load() {
        root = CompatInputs.require(CompatInputs.campaign(), "a campaign folder");
        campaign = CampaignLoader.load(root);
    }

    @Test
    void loadsWithNothingReported() {
        assertEquals("", campaign.problems().stream().map(CampaignProblem::toString).collect(Collectors.joining("\n")),
                "problems in " + root);
        assertFalse(campaign.systems().isEmpty(), "no star system under " + root.resolve("galaxy"));
    }

    @Test
    void everyLocationIsReachableAndItsPayloadPartIsSmall() {
        for (Location location : campaign.allLocations()) {
            assertEquals(location.slug(), campaign.location(location.slug()).orElseThrow().slug());
            List<String> path = campaign.locationPath(location.slug());
            assertEquals(location.slug(), path.get(path.size() - 1));
            String json = charon.json.Json.write(campaign.encounterEnrichment(location.slug(), "").orElseThrow());
            assertTrue(json.length() < 16 * 1024, location.slug() + ": " + json.length() + " bytes");
        }
        String tree = charon.json.Json.write(campaign.locationsTreeJson());
        for (Location location : campaign.allLocations()) {
            assertTrue(tree.contains("\"" + location.slug() + "\""), location.slug() + " missing from the GM's tree");
        }
    }

    @Test
    void everyTerminalAnswers() {
        for (Location location : campaign.allLocations()) {
            for (Terminal terminal : location.terminals()) {
                Answered response = Answered.of(() -> campaign.terminalJson(location.slug(), terminal.slug()));
                assertEquals(200, response.status(), location.slug() + "/" + terminal.slug());
                for (Message message : terminal.messages()) {
                    assertFalse(message.content() == null, message.fileName());
                }
            }
        }
    }

    @Test
    void everyDeckOfEveryMapAnswers() {
        for (Location location : campaign.allLocations()) {
            if (location.map().isEmpty()) {
                continue;
            }
            EncounterMap map = location.map().orElseThrow();
            assertTrue(map.totalDecks() >= 1, location.slug());
            for (Deck deck : map.decks()) {
                Answered response = Answered.of(() -> campaign.encounterMapJson(location.slug(), Map.of(), deck.level(), deck.id(), deck.id()));
                assertEquals(200, response.status(), location.slug() + " deck " + deck.id());
                if (map.isMultiDeck()) {
                    assertEquals(deck.id(), response.body().get("current_deck_id"), location.slug());
                }
            }
            assertEquals(200, Answered.of(() -> campaign.encounterAllDecksJson(location.slug(), Map.of(), "")).status(), location.slug());
        }
    }

    @Test
    void galaxySystemAndOrbitMapsAnswer() {
        if (campaign.starMap().isPresent()) {
            assertEquals(200, Answered.of(() -> campaign.starMapJson()).status());
        }
        for (Location system : campaign.systems()) {
            int status = Answered.of(() -> campaign.systemMapJson(system.slug())).status();
            assertEquals(campaign.systemMap(system.slug()).isPresent() ? 200 : 404, status, system.slug());
            for (Location body : system.children()) {
                int orbit = Answered.of(() -> campaign.orbitMapJson(system.slug(), body.slug())).status();
                assertEquals(campaign.orbitMap(system.slug(), body.slug()).isPresent() ? 200 : 404, orbit,
                        system.slug() + "/" + body.slug());
            }
        }
    }

    @Test
    void peopleShipAndSessionsLoad() {
        for (Map<String, Object> npc : campaign.npcs()) {
            assertNotEquals("", String.valueOf(npc.getOrDefault("name", "")), "an NPC without a name: " + npc.get("id"));
        }
        charon.json.Json.write(campaign.npcCards());
        charon.json.Json.write(campaign.sessionsJson());
        campaign.ship().ifPresent(ship -> assertEquals(200, Answered.of(() -> campaign.shipStatusJson(Map.of())).status()));
    }
}
