package charon.campaign;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import charon.view.ActiveView;
import charon.view.BridgeView;
import charon.view.BridgeView.Level;
import charon.view.BridgeView.Tab;
import charon.view.ViewType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge choices of the test campaign (every star-map level) and what players see of a choice. */
class BridgeChoicesTest {

    private static Campaign campaign;

    @BeforeAll
    static void load() {
        campaign = CampaignLoader.load(Path.of("src/test/fixtures/campaign-cinderwake"));
    }

    private static BridgeView map(Level level, String system, String body, String selected) {
        return new BridgeView(Tab.MAP, level, system, body, selected, "", "");
    }

    @Test
    void everyLevelOfTheFixtureCanBeShownAndWhatIsNotThereIsRefused() {
        assertTrue(BridgeChoices.refusal(campaign, BridgeView.START).isEmpty());
        assertTrue(BridgeChoices.refusal(campaign, map(Level.GALAXY, "vesper-deep", "", "")).isEmpty(), "a star without a system map can be selected");
        assertTrue(BridgeChoices.refusal(campaign, map(Level.SYSTEM, "vesper-deep", "", "")).isPresent(), "but not opened");
        assertTrue(BridgeChoices.refusal(campaign, map(Level.SYSTEM, "caul", "ossuary", "")).isEmpty(), "a ringed body without an orbit map");
        assertTrue(BridgeChoices.refusal(campaign, map(Level.ORBIT, "caul", "ossuary", "")).isPresent());
        assertTrue(BridgeChoices.refusal(campaign, map(Level.ORBIT, "caul", "meridian", "")).isEmpty());
        assertTrue(BridgeChoices.refusal(campaign, map(Level.ORBIT, "vesper-deep", "vesper-deep-ii", "")).isEmpty(),
                "an orbit map in a system without a system map");
        assertTrue(BridgeChoices.refusal(campaign, map(Level.ORBIT, "caul", "meridian", "nowhere")).isPresent());
        assertTrue(BridgeChoices.refusal(campaign, map(Level.GALAXY, "", "meridian", "")).isPresent());
    }

    @Test
    void playersGetPeopleAndLogsOnlyWhileTheBridgeIsShownAndOnlyTheirs() {
        BridgeView chosen = new BridgeView(Tab.PERSONNEL, Level.GALAXY, "caul", "", "", "ghost-of-the-gm", "1");
        ActiveView bridge = ActiveView.STANDBY.withView(ViewType.BRIDGE, "", "");
        BridgeView players = BridgeChoices.forPlayers(campaign, bridge, chosen);
        assertEquals("", players.person(), "a person players cannot read never reaches them");
        assertEquals("1", players.log());
        assertEquals("caul", players.systemSlug());
        assertEquals(chosen.withoutRecords(), BridgeChoices.forPlayers(campaign, ActiveView.STANDBY, chosen));
    }
}
