package charon.campaign;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One picture of the GM's token gallery (§6.11). {@code id}, {@code name} and {@code url} are the campaign's values
 * as written (a YAML number stays a number).
 */
@JsonbPropertyOrder({"id", "name", "type", "url", "source"})
public record TokenImage(JsonValue id, JsonValue name, String type, JsonValue url, String source) {
}
