package charon.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test JVM (failsafe fork) its own embedded-Tomcat port and home, before any test class reads them, so that
 * two forks can deploy at once: fork N listens on {@code charon.it.port + N - 1} and unpacks into
 * {@code target/tomcat-embedded-N} (arquillian.xml reads both). Maven cannot add numbers, hence this listener.
 */
public final class ForkPorts implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        int fork = Integer.parseInt(System.getProperty("charon.it.fork", "1")); // set by failsafe's argLine
        if (System.getProperty("charon.it.portBase") == null) {
            System.setProperty("charon.it.portBase", System.getProperty("charon.it.port", "18080"));
        }
        int base = Integer.parseInt(System.getProperty("charon.it.portBase"));
        System.setProperty("charon.it.port", Integer.toString(base + fork - 1));
        System.setProperty("charon.it.tomcatHome", "target/tomcat-embedded-" + fork);
    }
}
