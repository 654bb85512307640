package charon.view;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A marker on the encounter map; x and y are grid cells, the id is its key in the tokens map. */
public record Token(String type, String name, int x, int y, List<String> status, String imageUrl, String roomId) {

    public static final Set<String> TYPES = Set.of("player", "npc", "creature", "object");

    public Token {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        status = List.copyOf(status);
        imageUrl = Objects.requireNonNullElse(imageUrl, "");
        roomId = Objects.requireNonNullElse(roomId, "");
    }

    public Token movedTo(int newX, int newY, String newRoomId) {
        return new Token(type, name, newX, newY, status, imageUrl, newRoomId);
    }

    public Token withStatus(List<String> newStatus) {
        return new Token(type, name, x, y, newStatus, imageUrl, roomId);
    }
}
