package charon.push;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import charon.view.AudiencePayloads;
import charon.view.SerializedPayload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events of one state change per feed: the players' patch is an RFC 7396 merge patch from the version before. */
class PushEventsTest {

    private static final Sse SSE = new Sse() {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new OutboundEvent.Builder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException();
        }
    };

    private final PushEvents events = new PushEvents(SSE);

    private static AudiencePayloads payloads(long version, String players) {
        return new AudiencePayloads(new SerializedPayload(version, players),
                new SerializedPayload(version, "{\"gm\":true,\"v\":" + version + "}"));
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void theNextVersionIsAMergePatchThatTurnsThePreviousIntoIt() {
        String before = "{\"view_type\":\"ENCOUNTER\",\"encounter_tokens\":{\"a\":{\"x\":1,\"y\":2},\"b\":{\"x\":5,\"y\":5}},"
                + "\"encounter_door_status\":{\"d1\":\"OPEN\"},\"location_data\":{\"map\":{\"rooms\":[1,2,3]}}}";
        String after = "{\"view_type\":\"ENCOUNTER\",\"encounter_tokens\":{\"a\":{\"x\":2,\"y\":2}},"
                + "\"encounter_door_status\":{\"d1\":\"OPEN\"},\"location_data\":{\"map\":{\"rooms\":[1,2,3]}}}";

        ChangeEvents change = events.change(payloads(7, before), payloads(8, after), true, true);

        assertTrue(change.patched());
        EncodedSseEvent patch = change.of(Feed.PLAYER_PATCHES);
        assertEquals("activeview-patch", patch.getName());
        assertEquals("8", patch.getId());
        assertEquals(json("{\"encounter_tokens\":{\"a\":{\"x\":2},\"b\":null}}"), json((String) patch.getData()),
                "only what changed, a removed key as null");
        assertEquals(json(after), Json.createMergePatch(json((String) patch.getData())).apply(json(before)));
        assertEquals("activeview", change.of(Feed.PLAYERS).getName());
        assertEquals(after, change.of(Feed.PLAYERS).getData());
        assertEquals("{\"gm\":true,\"v\":8}", change.of(Feed.GM).getData());
    }

    @Test
    void aGapInTheVersionsSendsTheFullStateToPatchStreams() {
        ChangeEvents change = events.change(payloads(7, "{\"a\":1}"), payloads(9, "{\"a\":2}"), true, false);
        assertFalse(change.patched());
        assertSame(change.of(Feed.PLAYERS), change.of(Feed.PLAYER_PATCHES));
        assertEquals("activeview", change.of(Feed.PLAYER_PATCHES).getName());
    }

    /** RFC 7396 cannot set a member to null (null removes it): such a change goes out whole, never as a wrong patch. */
    @Test
    void aChangeThatSetsANullMemberGoesOutWhole() {
        ChangeEvents change = events.change(payloads(7, "{\"location_data\":{\"map\":{\"rooms\":[]}}}"),
                payloads(8, "{\"location_data\":{\"map\":null}}"), true, false);
        assertFalse(change.patched());
        assertEquals("activeview", change.of(Feed.PLAYER_PATCHES).getName());
        ChangeEvents back = events.change(payloads(8, "{\"location_data\":{\"map\":null}}"),
                payloads(9, "{\"location_data\":{\"map\":null},\"x\":1}"), true, false);
        assertTrue(back.patched(), "an unchanged null member does not stop the next patch");
        assertEquals(json("{\"x\":1}"), json((String) back.of(Feed.PLAYER_PATCHES).getData()));
    }

    @Test
    void noPatchIsComputedWhenNoStreamAsksForOne() {
        ChangeEvents change = events.change(payloads(7, "{\"a\":1}"), payloads(8, "{\"a\":2}"), false, false);
        assertFalse(change.patched());
    }

    /** A chain of changes diffs each from the one before (the parsed previous version is kept, not re-read wrong). */
    @Test
    void aChainOfPatchesRebuildsEveryVersion() {
        JsonValue state = json("{\"n\":0,\"list\":[]}");
        AudiencePayloads previous = payloads(1, state.toString());
        for (int i = 2; i < 40; i++) {
            String next = "{\"n\":" + (i % 5) + ",\"list\":[" + i + "]" + (i % 3 == 0 ? ",\"extra\":{\"k\":" + i + "}" : "") + "}";
            AudiencePayloads published = payloads(i, next);
            ChangeEvents change = events.change(previous, published, true, false);
            state = Json.createMergePatch(json((String) change.of(Feed.PLAYER_PATCHES).getData())).apply(state);
            assertEquals(json(next), state, "version " + i);
            previous = published;
        }
    }
}
