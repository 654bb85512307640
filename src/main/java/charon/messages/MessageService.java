package charon.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import charon.accounts.User;
import charon.persistence.Database;

import charon.errors.InvalidRequest;
import charon.errors.NotFound;

/** Writes the GM's messages to players; each one is committed before it is announced. */
@ApplicationScoped
public class MessageService {

    static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "CRITICAL");

    @Inject
    Database database;
    @Inject
    Event<MessagePosted> posted;

    public MessageView broadcast(String sender, String content, String priority, String gmUsername, List<String> recipientNames) {
        String text = content.trim();
        if (text.isEmpty()) {
            throw new InvalidRequest("Message content is required");
        }
        if (text.length() > 10_000) {
            throw new InvalidRequest("Message content is longer than 10000 characters");
        }
        String from = sender.trim().isEmpty() ? "CHARON" : sender.trim();
        if (from.length() > 100) {
            throw new InvalidRequest("sender is longer than 100 characters");
        }
        if (!PRIORITIES.contains(priority)) {
            throw new InvalidRequest("Invalid priority. Must be one of: LOW, NORMAL, HIGH, CRITICAL");
        }
        Stored stored = database.inTransaction(em -> {
            User author = user(em, gmUsername).orElseThrow(() -> new NotFound("Unknown author: " + gmUsername));
            Set<User> recipients = new LinkedHashSet<>();
            for (String name : new LinkedHashSet<>(recipientNames)) {
                recipients.add(user(em, name).orElseThrow(() -> new NotFound("Unknown recipient: " + name)));
            }
            // Django stores naive UTC; whole seconds keep the wire format exact.
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            Message message = new Message(from, text, priority, author, now, recipients);
            em.persist(message);
            em.flush();
            return new Stored(MessageView.of(message), recipients.stream().map(User::getId).collect(Collectors.toSet()));
        });
        posted.fire(new MessagePosted(stored.view(), stored.recipientIds()));
        return stored.view();
    }

    /** Looked up in the caller's transaction, so author and recipients belong to the message's persistence context. */
    private static java.util.Optional<User> user(jakarta.persistence.EntityManager em, String username) {
        return em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", username).getResultStream().findFirst();
    }

    private record Stored(MessageView view, Set<Integer> recipientIds) {
    }
}
