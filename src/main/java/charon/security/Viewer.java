package charon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/** Who is behind a request: anonymous (a display), a player or the GM. Placeholder until the security package lands. */
public record Viewer(Optional<Integer> userId, Optional<String> username, boolean gm) {

    public static Viewer of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return new Viewer(Optional.empty(), Optional.empty(), false);
        }
        return new Viewer(Optional.ofNullable((Integer) session.getAttribute("charon.userId")),
                Optional.ofNullable((String) session.getAttribute("charon.username")),
                "gm".equals(session.getAttribute("charon.role")));
    }
}
