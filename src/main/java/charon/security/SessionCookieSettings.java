package charon.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;

import java.util.EnumSet;

/**
 * The session cookie is HttpOnly (scripts cannot steal it) and SameSite=Strict (other sites cannot
 * ride it), and it is the only way a session is tracked (no {@code ;jsessionid=} in URLs). Set here through the Servlet 6 API so it holds on any container; Tomcat's
 * {@code META-INF/context.xml} says the same for every cookie.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
        // Cookies only: a session id in a URL (;jsessionid=...) leaks through links, logs and Referer headers.
        event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
    }
}
