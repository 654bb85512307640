package charon.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;

/** The wire bytes written to every display: the text/event-stream lines Jersey's own writer produces. */
class EncodedSseEventTest {

    private static String wire(OutboundEvent.Builder builder) {
        return new String(EncodedSseEvent.of(builder.build()).wire(), StandardCharsets.UTF_8);
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
    void chunkIsTheWireBytesAsOneHttpChunkBuiltOnce() {
        EncodedSseEvent encoded = EncodedSseEvent.of(new OutboundEvent.Builder().name("activeview").data(String.class, "Ω").build());
        String wire = new String(encoded.wire(), StandardCharsets.UTF_8);
        assertEquals(Integer.toHexString(encoded.wire().length) + "\r\n" + wire + "\r\n",
                new String(encoded.chunk(), StandardCharsets.UTF_8));
        assertSame(encoded.chunk(), encoded.chunk());
    }
}
