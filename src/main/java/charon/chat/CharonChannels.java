package charon.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;


import charon.errors.InvalidRequest;

/**
 * The CHARON conversations, one per channel (story, bridge, encounter-&lt;slug&gt;, default). Every change
 * is committed to SQLite ({@link ConversationStore}), then made in memory and announced, in that order and
 * one at a time, so displays and the console see it at once instead of polling as the original did, and a
 * restart (or a crash) loses nothing that a display was shown.
 */
@ApplicationScoped
public class CharonChannels {

    static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_-]{1,120}");
    static final int MAX_TEXT = 4000;
    /** A player's query: what a display can make the server push to every display is one line this long. */
    static final int MAX_QUERY = 500;
    static final int MAX_MESSAGES = 500;
    /** Any name is a channel (the original's rule); a bound keeps a script from filling memory and disk. */
    static final int MAX_CHANNELS = 200;

    @Inject
    Event<ConversationChanged> changed;
    @Inject
    ConversationStore store;

    private static final List<String> ALWAYS_THERE = List.of("default", "bridge");

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private boolean loaded;

    private static final class Channel {
        final List<CharonMessage> messages = new ArrayList<>();
        String lastReadId;
    }

    public CharonChannels() {
        ALWAYS_THERE.forEach(name -> channels.put(name, new Channel()));
    }

    public static String requireChannel(String name) {
        if (name == null || !CHANNEL.matcher(name).matches()) {
            throw new InvalidRequest("Invalid channel name");
        }
        return name;
    }

    public CharonMessage playerQuery(String channel, String query) {
        return add(channel, "user", text(query, "Query required", MAX_QUERY));
    }

    public CharonMessage charonReply(String channel, String content) {
        return add(channel, "charon", text(content, "Content required", MAX_TEXT));
    }

    private static String text(String value, String emptyMessage, int maxLength) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidRequest(emptyMessage);
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidRequest("Text is longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    private CharonMessage add(String channel, String role, String content) {
        requireChannel(channel);
        CharonMessage message = new CharonMessage(UUID.randomUUID().toString(), role, content,
                LocalDateTime.now().toString(), false);
        synchronized (channels) {
            if (!loaded().containsKey(channel) && channels.size() >= MAX_CHANNELS) {
                throw new InvalidRequest("Too many CHARON channels (limit " + MAX_CHANNELS + ")");
            }
            store.append(channel, message, MAX_MESSAGES);
            Channel conversation = channels.computeIfAbsent(channel, c -> new Channel());
            String previousId = conversation.messages.isEmpty() ? null
                    : conversation.messages.get(conversation.messages.size() - 1).messageId();
            conversation.messages.add(message);
            if (conversation.messages.size() > MAX_MESSAGES) {
                conversation.messages.remove(0);
            }
            // announced inside the lock, so two quick messages reach the displays in the order they were stored
            changed.fire(ConversationChanged.appended(channel, message, previousId));
        }
        return message;
    }

    /** The channels, read from the database at first use (the default and bridge channels always exist). */
    private Map<String, Channel> loaded() {
        if (!loaded) {
            store.load().forEach((name, stored) -> {
                Channel channel = channels.computeIfAbsent(name, n -> new Channel());
                channel.messages.addAll(stored.messages());
                channel.lastReadId = stored.lastReadId();
            });
            loaded = true;
        }
        return channels;
    }

    public List<CharonMessage> conversation(String channel) {
        requireChannel(channel);
        synchronized (channels) {
            Channel conversation = loaded().get(channel);
            return conversation == null ? List.of() : List.copyOf(conversation.messages);
        }
    }

    /** Empties the conversation; the channel stays registered and its last-read marker is kept. */
    public void clear(String channel) {
        requireChannel(channel);
        synchronized (channels) {
            Channel conversation = loaded().get(channel);
            if (conversation != null) {
                store.clear(channel);
                conversation.messages.clear();
            }
            changed.fire(ConversationChanged.emptied(channel));
        }
    }

    /**
     * Forgets a channel: its lines, its place in the list and its read marker (the GM's way to be rid of
     * channels nobody uses any more). The default and bridge channels are only emptied: they always exist.
     */
    public void delete(String channel) {
        requireChannel(channel);
        synchronized (channels) {
            if (!loaded().containsKey(channel)) {
                throw new charon.errors.NotFound("No such CHARON channel");
            }
            store.delete(channel);
            channels.remove(channel);
            if (ALWAYS_THERE.contains(channel)) {
                channels.put(channel, new Channel());
            }
            changed.fire(ConversationChanged.emptied(channel));
        }
    }

    public void markRead(String channel) {
        requireChannel(channel);
        synchronized (channels) {
            Channel conversation = loaded().get(channel);
            if (conversation != null && !conversation.messages.isEmpty()) {
                String last = conversation.messages.get(conversation.messages.size() - 1).messageId();
                store.markRead(channel, last);
                conversation.lastReadId = last;
            }
        }
    }

    /** For the GM console: every channel with its counts (api-contract §9.1 unread rules). */
    public List<ChannelSummary> overview() {
        List<ChannelSummary> out = new ArrayList<>();
        synchronized (channels) {
            loaded().forEach((name, conversation) -> out.add(new ChannelSummary(name,
                    conversation.messages.size(), unread(conversation), conversation.messages.isEmpty() ? null
                    : conversation.messages.get(conversation.messages.size() - 1))));
        }
        return out;
    }

    private static int unread(Channel conversation) {
        List<CharonMessage> messages = conversation.messages;
        if (conversation.lastReadId != null) {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).messageId().equals(conversation.lastReadId)) {
                    return messages.size() - 1 - i;
                }
            }
            return 0;
        }
        int unanswered = 0;
        for (int i = 0; i < messages.size(); i++) {
            boolean answered = i + 1 < messages.size() && "charon".equals(messages.get(i + 1).role());
            if ("user".equals(messages.get(i).role()) && !answered) {
                unanswered++;
            }
        }
        return unanswered;
    }
}
