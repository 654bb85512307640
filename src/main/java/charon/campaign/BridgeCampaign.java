package charon.campaign;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * {@code GET /api/campaign/bridge/}: what the BRIDGE view shows besides the live state. The crew, NPC and session
 * entries and the ship are the campaign's own documents (free-form), the players' part of them; {@code ship} and
 * {@code campaign_title} are written as null when the campaign has none.
 */
@JsonbNillable
@JsonbPropertyOrder({"campaignTitle", "crew", "npcs", "sessions", "ship", "starSystems"})
public record BridgeCampaign(String campaignTitle, List<JsonObject> crew, List<JsonObject> npcs,
                             List<JsonObject> sessions, JsonObject ship, List<JsonObject> starSystems) {
}
