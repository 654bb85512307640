package charon.push;

import charon.messages.MessageDeleted;
import charon.messages.MessagePosted;
import charon.security.CredentialsChanged;
import charon.security.Viewer;

/** Which viewers' streams an event is for: private messages and the end of an account's streams. */
final class ViewerFilter {

    private ViewerFilter() {
    }

    /** A message reaches its recipients' streams and the GM's, or every stream for a broadcast. */
    static boolean receives(Viewer viewer, MessagePosted posted) {
        return posted.visibleTo(viewer.userId(), viewer.gm());
    }

    /** A deleted message's removal reaches the same streams the message did. */
    static boolean receives(Viewer viewer, MessageDeleted deleted) {
        return deleted.visibleTo(viewer.userId(), viewer.gm());
    }

    /** The streams of the account whose password was reset (they must stop getting its messages). */
    static boolean signedInAs(Viewer viewer, CredentialsChanged changed) {
        return viewer.userId().filter(id -> id == changed.userId()).isPresent();
    }
}
