package charon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * Who is making a request, as a plain value: capture it while the request is running (for example
 * when an SSE stream connects) and keep it for later, when no request scope is active any more.
 */
public record Viewer(Optional<Integer> userId, Optional<String> username, boolean gm) {

    public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), Optional.empty(), false);

    /** The viewer of a request; never creates a session. */
    public static Viewer of(HttpServletRequest request) {
        return of(request.getSession(false));
    }

    public static Viewer of(HttpSession session) {
        return SignedIn.from(session).map(Viewer::of).orElse(ANONYMOUS);
    }

    static Viewer of(SignedIn signedIn) {
        return new Viewer(Optional.of(signedIn.userId()), Optional.of(signedIn.username()), signedIn.gm());
    }

    public boolean isSignedIn() {
        return userId.isPresent();
    }
}
