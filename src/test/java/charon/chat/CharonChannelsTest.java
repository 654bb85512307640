package charon.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;


/** The channel rules and the write-through order: stored first, then shown; nothing shown that was not stored. */
class CharonChannelsTest {

    /** The store as a list in memory, with an optional failure. */
    static final class MemoryStore extends ConversationStore {
        final Map<String, List<CharonMessage>> lines = new LinkedHashMap<>();
        boolean failing;

        @Override
        public Map<String, StoredChannel> load() {
            Map<String, StoredChannel> out = new LinkedHashMap<>();
            lines.forEach((channel, messages) -> out.put(channel, new StoredChannel(List.copyOf(messages), null)));
            return out;
        }

        @Override
        public void append(String channel, CharonMessage message, int keep) {
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            List<CharonMessage> list = lines.computeIfAbsent(channel, c -> new ArrayList<>());
            list.add(message);
            while (list.size() > keep) {
                list.remove(0);
            }
        }

        @Override
        public void clear(String channel) {
            lines.remove(channel);
        }

        @Override
        public void delete(String channel) {
            lines.remove(channel);
        }

        @Override
        public void markRead(String channel, String messageId) {
        }
    }

    /** Records what was announced. */
    static final class Announcements implements Event<ConversationChanged> {
        final List<ConversationChanged> fired = new ArrayList<>();

        @Override
        public void fire(ConversationChanged event) {
            fired.add(event);
        }

        @Override
        public <U extends ConversationChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ConversationChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<ConversationChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends ConversationChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends ConversationChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final Announcements announcements = new Announcements();

    private CharonChannels channels() {
        CharonChannels channels = new CharonChannels();
        channels.store = store;
        channels.changed = announcements;
        return channels;
    }

    @Test
    void storedConversationsAreThereAfterARestart() {
        CharonChannels before = channels();
        before.playerQuery("story", "Where is the captain?");
        before.charonReply("story", "UNKNOWN.");
        CharonChannels after = channels(); // a new server on the same store
        assertEquals(before.conversation("story"), after.conversation("story"));
        assertEquals(List.of("default", "bridge", "story"), after.overview().stream().map(c -> c.channel()).toList());
    }

    @Test
    void aMessageThatCouldNotBeStoredIsNeitherKeptNorShown() {
        CharonChannels channels = channels();
        channels.playerQuery("story", "first");
        store.failing = true;
        assertThrows(IllegalStateException.class, () -> channels.charonReply("story", "lost"));
        assertEquals(1, channels.conversation("story").size());
        assertEquals(1, announcements.fired.size(), "only the stored message was announced");
    }

    @Test
    void channelsAreBoundedButExistingOnesKeepWorking() {
        CharonChannels channels = channels();
        for (int i = 2; i < CharonChannels.MAX_CHANNELS; i++) { // default and bridge exist from the start
            channels.playerQuery("encounter-" + i, "hello");
        }
        charon.errors.InvalidRequest refused = assertThrows(charon.errors.InvalidRequest.class, () -> channels.playerQuery("one-too-many", "hello"));
        assertTrue(refused.getMessage().contains("Too many CHARON channels"), refused.getMessage());
        assertNull(store.lines.get("one-too-many"), "nothing stored for the refused channel");
        channels.charonReply("encounter-2", "still here");
        channels.playerQuery("default", "and here");
        assertEquals(2, channels.conversation("encounter-2").size());
    }

    @Test
    void aChannelKeepsItsLastMessagesOnly() {
        CharonChannels channels = channels();
        for (int i = 0; i < CharonChannels.MAX_MESSAGES + 3; i++) {
            channels.playerQuery("story", "query " + i);
        }
        List<CharonMessage> kept = channels.conversation("story");
        assertEquals(CharonChannels.MAX_MESSAGES, kept.size());
        assertEquals("query 3", kept.get(0).content());
        assertEquals(kept, channels().conversation("story"), "the store keeps the same ones");
    }

    @Test
    void eachChangeAnnouncesOneLineNeverTheConversation() {
        CharonChannels channels = channels();
        for (int i = 0; i < 50; i++) {
            channels.playerQuery("story", "q".repeat(CharonChannels.MAX_QUERY));
        }
        CharonMessage last = channels.charonReply("story", "ANSWER");
        ConversationChanged announced = announcements.fired.get(announcements.fired.size() - 1);
        assertEquals(ConversationChanged.appended("story", last, channels.conversation("story").get(49).messageId()), announced);
        assertTrue(charon.json.Json.write(announced).length() < 400, charon.json.Json.write(announced));
        assertNull(announcements.fired.get(0).previousId(), "the first line follows nothing");
        channels.clear("story");
        assertEquals(ConversationChanged.emptied("story"), announcements.fired.get(announcements.fired.size() - 1));
        charon.errors.InvalidRequest tooLong = assertThrows(charon.errors.InvalidRequest.class, () -> channels.playerQuery("story", "q".repeat(CharonChannels.MAX_QUERY + 1)));
        assertEquals("Text is longer than 500 characters", tooLong.getMessage());
    }

    @Test
    void theGmDeletesAChannelForGoodAndDefaultAndBridgeOnlyEmpty() {
        CharonChannels channels = channels();
        channels.playerQuery("spam7", "spam");
        channels.playerQuery("bridge", "hello");
        assertTrue(charon.json.Json.write(channels.overview().get(1))
                .matches("\\{\"channel\":\"bridge\",\"message_count\":1,\"unread_count\":1,\"last_message\":\\{\"content\":\"hello\".*\\}\\}"),
                charon.json.Json.write(channels.overview().get(1)));
        channels.delete("spam7");
        channels.delete("bridge");
        assertEquals(List.of("default", "bridge"), channels.overview().stream().map(c -> c.channel()).toList());
        assertEquals(List.of("default", "bridge"), channels().overview().stream().map(c -> c.channel()).toList(), "after a restart too");
        assertTrue(channels.conversation("bridge").isEmpty());
        // an empty channel's last_message is written as null, as the contract's overview has it
        assertEquals("{\"channel\":\"bridge\",\"message_count\":0,\"unread_count\":0,\"last_message\":null}",
                charon.json.Json.write(channels.overview().get(1)));
        assertEquals(ConversationChanged.emptied("bridge"), announcements.fired.get(announcements.fired.size() - 1));
        assertThrows(charon.errors.NotFound.class, () -> channels.delete("spam7"));
    }
}
