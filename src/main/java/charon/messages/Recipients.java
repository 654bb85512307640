package charon.messages;

import java.util.Optional;
import java.util.Set;

/** Who may see a message: the GM always; everyone when it names no recipient; otherwise the players it names. */
final class Recipients {

    private Recipients() {
    }

    static boolean visibleTo(Set<Integer> recipientIds, Optional<Integer> userId, boolean gm) {
        return gm || recipientIds.isEmpty() || userId.map(recipientIds::contains).orElse(false);
    }
}
