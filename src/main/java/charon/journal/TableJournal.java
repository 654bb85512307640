package charon.journal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import charon.persistence.Database;
import charon.view.ActiveViewChanged;
import charon.view.ActiveViewStore;
import charon.view.TableSnapshot;
import charon.view.TableState;

/**
 * Writes the table state to SQLite after every change, on its own thread: the store's lock and the push never
 * wait for the disk. The writer always writes the newest snapshot (changes that come while a write is in flight
 * are written together, as the state after them). At start the newest row is read back, so the displays, every
 * location's memory and the version continue after a restart or kill -9.
 *
 * <p>A write that fails never holds anything up: it is logged once, {@link #healthy()} turns false (health says
 * "degraded", the console warns) and it is retried every second until it succeeds.
 */
@ApplicationScoped
public class TableJournal {

    private static final Logger LOG = Logger.getLogger(TableJournal.class.getName());
    /**
     * A restored state's version is the journaled one plus this: more than the changes that can be pushed while
     * one journal write is in flight, so a version a display saw before the crash is never handed out again.
     */
    static final long VERSION_GAP = 1000;
    static final Duration RETRY = Duration.ofSeconds(1);

    @Inject
    ActiveViewStore store;
    @Inject
    Database database;

    private final Semaphore wake = new Semaphore(0);
    private final Object progress = new Object();
    private volatile long written = -1;
    private volatile boolean healthy = true;
    private volatile boolean running;
    private JournalFile file;
    private Thread writer;

    /**
     * Restores the journaled state before displays connect, then starts writing. After the database and the
     * campaign are up (later priority than theirs), so the restored payload is built with the campaign's data.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class) Object started) {
        file = new JournalFile(database.file());
        boolean writable = restore();
        written = store.snapshot().version();
        if (writable) {
            running = true;
            writer = new Thread(this::writeLoop, "charon-journal");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Returns false when an unreadable row could not be kept aside: then nothing is written over it. */
    private boolean restore() {
        Optional<JournalFile.Row> row;
        try {
            row = file.read(JournalFile.CURRENT);
        } catch (SQLException e) {
            return unreadable("cannot be read (" + e.getMessage() + ")", false);
        }
        if (row.isEmpty()) {
            return true;
        }
        if (row.get().format() != JournalFile.FORMAT) {
            return unreadable("has format " + row.get().format() + ", this build reads " + JournalFile.FORMAT, true);
        }
        TableState state;
        try {
            state = TableStateCodec.read(row.get().state());
        } catch (RuntimeException e) {
            return unreadable("cannot be parsed (" + e.getMessage() + ")", true);
        }
        store.restore(row.get().version() + VERSION_GAP, state);
        LOG.info("Table state restored from the journal (version " + row.get().version() + ", now "
                + store.current().version() + ", " + state.memories().size() + " other locations remembered)");
        return true;
    }

    private boolean unreadable(String why, boolean keepAside) {
        String problem = "The table-state journal " + why + ": starting at STANDBY; nothing was deleted";
        try {
            if (keepAside) {
                problem += " (the row is kept as '" + file.setAside() + "')";
                long highest = file.highestVersion();
                if (highest > 0) {
                    store.restore(highest + VERSION_GAP, TableState.START);
                }
            }
        } catch (SQLException | RuntimeException e) {
            keepAside = false;
        }
        if (!keepAside) {
            problem += "; the journal stays off until it can be read";
        }
        LOG.severe(problem);
        return keepAside;
    }

    /** Observes every change inside the store's lock: only a wake-up, never a write. */
    void onChange(@Observes ActiveViewChanged change) {
        if (running) {
            wake.release();
        }
    }

    private void writeLoop() {
        while (running || wake.availablePermits() > 0) {
            try {
                boolean woken = wake.tryAcquire(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (woken || !healthy) {
                    writeNewest();
                }
            } catch (InterruptedException e) {
                running = false;
            }
        }
        writeNewest(); // the last state at shutdown
        file.close();
    }

    private void writeNewest() {
        TableSnapshot newest = store.snapshot();
        if (newest.version() <= written && healthy) {
            return;
        }
        try {
            file.write(newest.version(), TableStateCodec.write(newest.table()));
            if (!healthy) {
                LOG.info("Table-state journal writes again (version " + newest.version() + ")");
            }
            healthy = true;
            synchronized (progress) {
                written = newest.version();
                progress.notifyAll();
            }
        } catch (SQLException | RuntimeException e) {
            if (healthy) {
                LOG.warning("Table-state journal cannot be written, the table goes on from memory and retries every second: "
                        + e.getMessage());
            }
            healthy = false;
            synchronized (progress) {
                progress.notifyAll(); // whoever waits for this write stops waiting
            }
        }
    }

    /**
     * Waits until the state of {@code version} is on disk, while the journal is healthy, at most {@code max}.
     * Used by the answers to GM writes, never by the push.
     */
    public void awaitWritten(long version, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (progress) {
            while (running && healthy && written < version) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }

    /** False while writes fail (or the journal could not be read at start and is off). */
    public boolean healthy() {
        return healthy && running;
    }

    public long writtenVersion() {
        return written;
    }

    @PreDestroy
    void stop() {
        running = false;
        wake.release();
        if (writer != null) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
