package charon.run;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Wrapper;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.CatalinaBaseConfigurationSource;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The run command's server (`bin/run`): the Charon WAR, and nothing else, in Tomcat with the top-level
 * {@code server.xml}. It says in one line, with an exit code, why it cannot start (port taken, already
 * running from this folder, database or data folder unusable), and stops cleanly on Ctrl-C.
 *
 * <p>Arguments: {@code --port N} (else {@code charon.port} / {@code CHARON_PORT}, default 8080),
 * {@code --war FILE} (default {@code target/charon.war}), {@code --server-xml FILE}
 * (default {@code server.xml}), {@code --run-dir DIR} (default {@code target/run}).
 */
public final class CharonServer {

    /** Exit codes: each start-up failure says which. */
    static final int PORT_TAKEN = 2;
    static final int ALREADY_RUNNING = 3;
    static final int DID_NOT_START = 4;
    static final int USAGE = 64;

    private static final Logger LOG = Logger.getLogger(CharonServer.class.getName());

    private CharonServer() {
    }

    public static void main(String[] args) {
        RunSettings settings;
        try {
            settings = RunSettings.parse(args);
        } catch (IllegalArgumentException e) {
            fail(USAGE, e.getMessage());
            return;
        }
        RunFolder folder = new RunFolder(settings.runDir(), settings.port());
        if (folder.taken()) {
            fail(ALREADY_RUNNING, "Charon is already running from this folder on port " + settings.port()
                    + ". Stop it (Ctrl-C in its window), or start another one with bin/run --port <another port>.");
        }
        if (!Ports.isFree(settings.port())) {
            fail(PORT_TAKEN, "Port " + settings.port() + " is already in use by another program. Start Charon on another port:"
                    + " bin/run --port 9090 (or CHARON_PORT=9090).");
        }
        try {
            folder.claim();
            Path webapp = folder.copyOfWar(settings.war());
            run(settings, folder, webapp);
        } catch (IOException | LifecycleException e) {
            fail(DID_NOT_START, "Charon could not start: " + e.getMessage());
        }
    }

    private static void run(RunSettings settings, RunFolder folder, Path webapp) throws LifecycleException, IOException {
        System.setProperty("charon.port", Integer.toString(settings.port()));
        System.setProperty("charon.shutdown.port", "-1"); // Ctrl-C stops it; no shutdown port to guard
        StartupRefusals.quietTomcat();
        // Tomcat's base (conf/, logs/, webapps/, work/) is this server's folder, never the checkout it runs from
        System.setProperty("catalina.base", folder.base().toString());
        System.setProperty("catalina.home", folder.base().toString());
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(folder.base().toString());
        tomcat.init(new CatalinaBaseConfigurationSource(folder.base().toFile(), settings.serverXml().toString()));
        if (tomcat.getServer().findServices().length == 0 || tomcat.getServer().findServices()[0].getContainer() == null) {
            fail(DID_NOT_START, "Charon did not start: " + settings.serverXml() + " could not be read (see the warning above).");
        }
        Host host = (Host) tomcat.getServer().findServices()[0].getContainer().findChild("localhost");
        tomcat.setHost(host); // the one server.xml defines, with its valves
        Context context = tomcat.addWebapp(host, "", webapp.toString());
        serveStaticFiles(context);
        // Only the WAR's own jars are scanned: nothing on this launcher's class path may become part of the application.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            notStarted(tomcat, folder, e);
        }
        if (context.getState() != LifecycleState.STARTED || tomcat.getConnector().getState() != LifecycleState.STARTED) {
            notStarted(tomcat, folder, null);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(tomcat, folder, stopped), "charon-stop"));
        await(stopped);
    }

    private static void notStarted(Tomcat tomcat, RunFolder folder, LifecycleException thrown) {
        if (thrown != null && !StartupRefusals.explained(thrown)) {
            thrown.printStackTrace();
        }
        try {
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException ignored) {
            // it never fully started
        }
        folder.release();
        fail(DID_NOT_START, "Charon did not start: see the line above. Nothing was changed.");
    }

    /**
     * The pages and scripts: Tomcat's default servlet, welcome files and MIME types, as a standalone Tomcat's
     * conf/web.xml gives them (without its JSP servlet: Charon has no JSP and this Tomcat no Jasper).
     */
    private static void serveStaticFiles(Context context) {
        Wrapper files = Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet");
        files.addInitParameter("listings", "false");
        files.setLoadOnStartup(1);
        files.setOverridable(true);
        context.addServletMappingDecoded("/", "default");
        context.addWelcomeFile("index.html");
        Tomcat.addDefaultMimeTypeMappings(context);
    }

    /** Ctrl-C: Tomcat stops accepting, ends every open display stream with its last chunk, then the application. */
    private static void stop(Tomcat tomcat, RunFolder folder, CountDownLatch stopped) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException | RuntimeException e) {
            LOG.warning("While stopping: " + e.getMessage());
        } finally {
            folder.release();
            stopped.countDown();
        }
    }

    private static void await(CountDownLatch stopped) {
        try {
            while (!stopped.await(1, TimeUnit.DAYS)) {
                // the server runs until Ctrl-C
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(int code, String line) {
        System.err.println(line);
        System.exit(code);
    }
}
