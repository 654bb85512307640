package charon.status;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import charon.accounts.UserRepository;
import charon.campaign.CurrentCampaign;

/**
 * The few lines a GM needs at start: which addresses the displays and the console open on the LAN,
 * and the first-run step while no GM account exists.
 */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    UserRepository users;
    @Inject
    CurrentCampaign campaign;

    /**
     * Runs after the database and campaign are up (later priority). The banner is printed once the HTTP
     * connector accepts connections, which in Tomcat is after the application has started: a GM who reads
     * "ready" can open the addresses at once.
     */
    void announce(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class) ServletContext context) {
        String banner = banner(context.getContextPath());
        Thread printer = new Thread(() -> {
            awaitConnector(Duration.ofSeconds(120));
            LOG.info(banner);
        }, "charon-banner");
        printer.setDaemon(true);
        printer.start();
    }

    private String banner(String contextPath) {
        String port = httpPort().isPresent() ? ":" + httpPort().getAsInt() : ":<port>";
        List<String> hosts = LanAddresses.find();
        StringBuilder banner = new StringBuilder("Charon is ready. On the LAN open:");
        for (String host : hosts.isEmpty() ? List.of("localhost") : hosts) {
            String base = "http://" + host + port + contextPath;
            banner.append("\n  displays:   ").append(base).append("/terminal/")
                    .append("\n  GM console: ").append(base).append("/gmconsole/");
        }
        campaign.unavailable().ifPresent(reason -> banner.append("\n  No campaign: ").append(reason).append(" (")
                .append(campaign.root()).append("). The displays have nothing to show; set CHARON_CAMPAIGN to your campaign folder."));
        if (!users.anyActiveGm()) {
            banner.append("\n  First run: no GM account yet. Restart once with CHARON_GM_PASSWORD=<password> to create it.");
        }
        return banner.toString();
    }

    /** Waits until Tomcat's HTTP connector has started; elsewhere (no JMX view of it) returns at once. */
    private static void awaitConnector(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (connectorState().map(state -> !"STARTED".equals(state)).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<String> connectorState() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (String domain : List.of("Catalina", "Tomcat")) {
                for (ObjectName name : server.queryNames(new ObjectName(domain + ":type=Connector,*"), null)) {
                    if ("http".equals(server.getAttribute(name, "scheme"))) {
                        return Optional.of(String.valueOf(server.getAttribute(name, "stateName")));
                    }
                }
            }
        } catch (Exception | LinkageError e) {
            // no JMX view of the connectors here
        }
        return Optional.empty();
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
