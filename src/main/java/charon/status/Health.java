package charon.status;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** {@code GET /api/health}: {@code reasons} only when degraded (null is left out). */
@JsonbPropertyOrder({"status", "reasons", "database", "journal", "journalVersion", "campaign", "connectedDisplays", "eventsSent",
        "displaysDropped", "streamsClosedAtFirstEvent", "version"})
public record Health(String status, List<String> reasons, String database, String journal, long journalVersion,
                     CampaignHealth campaign, int connectedDisplays, long eventsSent, long displaysDropped,
                     long streamsClosedAtFirstEvent, long version) {

    @JsonbPropertyOrder({"loaded", "demo", "locations", "problems"})
    public record CampaignHealth(boolean loaded, boolean demo, int locations, int problems) {
    }
}
