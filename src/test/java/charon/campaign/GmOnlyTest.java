package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Galaxy, system and orbit maps are served whole: what is marked for the GM goes at every depth. */
class GmOnlyTest {

    @Test
    void gmKeysAndMarkedEntriesGoAtEveryDepthAndTheRestStaysInOrder() {
        Map<String, Object> system = Map.of(
                "name", "Caul",
                "gm_notes", "the star is a lure",
                "bodies", List.of(
                        Map.of("name", "Meridian", "stations", List.of(
                                Map.of("name", "Highport"),
                                Map.of("name", "Black Site", "gm_only", true))),
                        Map.of("name", "Vesper", "gm_only", "yes", "orbit", 3)),
                "anomaly", Map.of("gm_only", true, "name", "The Hum"));
        Map<String, Object> players = GmOnly.deep(system);
        assertEquals(Map.of("name", "Caul", "bodies", List.of(
                Map.of("name", "Meridian", "stations", List.of(Map.of("name", "Highport"))))), players);
    }
}
