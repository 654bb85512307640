package charon.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import charon.accounts.User;
import charon.persistence.Database;

/** The GM's view of every message sent (issue 17): listed newest first, searched, deleted. */
@ApplicationScoped
public class MessageArchive {

    static final int LIMIT = 200;
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A message as the GM's list shows it: who it went to ({@code []} = everyone). */
    public record Entry(long id, String sender, String content, String priority, String createdAt, List<String> recipients) {
    }

    @Inject
    Database database;
    @Inject
    Event<MessageDeleted> deleted;

    /** The newest messages whose sender or text contains {@code query} (any case); all when blank. */
    public List<Entry> search(String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        // LIKE with '!' escaping the wildcards, so a search for "50%" finds "50%" only
        String like = "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        String where = needle.isEmpty() ? "" : "where lower(m.content) like :like escape '!' or lower(m.sender) like :like escape '!' ";
        return database.read(em -> {
            var select = em.createQuery("select m from Message m " + where + "order by m.createdAt desc, m.id desc", Message.class);
            if (!needle.isEmpty()) {
                select.setParameter("like", like);
            }
            return select
                .setMaxResults(LIMIT)
                .getResultList()
                .stream()
                .map(m -> new Entry(m.getId(), m.getSender(), m.getContent(), m.getPriority(), CREATED_AT.format(m.getCreatedAt()),
                        m.getRecipients().stream().map(User::getUsername).sorted().toList()))
                .toList();
        });
    }

    /** False when there is no such message. Once committed, the pages that show it are told (a {@link MessageDeleted}). */
    public boolean delete(long id) {
        Optional<MessageDeleted> gone = database.inTransaction((EntityManager em) -> {
            Message message = em.find(Message.class, id);
            if (message == null) {
                return Optional.<MessageDeleted>empty();
            }
            var recipients = message.getRecipients().stream().map(User::getId).collect(Collectors.toSet());
            em.remove(message); // its recipient rows go with it (the join table is the association's)
            return Optional.of(new MessageDeleted(id, recipients));
        });
        gone.ifPresent(deleted::fire);
        return gone.isPresent();
    }
}
