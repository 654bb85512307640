package charon.view;

/** The JSON of one state version, serialized once and shared by every reader and stream. */
public record SerializedPayload(long version, String json) {
}
