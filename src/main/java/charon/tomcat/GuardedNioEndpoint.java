package charon.tomcat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO endpoint with the two bounds against slow clients ("slowloris") that Tomcat 11 does not offer:
 * <ul>
 * <li>at most {@code maxConnectionsPerAddress} open connections per client address, for every request (not
 *     only display streams): the connection over the limit is closed as it is accepted, before it costs a
 *     buffer, so one device cannot fill {@code maxConnections} and keep everyone else out;</li>
 * <li>a request head must be complete within {@code headerTimeout} of its first byte. Tomcat's
 *     {@code connectionTimeout} is a read timeout, which every trickled byte starts again (16,500
 *     connections each sending a header byte every 5 s held the server for good); this deadline runs from
 *     the first byte and nothing extends it. A connection past it is ended through Tomcat's own error path.</li>
 * </ul>
 * The server's own machine (127.0.0.1, ::1) is not limited per address (the GM's laptop, the benchmark's
 * load client). Connections idle between requests (keep-alive) are Tomcat's {@code keepAliveTimeout}'s.
 */
public class GuardedNioEndpoint extends NioEndpoint {

    private volatile int maxConnectionsPerAddress = 256;
    private volatile int headerTimeout = 10_000;
    private final Map<String, AtomicInteger> openPerAddress = new ConcurrentHashMap<>();
    private final Map<SocketChannel, String> addressOf = new ConcurrentHashMap<>();
    private final AtomicLong refusedOverAddressLimit = new AtomicLong();
    private final AtomicLong endedAtHeaderDeadline = new AtomicLong();
    private ScheduledExecutorService deadlines;

    public GuardedNioEndpoint() {
        connections = new CountedConnections();
    }

    /** Open connections one client address may hold; 0 or less: no limit. */
    public void setMaxConnectionsPerAddress(int max) {
        this.maxConnectionsPerAddress = max;
    }

    public int getMaxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /** Milliseconds from a request's first byte to the end of its head; 0 or less: no deadline. */
    public void setHeaderTimeout(int millis) {
        this.headerTimeout = millis;
    }

    public int getHeaderTimeout() {
        return headerTimeout;
    }

    public long getRefusedOverAddressLimit() {
        return refusedOverAddressLimit.get();
    }

    public long getEndedAtHeaderDeadline() {
        return endedAtHeaderDeadline.get();
    }

    @Override
    protected boolean setSocketOptions(SocketChannel socket) {
        String address = address(socket);
        int max = maxConnectionsPerAddress;
        if (max > 0 && address != null && !isServerMachine(address)) {
            AtomicInteger open = openPerAddress.get(address);
            if (open != null && open.get() >= max) {
                if (refusedOverAddressLimit.getAndIncrement() % 1000 == 0) {
                    getLog().warn("Connections from " + address + " are over maxConnectionsPerAddress (" + max
                            + "); new ones are closed as they come (" + refusedOverAddressLimit.get() + " so far)");
                }
                destroySocket(socket); // closed, and out of maxConnections' count (the acceptor only closes known ones)
                return false;
            }
        }
        return super.setSocketOptions(socket);
    }

    @Override
    public void startInternal() throws Exception {
        super.startInternal();
        if (headerTimeout > 0) {
            deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, getName() + "-header-deadline");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(100, Math.min(1000, headerTimeout / 4));
            deadlines.scheduleWithFixedDelay(this::endLateHeads, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stopInternal() {
        if (deadlines != null) {
            deadlines.shutdownNow();
            deadlines = null;
        }
        super.stopInternal();
    }

    /** Ends every connection whose current request started more than headerTimeout ago and is still in its head. */
    private void endLateHeads() {
        try {
            long now = System.nanoTime();
            long limit = TimeUnit.MILLISECONDS.toNanos(headerTimeout);
            for (SocketWrapperBase<NioChannel> connection : connections.values()) {
                // Between reads, Tomcat keeps an HTTP/1.1 processor with its connection (and not in an async
                // request) only while a request head is incomplete; its start time is the head's first byte.
                if (connection.getCurrentProcessor() instanceof Http11Processor processor && !processor.isAsync()) {
                    long started = processor.getRequest().getStartTimeNanos();
                    if (started > 0 && now - started > limit) {
                        endedAtHeaderDeadline.incrementAndGet();
                        connection.setError(new SocketTimeoutException("request head not complete within " + headerTimeout + " ms"));
                        processSocket(connection, SocketEvent.ERROR, true);
                    }
                }
            }
        } catch (RuntimeException e) {
            getLog().warn("Header deadline check failed", e); // the next run tries again
        }
    }

    private static String address(SocketChannel socket) {
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? inet.getAddress().getHostAddress() : null;
        } catch (IOException gone) {
            return null;
        }
    }

    private static boolean isServerMachine(String address) {
        return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
    }

    /** Tomcat's map of open connections, counting them per client address as Tomcat adds and removes them. */
    private final class CountedConnections extends ConcurrentHashMap<SocketChannel, SocketWrapperBase<NioChannel>> {

        @Override
        public SocketWrapperBase<NioChannel> put(SocketChannel channel, SocketWrapperBase<NioChannel> connection) {
            SocketWrapperBase<NioChannel> previous = super.put(channel, connection);
            if (previous == null) {
                String address = address(channel);
                if (address != null) {
                    addressOf.put(channel, address);
                    openPerAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                }
            }
            return previous;
        }

        @Override
        public SocketWrapperBase<NioChannel> remove(Object channel) {
            SocketWrapperBase<NioChannel> removed = super.remove(channel);
            if (removed != null) {
                forget(channel);
            }
            return removed;
        }

        @Override
        public boolean remove(Object channel, Object connection) {
            boolean removed = super.remove(channel, connection);
            if (removed) {
                forget(channel);
            }
            return removed;
        }

        private void forget(Object channel) {
            String address = addressOf.remove(channel);
            if (address != null) {
                openPerAddress.computeIfPresent(address, (a, open) -> open.decrementAndGet() <= 0 ? null : open);
            }
        }
    }
}
