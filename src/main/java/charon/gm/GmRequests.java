package charon.gm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import charon.json.JsonRequest;

/**
 * The request bodies of the GM's view and table writes (api-contract §3.2, §4, §6, §9), as read by
 * {@link charon.json.JsonRequestReader}: a missing field is null until a default applies, the refusal texts are the
 * contract's.
 */
public final class GmRequests {

    private GmRequests() {
    }

    @JsonRequest
    public record SwitchView(String viewType, String locationSlug, String viewSlug) {
        public SwitchView {
            viewType = viewType == null ? "STANDBY" : viewType;
            locationSlug = locationSlug == null ? "" : locationSlug;
            viewSlug = viewSlug == null ? "" : viewSlug;
        }
    }

    @JsonRequest
    public record ShowTerminal(String locationSlug, String terminalSlug) {
        public ShowTerminal {
            locationSlug = locationSlug == null ? "" : locationSlug;
            terminalSlug = terminalSlug == null ? "" : terminalSlug;
        }
    }

    @JsonRequest
    public record SwitchDeck(@NotNull(message = "deck_id is required") String deckId, Integer level) {
    }

    @JsonRequest
    public record ToggleRoom(@NotNull(message = "room_id is required") String roomId, Boolean visible) {
    }

    @JsonRequest
    public record RoomVisibility(@NotNull(message = "room_visibility is required") Map<String, Boolean> roomVisibility) {
    }

    @JsonRequest
    public record DoorStatus(@NotNull(message = "connection_id is required") String connectionId,
                             @NotNull(message = "door_status is required") String doorStatus) {
    }

    @JsonRequest
    public record PlaceToken(@NotNull(message = "type is required") String type,
                             @NotNull(message = "name is required") String name,
                             @NotNull(message = "x is required") Integer x,
                             @NotNull(message = "y is required") Integer y,
                             String imageUrl, String roomId) {
        public PlaceToken {
            imageUrl = imageUrl == null ? "" : imageUrl;
            roomId = roomId == null ? "" : roomId;
        }
    }

    /** room_id absent keeps the token's room. */
    @JsonRequest
    public record MoveToken(@NotNull(message = "token_id is required") String tokenId,
                            @NotNull(message = "x is required") Integer x,
                            @NotNull(message = "y is required") Integer y,
                            String roomId) {
        public Optional<String> newRoom() {
            return Optional.ofNullable(roomId);
        }
    }

    @JsonRequest
    public record TokenRef(@NotNull(message = "token_id is required") String tokenId) {
    }

    @JsonRequest
    public record TokenStatus(@NotNull(message = "token_id is required") String tokenId,
                              @NotNull(message = "status is required") List<String> status) {
    }

    @JsonRequest
    public record Portrait(@NotBlank(message = "npc_id is required") String npcId) {
    }

    @JsonRequest
    public record ShipSystem(@NotBlank(message = "system is required") String system,
                             @NotNull(message = "status is required") String status,
                             Integer condition, String info) {
    }

    @JsonRequest
    public record ResetEncounter(String locationSlug) {
    }

    @JsonRequest
    public record NewSession(@NotNull(message = "keep_memories (true or false) is required") Boolean keepMemories) {
    }
}
