package charon.security;

/** What a client's address says about it, from the IP literal the container reports (no lookup). */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /** The loopback addresses a browser on the server's own machine connects from. */
    public static boolean isServerMachine(String clientAddress) {
        return "127.0.0.1".equals(clientAddress) || "::1".equals(clientAddress)
                || "0:0:0:0:0:0:0:1".equals(clientAddress);
    }
}
