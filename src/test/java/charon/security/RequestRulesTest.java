package charon.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import charon.security.RequestRules.Facts;
import charon.security.RequestRules.Refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRulesTest {

    private static final SignedIn GM = new SignedIn(1, "gm", true, "gm-token", "gm-stamp");
    private static final SignedIn PLAYER = new SignedIn(2, "ripley", false, "ripley-token", "ripley-stamp");

    private static Facts request(String method, String path, SignedIn who, String origin, String csrf) {
        return new Facts(method, path, origin, "http", "192.168.1.20", 8080, Optional.ofNullable(who), csrf, -1);
    }

    private static Optional<Refusal> check(String method, String path, SignedIn who, String origin, String csrf) {
        return RequestRules.check(request(method, path, who, origin, csrf));
    }

    private static void refused(int status, String error, Optional<Refusal> actual) {
        assertEquals(Optional.of(new Refusal(status, error)), actual);
    }

    @Test
    void gmPathsNeedAGmSession() {
        refused(401, "Authentication required", check("GET", "/api/gm/locations/", null, null, null));
        refused(403, "GM only", check("GET", "/api/gm/locations/", PLAYER, null, null));
        assertTrue(check("GET", "/api/gm/locations/", GM, null, null).isEmpty());
        refused(401, "Authentication required", check("GET", "/api/gm/no-such-endpoint/", null, null, null));
        refused(401, "Authentication required", check("GET", "/api/GM/locations/", null, null, null));
        refused(401, "Authentication required", check("GET", "/api/gm", null, null, null));
        refused(401, "Authentication required", check("POST", "/api/gm/switch-view/", null, null, null));
        refused(403, "GM only", check("POST", "/api/gm/players/", PLAYER, null, "ripley-token"));
    }

    @Test
    void optionsDescribesNoEndpoint() {
        refused(405, "Method not allowed", check("OPTIONS", "/api/active-view/", null, null, null));
        refused(405, "Method not allowed", check("OPTIONS", "/api/gm/players/", GM, null, null));
        refused(405, "Method not allowed", check("options", "/API", null, null, null));
        assertTrue(check("OPTIONS", "/terminal/", null, null, null).isEmpty(), "pages are Tomcat's, not the API");
    }

    @Test
    void displaysMayToggleTheDialogButNothingElseUnderGm() {
        assertTrue(check("POST", "/api/gm/charon/toggle-dialog/", null, null, null).isEmpty());
        assertTrue(check("POST", "/api/gm/charon/toggle-dialog/", PLAYER, null, "ripley-token").isEmpty());
        refused(401, "Authentication required", check("GET", "/api/gm/charon/toggle-dialog/", null, null, null));
        refused(401, "Authentication required", check("POST", "/api/gm/charon/toggle-dialog/x/", null, null, null));
        refused(401, "Authentication required", check("POST", "/api/gm/encounter/place-token/", null, null, null));
    }

    @Test
    void publicEndpointsAreOpenToAnonymousCallers() {
        for (String path : new String[] {"/api/active-view/", "/api/active-view/stream/", "/api/messages/", "/api/health",
                "/api/star-map/", "/api/auth/me/", "/api/auth/setup-needed/", "/terminal/", "/data/x.png"}) {
            assertTrue(check("GET", path, null, null, null).isEmpty(), path);
        }
        for (String path : new String[] {"/api/terminal/hide/", "/api/charon/story/submit/", "/api/auth/login/"}) {
            assertTrue(check("POST", path, null, null, null).isEmpty(), path);
            assertTrue(check("POST", path, null, "http://192.168.1.20:8080", null).isEmpty(), path);
        }
    }

    @Test
    void writesOfASessionNeedItsCsrfToken() {
        refused(403, "CSRF token missing or invalid", check("POST", "/api/gm/switch-view/", GM, null, null));
        refused(403, "CSRF token missing or invalid", check("POST", "/api/gm/switch-view/", GM, null, "ripley-token"));
        refused(403, "CSRF token missing or invalid", check("POST", "/api/gm/switch-view/", GM, null, ""));
        assertTrue(check("POST", "/api/gm/switch-view/", GM, null, "gm-token").isEmpty());
        for (String method : new String[] {"PUT", "PATCH", "DELETE", "post"}) {
            refused(403, "CSRF token missing or invalid", check(method, "/api/gm/players/", GM, null, null));
        }
        refused(403, "CSRF token missing or invalid", check("POST", "/api/terminal/hide/", PLAYER, null, null));
        refused(403, "CSRF token missing or invalid", check("POST", "/api/auth/logout/", PLAYER, null, null));
        assertTrue(check("POST", "/api/terminal/hide/", PLAYER, null, "ripley-token").isEmpty());
        assertTrue(check("GET", "/api/gm/locations/", GM, null, null).isEmpty(), "reads need no token");
        assertTrue(check("POST", "/api/auth/login/", PLAYER, null, null).isEmpty(), "login is exempt");
    }

    @Test
    void foreignOriginsAreRefusedForEveryWrite() {
        String[] foreign = {"http://evil.example", "http://192.168.1.20:8081", "https://192.168.1.20:8080",
                "http://192.168.1.21:8080", "null", "", "garbage", "http://192.168.1.20:8080/path", "file://"};
        for (String origin : foreign) {
            refused(403, "Cross-origin request refused", check("POST", "/api/terminal/hide/", null, origin, null));
            refused(403, "Cross-origin request refused", check("POST", "/api/auth/login/", null, origin, null));
            refused(403, "Cross-origin request refused", check("POST", "/api/gm/switch-view/", GM, origin, "gm-token"));
        }
        assertTrue(check("POST", "/api/gm/switch-view/", GM, "http://192.168.1.20:8080", "gm-token").isEmpty());
        assertTrue(check("POST", "/api/gm/switch-view/", GM, "HTTP://192.168.1.20:8080", "gm-token").isEmpty());
        assertTrue(check("GET", "/api/active-view/", null, "http://evil.example", null).isEmpty(), "reads are not checked");
    }

    @Test
    void defaultPortsAndIpv6HostsCompareLikeBrowsersWriteThem() {
        assertTrue(RequestRules.sameOrigin("http://charon.local", "http", "charon.local", 80));
        assertTrue(RequestRules.sameOrigin("https://charon.local", "https", "charon.local", 443));
        assertTrue(RequestRules.sameOrigin("http://charon.local:80", "http", "CHARON.local", 80));
        assertFalse(RequestRules.sameOrigin("http://charon.local", "http", "charon.local", 8080));
        assertTrue(RequestRules.sameOrigin("http://[::1]:8080", "http", "[::1]", 8080));
        assertTrue(RequestRules.sameOrigin("http://[::1]:8080", "http", "::1", 8080));
    }

    @Test
    void declaredBodiesOver64KbAreRefused() {
        Facts big = new Facts("POST", "/api/terminal/hide/", null, "http", "h", 80, Optional.empty(), null, 64 * 1024 + 1);
        refused(413, "Request body too large (limit 64 KB)", RequestRules.check(big));
        Facts fits = new Facts("POST", "/api/terminal/hide/", null, "http", "h", 80, Optional.empty(), null, 64 * 1024);
        assertTrue(RequestRules.check(fits).isEmpty());
    }
}
