package charon.messages;

import java.util.Optional;
import java.util.Set;

/**
 * CDI event after the GM's deletion of a message is committed. It reaches exactly who could see the message (the same
 * rule as {@link MessagePosted}: {@code recipientIds} empty means everyone), so the pages showing it can drop it.
 */
public record MessageDeleted(long id, Set<Integer> recipientIds) {

    public MessageDeleted {
        recipientIds = Set.copyOf(recipientIds);
    }

    public boolean visibleTo(Optional<Integer> userId, boolean gm) {
        return Recipients.visibleTo(recipientIds, userId, gm);
    }
}
