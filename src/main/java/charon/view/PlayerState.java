package charon.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The campaign-independent part of the players' projection: the state's own fields with what is not revealed
 * left out. The door rule needs the map, so the caller passes it as a function.
 */
public final class PlayerState {

    /** A token with this status is the GM's secret even in a revealed room. */
    public static final String HIDDEN_STATUS = "hidden";

    private PlayerState() {
    }

    /** A room players see: the display's rule, every room unless it is hidden (exactly false). */
    public static boolean roomShown(Map<String, Boolean> visibility, String roomId) {
        return !Boolean.FALSE.equals(visibility.get(roomId));
    }

    /** The display's token rule: in no room or in a room revealed (exactly true), and not marked hidden. */
    public static boolean tokenShown(Token token, Map<String, Boolean> visibility) {
        if (token.status().contains(HIDDEN_STATUS)) {
            return false;
        }
        return token.roomId().isEmpty() || Boolean.TRUE.equals(visibility.get(token.roomId()));
    }

    /**
     * The state players see.
     *
     * @param publicDoorId for each door status entry: the id players know it by, or null when no revealed room
     *                     touches that door (then it is left out)
     */
    public static ActiveView project(ActiveView state, Function<String, String> publicDoorId) {
        Map<String, Boolean> visibility = state.encounterRoomVisibility();
        Map<String, Boolean> revealed = new LinkedHashMap<>();
        visibility.forEach((room, visible) -> {
            if (Boolean.TRUE.equals(visible)) {
                revealed.put(room, true);
            }
        });
        Map<String, Token> tokens = new LinkedHashMap<>();
        state.encounterTokens().forEach((id, token) -> {
            if (tokenShown(token, visibility)) {
                tokens.put(id, token);
            }
        });
        Map<String, DoorStatus> doors = new LinkedHashMap<>();
        state.encounterDoorStatus().forEach((id, status) -> {
            String shownAs = publicDoorId.apply(id);
            if (shownAs != null) {
                doors.put(shownAs, status);
            }
        });
        return new ActiveView(state.viewType(), state.locationSlug(), state.viewSlug(),
                state.overlayLocationSlug(), state.overlayTerminalSlug(), state.charonMode(),
                state.charonLocationPath(), state.charonDialogOpen(), state.charonActiveChannel(),
                state.encounterLevel(), state.encounterDeckId(), revealed, doors, tokens,
                List.copyOf(state.encounterActivePortraits()), state.shipSystemOverrides());
    }

    /** Without a campaign nothing tells which doors players may see: none; no NPC data either. */
    public static ActiveViewPayload withoutCampaign(ActiveView state) {
        return new ActiveViewPayload(project(state, door -> null), Map.of("encounter_npc_data", Map.of()));
    }
}
