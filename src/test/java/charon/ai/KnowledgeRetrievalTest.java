package charon.ai;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import charon.campaign.CampaignLoader;
import charon.view.ActiveView;
import charon.view.ActiveViewChanged;
import charon.view.ShipSystemOverride;
import charon.view.VersionedView;
import charon.view.ViewType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retrieval with the real all-MiniLM-L6-v2 model (from its Maven artifact) on the demo campaign: a question about a
 * room ranks that room first; GM-only text and places the players have not reached never reach a prompt.
 */
class KnowledgeRetrievalTest {

    static final Path DEMO = Path.of("webapp/WEB-INF/demo-campaign");
    static KnowledgeIndex index;

    @BeforeAll
    static void build() {
        index = KnowledgeIndex.build(CampaignLoader.load(DEMO), DEMO);
    }

    private static String top(PlayerReach reach, String channel, String question) {
        List<KnowledgeIndex.Hit> hits = index.search(question, reach.scope(index.campaign(), channel)::allows, 3);
        return hits.get(0).passage().gate();
    }

    @Test
    void aQuestionAboutARoomRanksThatRoomFirst() {
        PlayerReach reach = new PlayerReach();
        assertEquals("room:wren_hold", top(reach, "encounter-msv_caldera_wren", "What is stored in the cargo hold?"));
        assertEquals("room:wren_reactor", top(reach, "encounter-msv_caldera_wren", "Is the reactor shielding safe?"));
        assertEquals("room:wren_drone_bay", top(reach, "encounter-msv_caldera_wren", "Are the survey drones in the drone bay charged?"));
        assertEquals("room:tallow_chapel", top(reach, "encounter-tallow_station", "Tell me about the chapel"));
    }

    @Test
    void loreNotesKeepOnlyThePickedSectionsAndNoGmText() {
        List<Passage> lore = index.passages().stream().filter(p -> p.kind().equals("lore")).toList();
        assertEquals(List.of("Tallow Station — Overview", "Tallow Station — Berthing and Docking", "Tallow Station — Customs and Procedures"),
                lore.stream().map(Passage::title).toList());
        String all = String.join("\n", index.passages().stream().map(Passage::forPrompt).toList());
        assertFalse(all.contains("smuggler"), "GM Notes section");
        assertFalse(all.contains("informing"), "Secrets section");
        assertFalse(all.contains("Board clears them"), "excluded sub-section inside a picked one");
        assertFalse(all.contains("pads the audit"), "GM comment");
        assertFalse(all.contains("tags:"), "front matter");
        assertTrue(all.contains("Arm C takes bulk haulers"));
    }

    @Test
    void anotherLocationsTextStaysOutUntilThePlayersReachIt() {
        PlayerReach reach = new PlayerReach();
        Prompt onShip = PromptBuilder.build(index, reach.scope(index.campaign(), "encounter-msv_caldera_wren"), "Where can we dock at Tallow Station?", "");
        assertFalse(onShip.system().contains("Arm C takes bulk haulers"), onShip.system());
        assertFalse(onShip.system().contains("CONCOURSE"), onShip.system());
        assertTrue(onShip.system().contains("ship's computer of the freighter MSV Caldera Wren"), "persona");

        reach.viewChanged(new ActiveViewChanged(new VersionedView(1, ActiveView.STANDBY.withView(ViewType.ENCOUNTER, "tallow_station", "")
                .withCharonLocationPath("hesper/orrin/msv_caldera_wren"))));
        Prompt reached = PromptBuilder.build(index, reach.scope(index.campaign(), "bridge"), "Where can we dock at Tallow Station?", "");
        assertTrue(reached.system().contains("Arm C takes bulk haulers"), reached.system());
    }

    @Test
    void terminalsAndNpcsOnlyOnceShownAndInstanceWithoutGmKeys() {
        PlayerReach reach = new PlayerReach();
        String question = "What did the dock authority say about the berth audit?";
        Prompt before = PromptBuilder.build(index, reach.scope(index.campaign(), "encounter-tallow_station"), question, "");
        assertTrue(before.system().contains("TALLOW PUBLIC ACCESS NODE"), "instance.yaml of the location");
        assertFalse(before.system().contains("logs every query"), "gm_notes of instance.yaml");
        assertFalse(before.passageIds().stream().anyMatch(id -> id.startsWith("terminal")), before.system());

        reach.viewChanged(new ActiveViewChanged(new VersionedView(2, ActiveView.STANDBY.withOverlay("tallow_station", "quartermaster"))));
        Prompt after = PromptBuilder.build(index, reach.scope(index.campaign(), "encounter-tallow_station"), question, "");
        assertTrue(after.passageIds().stream().anyMatch(id -> id.startsWith("terminal")), after.system());
    }

    @Test
    void theShipStatusShownNowIsInThePrompt() {
        PlayerReach reach = new PlayerReach();
        reach.viewChanged(new ActiveViewChanged(new VersionedView(3, ActiveView.STANDBY
                .withShipSystemOverride("engines", new ShipSystemOverride("DAMAGED", 40, "coolant leak")))));
        Prompt prompt = PromptBuilder.build(index, reach.scope(index.campaign(), "bridge"), "Can we burn for Vanta Reach?", "");
        assertTrue(prompt.system().contains("ship systems now: engines DAMAGED 40% (coolant leak)"), prompt.system());
    }
}
