package charon.security;

import charon.errors.InvalidRequest;
import charon.errors.NotSignedIn;
import charon.errors.TooManyRequests;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

import charon.accounts.User;
import charon.accounts.UserRepository;

/** {@code /api/auth/...}: log in and out, who am I, and whether the first GM account is still missing. */
@RequestScoped
@Path("auth/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(String username, String password) {
    }

    /** Who is signed in, and the CSRF token the pages send back. */
    public record SessionInfo(String username, String role, String csrfToken) {
        static SessionInfo of(SignedIn signedIn) {
            return new SessionInfo(signedIn.username(), signedIn.role(), signedIn.csrfToken());
        }
    }

    public record LoggedOut(boolean success) {
    }

    public record SetupNeeded(boolean setupNeeded) {
    }

    @Inject
    LoginService logins;
    @Inject
    UserRepository users;
    @Inject
    CurrentUser currentUser;
    @Inject
    LastingLogins lastingLogins;
    @Inject
    LoginTarpit tarpit;
    @Inject
    charon.config.CharonConfig config;
    @Context
    HttpServletRequest request;
    @Context
    jakarta.servlet.http.HttpServletResponse response;

    /**
     * Answered at once, except a throttled address or username, whose refusal is held back ({@link LoginTarpit}).
     * A refusal thrown here reaches the mappers like any other (Jersey resumes the request with it).
     */
    @POST
    @Path("login/")
    public void login(Credentials credentials, @Suspended AsyncResponse async) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            throw new InvalidRequest("username and password are required");
        }
        LoginService.Outcome outcome = logins.attempt(credentials.username(), credentials.password(), request.getRemoteAddr());
        if (outcome instanceof LoginService.Outcome.Throttled throttled) {
            long seconds = Math.max(1, ceilSeconds(throttled.retryAfter()));
            tarpit.refuseLater(async, new TooManyRequests("Too many failed logins; try again in " + seconds + " s", Duration.ofSeconds(seconds)));
            return;
        }
        async.resume(signIn(outcome));
    }

    private SessionInfo signIn(LoginService.Outcome outcome) {
        if (outcome instanceof LoginService.Outcome.Busy) {
            throw new TooManyRequests("Too many logins at once; try again in 1 s", Duration.ofSeconds(1));
        }
        if (!(outcome instanceof LoginService.Outcome.Accepted accepted)) {
            throw new NotSignedIn("Invalid username or password");
        }
        User user = accepted.user();
        SignedIn signedIn = new SignedIn(user.getId(), user.getUsername(), user.isGm(), CsrfTokens.newToken(), accepted.credentialStamp());
        freshSession().setAttribute(SignedIn.SESSION_ATTRIBUTE, signedIn);
        lastingLogins.remember(signedIn, request, response);
        currentUser.refresh();
        return SessionInfo.of(signedIn);
    }

    @POST
    @Path("logout/")
    public LoggedOut logout() {
        lastingLogins.forget(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // logged out either way
            }
        }
        currentUser.refresh();
        return new LoggedOut(true);
    }

    @GET
    @Path("me/")
    public SessionInfo me() {
        return SignedIn.from(request.getSession(false)).map(SessionInfo::of)
                .orElseThrow(() -> new NotSignedIn("Not logged in"));
    }

    @GET
    @Path("setup-needed/")
    public SetupNeeded setupNeeded() {
        return new SetupNeeded(!users.anyActiveGm());
    }

    /** A new session id at every login, so an id planted before login (fixation) is worthless after it. */
    private HttpSession freshSession() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        session = request.getSession(true);
        // a game night is long: by default twelve idle hours (Django kept sessions for two weeks)
        session.setMaxInactiveInterval((int) config.sessionIdle().toSeconds());
        return session;
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
