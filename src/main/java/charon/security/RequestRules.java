package charon.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import charon.errors.ErrorResponses;

/**
 * The security rules every request passes, as a pure function of the request's facts (so they are
 * unit-tested without a server). In order:
 * <ol>
 * <li>{@code OPTIONS} under {@code /api} → 405: Jersey would list the methods of any path (no CORS is served);</li>
 * <li>a state-changing request whose {@code Origin} is not this server → 403 (session or not);</li>
 * <li>{@code /api/gm/...} (except {@code POST /api/gm/charon/toggle-dialog/}): no login → 401, player → 403;</li>
 * <li>a state-changing request of a logged-in session without its token in {@code X-CSRF-Token} → 403
 *     (login excepted: it has no session yet);</li>
 * <li>a declared body over 64 KB → 413.</li>
 * </ol>
 */
public final class RequestRules {

    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    static final String GM_PREFIX = "/api/gm/";
    static final Set<String> OPEN_GM_WRITES = Set.of("/api/gm/charon/toggle-dialog/");
    static final Set<String> CSRF_EXEMPT = Set.of("/api/auth/login/");

    /** What the rules look at. {@code path} is the decoded path inside the application, e.g. {@code /api/gm/players/}. */
    public record Facts(String method, String path, String origin, String scheme, String host, int port,
                        Optional<SignedIn> signedIn, String csrfHeader, long contentLength) {
    }

    public record Refusal(int status, String error) {
    }

    private RequestRules() {
    }

    public static Optional<Refusal> check(Facts request) {
        if ("OPTIONS".equalsIgnoreCase(request.method()) && isApi(request.path())) {
            return refuse(405, ErrorResponses.defaultText(405));
        }
        boolean changesState = !SAFE_METHODS.contains(request.method().toUpperCase(Locale.ROOT));
        if (changesState && request.origin() != null
                && !sameOrigin(request.origin(), request.scheme(), request.host(), request.port())) {
            return refuse(403, "Cross-origin request refused");
        }
        if (gmOnly(request.method(), request.path())) {
            if (request.signedIn().isEmpty()) {
                return refuse(401, "Authentication required");
            }
            if (!request.signedIn().get().gm()) {
                return refuse(403, "GM only");
            }
        }
        if (changesState && request.signedIn().isPresent() && !CSRF_EXEMPT.contains(request.path())
                && !CsrfTokens.matches(request.signedIn().get().csrfToken(), request.csrfHeader())) {
            return refuse(403, "CSRF token missing or invalid");
        }
        if (request.contentLength() > charon.json.BodyLimit.MAX_BYTES) {
            return refuse(413, charon.json.BodyLimit.REFUSAL);
        }
        return Optional.empty();
    }

    private static boolean isApi(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.equals("/api") || lower.startsWith("/api/");
    }

    /** Case-insensitive, so {@code /api/GM/...} cannot slip past even where a route would match it. */
    static boolean gmOnly(String method, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(GM_PREFIX) && !lower.equals("/api/gm")) {
            return false;
        }
        return !("POST".equalsIgnoreCase(method) && OPEN_GM_WRITES.contains(lower));
    }

    /** {@code scheme://host[:port]} of the Origin header against the request's own; "null" and junk never match. */
    static boolean sameOrigin(String origin, String scheme, String host, int port) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return false;
            }
            return uri.getScheme().equalsIgnoreCase(scheme)
                    && stripBrackets(uri.getHost()).equalsIgnoreCase(stripBrackets(host))
                    && effectivePort(uri.getScheme(), uri.getPort()) == effectivePort(scheme, port);
        } catch (Exception e) {
            return false;
        }
    }

    private static int effectivePort(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<Refusal> refuse(int status, String error) {
        return Optional.of(new Refusal(status, error));
    }
}
