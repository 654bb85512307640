package charon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * Who is making a request, as a plain value: capture it while the request is running (for example
 * when an SSE stream connects) and keep it for later, when no request scope is active any more.
 * The credential stamp of the login lets {@link CredentialStamps#stillSignedIn} tell later whether a password
 * reset has signed it out since.
 */
public record Viewer(Optional<Integer> userId, Optional<String> username, boolean gm, Optional<String> credentialStamp) {

    public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), Optional.empty(), false, Optional.empty());

    /** The viewer of a request; never creates a session. */
    public static Viewer of(HttpServletRequest request) {
        return of(request.getSession(false));
    }

    public static Viewer of(HttpSession session) {
        return SignedIn.from(session).map(Viewer::of).orElse(ANONYMOUS);
    }

    static Viewer of(SignedIn signedIn) {
        return new Viewer(Optional.of(signedIn.userId()), Optional.of(signedIn.username()), signedIn.gm(),
                Optional.ofNullable(signedIn.credentialStamp()));
    }

    public boolean isSignedIn() {
        return userId.isPresent();
    }
}
