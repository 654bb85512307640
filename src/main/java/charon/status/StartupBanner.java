package charon.status;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalInt;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import charon.accounts.UserRepository;

/**
 * The few lines a GM needs at start: which addresses the displays and the console open on the LAN,
 * and the first-run step while no GM account exists.
 */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    UserRepository users;

    /** Runs after the database and campaign are up (later priority), so the banner is the last word. */
    void announce(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class) ServletContext context) {
        String port = httpPort().isPresent() ? ":" + httpPort().getAsInt() : ":<port>";
        List<String> hosts = LanAddresses.find();
        StringBuilder banner = new StringBuilder("Charon is ready. On the LAN open:");
        for (String host : hosts.isEmpty() ? List.of("localhost") : hosts) {
            String base = "http://" + host + port + context.getContextPath();
            banner.append("\n  displays:   ").append(base).append("/terminal/")
                    .append("\n  GM console: ").append(base).append("/gmconsole/");
        }
        if (!users.anyActiveGm()) {
            banner.append("\n  First run: no GM account yet. Restart once with CHARON_GM_PASSWORD=<password> to create it.");
        }
        LOG.info(banner.toString());
    }

    /** Tomcat registers its connectors in JMX; other servers may not, and then the port is left out. */
    static OptionalInt httpPort() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (String domain : List.of("Catalina", "Tomcat")) {
                for (ObjectName name : server.queryNames(new ObjectName(domain + ":type=Connector,*"), null)) {
                    Object scheme = server.getAttribute(name, "scheme");
                    Object port = server.getAttribute(name, "localPort");
                    if ("http".equals(scheme) && port instanceof Integer p && p > 0) {
                        return OptionalInt.of(p);
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            // no JMX view of the connectors here
        }
        return OptionalInt.empty();
    }
}
