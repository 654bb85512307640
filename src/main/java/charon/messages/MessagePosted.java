package charon.messages;

import java.util.Set;

/**
 * CDI event after a message is committed. {@code recipientIds} empty means everyone; otherwise only
 * those users (and the GM) may receive it.
 */
public record MessagePosted(MessageView message, Set<Integer> recipientIds) {

    public boolean visibleTo(java.util.Optional<Integer> userId, boolean gm) {
        return Recipients.visibleTo(recipientIds, userId, gm);
    }
}
