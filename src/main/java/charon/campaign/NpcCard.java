package charon.campaign;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An NPC's portrait card in the payload's {@code encounter_npc_data}: the campaign's values as written. */
@JsonbPropertyOrder({"id", "name", "portrait"})
public record NpcCard(JsonValue id, JsonValue name, JsonValue portrait) {
}
