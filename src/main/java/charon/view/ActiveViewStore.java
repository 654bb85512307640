package charon.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one table state of the server: the ActiveView every display shows, plus the encounter memories of the
 * locations not on screen ({@link TableState}). Reads are lock-free snapshots; every change is a function of
 * the previous state applied under a lock, so read-modify-write changes (toggle a room, move a token) never
 * lose each other. A change that throws leaves state and version untouched. Every change that alters the
 * state can be undone (and redone); an undo is itself an ordinary change: a new version and one event.
 */
@ApplicationScoped
public class ActiveViewStore {

    /** A change's result: the next state and what the console calls it ("reveal CRYO VAULT"). */
    public record Edit(TableState next, String label) {
    }

    private final ReentrantLock writeLock = new ReentrantLock();
    private final ChangeHistory history = new ChangeHistory();
    private volatile VersionedView current = new VersionedView(0, ActiveView.STANDBY);
    private volatile TableSnapshot snapshot = new TableSnapshot(0, TableState.START, Optional.empty(), Optional.empty(), 0, 0);
    private Consumer<ActiveViewChanged> announcer;

    protected ActiveViewStore() {
        // for CDI proxies
    }

    @Inject
    public ActiveViewStore(Event<ActiveViewChanged> changed) {
        this((Consumer<ActiveViewChanged>) changed::fire);
    }

    /** For tests that run without a container. */
    public ActiveViewStore(Consumer<ActiveViewChanged> announcer) {
        this.announcer = Objects.requireNonNull(announcer);
    }

    public VersionedView current() {
        return current;
    }

    /** The whole state with its version and the undo/redo heads, read consistently. */
    public TableSnapshot snapshot() {
        return snapshot;
    }

    /** A change of the view alone, with a generic name for undo. */
    public VersionedView update(UnaryOperator<ActiveView> change) {
        return update("change", change);
    }

    public VersionedView update(String label, UnaryOperator<ActiveView> change) {
        return edit(table -> new Edit(table.withView(Objects.requireNonNull(change.apply(table.view()),
                "a change must return a state")), label));
    }

    /**
     * Applies one change of the whole table state atomically and announces it. The announcement happens inside
     * the lock so that observers receive versions in order, each exactly once.
     */
    public VersionedView edit(Function<TableState, Edit> change) {
        writeLock.lock();
        try {
            TableState before = snapshot.table();
            Edit edit = Objects.requireNonNull(change.apply(before), "a change must return a state");
            TableState next = edit.next().withSound(before.sound()); // the sound changes only by changeSound
            if (!next.equals(before)) {
                history.changed(edit.label(), before);
            }
            return publish(next);
        } finally {
            writeLock.unlock();
        }
    }

    /** Restores the state before the last change (if any), as a new version. */
    public Optional<VersionedView> undo() {
        writeLock.lock();
        try {
            return history.undo(snapshot.table()).map(entry -> publish(entry.state().withSound(snapshot.table().sound())));
        } finally {
            writeLock.unlock();
        }
    }

    /** Re-applies the last undone change (if any), as a new version. */
    public Optional<VersionedView> redo() {
        writeLock.lock();
        try {
            return history.redo(snapshot.table()).map(entry -> publish(entry.state().withSound(snapshot.table().sound())));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * A change of the table's sound (an alert, an ambience, the level): a new version and one event like any
     * change, but not an undo step, and undo and redo leave the sound as it is.
     */
    public VersionedView changeSound(UnaryOperator<SoundState> change) {
        writeLock.lock();
        try {
            TableState now = snapshot.table();
            return publish(now.withSound(Objects.requireNonNull(change.apply(now.sound()), "a change must return a sound")));
        } finally {
            writeLock.unlock();
        }
    }

    /** A new version with the same fields: for derived data (the campaign) that changed under the view. */
    public VersionedView touch() {
        return update(UnaryOperator.identity());
    }

    /**
     * At start-up, before any display: continues from a journaled state at a version after every version the
     * previous run can have shown (and after this run's, if any). No undo history survives a restart.
     */
    public VersionedView restore(long version, TableState table) {
        writeLock.lock();
        try {
            history.clear();
            return publish(Math.max(version, snapshot.version() + 1), table);
        } finally {
            writeLock.unlock();
        }
    }

    private VersionedView publish(TableState next) {
        return publish(snapshot.version() + 1, next);
    }

    private VersionedView publish(long version, TableState next) {
        snapshot = new TableSnapshot(version, next, history.nextUndo(), history.nextRedo(),
                history.undoDepth(), history.redoDepth());
        VersionedView changed = snapshot.versioned();
        current = changed;
        announcer.accept(new ActiveViewChanged(changed));
        return changed;
    }
}
