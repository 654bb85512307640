package charon.push;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.config.CharonConfig;
import charon.security.Viewer;
import charon.view.ActiveViewPayloads;
import charon.view.Audience;
import charon.view.AudiencePayloads;
import charon.view.SerializedPayload;

/**
 * Every open display stream: joining, and handing each change to the broadcaster as one prebuilt SSE event per feed.
 * What the application's events mean for the streams is {@link PushObservers}'; the events themselves are built by
 * {@link PushEvents}; the threads are {@link PushThreads}'.
 *
 * <p>Joining and broadcasting share one lock: a new stream gets the last broadcast payload and is registered before
 * the next broadcast, so no change falls between its first event and its subscription, and none arrives twice. A
 * patch stream's first event is that payload whole, and every change after it is a patch from the version before.
 */
@ApplicationScoped
public class DisplayStreams {

    /** Events a display may fall behind before its stream is closed (it reconnects and gets the current state). */
    static final int MAX_BACKLOG = 64;

    private static final Logger LOG = Logger.getLogger(DisplayStreams.class.getName());

    @Inject
    ActiveViewPayloads payloads;
    @Inject
    CharonConfig config;
    @Inject
    StreamCredentials credentials;

    private final Object lock = new Object();
    private final PushThreads threads = new PushThreads();
    private final PushMetrics metrics = new PushMetrics();
    /** Set at start (under the lock); read without it by the observers. */
    private volatile OpenStreams open;
    private volatile PushEvents events;
    /** Set once, under the lock, last of all (volatile: whoever sees it set also sees the above). */
    private volatile QueuedBroadcaster broadcaster;
    private AudiencePayloads lastBroadcast;

    /** Joins a players' stream with full events (see below). */
    void join(DisplayConnection sink, Sse sseContext, Viewer viewer, String address) {
        join(sink, sseContext, viewer, address, Feed.PLAYERS);
    }

    /**
     * Sends the current state to a new display and subscribes it to every later change, in its feed.
     *
     * <p>Under the lock the stream is registered as held, with the payload it must get first; the first event is then
     * sent outside the lock (on a container that keeps the request open it is written on the request thread, and a
     * display that does not read can block it until the write timeout: that must not block every other display and
     * the GM's writes meanwhile). Changes broadcast in between wait in the stream's queue and follow it.
     *
     * <p>A LAN address keeps at most {@code CHARON_MAX_STREAMS_PER_ADDRESS} streams: the new one replaces its oldest. A
     * display that reloads gets its new stream at once (its old ones may not have been noticed gone yet), and a
     * device that opens streams on purpose only ever holds that many.
     */
    void join(DisplayConnection sink, Sse sseContext, Viewer viewer, String address, Feed feed) {
        Audience audience = feed == Feed.GM ? Audience.GM : Audience.PLAYERS;
        SerializedPayload current;
        List<SseEventSink> replaced;
        synchronized (lock) {
            current = prepare(sseContext).of(audience);
            // queued before it is listed, so whoever finds it in `open` can end it
            broadcaster.registerHeld(sink, feed);
            replaced = open.add(sink, viewer, feed, address);
        }
        try {
            subscribe(sink, current, replaced, viewer, address, audience);
        } catch (RuntimeException e) {
            // nothing keeps a stream that did not get its start
            broadcaster.unregister(sink);
            open.remove(sink);
            throw e;
        }
    }

    /**
     * Starts the push layer and reads the state a new display gets first, if not done yet: what can fail with an
     * error answer fails here, before a stream's head is sent.
     */
    AudiencePayloads prepare(Sse sseContext) {
        synchronized (lock) {
            ensureStarted(sseContext);
            if (lastBroadcast == null) {
                lastBroadcast = payloads.latestPayloads();
            }
            return lastBroadcast;
        }
    }

    private void subscribe(DisplayConnection sink, SerializedPayload current, List<SseEventSink> replaced, Viewer viewer,
                           String address, Audience audience) {
        for (SseEventSink oldest : replaced) {
            if (metrics.endedOverDeviceLimit.getAndIncrement() % 1000 == 0) {
                // the first time and then every 1,000th: enough for the GM to see it without flooding the log
                LOG.warning("A device at " + address + " opened more than " + open.maxPerAddress()
                        + " display streams; its oldest was ended. If many displays share one address (NAT), raise CHARON_MAX_STREAMS_PER_ADDRESS.");
            }
            broadcaster.end(oldest);
        }
        // When the connection ends (the display went away, an error, shutdown) the stream is forgotten, whatever
        // ended it before; a connection that is already gone runs this at once.
        sink.whenEnded(() -> {
            boolean stillQueued = broadcaster.detach(sink);
            if (open.remove(sink) && stillQueued) {
                metrics.dropped.incrementAndGet();
            }
        });
        if (!credentials.stillSignedIn(viewer)) {
            // A password reset raced this join: its event may have looked for the account's streams before this
            // one was listed. It ends like the others (after its first event, which is public; no message reaches it).
            broadcaster.end(sink);
        }
        EncodedSseEvent first = events.first(current, audience);
        // The first event is sent before any other thread may write to the stream (the writers wait for release()),
        // so it is always first.
        CompletableFuture<?> sent;
        try {
            sent = sink.send(first).toCompletableFuture();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        if (sent.isCompletedExceptionally() || sink.isClosed()) {
            // The display went away while connecting: the connection ends and it is forgotten.
            broadcaster.unregister(sink);
            open.remove(sink);
            QueuedBroadcaster.closeQuietly(sink);
            metrics.closedAtFirstEvent.incrementAndGet();
            return;
        }
        broadcaster.release(sink);
    }

    /** A new state version: each stream gets it in its feed (whole, as a patch, or the GM's payload). */
    void publishChange(AudiencePayloads published) {
        synchronized (lock) {
            if (lastBroadcast != null && published.version() <= lastBroadcast.version()) {
                // A display joined first with this very version (read from the payload cache): not twice.
                return;
            }
            AudiencePayloads previous = lastBroadcast;
            lastBroadcast = published;
            if (broadcaster == null || open.isEmpty()) {
                return;
            }
            int patchStreams = open.count(Feed.PLAYER_PATCHES);
            ChangeEvents change = events.change(previous, published, patchStreams > 0, open.count(Feed.GM) > 0);
            metrics.eventsSent.addAndGet(open.size());
            if (change.patched()) {
                metrics.patchesSent.addAndGet(patchStreams);
            }
            broadcaster.broadcast(change);
        }
    }

    /** An event for every stream (built once, if any stream is open). */
    void sendToAll(Function<PushEvents, EncodedSseEvent> event) {
        synchronized (lock) {
            if (broadcaster == null || open.isEmpty()) {
                return;
            }
            metrics.eventsSent.addAndGet(open.size());
            broadcaster.broadcast(event.apply(events));
        }
    }

    /** An event for the streams of the viewers it is for, through each stream's own queue (after what is queued). */
    void sendTo(Predicate<Viewer> recipients, Function<PushEvents, EncodedSseEvent> event) {
        if (broadcaster == null) {
            return;
        }
        EncodedSseEvent encoded = event.apply(events);
        open.forEach((sink, viewer) -> {
            if (recipients.test(viewer)) {
                metrics.eventsSent.incrementAndGet();
                broadcaster.sendTo(sink, encoded);
            }
        });
    }

    /** Ends the streams of these viewers (they reconnect). */
    void endStreamsOf(Predicate<Viewer> viewers) {
        if (broadcaster == null) {
            return;
        }
        open.forEach((sink, viewer) -> {
            if (viewers.test(viewer)) {
                broadcaster.end(sink);
            }
        });
    }

    /** Number of display streams currently registered. */
    public int connected() {
        OpenStreams streams = open;
        return streams == null ? 0 : streams.size();
    }

    public long eventsSent() {
        return metrics.eventsSent.get();
    }

    /** State changes sent as patches (one per patch stream and change). */
    public long patchesSent() {
        return metrics.patchesSent.get();
    }

    public long dropped() {
        return metrics.dropped.get();
    }

    /** Streams ended because their address opened more than it may hold (each replaced by a newer one). */
    public long endedOverDeviceLimit() {
        return metrics.endedOverDeviceLimit.get();
    }

    /** Writes to displays found stuck at the last check (each a display that stopped reading), each made up for by another writer. */
    public int stuckWrites() {
        return threads.stuckWrites();
    }

    /**
     * Streams whose first event could not be written, whose connection was then ended (see join): displays that
     * went away while connecting. (In Tomcat the first event goes out once the connection is handed over; a display
     * gone by then counts as dropped.)
     */
    public long closedAtFirstEvent() {
        return metrics.closedAtFirstEvent.get();
    }

    /** Open streams per kind of connection ({@code upgraded}: taken over from Tomcat; {@code async}: portable). */
    public Map<String, Integer> streamsByConnection() {
        return ConnectionKinds.SHARED.open();
    }

    private void ensureStarted(Sse sseContext) {
        if (broadcaster != null) {
            return;
        }
        // settings first: a wrong value fails every join with its message rather than starting half-way
        Duration keepaliveInterval = config.keepaliveInterval();
        open = new OpenStreams(config.maxStreamsPerAddress());
        events = new PushEvents(sseContext);
        QueuedBroadcaster created = new QueuedBroadcaster(threads.writers, MAX_BACKLOG, threads.closer);
        created.onError(this::forget);
        created.onClose(open::remove);
        broadcaster = created; // published last: an observer that sees it also sees the settings and events above
        EncodedSseEvent ping = events.keepalive(keepaliveInterval);
        threads.start(() -> {
            if (!open.isEmpty()) {
                broadcaster.broadcast(ping);
            }
        }, keepaliveInterval);
    }

    private void forget(SseEventSink sink, Throwable cause) {
        if (open.remove(sink)) {
            metrics.dropped.incrementAndGet();
            LOG.log(Level.FINE, "Display stream went away: {0}", cause.toString());
        }
        // the broadcaster closes the sink itself, after this bookkeeping
    }

    @PreDestroy
    void shutdown() {
        threads.shutdown();
        if (broadcaster != null) {
            broadcaster.close();
        }
    }
}
