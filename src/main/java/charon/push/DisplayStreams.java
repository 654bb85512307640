package charon.push;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.chat.ConversationChanged;
import charon.config.CharonConfig;
import charon.json.Json;
import charon.messages.MessagePosted;
import charon.security.CredentialStamps;
import charon.security.CredentialsChanged;
import charon.security.Viewer;
import charon.view.ActiveViewPayloads;
import charon.view.Audience;
import charon.view.AudiencePayloads;
import charon.view.PayloadPublished;
import charon.view.SerializedPayload;

/**
 * Every open display stream. It observes published payloads and hands one prebuilt SSE event to
 * the broadcaster; the domain never sees a socket.
 *
 * <p>Joining and broadcasting share one lock: a new stream gets the last broadcast payload and is
 * registered before the next broadcast, so no change falls between its first event and its
 * subscription, and none arrives twice.
 */
@ApplicationScoped
public class DisplayStreams {

    static final String ACTIVEVIEW = "activeview";
    static final String KEEPALIVE = "keepalive";
    static final String CHARON = "charon";
    static final String MESSAGE = "message";
    /** Sent with the first event: how long EventSource waits before reconnecting. */
    static final long RECONNECT_DELAY_MS = 2000;
    static final int WRITER_THREADS = 32;
    /** Writer threads at most, the extra ones standing in for writers stuck on displays that stopped reading. */
    static final int MAX_WRITER_THREADS = 512;
    /** A write or close taking longer than this is stuck (a display that reads takes microseconds). */
    static final Duration STUCK_AFTER = Duration.ofMillis(100);
    /** Events a display may fall behind before its stream is closed (it reconnects and gets the current state). */
    static final int MAX_BACKLOG = 64;

    private static final Logger LOG = Logger.getLogger(DisplayStreams.class.getName());

    @Inject
    ActiveViewPayloads payloads;
    @Inject
    CharonConfig config;
    @Inject
    CredentialStamps stamps;

    private final Object lock = new Object();
    /** Every registered stream and who watches it (messages are only sent to whom they are for). */
    private final Map<SseEventSink, Viewer> open = new ConcurrentHashMap<>();
    /** The GM console's streams among them: they get the GM's payload of each change instead of the players'. */
    private final Set<SseEventSink> gmStreams = ConcurrentHashMap.newKeySet();
    /** The streams of each LAN address, and how many it may hold (set at start). */
    private StreamsPerDevice<SseEventSink> devices;
    /**
     * Writes to displays. A stream's events are written by one writer at a time; a display that stops reading
     * holds its writer until the write timeout, and the pool makes up for it with another thread.
     */
    private final WriterPool writers = new WriterPool("charon-sse-writer", WRITER_THREADS, MAX_WRITER_THREADS, STUCK_AFTER);
    /** Closes ended streams, never on a broadcaster's thread (see QueuedBroadcaster's closer). */
    private final WriterPool closer = new WriterPool("charon-sse-closer", 4, MAX_WRITER_THREADS, STUCK_AFTER);
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong closedAtFirstEvent = new AtomicLong();
    private final AtomicLong endedOverDeviceLimit = new AtomicLong();

    private Sse sse;
    /** Set once, under the lock; read without it by the observers (volatile: they must see it set). */
    private volatile QueuedBroadcaster broadcaster;
    private AudiencePayloads lastBroadcast;
    private ScheduledExecutorService timer;
    private final Map<Audience, FirstEvent> firstEvents = new ConcurrentHashMap<>();

    /**
     * Sends the current state to a new display and subscribes it to every later change.
     *
     * <p>Under the lock the stream is registered as held, with the payload it must get first; the first
     * event is then sent outside the lock (on a container that keeps the request open it is written on the request
     * thread, and a display that does not read can block it until the write timeout: that must not block every other
     * display and the GM's writes meanwhile). Changes broadcast in between wait in the stream's queue and follow it.
     *
     * <p>A LAN address keeps at most {@code CHARON_MAX_STREAMS_PER_ADDRESS} streams: the new one replaces its oldest. A
     * display that reloads gets its new stream at once (its old ones may not have been noticed gone yet), and a
     * device that opens streams on purpose only ever holds that many.
     */
    void join(DisplayConnection sink, Sse sseContext, Viewer viewer, String address) {
        join(sink, sseContext, viewer, address, Audience.PLAYERS);
    }

    /**
     * As above, for a stream of the given audience: the GM console's stream (its resource is GM only) gets the GM's
     * payload of each change, every other stream the players'.
     */
    void join(DisplayConnection sink, Sse sseContext, Viewer viewer, String address, Audience audience) {
        SerializedPayload current;
        List<SseEventSink> replaced;
        synchronized (lock) {
            current = prepare(sseContext).of(audience);
            // queued before it is listed, so whoever finds it in `open` can end it
            broadcaster.registerHeld(sink, audience);
            replaced = devices.add(address, sink);
            if (audience == Audience.GM) {
                gmStreams.add(sink);
            }
            open.put(sink, viewer);
        }
        try {
            subscribe(sink, current, replaced, viewer, address, audience);
        } catch (RuntimeException e) {
            // nothing keeps a stream that did not get its start
            broadcaster.unregister(sink);
            remove(sink);
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
            if (endedOverDeviceLimit.getAndIncrement() % 1000 == 0) {
                // the first time and then every 1,000th: enough for the GM to see it without flooding the log
                LOG.warning("A device at " + address + " opened more than " + devices.max()
                        + " display streams; its oldest was ended. If many displays share one address (NAT), raise CHARON_MAX_STREAMS_PER_ADDRESS.");
            }
            broadcaster.end(oldest);
        }
        // When the connection ends (the display went away, an error, shutdown) the stream is forgotten, whatever
        // ended it before; a connection that is already gone runs this at once.
        sink.whenEnded(() -> {
            boolean stillQueued = broadcaster.detach(sink);
            if (remove(sink) && stillQueued) {
                dropped.incrementAndGet();
            }
        });
        if (!stillSignedIn(viewer)) {
            // A password reset raced this join: its event may have looked for the account's streams before this
            // one was listed. It ends like the others (after its first event, which is public; no message reaches it).
            broadcaster.end(sink);
        }
        EncodedSseEvent first = firstEventFor(current, audience);
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
            remove(sink);
            QueuedBroadcaster.closeQuietly(sink);
            closedAtFirstEvent.incrementAndGet();
            return;
        }
        broadcaster.release(sink);
    }

    /** Checked after the stream is listed; a stamp that cannot be read (database error) ends the stream too. */
    private boolean stillSignedIn(Viewer viewer) {
        try {
            return stamps.stillSignedIn(viewer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check a display's login; its stream ends and it reconnects", e);
            return false;
        }
    }

    /** Forgets a stream (every way a stream ends comes here; twice is harmless); true if it was still registered. */
    private boolean remove(SseEventSink sink) {
        devices.remove(sink);
        gmStreams.remove(sink);
        return open.remove(sink) != null;
    }

    /**
     * The first event of a display joining while this version is current, encoded once for all of them (a
     * connect burst would otherwise encode the same payload for every display). A race only encodes it twice.
     */
    private EncodedSseEvent firstEventFor(SerializedPayload current, Audience audience) {
        FirstEvent cached = firstEvents.get(audience);
        if (cached != null && cached.version() == current.version()) {
            return cached.event();
        }
        EncodedSseEvent event = EncodedSseEvent.of(sse.newEventBuilder()
                .name(ACTIVEVIEW)
                .id(Long.toString(current.version()))
                .reconnectDelay(RECONNECT_DELAY_MS)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, current.json())
                .build());
        firstEvents.put(audience, new FirstEvent(current.version(), event));
        return event;
    }

    private record FirstEvent(long version, EncodedSseEvent event) {
    }

    void onPayload(@Observes PayloadPublished published) {
        synchronized (lock) {
            if (lastBroadcast != null && published.payloads().version() <= lastBroadcast.version()) {
                // A display joined first with this very version (read from the payload cache): not twice.
                return;
            }
            lastBroadcast = published.payloads();
            if (broadcaster == null || open.isEmpty()) {
                return;
            }
            OutboundSseEvent forPlayers = activeViewEvent(lastBroadcast.players());
            eventsSent.addAndGet(open.size());
            if (gmStreams.isEmpty()) {
                broadcaster.broadcast(forPlayers);
            } else {
                // each stream gets its audience's payload of the change, in the one pass over the streams
                broadcaster.broadcast(forPlayers, activeViewEvent(lastBroadcast.gm()));
            }
        }
    }

    private OutboundSseEvent activeViewEvent(SerializedPayload payload) {
        return sse.newEventBuilder()
                .name(ACTIVEVIEW)
                .id(Long.toString(payload.version()))
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, payload.json())
                .build();
    }

    /** A CHARON conversation changed: every display gets it (what CHARON says is public at the table). */
    void onConversation(@Observes ConversationChanged changed) {
        synchronized (lock) {
            if (broadcaster == null || open.isEmpty()) {
                return;
            }
            eventsSent.addAndGet(open.size());
            broadcaster.broadcast(sse.newEventBuilder()
                    .name(CHARON)
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, Json.write(changed))
                    .build());
        }
    }

    /**
     * A message was committed: only the streams of its recipients (or everyone, for a broadcast) and
     * the GM get it, through each stream's own queue (after the events already queued for it).
     */
    void onMessage(@Observes MessagePosted posted) {
        if (broadcaster == null) {
            return;
        }
        EncodedSseEvent event = EncodedSseEvent.of(sse.newEventBuilder()
                .name(MESSAGE)
                .id("message-" + posted.message().id())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, Json.write(posted.message()))
                .build());
        open.forEach((sink, viewer) -> {
            if (posted.visibleTo(viewer.userId(), viewer.gm())) {
                eventsSent.incrementAndGet();
                broadcaster.sendTo(sink, event);
            }
        });
    }

    /**
     * An account's password was reset: its open streams end now (the messages meant for it must stop), and
     * the displays reconnect as whoever their session is from then on, usually nobody.
     */
    void onCredentialsChanged(@Observes CredentialsChanged changed) {
        if (broadcaster == null) {
            return;
        }
        open.forEach((sink, viewer) -> {
            if (viewer.userId().filter(id -> id == changed.userId()).isPresent()) {
                broadcaster.end(sink);
            }
        });
    }

    /** Number of display streams currently registered. */
    public int connected() {
        return open.size();
    }

    public long eventsSent() {
        return eventsSent.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Streams ended because their address opened more than it may hold (each replaced by a newer one). */
    public long endedOverDeviceLimit() {
        return endedOverDeviceLimit.get();
    }

    /** Writes to displays found stuck at the last check (each a display that stopped reading), each made up for by another writer. */
    public int stuckWrites() {
        return writers.stuck();
    }

    /**
     * Streams whose first event could not be written, whose connection was then ended (see join): displays that
     * went away while connecting. (In Tomcat the first event goes out once the connection is handed over; a display
     * gone by then counts as dropped.)
     */
    public long closedAtFirstEvent() {
        return closedAtFirstEvent.get();
    }

    private void ensureStarted(Sse sseContext) {
        if (broadcaster != null) {
            return;
        }
        // settings first: a wrong value fails every join with its message rather than starting half-way
        Duration keepaliveInterval = config.keepaliveInterval();
        devices = new StreamsPerDevice<>(config.maxStreamsPerAddress());
        sse = sseContext;
        QueuedBroadcaster created = new QueuedBroadcaster(writers, MAX_BACKLOG, closer);
        created.onError(this::forget);
        created.onClose(this::remove);
        broadcaster = created; // published last: an observer that sees it also sees the settings and sse above
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "charon-sse-timer");
            thread.setDaemon(true);
            return thread;
        });
        startKeepalive(keepaliveInterval);
        timer.scheduleWithFixedDelay(() -> {
            writers.replaceStuckThreads();
            closer.replaceStuckThreads();
        }, STUCK_AFTER.toMillis(), STUCK_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A comment line keeps proxies from closing idle streams; the named event feeds the pages' watchdog. */
    private void startKeepalive(Duration interval) {
        OutboundSseEvent ping = EncodedSseEvent.of(sse.newEventBuilder()
                .comment(KEEPALIVE)
                .name(KEEPALIVE)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"interval_ms\":" + interval.toMillis() + "}")
                .build());
        timer.scheduleAtFixedRate(() -> {
            if (!open.isEmpty()) {
                broadcaster.broadcast(ping);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void forget(SseEventSink sink, Throwable cause) {
        if (remove(sink)) {
            dropped.incrementAndGet();
            LOG.log(Level.FINE, "Display stream went away: {0}", cause.toString());
        }
        // the broadcaster closes the sink itself, after this bookkeeping
    }

    @PreDestroy
    void shutdown() {
        writers.shutdownNow();
        closer.shutdownNow();
        if (timer != null) {
            timer.shutdownNow();
        }
        if (broadcaster != null) {
            broadcaster.close();
        }
    }
}
