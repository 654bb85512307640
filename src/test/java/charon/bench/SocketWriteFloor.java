package charon.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * What one write of an event to one display costs a thread at least, whatever the server does around it (not a test):
 * N loopback connections, one thread writing the same bytes to each in turn with a plain non-blocking
 * {@code SocketChannel.write} (one syscall each), K rounds, while another thread reads every connection with one
 * selector (as the fan-out benchmark's client does). Reported: the writing thread's CPU time per write, for each size
 * given, the sizes alternating round by round so that the machine's load falls on each alike. This is the floor
 * under the fan-out CPU per event per display of docs/performance.md: a write per display per event costs at least this.
 *
 * <p>{@code java -cp target/test-classes charon.bench.SocketWriteFloor [connections=1000] [rounds=200] [sizes=96,2430]}
 */
public final class SocketWriteFloor {

    public static void main(String[] argv) throws Exception {
        int connections = 1000;
        int rounds = 200;
        int[] sizes = {96, 2430};
        for (String a : argv) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "connections" -> connections = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "sizes" -> sizes = java.util.Arrays.stream(kv[1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        List<SocketChannel> writers = new ArrayList<>();
        Selector readers = Selector.open();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0), connections);
            for (int i = 0; i < connections; i++) {
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                client.configureBlocking(false);
                client.register(readers, SelectionKey.OP_READ);
                SocketChannel accepted = server.accept();
                accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                accepted.configureBlocking(false);
                writers.add(accepted);
            }
        }
        Thread reader = new Thread(() -> drain(readers), "floor-reader");
        reader.setDaemon(true);
        reader.start();

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpuNs = new long[sizes.length];
        long[] writes = new long[sizes.length];
        long[] partial = new long[sizes.length];
        ByteBuffer[] payloads = new ByteBuffer[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            payloads[s] = ByteBuffer.allocateDirect(sizes[s]);
            while (payloads[s].hasRemaining()) {
                payloads[s].put((byte) 'x');
            }
        }
        for (int round = 0; round < rounds + 20; round++) {
            int s = round % sizes.length;
            long start = mx.getCurrentThreadCpuTime();
            for (SocketChannel channel : writers) {
                ByteBuffer bytes = payloads[s].duplicate().flip().limit(sizes[s]).position(0);
                channel.write(bytes);
                if (bytes.hasRemaining()) {
                    partial[s]++;
                }
            }
            long spent = mx.getCurrentThreadCpuTime() - start;
            if (round >= 20) { // the first rounds warm the JIT up
                cpuNs[s] += spent;
                writes[s] += writers.size();
            }
            Thread.sleep(20); // as events come: the reader empties every socket in between
        }
        for (int s = 0; s < sizes.length; s++) {
            System.out.printf(Locale.ROOT, "one non-blocking write of %d bytes to one of %d loopback connections: %.2f us of the "
                    + "writing thread's CPU (%d writes, %d partial)%n", sizes[s], connections, cpuNs[s] / 1000.0 / writes[s],
                    writes[s], partial[s]);
        }
        for (SocketChannel channel : writers) {
            channel.close();
        }
    }

    private static void drain(Selector selector) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (selector.isOpen()) {
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    SocketChannel channel = (SocketChannel) key.channel();
                    buffer.clear();
                    if (channel.read(buffer) < 0) {
                        key.cancel();
                        channel.close();
                    }
                }
            }
        } catch (IOException ended) {
            // the run is over
        }
    }
}
