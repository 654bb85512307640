package charon.run;

import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Start-up refusals Charon has already explained in one log line of its own (a database it cannot use):
 * Tomcat would log the same refusal again, wrapped in stack traces of its start-up; the run command
 * keeps the one line. Anything else Tomcat reports is printed as it is.
 */
final class StartupRefusals {

    /** Charon's exceptions whose message is the whole story (compared by name: they live in the WAR's class loader). */
    private static final Set<String> EXPLAINED = Set.of("charon.persistence.UnusableDatabaseException");

    private StartupRefusals() {
    }

    static boolean explained(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (EXPLAINED.contains(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** Stops Tomcat's container loggers from repeating an explained refusal. */
    static void quietTomcat() {
        Filter filter = record -> record.getThrown() == null || !explained(record.getThrown());
        for (String name : new String[] {"org.apache.catalina.core.ContainerBase", "org.apache.catalina.core.StandardContext",
                "org.apache.catalina.startup.Catalina", "org.apache.catalina.core.StandardServer", "org.apache.catalina.core.StandardService"}) {
            Logger logger = Logger.getLogger(name);
            logger.setFilter(filter);
            KEPT.add(logger); // JUL holds loggers weakly: a collected logger would lose its filter
        }
    }

    private static final java.util.List<Logger> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();
}
