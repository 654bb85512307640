package charon.push;

import jakarta.ws.rs.sse.SseEventSink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import charon.security.Viewer;

/** Every registered display stream: who watches it, what it gets of a change, and the streams of each LAN address. */
final class OpenStreams {

    private final Map<SseEventSink, Viewer> viewers = new ConcurrentHashMap<>();
    private final Map<SseEventSink, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<Feed, AtomicInteger> perFeed = new EnumMap<>(Feed.class);
    private final StreamsPerDevice<SseEventSink> devices;

    OpenStreams(int maxPerAddress) {
        devices = new StreamsPerDevice<>(maxPerAddress);
        for (Feed feed : Feed.values()) {
            perFeed.put(feed, new AtomicInteger());
        }
    }

    /** Lists a stream; returns the streams of its address it replaces (over the limit), for the caller to end. */
    List<SseEventSink> add(SseEventSink sink, Viewer viewer, Feed feed, String address) {
        List<SseEventSink> replaced = devices.add(address, sink);
        if (feeds.putIfAbsent(sink, feed) == null) {
            perFeed.get(feed).incrementAndGet();
        }
        viewers.put(sink, viewer);
        return replaced;
    }

    /** Forgets a stream (every way a stream ends comes here; twice is harmless); true if it was still listed. */
    boolean remove(SseEventSink sink) {
        devices.remove(sink);
        Feed feed = feeds.remove(sink);
        if (feed != null) {
            perFeed.get(feed).decrementAndGet();
        }
        return viewers.remove(sink) != null;
    }

    int size() {
        return viewers.size();
    }

    boolean isEmpty() {
        return viewers.isEmpty();
    }

    /** Streams listed with this feed right now. */
    int count(Feed feed) {
        return perFeed.get(feed).get();
    }

    /** Streams an address may hold, 0 for no limit. */
    int maxPerAddress() {
        return devices.max();
    }

    void forEach(BiConsumer<SseEventSink, Viewer> action) {
        viewers.forEach(action);
    }
}
