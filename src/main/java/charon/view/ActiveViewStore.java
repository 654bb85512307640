package charon.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The one ActiveView of the server. Reads are lock-free snapshots; every change is a function of
 * the previous state applied under a lock, so read-modify-write changes (toggle a room, move a
 * token) never lose each other. A change that throws leaves state and version untouched.
 */
@ApplicationScoped
public class ActiveViewStore {

    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile VersionedView current = new VersionedView(0, ActiveView.STANDBY);
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

    /**
     * Applies one change atomically and announces it. The announcement happens inside the lock so
     * that observers receive versions in order, each exactly once.
     */
    public VersionedView update(UnaryOperator<ActiveView> change) {
        writeLock.lock();
        try {
            ActiveView next = Objects.requireNonNull(change.apply(current.view()), "a change must return a state");
            VersionedView changed = new VersionedView(current.version() + 1, next);
            current = changed;
            announcer.accept(new ActiveViewChanged(changed));
            return changed;
        } finally {
            writeLock.unlock();
        }
    }

    /** A new version with the same fields: for derived data (the campaign) that changed under the view. */
    public VersionedView touch() {
        return update(UnaryOperator.identity());
    }
}
