package charon.view;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the table sounds like: the last alert the GM fired (none yet: null), the ambience loop of each view and
 * the ambience level (0-100). Part of the table state, so it is versioned, pushed and journaled with it; it is
 * not part of undo (undoing a reveal does not take back a klaxon, nor the GM's choice of ambience).
 */
public record SoundState(SoundAlert alert, Map<String, String> ambience, int level) {

    /** The ambience that plays nothing. */
    public static final String SILENCE = "silence";
    public static final int DEFAULT_LEVEL = 60;
    public static final SoundState START = new SoundState(null, Map.of(
            ViewType.STANDBY.name(), "near-silence",
            ViewType.ENCOUNTER.name(), "tension-drone",
            ViewType.BRIDGE.name(), "engine-hum",
            ViewType.CHARON_TERMINAL.name(), "data-noise"), DEFAULT_LEVEL);

    public SoundState {
        Objects.requireNonNull(ambience, "ambience");
        if (level < 0 || level > 100) {
            throw new IllegalArgumentException("level must be 0-100: " + level);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (ViewType type : ViewType.values()) { // one loop per view, in a stable order
            ordered.put(type.name(), ambience.getOrDefault(type.name(), SILENCE));
        }
        ambience = Collections.unmodifiableMap(ordered);
    }

    public long alertSequence() {
        return alert == null ? 0 : alert.sequence();
    }

    public SoundState withAlert(String name, Instant at) {
        return new SoundState(new SoundAlert(name, alertSequence() + 1, at.toString()), ambience, level);
    }

    public SoundState withAmbience(ViewType view, String name) {
        Map<String, String> next = new LinkedHashMap<>(ambience);
        next.put(view.name(), name);
        return new SoundState(alert, next, level);
    }

    public SoundState withLevel(int next) {
        return new SoundState(alert, ambience, next);
    }

    public String ambienceFor(ViewType view) {
        return ambience.get(view.name());
    }

    /**
     * The payload's {@code sound} key ({@link SoundPayload}): the last alert, the ambience of the view shown and the level; the GM's
     * payload also names every view's ambience (for the console's panel).
     */
    public Record payload(ViewType shown, boolean everyView) {
        return SoundPayload.of(this, shown, everyView);
    }
}
