package charon.gm;

import jakarta.json.bind.annotation.JsonbNillable;

import java.util.Set;

/** The answers of the table-wide writes: reset, undo/redo (with the console's history), a new session. */
public final class TableAnswers {

    private TableAnswers() {
    }

    /**
     * What the next undo and redo would revert, for the console's buttons. The nulls are written out
     * ({@code "next_undo": null}): the console tells "nothing to undo" from a missing key.
     */
    @JsonbNillable
    public record History(boolean success, long version,
                          String nextUndo,
                          String nextRedo,
                          int undoDepth, int redoDepth, Set<String> rememberedLocations,
                          String shownEncounter,
                          String shownEncounterName) {
    }

    public record SessionStarted(boolean success, long version, String viewType) {
        SessionStarted(long version, String viewType) {
            this(true, version, viewType);
        }
    }
}
