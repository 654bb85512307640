package charon.view;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the players saw of one location's encounter: the deck shown, the rooms revealed, the doors, the
 * tokens and the open portraits. The ActiveView carries the memory of the encounter on screen; the store
 * keeps the others ({@link TableState}), so leaving a location and coming back restores it exactly.
 */
public record EncounterMemory(int level, String deckId, Map<String, Boolean> roomVisibility,
                              Map<String, DoorStatus> doorStatus, Map<String, Token> tokens, List<String> activePortraits) {

    /** No encounter: what the view carries while no location's encounter is shown. */
    public static final EncounterMemory NONE = new EncounterMemory(1, "", Map.of(), Map.of(), Map.of(), List.of());

    public EncounterMemory {
        deckId = Objects.requireNonNullElse(deckId, "");
        roomVisibility = frozen(roomVisibility);
        doorStatus = frozen(doorStatus);
        tokens = frozen(tokens);
        activePortraits = activePortraits == null ? List.of() : List.copyOf(activePortraits);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The encounter fields of a view. */
    public static EncounterMemory of(ActiveView view) {
        return new EncounterMemory(view.encounterLevel(), view.encounterDeckId(), view.encounterRoomVisibility(),
                view.encounterDoorStatus(), view.encounterTokens(), view.encounterActivePortraits());
    }

    /** The view with its encounter fields replaced by this memory; every other field stays. */
    public ActiveView applyTo(ActiveView v) {
        return new ActiveView(v.viewType(), v.locationSlug(), v.viewSlug(), v.overlayLocationSlug(), v.overlayTerminalSlug(),
                v.charonMode(), v.charonLocationPath(), v.charonDialogOpen(), v.charonActiveChannel(),
                level, deckId, roomVisibility, doorStatus, tokens, activePortraits, v.shipSystemOverrides());
    }
}
