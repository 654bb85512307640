package charon.tomcat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import charon.testsupport.Eventually;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slow-client bounds of {@link GuardedNioProtocol} in a real Tomcat (embedded, one trivial servlet), with
 * clients on their own loopback addresses: per-address connection limit and the request-head deadline.
 * (The measured attack, thousands of connections, is the benchmark's slowloris scenario.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuardedConnectorTest {

    private static final int PER_ADDRESS = 4;
    private static final int HEADER_TIMEOUT_MS = 1500;
    private static Tomcat tomcat;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "guarded-connector-" + System.nanoTime()).toAbsolutePath());
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector(GuardedNioProtocol.class.getName());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxConnectionsPerAddress", Integer.toString(PER_ADDRESS));
        connector.setProperty("headerTimeout", Integer.toString(HEADER_TIMEOUT_MS));
        connector.setProperty("connectionTimeout", "20000");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().write("ok");
            }
        });
        context.addServletMappingDecoded("/", "ok");
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    private static final String PARTIAL = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    private static final String COMPLETE = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @Test
    void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                held.add(open("127.0.0.9", PARTIAL));
            }
            assertEquals(0, status(open("127.0.0.9", COMPLETE)), "the fifth is closed as it comes, unanswered");
            assertEquals(200, status(open("127.0.0.10", COMPLETE)), "another address is served");
            for (int i = 0; i < PER_ADDRESS + 2; i++) {
                held.add(open("127.0.0.1", PARTIAL));
            }
            assertEquals(200, status(open("127.0.0.1", COMPLETE)), "the server's own machine is not limited");
            held.get(0).close();
            Eventually.await("a freed place is taken again", Duration.ofSeconds(10), () -> statusOrZero("127.0.0.9") == 200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aTrickledHeadIsEndedAtTheDeadlineWhateverItsPace() throws Exception {
        long start = System.nanoTime();
        try (Socket trickle = open("127.0.0.11", PARTIAL)) {
            trickle.setSoTimeout(250); // the pace of the attack: a byte every 250 ms, well inside connectionTimeout
            boolean ended = false;
            while (!ended && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
                try {
                    trickle.getOutputStream().write('a');
                    trickle.getOutputStream().flush();
                    ended = trickle.getInputStream().read() != -2; // any answer or the end: the server gave up on it
                } catch (SocketTimeoutException stillWaiting) {
                    // the server still reads the head; send the next byte
                } catch (SocketException reset) {
                    ended = true;
                }
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ended, "the trickle was never ended");
            assertTrue(tookMs >= HEADER_TIMEOUT_MS - 100 && tookMs < HEADER_TIMEOUT_MS + 5_000, "ended after " + tookMs + " ms");
        }
    }

    @Test
    void aConnectionIdleBetweenRequestsIsNotAHeadPastItsDeadline() throws Exception {
        try (Socket socket = open("127.0.0.12", "GET / HTTP/1.1\r\nHost: x\r\n\r\n")) {
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 200"));
            socket.setSoTimeout(HEADER_TIMEOUT_MS * 2); // the browser keeps the connection for its next request
            try {
                assertEquals(-2, socket.getInputStream().read(), "the server neither wrote nor closed");
            } catch (SocketTimeoutException idle) {
                // still open, twice the head deadline later
            }
            socket.getOutputStream().write(COMPLETE.getBytes(StandardCharsets.US_ASCII));
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 200"), "kept alive past the head deadline");
        }
    }

    private static Socket open(String from, String send) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(send.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static int status(Socket socket) throws IOException {
        try (socket) {
            String head = readResponse(socket.getInputStream());
            return head.isEmpty() ? 0 : Integer.parseInt(head.split(" ")[1]);
        }
    }

    private static int statusOrZero(String from) {
        try {
            return status(open(from, COMPLETE));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The status line and headers of one response, or "" when the connection ended without one. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        try {
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.toString().endsWith("\r\n\r\n")) {
                    in.readNBytes(2); // the body "ok"
                    return head.toString();
                }
            }
        } catch (SocketException reset) {
            return "";
        }
        return head.toString();
    }
}
