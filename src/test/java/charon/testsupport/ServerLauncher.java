package charon.testsupport;

import org.apache.catalina.startup.Tomcat;

import java.io.File;

/**
 * Starts the exploded WAR in an embedded Tomcat in its own process, for tests that must kill the server
 * (RestartIT). Arguments: port, exploded WAR directory, Tomcat base directory. Prints STARTED when ready.
 */
public final class ServerLauncher {

    private ServerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(args[2]);
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(Integer.parseInt(args[0]));
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.addWebapp("", new File(args[1]).getAbsolutePath());
        tomcat.start();
        System.out.println("STARTED");
        System.out.flush();
        tomcat.getServer().await();
    }
}
