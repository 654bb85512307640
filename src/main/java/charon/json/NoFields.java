package charon.json;

/** The body of a write that takes no fields: still read and checked (one JSON object, or empty), then ignored. */
@JsonRequest
public record NoFields() {
}
