package charon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The login burst of issue 15: {@code guessers} threads on LAN addresses (127.0.0.10 and up) send wrong
 * passwords for the GM's username as fast as they are answered, for {@code seconds}; meanwhile the GM logs in
 * at the server's own machine (127.0.0.1) once a second. Reported: the guesses' answers by status, and the GM's
 * login time (target: under 1 s) and statuses. Scenario {@code loginburst<guessers>/<seconds>} (default 60/20),
 * e.g. {@code -Dbench.scenarios=loginburst -Dbench.warmupWrites=0}.
 */
final class LoginBurstBench {

    private final URI base;
    private final int guessers;
    private final long seconds;
    private final String password;
    private final String out;

    private LoginBurstBench(Map<String, String> args, String scenario) {
        this.base = URI.create(args.getOrDefault("base", "http://127.0.0.1:18480/"));
        String[] size = scenario.substring("loginburst".length()).split("/");
        this.guessers = size[0].isEmpty() ? 60 : Integer.parseInt(size[0]);
        this.seconds = size.length > 1 ? Long.parseLong(size[1]) : 20;
        this.password = args.getOrDefault("password", "bench-pass-123");
        this.out = args.getOrDefault("out", "");
    }

    static void runSafely(Map<String, String> args, String scenario) {
        try {
            new LoginBurstBench(args, scenario).run();
        } catch (Exception | Error e) {
            System.out.println("BENCHMARK SCENARIO FAILED: " + e);
            e.printStackTrace(System.out);
        }
    }

    private void run() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Map<Integer, AtomicInteger> guessAnswers = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int g = 0; g < guessers; g++) {
            String from = "127.0.0." + (10 + g % 200);
            int guesser = g;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000_000 && !stop.get(); i++) {
                    int status = login(from, "gm", "guess-" + guesser + "-" + i);
                    guessAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }, "guesser-" + g);
            thread.start();
            threads.add(thread);
        }
        List<Long> gmMillis = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> gmAnswers = new ConcurrentHashMap<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int answer = login("127.0.0.1", "gm", password);
            gmAnswers.computeIfAbsent(answer, s -> new AtomicInteger()).incrementAndGet();
            gmMillis.add((System.nanoTime() - start) / 1_000_000);
            long pause = 1_000 - (System.nanoTime() - start) / 1_000_000;
            if (pause > 0) {
                Thread.sleep(pause);
            }
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        List<Long> sorted = new ArrayList<>(gmMillis);
        Collections.sort(sorted);
        String report = String.format(Locale.ROOT,
                "login burst: %d guessers on LAN addresses for %d s, answers %s; the GM's login at the server's machine: "
                        + "%d logins, p50 %d ms, max %d ms, statuses %s",
                guessers, seconds, guessAnswers, sorted.size(), sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), gmAnswers);
        System.out.println(report);
        if (!out.isEmpty()) {
            Files.writeString(Path.of(out), report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The status of one login over a new connection from {@code from}; 0 when it failed or timed out (30 s). */
    private int login(String from, String username, String pass) {
        byte[] body = ("{\"username\":\"" + username + "\",\"password\":\"" + pass + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST " + base.resolve("api/auth/login/").getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return status.startsWith("HTTP/1.1 ") ? Integer.parseInt(status.substring(9, 12)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
