package charon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import charon.accounts.User;
import charon.accounts.UserRepository;

/**
 * Signs every device of an account out when its password is reset: a session remembers a stamp of the
 * account as it was at login (a digest of the password hash and the active flag, never the hash itself),
 * and a session whose stamp is no longer the account's is treated as signed out. The current stamps are
 * read from the database once and cached; whoever changes an account through Charon calls {@link #changed}
 * (an edit made to the database file by another program is seen after a restart).
 * Stored in the session, so sessions Tomcat keeps across a restart are checked the same way.
 */
@ApplicationScoped
public class CredentialStamps {

    private static final String GONE = "account gone";

    @Inject
    UserRepository users;
    @Inject
    Event<CredentialsChanged> changes;

    private final Map<Integer, String> current = new ConcurrentHashMap<>();

    /** The stamp of an account with this password hash and active flag. */
    public static String of(String passwordHash, boolean active) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((active + ":" + passwordHash).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String of(User user) {
        return of(user.getPassword(), user.isActive());
    }

    /** Whether the session's login still matches its account (same password, still active). */
    boolean isCurrent(SignedIn signedIn) {
        return currentStamp(signedIn.userId()).equals(signedIn.credentialStamp());
    }

    /**
     * Whether a viewer captured earlier is still signed in as it was then (an anonymous viewer always is): a
     * password reset between the capture and now has signed it out.
     */
    public boolean stillSignedIn(Viewer viewer) {
        return viewer.userId().isEmpty()
                || viewer.credentialStamp().map(stamp -> currentStamp(viewer.userId().get()).equals(stamp)).orElse(false);
    }

    private String currentStamp(int userId) {
        return current.computeIfAbsent(userId, id -> users.byId(id).map(CredentialStamps::of).orElse(GONE));
    }

    /**
     * An account's password or active flag changed (already committed): its other sessions are signed out
     * at their next request, and its open display streams are ended now so they reconnect as who they are.
     */
    void changed(int userId, String newStamp) {
        current.put(userId, newStamp);
        changes.fire(new CredentialsChanged(userId));
    }
}
