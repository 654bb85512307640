package charon.push;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;

/**
 * Opens a display's stream: sends the response head (status 200, {@code text/event-stream}), then keeps the connection
 * as cheaply as the container allows. In Tomcat the connection is taken over from the request ({@link UpgradedConnection});
 * elsewhere, or if Tomcat refuses, the request stays open asynchronously ({@link AsyncConnection}).
 */
final class DisplayConnections {

    private static final Logger LOG = Logger.getLogger(DisplayConnections.class.getName());
    private static final boolean TOMCAT = tomcatUpgradeAvailable();
    /** {@code -Dcharon.push.connection=portable}: the public Servlet upgrade ({@link PortableUpgradedConnection}), measured against the default. */
    static final boolean PORTABLE = "portable".equals(System.getProperty("charon.push.connection"));
    private static volatile boolean upgradeFailureLogged;

    static {
        if (PORTABLE) {
            LOG.info("charon.push.connection=portable: display streams use the Servlet API's HTTP upgrade");
        }
    }

    private DisplayConnections() {
    }

    /** Sends the stream's head: from here on there is no error answer any more. */
    static void sendHead(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        // Tells reverse proxies (nginx) not to buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
    }

    /** The connection of a stream whose head is sent ({@link #sendHead}). */
    static DisplayConnection open(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConnectionKinds kinds = ConnectionKinds.SHARED;
        if (PORTABLE) {
            try {
                DisplayConnection portable = portableUpgrade(request, response);
                kinds.track(ConnectionKinds.Kind.UPGRADED, portable);
                return portable;
            } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
                if (!upgradeFailureLogged) {
                    upgradeFailureLogged = true;
                    LOG.log(Level.WARNING, "The container did not upgrade a display's connection; streams keep their requests open", e);
                }
            }
        } else if (TOMCAT && kinds.upgradeUsable()) {
            try {
                DisplayConnection upgraded = TomcatUpgrade.take(request, response);
                kinds.track(ConnectionKinds.Kind.UPGRADED, upgraded);
                return upgraded;
            } catch (LinkageError e) {
                kinds.upgradeFailed(e);
            } catch (IOException | RuntimeException | jakarta.servlet.ServletException e) {
                if (!upgradeFailureLogged) {
                    upgradeFailureLogged = true;
                    LOG.log(Level.WARNING, "Tomcat did not hand over a display's connection; streams keep their requests open", e);
                }
            }
        }
        DisplayConnection async = AsyncConnection.start(request);
        kinds.track(ConnectionKinds.Kind.ASYNC, async);
        return async;
    }

    private static DisplayConnection portableUpgrade(HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        return HandedOverConnection.upgrade(request, response, PortableUpgradedConnection.class);
    }

    private static boolean tomcatUpgradeAvailable() {
        try {
            Class.forName("org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler", false,
                    DisplayConnections.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notTomcat) {
            return false;
        }
        if (!TomcatUpgrade.implementsEveryMethod()) {
            LOG.warning("This Tomcat's internal upgrade-handler interface is not the one Charon was built for: "
                    + "display streams keep their requests open (more memory per display; see the README)");
            return false;
        }
        return true;
    }

    /** Kept apart so that only Tomcat ever loads {@link UpgradedConnection} (it implements a Tomcat interface). */
    static final class TomcatUpgrade {

        private TomcatUpgrade() {
        }

        /**
         * True if {@link UpgradedConnection} implements every method of this Tomcat's upgrade-handler interface, which
         * is internal API: one added or changed in a later Tomcat would otherwise fail on Tomcat's own thread.
         */
        static boolean implementsEveryMethod() {
            try {
                for (java.lang.reflect.Method method : InternalHttpUpgradeHandler.class.getMethods()) {
                    java.lang.reflect.Method implemented =
                            UpgradedConnection.class.getMethod(method.getName(), method.getParameterTypes());
                    if (java.lang.reflect.Modifier.isAbstract(implemented.getModifiers())) {
                        return false;
                    }
                }
                return true;
            } catch (NoSuchMethodException | LinkageError e) {
                return false;
            }
        }

        static DisplayConnection take(HttpServletRequest request, HttpServletResponse response)
                throws IOException, jakarta.servlet.ServletException {
            return HandedOverConnection.upgrade(request, response, UpgradedConnection.class);
        }
    }
}
