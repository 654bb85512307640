package charon.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import charon.errors.ErrorBody;

/**
 * Applies {@link RequestRules} to every request before anything else sees it. A servlet filter
 * rather than a JAX-RS filter because sessions are a servlet concept, because it also guards
 * servlets outside Jersey, and because it refuses before routing: an unknown {@code /api/gm/} path
 * answers 401/403 like a known one, revealing nothing. Async-capable, or SSE streams could not start.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityFilter implements Filter {

    @Inject
    CredentialStamps stamps;
    @Inject
    LastingLogins logins;

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        endStaleSession(request);
        keepLogin(request, response);
        Optional<RequestRules.Refusal> refusal = RequestRules.check(facts(request));
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** A session signed in before its account's password was reset is ended: from here on it is anonymous. */
    private void endStaleSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SignedIn.from(session).filter(signedIn -> !stamps.isCurrent(signedIn)).ifPresent(stale -> {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // ended meanwhile either way
            }
        });
    }

    /** A login outlives the server (resumed from SQLite when the session is gone) and stays while in use. */
    private void keepLogin(HttpServletRequest request, HttpServletResponse response) {
        if (SignedIn.from(request.getSession(false)).isPresent()) {
            logins.touch(request, response);
        } else {
            logins.resume(request, response);
        }
    }

    static RequestRules.Facts facts(HttpServletRequest request) {
        // Servlet path + path info: decoded, normalized and without ;parameters, exactly what the router sees.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return new RequestRules.Facts(request.getMethod(), path, request.getHeader("Origin"),
                request.getScheme(), request.getServerName(), request.getServerPort(),
                SignedIn.from(request.getSession(false)), request.getHeader(RequestRules.CSRF_HEADER),
                request.getContentLengthLong());
    }

    private static void refuse(HttpServletResponse response, RequestRules.Refusal refusal) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(new ErrorBody(refusal.error()).toJson());
    }
}
