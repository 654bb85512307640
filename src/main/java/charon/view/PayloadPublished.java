package charon.view;

/**
 * CDI event: a new version's payloads are ready, the players' ({@code payload}) and the GM's; fired in version
 * order right after the state changed.
 */
public record PayloadPublished(AudiencePayloads payloads) {

    /** The players' payload (what every display gets). */
    public SerializedPayload payload() {
        return payloads.players();
    }
}
