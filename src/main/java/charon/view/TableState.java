package charon.view;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the table's state is: the view every display shows, the encounter memories of the locations not on
 * screen (by location slug), what the BRIDGE shows and how the table sounds. The memory of the encounter on screen is
 * in the view itself, never also here. The view, the bridge and the sound are pushed to displays; the memories are
 * store state (and journaled).
 */
public record TableState(ActiveView view, Map<String, EncounterMemory> memories, BridgeView bridge, SoundState sound) {

    /** A server that never ran: STANDBY, nothing remembered, the bridge on the galaxy, the default ambience. */
    public static final TableState START = new TableState(ActiveView.STANDBY, Map.of());

    public TableState {
        Objects.requireNonNull(view, "view");
        memories = memories == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(memories));
        bridge = bridge == null ? BridgeView.START : bridge;
        sound = sound == null ? SoundState.START : sound;
    }

    /** A state whose bridge and sound are at their start. */
    public TableState(ActiveView view, Map<String, EncounterMemory> memories) {
        this(view, memories, BridgeView.START, SoundState.START);
    }

    public TableState(ActiveView view, Map<String, EncounterMemory> memories, BridgeView bridge) {
        this(view, memories, bridge, SoundState.START);
    }

    public TableState(ActiveView view, Map<String, EncounterMemory> memories, SoundState sound) {
        this(view, memories, BridgeView.START, sound);
    }

    public TableState withView(ActiveView next) {
        return new TableState(next, memories, bridge, sound);
    }

    public TableState withBridge(BridgeView next) {
        return new TableState(view, memories, next, sound);
    }

    public TableState withSound(SoundState next) {
        return new TableState(view, memories, bridge, next);
    }

    /** The location whose encounter is on screen, if any (its memory is the view's encounter fields). */
    public Optional<String> shownEncounter() {
        return view.viewType() == ViewType.ENCOUNTER && !view.locationSlug().isEmpty()
                ? Optional.of(view.locationSlug()) : Optional.empty();
    }

    public Optional<EncounterMemory> memoryOf(String location) {
        return Optional.ofNullable(memories.get(location));
    }

    public TableState remembering(String location, EncounterMemory memory) {
        Map<String, EncounterMemory> next = new LinkedHashMap<>(memories);
        next.remove(location); // re-insert last: the most recently left location comes last
        next.put(location, memory);
        return new TableState(view, next, bridge, sound);
    }

    public TableState forgetting(String location) {
        if (!memories.containsKey(location)) {
            return this;
        }
        Map<String, EncounterMemory> next = new LinkedHashMap<>(memories);
        next.remove(location);
        return new TableState(view, next, bridge, sound);
    }

    public TableState forgettingAll() {
        return new TableState(view, Map.of(), bridge, sound);
    }
}
