package charon.view;

/** CDI event: a new payload is ready; fired in version order right after the state changed. */
public record PayloadPublished(SerializedPayload payload) {
}
