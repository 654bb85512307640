package charon.push;

import jakarta.json.JsonMergePatch;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import charon.chat.ConversationChanged;
import charon.json.Json;
import charon.messages.MessageDeleted;
import charon.messages.MessagePosted;
import charon.view.Audience;
import charon.view.AudiencePayloads;
import charon.view.SerializedPayload;

/**
 * Builds every event the push layer sends, each encoded once for all its streams (with the JAX-RS {@link Sse}). A
 * state change's patch for the players is computed here, once per change, with JSON Processing's
 * {@code createMergeDiff} (RFC 7396) between the players' projections of the two versions.
 */
final class PushEvents {

    static final String ACTIVEVIEW = "activeview";
    static final String ACTIVEVIEW_PATCH = "activeview-patch";
    static final String KEEPALIVE = "keepalive";
    static final String CHARON = "charon";
    static final String MESSAGE = "message";
    static final String MESSAGE_DELETED = "message-deleted";
    /** Sent with the first event: how long EventSource waits before reconnecting. */
    static final long RECONNECT_DELAY_MS = 2000;

    /** Looked up once: {@code jakarta.json.Json}'s static methods look the provider up (ServiceLoader) on every call. */
    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    private final Sse sse;
    private final Map<Audience, FirstEvent> firstEvents = new ConcurrentHashMap<>();
    /** The players' projection last diffed, parsed (the next change diffs from it without parsing it again). */
    private ParsedPayload lastParsed;

    PushEvents(Sse sse) {
        this.sse = sse;
    }

    /**
     * The first event of a display joining while this version is current, encoded once for all of them (a connect
     * burst would otherwise encode the same payload for every display). A race only encodes it twice.
     */
    EncodedSseEvent first(SerializedPayload current, Audience audience) {
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

    /**
     * The events of a change from {@code previous} (what every stream has) to {@code next}. The patch is computed only
     * if a stream wants it, and only from the version right before (the display checks that the ids follow each
     * other; anything else gets the full state). Called under the push layer's lock, in version order.
     */
    ChangeEvents change(AudiencePayloads previous, AudiencePayloads next, boolean patchWanted, boolean gmWanted) {
        EncodedSseEvent players = activeView(next.players());
        EncodedSseEvent gm = gmWanted ? activeView(next.gm()) : players;
        EncodedSseEvent patch = players;
        if (patchWanted && previous != null && next.version() == previous.version() + 1) {
            EncodedSseEvent diff = patch(previous.players(), next.players());
            patch = diff != null ? diff : players;
        }
        return new ChangeEvents(players, patch, gm);
    }

    /**
     * The patch event, or null when a merge patch cannot say the change: RFC 7396 has no way to set a member to
     * {@code null} (null means remove), and the players' payload has some ({@code "map": null} for a location without a
     * map). Such a change goes out whole, so a patching display always holds exactly what a full one holds.
     */
    private EncodedSseEvent patch(SerializedPayload from, SerializedPayload to) {
        JsonValue source = lastParsed != null && lastParsed.version() == from.version() ? lastParsed.json() : parse(from);
        JsonValue target = parse(to);
        lastParsed = new ParsedPayload(to.version(), target);
        JsonMergePatch diff = JSON_P.createMergeDiff(source, target);
        if (!diff.apply(source).equals(target)) {
            return null;
        }
        return EncodedSseEvent.of(sse.newEventBuilder()
                .name(ACTIVEVIEW_PATCH)
                .id(Long.toString(to.version()))
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, diff.toJsonValue().toString())
                .build());
    }

    private static JsonValue parse(SerializedPayload payload) {
        try (JsonReader reader = JSON_P.createReader(new StringReader(payload.json()))) {
            return reader.readValue();
        }
    }

    private record ParsedPayload(long version, JsonValue json) {
    }

    private EncodedSseEvent activeView(SerializedPayload payload) {
        return EncodedSseEvent.of(sse.newEventBuilder()
                .name(ACTIVEVIEW)
                .id(Long.toString(payload.version()))
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, payload.json())
                .build());
    }

    /** A CHARON conversation changed (one line, or cleared). */
    EncodedSseEvent conversation(ConversationChanged changed) {
        return EncodedSseEvent.of(sse.newEventBuilder()
                .name(CHARON)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, Json.write(changed))
                .build());
    }

    /** A player message just committed. */
    EncodedSseEvent message(MessagePosted posted) {
        return EncodedSseEvent.of(sse.newEventBuilder()
                .name(MESSAGE)
                .id("message-" + posted.message().id())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, Json.write(posted.message()))
                .build());
    }

    /** The GM deleted a message: {@code {"id": ...}} only (who else got it is not the reader's business). */
    EncodedSseEvent messageDeleted(MessageDeleted deleted) {
        return EncodedSseEvent.of(sse.newEventBuilder()
                .name(MESSAGE_DELETED)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"id\":" + deleted.id() + "}")
                .build());
    }

    /** A comment line keeps proxies from closing idle streams; the named event feeds the pages' watchdog. */
    EncodedSseEvent keepalive(Duration interval) {
        return EncodedSseEvent.of(sse.newEventBuilder()
                .comment(KEEPALIVE)
                .name(KEEPALIVE)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"interval_ms\":" + interval.toMillis() + "}")
                .build());
    }
}
