package charon.gm;

import java.util.List;
import java.util.Map;

import charon.view.DoorStatus;
import charon.view.ShipSystemOverride;
import charon.view.Token;

/**
 * The answers of the GM's view writes (api-contract §3.2, §6, §9), in the contract's shapes: {@code success: true}
 * and what the console redraws from. JSON-B writes the components in snake_case.
 */
public final class GmAnswers {

    private GmAnswers() {
    }

    public record ViewSwitched(boolean success, String viewType, String locationSlug) {
        ViewSwitched(String viewType, String locationSlug) {
            this(true, viewType, locationSlug);
        }
    }

    public record TerminalShown(boolean success, String overlayTerminalSlug) {
        TerminalShown(String overlayTerminalSlug) {
            this(true, overlayTerminalSlug);
        }
    }

    public record DeckSwitched(boolean success, int level, String deckId) {
        DeckSwitched(int level, String deckId) {
            this(true, level, deckId);
        }
    }

    public record RoomToggled(boolean success, String roomId, Boolean visible, Map<String, Boolean> roomVisibility) {
        RoomToggled(String roomId, Map<String, Boolean> roomVisibility) {
            this(true, roomId, roomVisibility.get(roomId), roomVisibility);
        }
    }

    /** GET room-visibility (no success key, as the original). */
    public record Rooms(Map<String, Boolean> roomVisibility) {
    }

    public record RoomsSet(boolean success, Map<String, Boolean> roomVisibility) {
        RoomsSet(Map<String, Boolean> roomVisibility) {
            this(true, roomVisibility);
        }
    }

    public record DoorSet(boolean success, String connectionId, String doorStatus, Map<String, DoorStatus> allDoorStatus) {
        DoorSet(String connectionId, String doorStatus, Map<String, DoorStatus> allDoorStatus) {
            this(true, connectionId, doorStatus, allDoorStatus);
        }
    }

    /** A token placed, moved or given a status: its id and every token now on the map. */
    public record TokenChanged(boolean success, String tokenId, Map<String, Token> tokens) {
        TokenChanged(String tokenId, Map<String, Token> tokens) {
            this(true, tokenId, tokens);
        }
    }

    public record Tokens(boolean success, Map<String, Token> tokens) {
        Tokens(Map<String, Token> tokens) {
            this(true, tokens);
        }
    }

    public record Portraits(boolean success, List<String> activePortraits) {
        Portraits(List<String> activePortraits) {
            this(true, activePortraits);
        }
    }

    public record ShipSystemSet(boolean success, String system, ShipSystemOverride override) {
        ShipSystemSet(String system, ShipSystemOverride override) {
            this(true, system, override);
        }
    }
}
