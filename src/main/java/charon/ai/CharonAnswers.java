package charon.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import charon.chat.CharonChannels;
import charon.chat.CharonMessage;
import charon.chat.ConversationChanged;
import charon.chat.PlayerQuerySubmitted;

import charon.errors.InvalidRequest;

/**
 * The GM stays in charge of what CHARON says: a player's query (or the GM's own prompt) becomes a pending draft;
 * only the GM's approval, or a channel the GM switched to auto-answer, puts it in the conversation, through the
 * conversation's own service like a hand-typed answer.
 */
@ApplicationScoped
public class CharonAnswers {

    static final int MAX_PROMPT = 4000;

    @Inject
    DraftStore drafts;
    @Inject
    DraftGenerator generator;
    @Inject
    CharonChannels channels;

    private final Set<String> autoAnswer = ConcurrentHashMap.newKeySet();

    void queried(@Observes PlayerQuerySubmitted submitted) {
        queue(submitted.pendingId(), submitted.query().messageId(), submitted.channel(), submitted.query().content(), "");
    }

    /**
     * The original's clear deletes the channel's pending answers with its conversation; an answer the GM typed by
     * hand settles the failed drafts it stands in for (their reasons were only there to tell the GM to do so).
     */
    void conversationChanged(@Observes ConversationChanged changed) {
        if (changed.cleared()) {
            drafts.clear(changed.channel());
        } else if ("charon".equals(changed.message().role())) {
            drafts.list(changed.channel()).stream().filter(d -> d.status() == Draft.Status.FAILED)
                    .forEach(d -> {
                        try {
                            drafts.remove(d.channel(), d.pendingId());
                        } catch (charon.errors.NotFound gone) {
                            // removed meanwhile
                        }
                    });
        }
    }

    /** A draft from the GM's own prompt (and optional context for this answer only). */
    public Draft generate(String channel, String prompt, String contextOverride) {
        CharonChannels.requireChannel(channel);
        return queue(UUID.randomUUID().toString(), "", channel, text(prompt, "Prompt required"),
                contextOverride == null ? "" : text(contextOverride, ""));
    }

    private Draft queue(String pendingId, String queryId, String channel, String query, String contextOverride) {
        Draft draft = Draft.generating(pendingId, queryId, channel, query, contextOverride, LocalDateTime.now().toString());
        if (!drafts.hasRoom(channel)) {
            return drafts.add(draft.failed("Too many pending drafts on this channel (" + DraftStore.MAX_PENDING_PER_CHANNEL + "): not drafted"));
        }
        drafts.add(draft);
        generator.start(draft, false, this::ready);
        return draft;
    }

    /** Asks for another draft of the same query, from the model again (it is billed again). */
    public Draft regenerate(String channel, String pendingId) {
        Draft draft = drafts.get(channel, pendingId);
        if (draft.status() == Draft.Status.GENERATING) {
            throw new InvalidRequest("Draft is still being generated");
        }
        Draft restarted = drafts.update(channel, pendingId, Draft::restarted).orElseThrow(() -> new charon.errors.NotFound("Pending response not found"));
        generator.start(restarted, true, this::ready);
        return restarted;
    }

    /** Sends the draft (or the GM's edit of it) to the channel as CHARON, and removes it; one approval at a time, so a double click sends once. */
    public synchronized CharonMessage approve(String channel, String pendingId, String modifiedContent) {
        Draft draft = drafts.get(channel, pendingId);
        String content = modifiedContent != null && !modifiedContent.isBlank() ? modifiedContent : draft.response();
        if ((modifiedContent == null || modifiedContent.isBlank()) && draft.status() != Draft.Status.READY) {
            throw new InvalidRequest(draft.status() == Draft.Status.GENERATING ? "Draft is still being generated"
                    : "Draft failed; send an answer by hand (modified_content)");
        }
        CharonMessage sent = channels.charonReply(channel, content);
        try {
            drafts.remove(channel, pendingId);
        } catch (charon.errors.NotFound settled) {
            // a failed draft answered by hand is settled by the message itself (conversationChanged)
        }
        return sent;
    }

    public void reject(String channel, String pendingId) {
        drafts.remove(channel, pendingId);
    }

    public List<Draft> pending(String channel) {
        return drafts.list(CharonChannels.requireChannel(channel));
    }

    public Draft sent(String channel, String pendingId) {
        return drafts.get(channel, pendingId);
    }

    public boolean autoAnswer(String channel, boolean on) {
        CharonChannels.requireChannel(channel);
        if (on) {
            autoAnswer.add(channel);
        } else {
            autoAnswer.remove(channel);
        }
        return on;
    }

    public Set<String> autoAnswerChannels() {
        return Set.copyOf(autoAnswer);
    }

    private void ready(Draft draft) {
        if (autoAnswer.contains(draft.channel())) {
            try {
                approve(draft.channel(), draft.pendingId(), null);
            } catch (RuntimeException e) {
                // approved, rejected or cleared by the GM meanwhile: nothing to send
            }
        }
    }

    private static String text(String value, String emptyMessage) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() && !emptyMessage.isEmpty()) {
            throw new InvalidRequest(emptyMessage);
        }
        if (trimmed.length() > MAX_PROMPT) {
            throw new InvalidRequest("Text is longer than " + MAX_PROMPT + " characters");
        }
        return trimmed;
    }
}
