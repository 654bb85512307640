package charon.view;

import java.util.Objects;

/** The two serializations of one state version: the players' projection and the GM's whole picture. */
public record AudiencePayloads(SerializedPayload players, SerializedPayload gm) {

    public AudiencePayloads {
        Objects.requireNonNull(players, "players");
        Objects.requireNonNull(gm, "gm");
        if (players.version() != gm.version()) {
            throw new IllegalArgumentException("payloads of different versions");
        }
    }

    public long version() {
        return players.version();
    }

    public SerializedPayload of(Audience audience) {
        return audience == Audience.GM ? gm : players;
    }
}
