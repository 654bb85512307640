package charon.push;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * An {@link OutboundSseEvent} (built with {@code Sse.newEventBuilder()}) together with its wire bytes,
 * encoded once. The broadcaster writes the same event to every display: Jersey's own event writer would
 * encode the text and look up a body writer again for each of them, which was most of the cost of a
 * broadcast (docs/performance.md). The display connections write {@link #wire()} as it is.
 */
final class EncodedSseEvent implements OutboundSseEvent {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final OutboundSseEvent event;
    private final byte[] wire;
    /** The wire bytes as one HTTP/1.1 chunk, built on first use (a race only builds it twice). */
    private volatile byte[] chunk;

    private EncodedSseEvent(OutboundSseEvent event, byte[] wire) {
        this.event = event;
        this.wire = wire;
    }

    /** Encodes an event with text data (or a comment only); other data types are refused. */
    static EncodedSseEvent of(OutboundSseEvent event) {
        if (event instanceof EncodedSseEvent encoded) {
            return encoded;
        }
        if (event.getData() != null && !(event.getData() instanceof String)) {
            throw new IllegalArgumentException("only text event data is pre-encoded, not " + event.getType());
        }
        return new EncodedSseEvent(event, encode(event));
    }

    /** The event as the text/event-stream format puts it on the wire (the same lines Jersey writes). */
    private static byte[] encode(OutboundSseEvent event) {
        StringBuilder text = new StringBuilder(64 + (event.getData() == null ? 0 : ((String) event.getData()).length()));
        if (event.getComment() != null) {
            for (String line : LINE_BREAK.split(event.getComment(), -1)) {
                text.append(": ").append(line).append('\n');
            }
        }
        if (event.getData() != null) {
            field(text, "event", event.getName());
            field(text, "id", event.getId());
            if (event.isReconnectDelaySet()) {
                text.append("retry: ").append(event.getReconnectDelay()).append('\n');
            }
            for (String line : LINE_BREAK.split((String) event.getData(), -1)) {
                text.append("data: ").append(line).append('\n');
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A one-line field; a line break inside it would end the field early, so it is removed (as Jersey does). */
    private static void field(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(name).append(": ").append(value.replace("\r", "").replace("\n", "")).append('\n');
        }
    }

    /** {@link #wire()} framed as one HTTP/1.1 chunk: built once per event, for every display on a chunked connection. */
    byte[] chunk() {
        byte[] framed = chunk;
        if (framed == null) {
            byte[] head = (Integer.toHexString(wire.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            framed = new byte[head.length + wire.length + 2];
            System.arraycopy(head, 0, framed, 0, head.length);
            System.arraycopy(wire, 0, framed, head.length, wire.length);
            framed[framed.length - 2] = '\r';
            framed[framed.length - 1] = '\n';
            chunk = framed;
        }
        return framed;
    }

    /** What goes on the wire for this event, UTF-8. Not copied: nobody may change it. */
    byte[] wire() {
        return wire;
    }

    @Override
    public Class<?> getType() {
        return event.getType();
    }

    @Override
    public Type getGenericType() {
        return event.getGenericType();
    }

    @Override
    public MediaType getMediaType() {
        return event.getMediaType();
    }

    @Override
    public Object getData() {
        return event.getData();
    }

    @Override
    public String getId() {
        return event.getId();
    }

    @Override
    public String getName() {
        return event.getName();
    }

    @Override
    public String getComment() {
        return event.getComment();
    }

    @Override
    public long getReconnectDelay() {
        return event.getReconnectDelay();
    }

    @Override
    public boolean isReconnectDelaySet() {
        return event.isReconnectDelaySet();
    }
}
