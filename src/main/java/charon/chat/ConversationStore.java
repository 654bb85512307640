package charon.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.persistence.Database;

/** The CHARON conversations in SQLite: every change is committed before the displays are told of it. */
@ApplicationScoped
public class ConversationStore {

    /** A stored channel: its messages in order and the last-read marker. */
    public record StoredChannel(List<CharonMessage> messages, String lastReadId) {
    }

    @Inject
    Database database;

    /** Every stored channel, in the order channels were first used. */
    public Map<String, StoredChannel> load() {
        return database.read(em -> {
            Map<String, List<CharonMessage>> lines = new LinkedHashMap<>();
            for (ConversationLine line : em.createQuery("select l from ConversationLine l order by l.id", ConversationLine.class).getResultList()) {
                lines.computeIfAbsent(line.channel(), c -> new ArrayList<>()).add(line.message());
            }
            Map<String, StoredChannel> channels = new LinkedHashMap<>();
            for (ConversationChannel channel : em.createQuery("select c from ConversationChannel c order by c.position", ConversationChannel.class).getResultList()) {
                channels.put(channel.name(), new StoredChannel(lines.getOrDefault(channel.name(), List.of()), channel.lastReadId()));
            }
            return channels;
        });
    }

    /** Adds a line; drops the channel's oldest lines beyond {@code keep}. */
    public void append(String channel, CharonMessage message, int keep) {
        database.inTransaction((EntityManager em) -> {
            channelRow(em, channel);
            em.persist(new ConversationLine(channel, message));
            em.flush();
            List<Long> old = em.createQuery("select l.id from ConversationLine l where l.channel = :c order by l.id desc", Long.class)
                    .setParameter("c", channel).setFirstResult(keep).getResultList();
            if (!old.isEmpty()) {
                em.createQuery("delete from ConversationLine l where l.id in :ids").setParameter("ids", old).executeUpdate();
            }
        });
    }

    public void clear(String channel) {
        database.inTransaction((EntityManager em) -> {
            em.createQuery("delete from ConversationLine l where l.channel = :c").setParameter("c", channel).executeUpdate();
        });
    }

    /** Removes the channel's lines and its row (place in the list, read marker). */
    public void delete(String channel) {
        database.inTransaction((EntityManager em) -> {
            em.createQuery("delete from ConversationLine l where l.channel = :c").setParameter("c", channel).executeUpdate();
            em.createQuery("delete from ConversationChannel c where c.name = :name").setParameter("name", channel).executeUpdate();
        });
    }

    public void markRead(String channel, String messageId) {
        database.inTransaction((EntityManager em) -> channelRow(em, channel).markRead(messageId));
    }

    private static ConversationChannel channelRow(EntityManager em, String channel) {
        ConversationChannel row = em.find(ConversationChannel.class, channel);
        if (row == null) {
            long count = em.createQuery("select count(c) from ConversationChannel c", Long.class).getSingleResult();
            row = new ConversationChannel(channel, (int) count);
            em.persist(row);
        }
        return row;
    }
}
