package charon.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Provider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.glassfish.jersey.message.MessageBodyWorkers;
import org.glassfish.jersey.message.internal.AbstractMessageReaderWriterProvider;
import org.junit.jupiter.api.Test;

/**
 * The wire bytes written to every display: each event's bytes are compared with what Jersey's own SSE writer
 * ({@code OutboundEventWriter}, the one Jersey's {@code SseEventSink} uses) writes for the same event, and with the
 * text/event-stream lines spelled out.
 */
class EncodedSseEventTest {

    private static String wire(OutboundEvent.Builder builder) {
        OutboundEvent event = builder.build();
        String ours = new String(EncodedSseEvent.of(event).wire(), StandardCharsets.UTF_8);
        if (event.getData() != null) {
            assertEquals(jersey(event), ours, "Charon's bytes differ from Jersey's");
        } else {
            // comments alone (no event): Jersey still ends the frame with a blank line, Charon does not;
            // a blank line without data dispatches nothing, so a page sees the same either way
            assertEquals(jersey(event), ours + "\n", "Charon's comment lines differ from Jersey's");
        }
        return ours;
    }

    /**
     * The event as Jersey's own SSE sink sends it: what its OutboundEventWriter writes (data through Jersey's own
     * text writing), then the "\n" its EventOutput puts after every event (SSE_EVENT_DELIMITER).
     */
    static String jersey(OutboundEvent event) {
        try {
            Constructor<?> constructor = Class.forName("org.glassfish.jersey.media.sse.OutboundEventWriter")
                    .getConstructor(Provider.class);
            constructor.setAccessible(true);
            Provider<MessageBodyWorkers> workers = () -> (MessageBodyWorkers) Proxy.newProxyInstance(
                    EncodedSseEventTest.class.getClassLoader(), new Class<?>[]{MessageBodyWorkers.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("getMessageBodyWriter")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        return new TextWriter();
                    });
            @SuppressWarnings("unchecked")
            MessageBodyWriter<Object> writer = (MessageBodyWriter<Object>) constructor.newInstance(workers);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeTo(event, OutboundEvent.class, OutboundEvent.class, new Annotation[0],
                    MediaType.SERVER_SENT_EVENTS_TYPE, new MultivaluedHashMap<>(), out);
            return out.toString(StandardCharsets.UTF_8) + "\n";
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new AssertionError("Jersey's SSE writer could not be run", e);
        }
    }

    /** Jersey's String writing (its StringMessageProvider is package-private; this calls the same helper). */
    private static final class TextWriter implements MessageBodyWriter<String> {
        @Override
        public boolean isWriteable(Class<?> type, java.lang.reflect.Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == String.class;
        }

        @Override
        public void writeTo(String text, Class<?> type, java.lang.reflect.Type genericType, Annotation[] annotations,
                            MediaType mediaType, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers, java.io.OutputStream out)
                throws java.io.IOException {
            AbstractMessageReaderWriterProvider.writeToAsString(text, out, mediaType);
        }
    }

    @Test
    void namedEventWithIdRetryAndData() {
        assertEquals("event: activeview\nid: 42\nretry: 2000\ndata: {\"view_type\":\"STANDBY\"}\n\n",
                wire(new OutboundEvent.Builder().name("activeview").id("42").reconnectDelay(2000)
                        .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, "{\"view_type\":\"STANDBY\"}")));
    }

    @Test
    void everyLineOfTheDataGetsItsOwnDataField() {
        assertEquals("event: m\ndata: one\ndata: two\ndata: \ndata: three\ndata: \n\n",
                wire(new OutboundEvent.Builder().name("m").data(String.class, "one\ntwo\r\n\rthree\n")));
    }

    @Test
    void lineBreaksCannotEndTheNameOrIdEarly() {
        assertEquals("event: ab\nid: 12\ndata: x\n\n",
                wire(new OutboundEvent.Builder().name("a\r\nb").id("1\n2").data(String.class, "x")));
    }

    @Test
    void commentComesFirstAndACommentAloneIsOnlyComments() {
        assertEquals(": keepalive\nevent: keepalive\ndata: {\"interval_ms\":15000}\n\n",
                wire(new OutboundEvent.Builder().comment("keepalive").name("keepalive")
                        .data(String.class, "{\"interval_ms\":15000}")));
        assertEquals(": a\n: b\n", wire(new OutboundEvent.Builder().comment("a\nb")));
    }

    @Test
    void textIsUtf8() {
        assertEquals("data: Ω 日本\n\n", wire(new OutboundEvent.Builder().data(String.class, "Ω 日本")));
    }

    @Test
    void encodedOnceAndOnlyText() {
        EncodedSseEvent encoded = EncodedSseEvent.of(new OutboundEvent.Builder().data(String.class, "x").build());
        assertSame(encoded, EncodedSseEvent.of(encoded));
        assertThrows(IllegalArgumentException.class,
                () -> EncodedSseEvent.of(new OutboundEvent.Builder().data(Integer.class, 7).build()));
    }

    @Test
    void chunkIsJerseysBytesAsOneHttpChunkBuiltOnce() {
        OutboundEvent event = new OutboundEvent.Builder().name("activeview").id("7").data(String.class, "Ω 日本").build();
        EncodedSseEvent encoded = EncodedSseEvent.of(event);
        // read back as an HTTP/1.1 chunk (RFC 9112 §7.1): hex size, CRLF, that many bytes, CRLF
        byte[] chunk = encoded.chunk();
        int eol = new String(chunk, StandardCharsets.ISO_8859_1).indexOf("\r\n");
        int size = Integer.parseInt(new String(chunk, 0, eol, StandardCharsets.US_ASCII), 16);
        assertEquals(chunk.length, eol + 2 + size + 2, "size line must announce exactly the data");
        assertEquals(jersey(event), new String(chunk, eol + 2, size, StandardCharsets.UTF_8));
        assertEquals("\r\n", new String(chunk, chunk.length - 2, 2, StandardCharsets.US_ASCII));
        assertSame(encoded.chunk(), encoded.chunk());
    }
}
