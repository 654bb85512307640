package charon.gm;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Whether the request comes from the GM's session (set at login by the security package). */
final class GmCheck {
    private GmCheck() {
    }

    static boolean isGm(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && "gm".equals(session.getAttribute("charon.role"));
    }
}
