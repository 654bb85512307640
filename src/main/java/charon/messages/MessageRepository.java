package charon.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

import charon.persistence.Database;

/** Reads and writes {@link Message}s. */
@ApplicationScoped
public class MessageRepository {

    static final int PAGE = 50;

    @Inject
    Database database;

    /**
     * The newest messages a viewer may read: broadcasts (no recipients), plus, for a signed-in user,
     * those addressed to them. Only ids above {@code sinceId} when given.
     */
    public List<MessageView> visibleTo(Optional<Integer> userId, Optional<Long> sinceId) {
        return database.read(em -> em.createQuery("""
                        select m from Message m
                        where (m.recipients is empty
                               or (:userId is not null and exists (select r from m.recipients r where r.id = :userId)))
                          and (:since is null or m.id > :since)
                        order by m.createdAt desc, m.id desc""", Message.class)
                .setParameter("userId", userId.orElse(null))
                .setParameter("since", sinceId.orElse(null))
                .setMaxResults(PAGE)
                .getResultList()
                .stream()
                .map(MessageView::of)
                .toList());
    }
}
