package charon.view;

import java.util.Optional;

/**
 * One consistent reading of the store: the version, the whole table state, and what the next undo and redo
 * would revert (for the console). Read lock-free; what the journal writes.
 */
public record TableSnapshot(long version, TableState table, Optional<String> nextUndo, Optional<String> nextRedo,
                            int undoDepth, int redoDepth) {

    public VersionedView versioned() {
        return new VersionedView(version, table.view(), table.bridge(), table.sound());
    }
}
