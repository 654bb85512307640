package charon.push;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import charon.bench.FanoutBench;
import charon.testsupport.Deployments;
import charon.testsupport.Eventually;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults under load, on the real WAR in embedded Tomcat (in this JVM, so heap and open files are this
 * process's): stalled clients, connect/disconnect churn with abrupt resets, concurrent message writes.
 * Timing is only printed here (to the failsafe output file); timing targets belong to the benchmark.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LoadFaultsIT {

    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "load-" + System.nanoTime());
    private static final String SHIP = "msv_caldera_wren";

    @ArquillianResource
    URL base;

    private Session gm;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        return Deployments.onFixtureDatabase("load", DATA, "1");
    }

    private URI api() {
        return URI.create(base.toString()).resolve("api/");
    }

    private InetSocketAddress server() {
        return new InetSocketAddress(base.getHost(), base.getPort());
    }

    private String streamPath() {
        return api().resolve("active-view/stream/").getRawPath();
    }

    @BeforeEach
    void login() throws Exception {
        gm = Session.gm(api());
    }

    @AfterEach
    void noStreamsLeft() throws Exception {
        // each test leaves no stream behind (keepalive 1 s finds the closed ones)
        Eventually.awaitEquals("registered streams after the test", 0, Duration.ofSeconds(30), this::connected);
    }

    private JsonObject health() {
        try {
            return JsonText.object(Http.get(api().resolve("health")).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int connected() {
        return health().getInt("connected_displays");
    }

    private long version() throws Exception {
        return Long.parseLong(Http.get(api().resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow());
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Encounter on the demo ship with one mover token; bigName > 0 adds a token whose name makes payloads that big. */
    private String encounter(int bigName) throws Exception {
        gm.ok("gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        gm.ok("gm/encounter/clear-tokens/", "{}");
        if (bigName > 0) {
            gm.ok("gm/encounter/place-token/", "{\"type\":\"object\",\"name\":\"" + "Cargo manifest line ".repeat(bigName / 20) + "\",\"x\":1,\"y\":1}");
        }
        return gm.ok("gm/encounter/place-token/", "{\"type\":\"npc\",\"name\":\"Mover\",\"x\":2,\"y\":2}").getString("token_id");
    }

    /** k move-token writes, one every intervalMs; returns when each was sent (index 1..k). */
    private long[] moves(String token, int k, int intervalMs) throws Exception {
        long[] sentAt = new long[k + 1];
        long start = System.nanoTime();
        for (int i = 1; i <= k; i++) {
            long wait = start + (long) (i - 1) * intervalMs * 1_000_000L - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L);
            }
            sentAt[i] = System.nanoTime();
            gm.ok("gm/encounter/move-token/", "{\"token_id\":\"" + token + "\",\"x\":" + (1 + i % 20) + ",\"y\":" + (3 + i % 5) + "}");
        }
        return sentAt;
    }

    /** A client that connects, sends its request with a tiny receive buffer, and never reads. */
    private Socket stalled() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(server(), 5000);
        socket.getOutputStream().write(("GET " + streamPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** One run of 100 normal clients through k writes of big payloads; returns {p50, p99, max}. */
    private double[] normalRun(String token, int k, int intervalMs, String what) throws Exception {
        long v0 = version();
        FanoutBench.Fanout normal = new FanoutBench.Fanout(server(), streamPath(), 100, k, v0, 100);
        normal.start();
        try {
            assertTrue(normal.awaitConnected(Duration.ofSeconds(20)), "all 100 normal clients got their first event: " + normal.started() + "; failures " + normal.failures);
            long[] sentAt = moves(token, k, intervalMs);
            assertTrue(normal.awaitDelivered(Duration.ofSeconds(30)),
                    what + ": normal clients missed events: delivered " + normal.delivered() + " of " + 100L * k + "; " + normal.missingReport(10));
            assertEquals(0, normal.endedAfterFirst(), what + ": no normal stream ended");
            double[] delays = normal.delaysMs(sentAt);
            double[] result = {FanoutBench.Fanout.percentile(delays, 50), FanoutBench.Fanout.percentile(delays, 99), delays[delays.length - 1]};
            System.out.printf(Locale.ROOT, "[stalled-clients] %s: 100 normal clients, %d writes of ~%d KB every %d ms: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    what, k, Http.get(api().resolve("active-view/")).body().length() / 1000, intervalMs, result[0], result[1], result[2]);
            return result;
        } finally {
            normal.closeAll();
        }
    }

    @Test
    void stalledClientsAreDroppedWhileNormalClientsMissNothing() throws Exception {
        String token = encounter(30_000);
        int writes = 300;
        int interval = 30;
        normalRun(token, writes, interval, "without stalled clients");
        Eventually.awaitEquals("streams of the first run gone", 0, Duration.ofSeconds(30), this::connected);

        long heapBefore = liveHeap();
        long droppedBefore = health().getJsonNumber("displays_dropped").longValue();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                stalled.add(stalled());
            }
            Eventually.awaitEquals("stalled clients registered", 5, Duration.ofSeconds(10), this::connected);
            normalRun(token, writes, interval, "with 5 stalled clients");
            Eventually.await("the 5 stalled clients dropped", Duration.ofSeconds(60),
                    () -> health().getJsonNumber("displays_dropped").longValue() - droppedBefore >= 5);
            Eventually.awaitEquals("no stalled client registered", 0, Duration.ofSeconds(30), this::connected);
            for (Socket socket : stalled) {
                assertTrue(readsToTheEnd(socket), "the server closed a dropped stalled client's connection");
            }
            long heapGrowth = liveHeap() - heapBefore;
            System.out.printf(Locale.ROOT, "[stalled-clients] dropped %d, live heap growth %.1f MiB%n",
                    health().getJsonNumber("displays_dropped").longValue() - droppedBefore, heapGrowth / 1048576.0);
            assertTrue(heapGrowth < 64L * 1024 * 1024, "server heap bounded, grew by " + heapGrowth);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /**
     * Reads what a stalled client never read, to the end of the connection: true if the server closed it (its write
     * in progress completes as the client reads, then the server ends the dropped stream); false if it stays open.
     */
    private static boolean readsToTheEnd(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try {
            int read;
            while ((read = socket.getInputStream().read(buffer)) != -1) {
                total += read;
                if (total > 256L << 20) {
                    return false;
                }
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        }
    }

    /**
     * More displays that stop reading than there are writer threads (a LAN device can open them on purpose): each of
     * them holds a writer in a blocking write until the write timeout (20 s), so
     * without extra writers the normal displays would get nothing for that long. They get every event in time.
     */
    @Test
    void moreStalledClientsThanWriterThreadsDoNotHoldUpTheOthers() throws Exception {
        String token = encounter(30_000);
        int count = PushThreads.WRITER_THREADS + 8;
        long droppedBefore = health().getJsonNumber("displays_dropped").longValue();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                stalled.add(stalled());
            }
            Eventually.awaitEquals("stalled clients registered", count, Duration.ofSeconds(10), this::connected);
            normalRun(token, 150, 30, "with " + count + " stalled clients");
            Eventually.await("the stalled clients dropped", Duration.ofSeconds(30),
                    () -> health().getJsonNumber("displays_dropped").longValue() - droppedBefore >= count);
            Eventually.awaitEquals("writes stuck on the stalled clients, each made up for", count, Duration.ofSeconds(10), this::stuckWrites);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        Eventually.awaitEquals("no write stuck once the stalled clients are gone", 0, Duration.ofSeconds(10), this::stuckWrites);
    }

    private int stuckWrites() {
        try {
            return JsonText.object(gm.get("gm/diagnostics").body()).getInt("stuck_writes");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads from a raw stream until the first complete SSE event (a blank line after the response head). */
    private static boolean readFirstEvent(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        StringBuilder seen = new StringBuilder();
        int read;
        while ((read = in.read(buffer)) > 0) {
            seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            int head = seen.indexOf("\r\n\r\n");
            if (head >= 0 && seen.indexOf("\n\n", head + 4) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void churnLeavesNoStreamsAndNoOpenFilesBehind() throws Exception {
        encounter(0);
        int cycles = Integer.getInteger("charon.it.churn.cycles", 10_000);
        // warm-up so lazily opened files (jars, logs, selector) are counted in the baseline
        churn(200);
        Eventually.awaitEquals("warm-up streams gone", 0, Duration.ofSeconds(30), this::connected);
        long filesBefore = openFiles();
        long heapBefore = heapAfterGc();
        long endedBefore = health().getJsonNumber("streams_closed_at_first_event").longValue();

        int[] outcomes = churn(cycles);
        System.out.printf(Locale.ROOT, "[churn] %d cycles: %d closed normally, %d reset (SO_LINGER 0) after the first event, %d reset before reading, %d errors%n",
                cycles, outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
        Eventually.awaitEquals("registered streams after churn", 0, Duration.ofSeconds(30), this::connected);
        long[] files = new long[1];
        Eventually.await("open files back to the baseline", Duration.ofSeconds(30), () -> {
            try {
                files[0] = openFiles();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return files[0] <= filesBefore + 20;
        });
        long heapAfter = heapAfterGc();
        System.out.printf(Locale.ROOT, "[churn] open files %d before, %d after; heap after GC %.1f MiB before, %.1f MiB after; streams_closed_at_first_event +%d%n",
                filesBefore, files[0], heapBefore / 1048576.0, heapAfter / 1048576.0,
                health().getJsonNumber("streams_closed_at_first_event").longValue() - endedBefore);
        assertTrue(outcomes[3] < cycles / 100, "connections mostly worked: " + outcomes[3] + " errors");
        // a leak of even 2 KB per cycle would show; Tomcat's cache of processors for the 8 concurrent clients is in the baseline
        assertTrue(heapAfter - heapBefore < 16L << 20, "heap after GC grew by " + (heapAfter - heapBefore) + " bytes over " + cycles + " cycles");

        // no silent streams after churn: 200 new clients get every one of 20 events
        long v0 = version();
        FanoutBench.Fanout after = new FanoutBench.Fanout(server(), streamPath(), 200, 20, v0, 200);
        after.start();
        try {
            assertTrue(after.awaitConnected(Duration.ofSeconds(20)), "200 clients connected after churn: " + after.started() + "; failures " + after.failures);
            String token = encounterToken();
            moves(token, 20, 20);
            boolean all = after.awaitDelivered(Duration.ofSeconds(20));
            System.out.println("[churn] after churn, 200 clients x 20 writes: delivered " + after.delivered() + " of 4000; " + after.missingReport(10));
            assertTrue(all, "every client got every event: " + after.delivered() + " of 4000; " + after.missingReport(10));
        } finally {
            after.closeAll();
        }
    }

    /** The server's live heap after a full GC (the server runs in this JVM; the endpoint is what an operator uses). */
    private long heapAfterGc() throws Exception {
        return JsonText.object(gm.get("gm/diagnostics?gc=true").body()).getJsonNumber("heap_used_bytes").longValue();
    }

    private String encounterToken() throws Exception {
        return JsonText.object(Http.get(api().resolve("active-view/")).body()).getJsonObject("encounter_tokens").keySet().iterator().next();
    }

    /** Connect/disconnect cycles on 8 threads; outcome counts {closed, reset after first event, reset at once, errors}. */
    private int[] churn(int cycles) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int[] outcomes = new int[4];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < cycles) {
                        int kind = i % 3;
                        try (Socket socket = new Socket()) {
                            socket.connect(server(), 5000);
                            socket.setSoTimeout(10_000);
                            OutputStream out = socket.getOutputStream();
                            out.write(("GET " + streamPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            if (kind == 2) {
                                socket.setSoLinger(true, 0); // RST before the server has even answered
                            } else {
                                if (!readFirstEvent(socket.getInputStream())) {
                                    throw new IOException("no first event");
                                }
                                if (kind == 1) {
                                    socket.setSoLinger(true, 0); // vanishes with a reset, no FIN
                                }
                            }
                            synchronized (outcomes) {
                                outcomes[kind]++;
                            }
                        } catch (IOException e) {
                            synchronized (outcomes) {
                                outcomes[3]++;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    @Test
    void hundredConcurrentBroadcastsAllPersist() throws Exception {
        int before = JsonText.object(gm.get("gm/backup/messages").body()).getInt("count");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String body = "{\"content\":\"Concurrent broadcast " + i + "\"}";
                answers.add(pool.submit(() -> gm.post("gm/broadcast/", body)));
            }
            int ok = 0;
            List<String> failures = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
                assertFalse(response.body().toLowerCase(Locale.ROOT).contains("locked"), "no database-locked error: " + response.body());
                if (response.statusCode() == 200) {
                    ok++;
                } else {
                    failures.add(response.statusCode() + " " + response.body());
                }
            }
            assertEquals(100, ok, "every broadcast answered 200: " + failures);
        } finally {
            pool.shutdownNow();
        }
        JsonObject history = JsonText.object(gm.get("gm/backup/messages").body());
        assertEquals(before + 100, history.getInt("count"), "all 100 broadcasts persisted");
        long persisted = history.getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("content"))
                .filter(c -> c.startsWith("Concurrent broadcast ")).distinct().count();
        assertEquals(100, persisted);
    }
}
