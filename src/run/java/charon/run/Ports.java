package charon.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether the port Tomcat is about to listen on (every interface) can be had. */
final class Ports {

    private Ports() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as Tomcat binds it: on every interface, reusing a port whose old connections are in TIME_WAIT
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
