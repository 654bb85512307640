package charon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import charon.accounts.User;
import charon.accounts.UserRepository;
import charon.config.CharonConfig;
import charon.persistence.Database;

/**
 * Logins that outlive the server: each login is also kept in SQLite ({@code charon_login}) under the digest of a
 * random token the browser keeps in an HttpOnly, SameSite=Strict cookie. A request that has the cookie but no
 * signed-in session (the server restarted, or Tomcat forgot the session) resumes the login, with the same CSRF
 * token, if it is not idle longer than the configured time and its account's credential stamp is still the one
 * it logged in with (a password change or deactivation ends it). Logout deletes it at once.
 */
@ApplicationScoped
public class LastingLogins {

    static final String COOKIE = "charon_login";
    /** How often a login in use records that it is in use (idle expiry is that coarse): a minute, or a quarter of the idle time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final String TOUCHED = "charon.login.touched";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LastingLogins.class.getName());
    /** Records of use are written here, never on the request: a busy or full database must not hold up a click. */
    private final java.util.concurrent.ExecutorService touches = java.util.concurrent.Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "charon-login-touch");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    Database database;
    @Inject
    UserRepository users;
    @Inject
    CharonConfig config;

    /** At login: keeps it in SQLite and gives the browser its cookie. */
    public void remember(SignedIn signedIn, HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = System.currentTimeMillis();
        if (!store(() -> database.inTransaction(em -> {
            em.createNativeQuery("DELETE FROM charon_login WHERE last_seen < ?1")
                    .setParameter(1, now - config.sessionIdle().toMillis()).executeUpdate();
            em.createNativeQuery("INSERT INTO charon_login (token_hash, user_id, csrf_token, credential_stamp, last_seen) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, digest(token)).setParameter(2, signedIn.userId()).setParameter(3, signedIn.csrfToken())
                    .setParameter(4, signedIn.credentialStamp()).setParameter(5, now).executeUpdate();
        }), "kept")) {
            return; // the login lasts as long as its session only
        }
        setCookie(request, response, token, (int) config.sessionIdle().toSeconds());
        request.getSession().setAttribute(TOUCHED, now);
    }

    /** A request with the cookie but without a signed-in session: the login goes on in a new session, or the cookie goes. */
    public void resume(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> token = cookie(request);
        if (token.isEmpty() || SignedIn.from(request.getSession(false)).isPresent()) {
            return;
        }
        String hash = digest(token.get());
        long now = System.currentTimeMillis();
        List<?> rows = database.read(em -> em.createNativeQuery(
                "SELECT user_id, csrf_token, credential_stamp, last_seen FROM charon_login WHERE token_hash = ?1")
                .setParameter(1, hash).getResultList());
        Optional<SignedIn> resumed = rows.isEmpty() ? Optional.empty() : valid((Object[]) rows.get(0), now);
        if (resumed.isEmpty()) {
            if (!rows.isEmpty()) {
                delete(hash);
            }
            setCookie(request, response, "", 0); // ended: the page learns it at its next request (401)
            return;
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) config.sessionIdle().toSeconds());
        session.setAttribute(SignedIn.SESSION_ATTRIBUTE, resumed.get());
        touch(request, response, now, true);
    }

    private Optional<SignedIn> valid(Object[] row, long now) {
        int userId = ((Number) row[0]).intValue();
        long lastSeen = ((Number) row[3]).longValue();
        if (now - lastSeen > config.sessionIdle().toMillis()) {
            return Optional.empty();
        }
        Optional<User> user = users.byId(userId);
        if (user.isEmpty() || !user.get().isActive() || !CredentialStamps.of(user.get()).equals(row[2])) {
            return Optional.empty();
        }
        return Optional.of(new SignedIn(userId, user.get().getUsername(), user.get().isGm(), (String) row[1], (String) row[2]));
    }

    /** A signed-in request: records now and then that the login is in use (and slides the cookie's expiry). */
    public void touch(HttpServletRequest request, HttpServletResponse response) {
        touch(request, response, System.currentTimeMillis(), false);
    }

    private void touch(HttpServletRequest request, HttpServletResponse response, long now, boolean force) {
        HttpSession session = request.getSession(false);
        Optional<String> token = cookie(request);
        if (session == null || token.isEmpty()) {
            return;
        }
        try {
            Object touched = session.getAttribute(TOUCHED);
            long every = Math.min(TOUCH_EVERY.toMillis(), config.sessionIdle().toMillis() / 4);
            if (!force && touched instanceof Long at && now - at < every) {
                return;
            }
            session.setAttribute(TOUCHED, now);
        } catch (IllegalStateException invalidated) {
            return;
        }
        String hash = digest(token.get());
        touches.execute(() -> store(() -> database.inTransaction(em -> {
            em.createNativeQuery("UPDATE charon_login SET last_seen = ?1 WHERE token_hash = ?2")
                    .setParameter(1, now).setParameter(2, hash).executeUpdate();
        }), "touched"));
        setCookie(request, response, token.get(), (int) config.sessionIdle().toSeconds());
    }

    /** Logout: the login ends here and in SQLite, at once. */
    public void forget(HttpServletRequest request, HttpServletResponse response) {
        cookie(request).ifPresent(token -> delete(digest(token)));
        setCookie(request, response, "", 0);
    }

    private void delete(String hash) {
        store(() -> database.inTransaction(em -> {
            em.createNativeQuery("DELETE FROM charon_login WHERE token_hash = ?1").setParameter(1, hash).executeUpdate();
        }), "ended");
    }

    /** A login row that cannot be written is logged, never an error for the request (the session itself works). */
    private static boolean store(Runnable write, String what) {
        try {
            write.run();
            return true;
        } catch (RuntimeException e) {
            LOG.warning("A login could not be " + what + " in the database: " + e.getMessage());
            return false;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        touches.shutdown();
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            // RFC 2965 clients (Java's CookieManager, after a Max-Age) send the value in quotes
            String value = cookie.getValue() == null ? "" : cookie.getValue().replaceAll("^\"(.*)\"$", "$1");
            if (COOKIE.equals(cookie.getName()) && value.length() >= 40 && value.length() <= 64) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value, int maxAgeSeconds) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath() + "/";
        response.addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
    }

    /** Only a digest is stored: a copy of the database lets nobody log in. */
    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
