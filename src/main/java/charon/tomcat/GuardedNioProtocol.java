package charon.tomcat;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * {@code <Connector protocol="charon.tomcat.GuardedNioProtocol" maxConnectionsPerAddress="256"
 * headerTimeout="10000" .../>}: Tomcat's HTTP/1.1 NIO connector with {@link GuardedNioEndpoint}'s bounds
 * against slow clients. Tomcat loads connectors before any application, so this class lives in Tomcat's
 * {@code lib/} ({@code target/charon-tomcat.jar}), not in the WAR.
 */
public class GuardedNioProtocol extends Http11NioProtocol {

    public GuardedNioProtocol() {
        super(new GuardedNioEndpoint());
    }

    private GuardedNioEndpoint guarded() {
        return (GuardedNioEndpoint) getEndpoint();
    }

    public void setMaxConnectionsPerAddress(int max) {
        guarded().setMaxConnectionsPerAddress(max);
    }

    public int getMaxConnectionsPerAddress() {
        return guarded().getMaxConnectionsPerAddress();
    }

    public void setHeaderTimeout(int millis) {
        guarded().setHeaderTimeout(millis);
    }

    public int getHeaderTimeout() {
        return guarded().getHeaderTimeout();
    }

    public long getRefusedOverAddressLimit() {
        return guarded().getRefusedOverAddressLimit();
    }

    public long getEndedAtHeaderDeadline() {
        return guarded().getEndedAtHeaderDeadline();
    }
}
