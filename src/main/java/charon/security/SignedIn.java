package charon.security;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.Optional;

/**
 * What a session remembers about its login, fixed at login time: who, whether GM, the CSRF token every
 * state-changing request of this session must echo in {@code X-CSRF-Token}, and the account's
 * {@link CredentialStamps stamp} then (a reset password makes the session stale).
 */
public record SignedIn(int userId, String username, boolean gm, String csrfToken, String credentialStamp) implements Serializable {

    static final String SESSION_ATTRIBUTE = "charon.signedIn";

    public static Optional<SignedIn> from(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedIn signedIn ? Optional.of(signedIn) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    public String role() {
        return gm ? "gm" : "player";
    }
}
