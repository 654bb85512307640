package charon.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fan-out benchmark's load client (not a test): opens N SSE streams with one NIO selector thread
 * (no thread per client), makes K GM writes on the multi-deck demo ship in the ENCOUNTER view, and
 * reports, per write and client, the delay from just before the write is sent to the client having the
 * event, plus connect times, missed events and the server's memory, threads and CPU per delivered event
 * (read from {@code GET /api/gm/diagnostics} and the server's {@code /proc/<pid>}).
 *
 * <p>Run it through {@code mvn -Pbench verify} (see docs/performance.md); arguments are
 * {@code key=value}: base, password, clients, writes, intervalMs, burst, maxPending, tokens,
 * settleSeconds, connectSeconds, label, out. Every loop is bounded in count and time.
 */
public final class FanoutBench {

    private static final String SHIP = "msv_caldera_wren";

    private final Map<String, String> args;
    private final URI base;
    private final HttpClient http;
    private String csrf;
    private long serverPid;

    private FanoutBench(Map<String, String> args) {
        this.args = args;
        this.base = URI.create(arg("base", "http://127.0.0.1:18480/"));
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq > 0 && !a.substring(eq + 1).isEmpty() && !a.substring(eq + 1).startsWith("${")) {
                args.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        // scenarios=1000x50@200,10000x20@1000,burst2000,slowloris16500@5000 : clients x writes @ interval ms;
        // burstN = N at once; slowlorisN@ms/s = N connections trickling a request head for s seconds (SlowlorisBench);
        // loginburstN/s = N threads guessing the GM's password while the GM logs in at the laptop (LoginBurstBench)
        String scenarios = args.getOrDefault("scenarios", "");
        if (scenarios.isEmpty()) {
            runSafely(args);
            return;
        }
        int warmupWrites = Integer.parseInt(args.getOrDefault("warmupWrites", "30000"));
        if (warmupWrites > 0) {
            new FanoutBench(args).warmUpWrites(warmupWrites);
        } else {
            new FanoutBench(args).waitForServer(); // the server starts beside this client: no scenario runs before it is up
        }
        for (String scenario : scenarios.split(",")) {
            Map<String, String> a = new HashMap<>(args);
            String s = scenario.trim();
            if (s.startsWith("slowloris")) { // slowloris[connections][@trickle ms]: see SlowlorisBench
                SlowlorisBench.runSafely(a, s);
                continue;
            }
            if (s.startsWith("loginburst")) { // loginburst[guessers][/seconds]: see LoginBurstBench
                LoginBurstBench.runSafely(a, s);
                continue;
            }
            if (s.startsWith("burst")) {
                a.put("burst", "true");
                s = s.substring(5);
            }
            if (s.endsWith("p")) { // ...p: the displays ask for patches (?patch=1, issue 21)
                a.put("patch", "true");
                s = s.substring(0, s.length() - 1);
            }
            String[] atInterval = s.split("@");
            String[] clientsWrites = atInterval[0].split("x");
            a.put("clients", clientsWrites[0]);
            if (clientsWrites.length > 1) {
                a.put("writes", clientsWrites[1]);
            }
            if (atInterval.length > 1) {
                a.put("intervalMs", atInterval[1]);
            }
            runSafely(a);
        }
    }

    /** One scenario; a failure is reported, not thrown, so Maven still stops the server afterwards. */
    private static void runSafely(Map<String, String> args) {
        try {
            new FanoutBench(args).run();
        } catch (Exception | Error e) {
            System.out.println("BENCHMARK SCENARIO FAILED: " + e);
            e.printStackTrace(System.out);
        }
    }

    private String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(arg(name, Integer.toString(fallback)));
    }

    // ---------------------------------------------------------------- HTTP helpers

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String ok(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private void waitForServer() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send("GET", "api/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server not up at " + base);
    }

    /** Server diagnostics; with gc the heap is the live heap after a full GC. */
    private Map<String, Long> diagnostics(boolean gc) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "api/gm/diagnostics" + (gc ? "?gc=true" : ""), null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("diagnostics -> " + r.statusCode() + " " + r.body());
        }
        Map<String, Long> d = new HashMap<>();
        for (String key : List.of("pid", "heap_used_bytes", "threads", "process_cpu_ns", "open_files",
                "connected_displays", "events_sent", "displays_dropped", "streams_closed_at_first_event")) {
            d.put(key, Long.parseLong(field(r.body(), key)));
        }
        return d;
    }

    /** VmRSS in KiB and thread count of the server process, from /proc. */
    private long[] procStatus() throws IOException {
        long rss = -1;
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {rss, threads};
    }

    /** Logs in as the GM, shows the ENCOUNTER view of the demo ship with the given number of tokens; returns one token's id. */
    private String prepareEncounter(int tokens) throws IOException, InterruptedException {
        waitForServer();
        String login = ok("api/auth/login/", "{\"username\":\"" + arg("user", "gm") + "\",\"password\":\"" + arg("password", "bench-pass-123") + "\"}");
        csrf = field(login, "csrf_token");
        ok("api/gm/switch-view/", "{\"view_type\":\"ENCOUNTER\",\"location_slug\":\"" + SHIP + "\"}");
        ok("api/gm/encounter/clear-tokens/", "{}");
        String moving = null;
        String[] types = {"player", "npc", "creature", "object"};
        for (int i = 0; i < tokens; i++) {
            String placed = ok("api/gm/encounter/place-token/", "{\"type\":\"" + types[i % 4] + "\",\"name\":\"Bench token " + i
                    + "\",\"x\":" + (2 + i) + ",\"y\":3}");
            if (moving == null) {
                moving = field(placed, "token_id");
            }
        }
        return moving;
    }

    /**
     * GM writes with no display connected, back to back, before any scenario: the JIT compiles the write path
     * (Tomcat, Jersey, Weld, the store, JSON), as it has on a server that has been running for a while. Methods
     * that run once per request reach C2 only after some 10,000 requests, so this goes on in batches of 1,000
     * until a batch costs the JIT less than {@value #JIT_SETTLED_MS} ms (or {@code max} writes): otherwise the
     * compiler's work lands in the CPU measured for the scenarios' writes.
     */
    private void warmUpWrites(int max) throws IOException, InterruptedException {
        String token = prepareEncounter(intArg("tokens", 6));
        long start = System.nanoTime();
        int done = 0;
        int errors = 0;
        long jitBatch = Long.MAX_VALUE;
        while (done < max && jitBatch >= JIT_SETTLED_MS) {
            int batch = Math.min(1000, max - done);
            long jit0 = jitCompileMs();
            errors += writes(token, batch, 0, new long[batch + 1], new double[batch + 1]);
            jitBatch = jitCompileMs() - jit0;
            done += batch;
        }
        System.out.printf(Locale.ROOT, "JIT warm-up: %d GM writes with no display in %.1f s (%d not answered 200); "
                + "JIT compile time in the last 1,000: %d ms%n", done, (System.nanoTime() - start) / 1e9, errors, jitBatch);
    }

    private static final long JIT_SETTLED_MS = 50;

    private long jitCompileMs() throws IOException, InterruptedException {
        return Long.parseLong(field(send("GET", "api/gm/diagnostics", null).body(), "jit_compile_ms"));
    }

    /**
     * K token moves, one every interval; records when each was sent and how long the GM waited for its answer
     * (the request now makes the fan-out's non-blocking writes itself); returns how many were not answered 200.
     */
    private int writes(String token, int k, int intervalMs, long[] sentAt, double[] answeredMs) throws IOException, InterruptedException {
        long writesStart = System.nanoTime();
        int writeErrors = 0;
        for (int i = 1; i <= k; i++) {
            long due = writesStart + (long) (i - 1) * intervalMs * 1_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            sentAt[i] = System.nanoTime();
            HttpResponse<String> r = send("POST", "api/gm/encounter/move-token/", "{\"token_id\":\"" + token + "\",\"x\":" + (2 + i % 20) + ",\"y\":" + (4 + i % 7) + "}");
            answeredMs[i] = (System.nanoTime() - sentAt[i]) / 1e6;
            if (r.statusCode() != 200) {
                writeErrors++;
            }
        }
        return writeErrors;
    }

    private static List<Double> answeredTimes(double[] answeredMs) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < answeredMs.length; i++) {
            out.add(answeredMs[i]);
        }
        return out;
    }

    /**
     * CPU time of the server process in clock ticks (1/100 s): all of it (utime + stime), and the part of it
     * spent by the JIT's compiler threads. The JIT still compiles paths the first time a scenario takes them (new
     * connections, closes, the fan-out), a one-off cost a running server has paid already, so the fan-out
     * figures are given without it too.
     */
    private record Cpu(long total, long compiler) {
        Cpu minus(Cpu earlier) {
            return new Cpu(total - earlier.total, compiler - earlier.compiler);
        }

        long withoutCompiler() {
            return total - compiler;
        }
    }

    private Cpu procCpu() throws IOException {
        long compiler = 0;
        try (var tasks = Files.list(Path.of("/proc/" + serverPid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    compiler += cpuTicks(stat);
                }
            }
        }
        return new Cpu(cpuTicks(Files.readString(Path.of("/proc/" + serverPid + "/stat"))), compiler);
    }

    /**
     * Context switches of the server's threads so far (voluntary and not, from /proc/<pid>/task/<tid>/status): a count,
     * not a time, so it does not depend on what else loads the machine as much as CPU time does. A thread hand-off
     * per display shows here as switches per event.
     */
    private long contextSwitches() throws IOException {
        long switches = 0;
        try (var tasks = Files.list(Path.of("/proc/" + serverPid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException threadEnded) {
                    // counted up to its last reading; writer threads live on between scenarios
                }
            }
        }
        return switches;
    }

    private static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Microseconds per event from clock ticks (1/100 s). */
    private static double perEvent(long ticks, long events) {
        return events == 0 ? 0 : ticks * 10_000.0 / events;
    }

    // ---------------------------------------------------------------- the run

    private void run() throws Exception {
        int n = intArg("clients", 1000);
        int k = intArg("writes", 50);
        int intervalMs = intArg("intervalMs", 200);
        boolean burst = Boolean.parseBoolean(arg("burst", "false"));
        boolean patch = Boolean.parseBoolean(arg("patch", "false"));
        int maxPending = burst ? n : intArg("maxPending", 200);
        int tokens = intArg("tokens", 6);
        int settleSeconds = intArg("settleSeconds", 30);
        int connectSeconds = intArg("connectSeconds", 120);
        String label = arg("label", n + " clients" + (burst ? " (burst)" : "") + (patch ? ", patch streams (?patch=1)" : ", full events"));
        StringBuilder report = new StringBuilder();

        String moving = prepareEncounter(tokens);
        HttpResponse<String> view = send("GET", "api/active-view/", null);
        long v0 = Long.parseLong(view.headers().firstValue("X-Charon-Version").orElseThrow());
        int payloadBytes = view.body().getBytes(StandardCharsets.UTF_8).length;

        // streams of an earlier scenario are gone before this one measures its baseline (bounded wait)
        long quiet = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (diagnostics(false).get("connected_displays") > 0 && System.nanoTime() < quiet) {
            ok("api/gm/encounter/move-token/", "{\"token_id\":\"" + moving + "\",\"x\":2,\"y\":4}");
            Thread.sleep(1000);
        }
        view = send("GET", "api/active-view/", null);
        v0 = Long.parseLong(view.headers().firstValue("X-Charon-Version").orElseThrow());
        Map<String, Long> before = diagnostics(true);
        serverPid = before.get("pid");
        long[] procBefore = procStatus();
        // the same writes with no display connected: what a write costs the server by itself (the GM's request,
        // the new state, its payload built once), so the fan-out's own cost per display can be told apart
        Cpu baseline0 = procCpu();
        long switchesBaseline0 = contextSwitches();
        double[] answeredAlone = new double[k + 1];
        writes(moving, k, intervalMs, new long[k + 1], answeredAlone);
        Cpu baseline = procCpu().minus(baseline0);
        long switchesBaseline = contextSwitches() - switchesBaseline0;
        view = send("GET", "api/active-view/", null);
        v0 = Long.parseLong(view.headers().firstValue("X-Charon-Version").orElseThrow());

        Fanout fanout = new Fanout(new InetSocketAddress(base.getHost(), base.getPort()), base.resolve("api/active-view/stream/").getRawPath() + (patch ? "?patch=1" : ""),
                n, k, v0, maxPending);
        Thread loop = new Thread(fanout::loop, "bench-selector");
        loop.setDaemon(true);
        long connectStart = System.nanoTime();
        loop.start();
        long connectDeadline = connectStart + Duration.ofSeconds(connectSeconds).toNanos();
        while (fanout.firstEvents.get() + fanout.failed.get() < n && System.nanoTime() < connectDeadline) {
            Thread.sleep(20);
        }
        double connectAllMs = (System.nanoTime() - connectStart) / 1e6;
        Thread.sleep(2000);
        Map<String, Long> connected = diagnostics(true);
        long[] procConnected = procStatus();

        // ----- writes
        long[] sentAt = new long[k + 1];
        long bytes0 = fanout.bytesReceived();
        Cpu cpu0 = procCpu();
        long switches0 = contextSwitches();
        long cpuNs0 = diagnostics(false).get("process_cpu_ns");
        double[] answered = new double[k + 1];
        int writeErrors = writes(moving, k, intervalMs, sentAt, answered);
        fanout.sentAt = sentAt;
        long settleDeadline = System.nanoTime() + Duration.ofSeconds(settleSeconds).toNanos();
        long expected = (long) fanout.started() * k;
        while (fanout.delivered.get() < expected && System.nanoTime() < settleDeadline) {
            Thread.sleep(10);
        }
        Cpu cpu = procCpu().minus(cpu0);
        long switches = contextSwitches() - switches0;
        long cpuNs1 = diagnostics(false).get("process_cpu_ns");
        Map<String, Long> after = diagnostics(false);
        long[] procAfter = procStatus();
        fanout.stop = true;
        loop.join(10_000);
        long writeBytes = fanout.bytesReceived() - bytes0;

        // ----- results
        List<Double> delays = new ArrayList<>();
        double[] perWriteMax = new double[k + 1];
        int missed = 0;
        int clientsMissing = 0;
        for (Client c : fanout.clients) {
            if (c == null || c.firstAt <= 0) {
                continue;
            }
            boolean any = false;
            for (int i = 1; i <= k; i++) {
                if (c.arrivals[i] == 0) {
                    missed++;
                    any = true;
                } else {
                    double ms = (c.arrivals[i] - sentAt[i]) / 1e6;
                    delays.add(ms);
                    perWriteMax[i] = Math.max(perWriteMax[i], ms);
                }
            }
            if (any) {
                clientsMissing++;
            }
        }
        List<Double> connects = new ArrayList<>();
        for (Client c : fanout.clients) {
            if (c != null && c.firstAt > 0) {
                connects.add((c.firstAt - c.openedAt) / 1e6);
            }
        }
        long delivered = delays.size();
        double cpuUsPerEventTicks = perEvent(cpu.total(), delivered);
        double cpuUsPerEventNs = delivered == 0 ? 0 : (cpuNs1 - cpuNs0) / 1000.0 / delivered;
        long firsts = fanout.firstEvents.get();

        line(report, "=== Charon fan-out benchmark: %s — %s", label, LocalDateTime.now().withNano(0));
        line(report, "server pid %d, %s; payload %d bytes (ENCOUNTER %s, %d tokens)", serverPid, base, payloadBytes, SHIP, tokens);
        line(report, "clients: %d requested, %d got their first event, %d failed to connect/ended early, %d streams ended later",
                n, firsts, fanout.failed.get(), fanout.endedAfterFirst.get());
        line(report, "connect (open -> first event) ms: %s; all connected after %.0f ms (%s, max %d pending)",
                pct(connects), connectAllMs, burst ? "burst: all at once" : "ramped", maxPending);
        line(report, "writes: %d every %d ms (%d answered non-200); events expected %d, delivered %d, missed %d (clients missing any: %d)",
                k, intervalMs, writeErrors, (long) firsts * k, delivered, missed, clientsMissing);
        double bytesPerEvent = delivered == 0 ? 0 : writeBytes / (double) delivered;
        line(report, "bytes per event per display on the wire (%s; chunk framing included, and any keepalive in the window): %.0f "
                + "(%d bytes for %d events) -> at 10,000 displays on 1 Gbit/s (125,000,000 bytes/s) at most %.1f changes per second",
                patch ? "activeview-patch" : "full activeview", bytesPerEvent, writeBytes, delivered,
                bytesPerEvent == 0 ? 0 : 125_000_000.0 / (bytesPerEvent * 10_000));
        line(report, "delay (write sent -> client has event) ms: %s", pct(delays));
        line(report, "GM's write answered (sent -> 200 received) ms: with the displays %s; the same writes with none %s",
                pct(answeredTimes(answered)), pct(answeredTimes(answeredAlone)));
        StringBuilder perWrite = new StringBuilder();
        for (int i = 1; i <= k; i++) {
            perWrite.append(String.format(Locale.ROOT, "%.0f ", perWriteMax[i]));
        }
        line(report, "per-write max delay ms: %s", perWrite.toString().trim());
        long heapBefore = before.get("heap_used_bytes");
        long heapConnected = connected.get("heap_used_bytes");
        line(report, "server heap after GC: %.1f MiB idle -> %.1f MiB with %d clients = %.1f KiB per client",
                heapBefore / 1048576.0, heapConnected / 1048576.0, firsts, firsts == 0 ? 0 : (heapConnected - heapBefore) / 1024.0 / firsts);
        line(report, "server RSS: %.1f MiB -> %.1f MiB connected (%.1f KiB per client) -> %.1f MiB after writes",
                procBefore[0] / 1024.0, procConnected[0] / 1024.0, firsts == 0 ? 0 : (procConnected[0] - procBefore[0]) / (double) firsts, procAfter[0] / 1024.0);
        line(report, "server threads: %d idle -> %d connected -> %d after writes (JVM: %d -> %d -> %d)",
                procBefore[1], procConnected[1], procAfter[1], before.get("threads"), connected.get("threads"), after.get("threads"));
        line(report, "server CPU during writes: %.2f s (/proc) = %.1f us per delivered event (JVM process CPU: %.1f us); "
                + "JIT compiler threads %.2f s of it, without them %.1f us per delivered event",
                cpu.total() / 100.0, cpuUsPerEventTicks, cpuUsPerEventNs, cpu.compiler() / 100.0, perEvent(cpu.withoutCompiler(), delivered));
        line(report, "server CPU of the same %d writes with no display: %.2f s (JIT %.2f s); fan-out CPU = difference / events = %.1f us "
                + "per event per client, without the JIT %.1f us",
                k, baseline.total() / 100.0, baseline.compiler() / 100.0, perEvent(cpu.total() - baseline.total(), delivered),
                perEvent(cpu.withoutCompiler() - baseline.withoutCompiler(), delivered));
        line(report, "server context switches during writes: %d (%.2f per delivered event); with no display: %d; "
                + "difference per event per client %.2f", switches, delivered == 0 ? 0 : switches / (double) delivered,
                switchesBaseline, delivered == 0 ? 0 : (switches - switchesBaseline) / (double) delivered);
        line(report, "server counters: connected_displays %d, events_sent %d, displays_dropped %d, streams_closed_at_first_event %d, open files %d",
                after.get("connected_displays"), after.get("events_sent"), after.get("displays_dropped"),
                after.get("streams_closed_at_first_event"), after.get("open_files"));
        System.out.print(report);
        String out = arg("out", "");
        if (!out.isEmpty()) {
            Path file = Path.of(out);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        fanout.closeAll();
    }

    private static void line(StringBuilder out, String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append('\n');
    }

    private static String pct(List<Double> values) {
        if (values.isEmpty()) {
            return "none";
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "p50 %.1f, p90 %.1f, p99 %.1f, max %.1f (n=%d)",
                rank(v, 50), rank(v, 90), rank(v, 99), v[v.length - 1], v.length);
    }

    /** Nearest-rank percentile. */
    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, i) - 1)];
    }

    // ---------------------------------------------------------------- the SSE clients

    /** One stream: HTTP head, chunked decoding and just enough of the event-stream format (event name and id). */
    public static final class Client {
        final SocketChannel channel;
        final long openedAt;
        final long[] arrivals;
        final long v0;
        long firstAt;
        long firstId = -1;
        long events;
        volatile long bytes;
        volatile boolean ended;
        boolean headDone;
        int headMatch;
        // chunked decoding
        int chunkState; // 0 size line, 1 data, 2 CRLF after data
        long chunkLeft;
        long chunkSize;
        boolean chunkSizeDone;
        // SSE lines
        final byte[] lineHead = new byte[32];
        int lineLen;
        boolean isActiveview;
        long id = -1;
        boolean hasData;

        Client(SocketChannel channel, long openedAt, int writes, long v0) {
            this.channel = channel;
            this.openedAt = openedAt;
            this.arrivals = new long[writes + 1];
            this.v0 = v0;
        }
    }

    /**
     * N SSE streams on one selector thread; records, per client, when the event of each version
     * v0+1..v0+k arrived. Also used by the fault tests (charon.push.LoadFaultsIT).
     */
    public static final class Fanout {
        final InetSocketAddress server;
        final byte[] request;
        final int n;
        final int k;
        final long v0;
        final int maxPending;
        final Client[] clients;
        final AtomicInteger firstEvents = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger endedAfterFirst = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean stop;
        volatile long[] sentAt;
        private int launched;
        private Selector selector;

        public Fanout(InetSocketAddress server, String path, int n, int k, long v0, int maxPending) {
            this.server = server;
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            this.n = n;
            this.k = k;
            this.v0 = v0;
            this.maxPending = maxPending;
            this.clients = new Client[n];
        }

        public int started() {
            return firstEvents.get();
        }

        /** Starts the selector thread (a daemon); it runs until {@link #closeAll()}. */
        public Thread start() {
            Thread loop = new Thread(this::loop, "sse-fanout-selector");
            loop.setDaemon(true);
            loop.start();
            thread = loop;
            return loop;
        }

        /** Waits (bounded) until every client has its first event or failed; true if all have it. */
        public boolean awaitConnected(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (firstEvents.get() + failed.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return firstEvents.get() == n;
        }

        /** Waits (bounded) until every connected client has every one of the k events. */
        public boolean awaitDelivered(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (delivered.get() < (long) firstEvents.get() * k && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return delivered.get() == (long) firstEvents.get() * k;
        }

        /** The clients that miss events: which, how many, whether their stream ended (for failure messages). */
        public String missingReport(int max) {
            StringBuilder out = new StringBuilder();
            int shown = 0;
            int total = 0;
            for (int i = 0; i < clients.length; i++) {
                Client c = clients[i];
                if (c == null || c.firstAt <= 0) {
                    continue;
                }
                int missing = 0;
                int firstMissing = -1;
                for (int j = 1; j <= k; j++) {
                    if (c.arrivals[j] == 0) {
                        missing++;
                        if (firstMissing < 0) {
                            firstMissing = j;
                        }
                    }
                }
                if (missing > 0) {
                    total++;
                    if (shown++ < max) {
                        out.append(String.format(Locale.ROOT, "[client %d: first id %d, %d events in all, missing %d from #%d, stream %s] ",
                                i, c.firstId, c.events, missing, firstMissing, c.ended ? "ended" : "open"));
                    }
                }
            }
            return total + " clients missing events " + out;
        }

        public long delivered() {
            return delivered.get();
        }

        public int failed() {
            return failed.get();
        }

        public int endedAfterFirst() {
            return endedAfterFirst.get();
        }

        /** Delays in ms of every delivered event, from sentAt[version - v0] (System.nanoTime()). */
        public double[] delaysMs(long[] sentAt) {
            List<Double> delays = new ArrayList<>();
            for (Client c : clients) {
                if (c != null && c.firstAt > 0) {
                    for (int i = 1; i <= k; i++) {
                        if (c.arrivals[i] != 0) {
                            delays.add((c.arrivals[i] - sentAt[i]) / 1e6);
                        }
                    }
                }
            }
            double[] v = delays.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(v);
            return v;
        }

        /** Nearest-rank percentile of sorted values (0 when empty). */
        public static double percentile(double[] sorted, double p) {
            return sorted.length == 0 ? 0 : rank(sorted, p);
        }

        void loop() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
            byte[] bytes = new byte[buffer.capacity()];
            try {
                selector = Selector.open();
                while (!stop) {
                    while (launched < n && launched - firstEvents.get() - failed.get() < maxPending) {
                        open(launched++);
                    }
                    selector.select(5);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Client c = (Client) key.attachment();
                        try {
                            if (key.isConnectable()) {
                                c.channel.finishConnect();
                                c.channel.write(ByteBuffer.wrap(request));
                                key.interestOps(SelectionKey.OP_READ);
                            } else if (key.isReadable()) {
                                buffer.clear();
                                int read = c.channel.read(buffer);
                                if (read < 0) {
                                    cause(c, "EOF after " + c.bytes + " bytes");
                                    end(c, key);
                                    continue;
                                }
                                c.bytes += read;
                                long now = System.nanoTime();
                                buffer.flip();
                                buffer.get(bytes, 0, read);
                                feed(c, bytes, read, now);
                            }
                        } catch (IOException e) {
                            cause(c, e.toString() + " after " + c.bytes + " bytes");
                            end(c, key);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void open(int i) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Client c = new Client(channel, System.nanoTime(), k, v0);
                clients[i] = c;
                channel.connect(server);
                channel.register(selector, SelectionKey.OP_CONNECT, c);
            } catch (IOException e) {
                failed.incrementAndGet();
            }
        }

        /** Why streams failed before their first event (for failure messages). */
        public final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

        private void cause(Client c, String why) {
            if (c.firstAt == 0) {
                failures.merge(why, 1, Integer::sum);
            }
        }

        private void end(Client c, SelectionKey key) {
            key.cancel();
            c.ended = true;
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // gone
            }
            if (c.firstAt == 0) {
                failed.incrementAndGet();
                c.firstAt = -1;
            } else if (c.firstAt > 0) {
                endedAfterFirst.incrementAndGet();
            }
        }

        private Thread thread;

        public void closeAll() {
            stop = true;
            if (thread != null) {
                try {
                    thread.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Client c : clients) {
                if (c != null) {
                    try {
                        c.channel.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                }
            }
            try {
                // a channel registered with a selector is only really closed when its key is deregistered
                if (selector != null) {
                    selector.close();
                }
            } catch (IOException ignored) {
                // closing
            }
        }

        /** Bytes read from every stream so far (read by the main thread while the selector runs: close enough between phases). */
        long bytesReceived() {
            long sum = 0;
            for (Client c : clients) {
                if (c != null) {
                    sum += c.bytes;
                }
            }
            return sum;
        }

        private void feed(Client c, byte[] b, int len, long now) {
            int i = 0;
            if (!c.headDone) {
                // skip the response head up to the blank line (a non-200 shows up as no first event)
                final byte[] end = {'\r', '\n', '\r', '\n'};
                while (i < len && !c.headDone) {
                    c.headMatch = b[i++] == end[c.headMatch] ? c.headMatch + 1 : (b[i - 1] == '\r' ? 1 : 0);
                    if (c.headMatch == 4) {
                        c.headDone = true;
                    }
                }
            }
            while (i < len) {
                switch (c.chunkState) {
                    case 0 -> { // chunk size line: hex digits, optional extensions, CRLF
                        byte x = b[i++];
                        if (x == '\n') {
                            c.chunkState = c.chunkSize == 0 ? 0 : 1;
                            c.chunkLeft = c.chunkSize;
                            if (c.chunkSize == 0 && c.chunkSizeDone) {
                                c.chunkSizeDone = false; // last chunk: the stream ends; EOF follows
                            }
                            c.chunkSize = 0;
                            c.chunkSizeDone = false;
                        } else if (x == ';' || x == '\r' || x == ' ') {
                            c.chunkSizeDone = true;
                        } else if (!c.chunkSizeDone) {
                            c.chunkSize = c.chunkSize * 16 + Character.digit(x, 16);
                        }
                    }
                    case 1 -> {
                        int take = (int) Math.min(c.chunkLeft, len - i);
                        sse(c, b, i, take, now);
                        i += take;
                        c.chunkLeft -= take;
                        if (c.chunkLeft == 0) {
                            c.chunkState = 2;
                        }
                    }
                    default -> { // CRLF after the chunk data
                        if (b[i++] == '\n') {
                            c.chunkState = 0;
                        }
                    }
                }
            }
        }

        private void sse(Client c, byte[] b, int from, int len, long now) {
            for (int i = from; i < from + len; i++) {
                byte x = b[i];
                if (x == '\n') {
                    lineEnd(c, now);
                    c.lineLen = 0;
                } else if (x != '\r') {
                    if (c.lineLen < c.lineHead.length) {
                        c.lineHead[c.lineLen] = x;
                    }
                    c.lineLen++;
                }
            }
        }

        private void lineEnd(Client c, long now) {
            int len = c.lineLen;
            byte[] h = c.lineHead;
            if (len == 0) {
                if (c.hasData && c.isActiveview && c.id >= 0) {
                    event(c, c.id, now);
                }
                c.hasData = false;
                c.isActiveview = false;
                c.id = -1;
            } else if (startsWith(h, len, "data:")) {
                c.hasData = true;
            } else if (startsWith(h, len, "event:")) {
                c.isActiveview = startsWith(h, len, "event: activeview") || startsWith(h, len, "event:activeview");
            } else if (startsWith(h, len, "id:")) {
                long v = 0;
                boolean digits = false;
                for (int i = 3; i < Math.min(len, h.length); i++) {
                    if (h[i] >= '0' && h[i] <= '9') {
                        v = v * 10 + (h[i] - '0');
                        digits = true;
                    }
                }
                c.id = digits ? v : -1;
            }
        }

        private boolean startsWith(byte[] head, int len, String prefix) {
            if (len < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (head[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void event(Client c, long id, long now) {
            c.events++;
            if (c.firstAt == 0) {
                c.firstAt = now;
                c.firstId = id;
                firstEvents.incrementAndGet();
                return;
            }
            long index = id - c.v0;
            if (index >= 1 && index <= k && c.arrivals[(int) index] == 0) {
                c.arrivals[(int) index] = now;
                delivered.incrementAndGet();
            }
        }
    }
}
