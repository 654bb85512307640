package charon.push;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which kind of connection each open display stream is on, and whether Tomcat's upgrade path may still be used. The
 * counts make a silent fall-back to the portable path visible ({@code GET /api/gm/diagnostics}, and a test fails on
 * it); a failure inside the Tomcat-specific calls (a {@link LinkageError} from a changed internal API included) turns
 * the upgrade path off for every new stream, logged once.
 */
final class ConnectionKinds {

    /** The one instance of the deployment: {@link DisplayConnections} and the Tomcat connections report here. */
    static final ConnectionKinds SHARED = new ConnectionKinds();

    private static final Logger LOG = Logger.getLogger(ConnectionKinds.class.getName());

    enum Kind {
        /** Taken over from its request (Tomcat): {@link UpgradedConnection}. */
        UPGRADED,
        /** An asynchronous servlet response, any container: {@link AsyncConnection}. */
        ASYNC
    }

    private final AtomicInteger upgraded = new AtomicInteger();
    private final AtomicInteger async = new AtomicInteger();
    private final AtomicBoolean upgradeBroken = new AtomicBoolean();

    /** Counts a stream as open on its kind until its connection ends. */
    void track(Kind kind, DisplayConnection connection) {
        AtomicInteger count = kind == Kind.UPGRADED ? upgraded : async;
        count.incrementAndGet();
        connection.whenEnded(count::decrementAndGet);
    }

    /** Open streams per kind, by lower-case kind name. */
    Map<String, Integer> open() {
        Map<String, Integer> open = new LinkedHashMap<>();
        open.put("upgraded", upgraded.get());
        open.put("async", async.get());
        return open;
    }

    /** False once a Tomcat-specific call failed: new streams take the portable path. */
    boolean upgradeUsable() {
        return !upgradeBroken.get();
    }

    /** A Tomcat-specific call failed (its stream ends on its own): new streams take the portable path from now on. */
    void upgradeFailed(Throwable cause) {
        if (upgradeBroken.compareAndSet(false, true)) {
            LOG.log(Level.SEVERE, "A call into Tomcat's upgrade interface failed; that display's stream ended, and new "
                    + "streams keep their requests open (more memory per display; see the README)", cause);
        }
    }
}
