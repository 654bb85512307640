package charon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import charon.accounts.User;
import charon.accounts.UserRepository;
import charon.errors.ErrorResponses;

/** {@code /api/auth/...}: log in and out, who am I, and whether the first GM account is still missing. */
@RequestScoped
@Path("auth/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(String username, String password) {
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
    charon.config.CharonConfig config;
    @Context
    HttpServletRequest request;
    @Context
    jakarta.servlet.http.HttpServletResponse response;

    @POST
    @Path("login/")
    public Response login(Credentials credentials) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            return ErrorResponses.of(400, "username and password are required");
        }
        LoginService.Outcome outcome = logins.attempt(credentials.username(), credentials.password(), request.getRemoteAddr());
        if (outcome instanceof LoginService.Outcome.Throttled throttled) {
            long seconds = Math.max(1, ceilSeconds(throttled.retryAfter()));
            return Response.fromResponse(ErrorResponses.of(429, "Too many failed logins; try again in " + seconds + " s"))
                    .header("Retry-After", seconds)
                    .build();
        }
        if (outcome instanceof LoginService.Outcome.Busy) {
            return Response.fromResponse(ErrorResponses.of(429, "Too many logins at once; try again in 1 s"))
                    .header("Retry-After", 1)
                    .build();
        }
        if (!(outcome instanceof LoginService.Outcome.Accepted accepted)) {
            return ErrorResponses.of(401, "Invalid username or password");
        }
        User user = accepted.user();
        SignedIn signedIn = new SignedIn(user.getId(), user.getUsername(), user.isGm(), CsrfTokens.newToken(), accepted.credentialStamp());
        freshSession().setAttribute(SignedIn.SESSION_ATTRIBUTE, signedIn);
        lastingLogins.remember(signedIn, request, response);
        currentUser.refresh();
        return Response.ok(sessionInfo(signedIn)).build();
    }

    @POST
    @Path("logout/")
    public Map<String, Object> logout() {
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
        return Map.of("success", true);
    }

    @GET
    @Path("me/")
    public Response me() {
        return SignedIn.from(request.getSession(false))
                .map(signedIn -> Response.ok(sessionInfo(signedIn)).build())
                .orElseGet(() -> ErrorResponses.of(401, "Not logged in"));
    }

    @GET
    @Path("setup-needed/")
    public Map<String, Object> setupNeeded() {
        return Map.of("setup_needed", !users.anyActiveGm());
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

    private static Map<String, Object> sessionInfo(SignedIn signedIn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", signedIn.username());
        body.put("role", signedIn.role());
        body.put("csrf_token", signedIn.csrfToken());
        return body;
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
