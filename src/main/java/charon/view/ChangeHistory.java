package charon.view;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The GM's undo and redo stacks: for each change, what it was called and the table state before it.
 * Bounded (the oldest entries fall off). Not thread-safe: only {@link ActiveViewStore} uses it, under its lock.
 */
final class ChangeHistory {

    /** How many changes can be undone one by one (the issue asks for at least 50). */
    static final int DEPTH = 100;

    record Entry(String label, TableState state) {
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();

    /** A new change: it can be undone, and whatever was undone before can no longer be redone. */
    void changed(String label, TableState before) {
        push(undo, new Entry(label, before));
        redo.clear();
    }

    /** Takes the change to undo, remembering {@code now} for a redo. */
    Optional<Entry> undo(TableState now) {
        Entry entry = undo.pollFirst();
        if (entry != null) {
            push(redo, new Entry(entry.label(), now));
        }
        return Optional.ofNullable(entry);
    }

    Optional<Entry> redo(TableState now) {
        Entry entry = redo.pollFirst();
        if (entry != null) {
            push(undo, new Entry(entry.label(), now));
        }
        return Optional.ofNullable(entry);
    }

    void clear() {
        undo.clear();
        redo.clear();
    }

    Optional<String> nextUndo() {
        return Optional.ofNullable(undo.peekFirst()).map(Entry::label);
    }

    Optional<String> nextRedo() {
        return Optional.ofNullable(redo.peekFirst()).map(Entry::label);
    }

    int undoDepth() {
        return undo.size();
    }

    int redoDepth() {
        return redo.size();
    }

    private static void push(Deque<Entry> stack, Entry entry) {
        stack.addFirst(entry);
        while (stack.size() > DEPTH) {
            stack.removeLast();
        }
    }
}
