package charon.security;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import charon.testsupport.CapturedLog;
import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import charon.testsupport.DjangoDatabase;

/**
 * Logins, roles, sessions, CSRF, Origin, player accounts and JSON errors through real HTTP on
 * embedded Tomcat, on a copy of the original's Django database (users gm, ripley, hicks).
 * The database file is only opened directly once its deployment is gone. Failing logins come from their own loopback addresses (127.0.0.x) so the per-address throttle
 * of one test never blocks another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecurityIT {

    private static final String PORT = System.getProperty("charon.it.port", "18080");
    private static final String ORIGIN = "http://127.0.0.1:" + PORT;
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"),
            "security-" + System.nanoTime());
    private static final Path DB = DATA.resolve("django.sqlite3");
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
    private static final AtomicInteger NEXT_NAME = new AtomicInteger();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "security", testable = false)
    static WebArchive deployment() throws IOException {
        Files.createDirectories(DATA);
        DjangoDatabase.create(DB);
        System.setProperty("charon.home", DATA.resolve("home").toString());
        System.setProperty("charon.db", DB.toString());
        System.clearProperty("charon.gm.password");
        return Deployments.charon("security");
    }

    @Deployment(name = "first-run", managed = false, testable = false)
    static WebArchive firstRun() {
        return Deployments.charon("first-run");
    }

    @Deployment(name = "first-run-again", managed = false, testable = false)
    static WebArchive firstRunAgain() {
        return Deployments.charon("first-run-again");
    }

    // ---------------------------------------------------------------- logins and roles

    @Test
    void theFixtureUsersLogInWithTheirRolesAndGetAnUpgradedHash() throws Exception {
        for (String[] user : new String[][] {{"gm", "gm"}, {"ripley", "player"}, {"hicks", "player"}}) {
            Browser browser = new Browser("security");
            HttpResponse<String> response = browser.login(user[0], user[0] + "-pass-123");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = JsonText.object(response.body());
            assertEquals(user[0], body.getString("username"));
            assertEquals(user[1], body.getString("role"));
            assertTrue(body.getString("csrf_token").length() >= 32);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

            String[] account = account(user[0]);
            assertTrue(account[0].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?"), "last_login set: " + account[0]);
            assertEquals("pbkdf2_sha256$1000000", account[1], "re-hashed like Django 5.2");
            assertEquals(200, new Browser("security").login(user[0], user[0] + "-pass-123").statusCode(), "the new hash verifies");
        }
    }

    @Test
    void wrongPasswordsUnknownUsersAndInactiveAccountsGetTheSame401() throws Exception {
        Browser gm = loggedIn("gm");
        String name = newName("retired");
        assertEquals(201, gm.post("gm/players/", json(name, "retired-pass-123")).statusCode());
        assertEquals("1", Http.post(api("security", "test-security/deactivate/" + name), "").body());

        String from = nextAddress();
        for (String[] attempt : new String[][] {{"gm", "wrong-password"}, {"nobody-" + name, "whatever-123"}, {name, "retired-pass-123"}}) {
            RawResponse response = rawLogin(from, attempt[0], attempt[1]);
            assertEquals(401, response.status(), attempt[0]);
            assertEquals("Invalid username or password", JsonText.object(response.body()).getString("error"));
            assertNull(response.header("Set-Cookie"), "no session for a failed login");
        }
        assertTrue(JsonText.object(gm.get("gm/players/").body()).getJsonArray("players").stream()
                .anyMatch(p -> p.asJsonObject().getString("username").equals(name) && !p.asJsonObject().getBoolean("is_active")));
    }

    @Test
    void repeatedFailuresForOneUsernameAreThrottledEvenWithTheRightPassword() throws Exception {
        Browser gm = loggedIn("gm");
        String name = newName("target");
        assertEquals(201, gm.post("gm/players/", json(name, "target-pass-123")).statusCode());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, rawLogin(nextAddress(), name, "guess-" + i).status(), "failure " + (i + 1));
        }
        RawResponse blocked = rawLogin(nextAddress(), name, "target-pass-123");
        assertEquals(429, blocked.status(), blocked.body());
        String error = JsonText.object(blocked.body()).getString("error");
        assertTrue(error.matches("Too many failed logins; try again in \\d+ s"), error);
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
        assertTrue(error.endsWith(" " + retryAfter + " s"));
        assertEquals(200, loggedInResponse("ripley").statusCode(), "other users are not affected");
        // the LAN cannot lock an account out of the server's own machine (the GM's laptop)
        assertEquals(200, rawLogin("127.0.0.1", name, "target-pass-123").status(), "at the server's own machine");
        assertEquals(429, rawLogin(nextAddress(), name, "target-pass-123").status(), "still blocked for the LAN");
    }

    @Test
    void resettingAPasswordSignsTheAccountOutEverywhereAndEndsItsStreams() throws Exception {
        Browser gm = loggedIn("gm");
        String name = newName("lost-phone");
        assertEquals(201, gm.post("gm/players/", json(name, "first-pass-123")).statusCode());
        Browser phone = new Browser("security");
        assertEquals(200, phone.login(name, "first-pass-123").statusCode());
        Browser tablet = new Browser("security");
        assertEquals(200, tablet.login(name, "first-pass-123").statusCode());
        assertEquals(403, tablet.get("gm/players/").statusCode(), "a signed-in player");
        try (SseClient stream = SseClient.open(api("security", "active-view/stream/"), Map.of("Cookie", "JSESSIONID=" + phone.sessionId()))) {
            stream.next("activeview", Duration.ofSeconds(10));
            assertEquals(200, gm.post("gm/players/" + name + "/password/", "{\"password\":\"second-pass-456\"}").statusCode());
            assertNull(stream.nextOrEnd("no-such-event", Duration.ofSeconds(10)), "the account's open stream was ended");
            assertTrue(stream.endedWithLastChunk(), "ended cleanly, with the last chunk");
        }
        assertEquals(401, phone.get("auth/me/").statusCode(), "signed out on the phone");
        assertEquals(401, tablet.get("auth/me/").statusCode(), "and on the tablet");
        assertEquals(401, tablet.get("gm/players/").statusCode(), "anonymous now (signed in as a player it was 403)");
        assertEquals(200, gm.get("auth/me/").statusCode(), "the GM who reset it stays signed in");
        assertEquals(401, rawLogin(nextAddress(), name, "first-pass-123").status(), "the old password is gone");
        Browser again = new Browser("security");
        assertEquals(200, again.login(name, "second-pass-456").statusCode());
        assertEquals(200, again.get("auth/me/").statusCode(), "a login with the new password lasts");
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledForEveryUsername() throws Exception {
        String address = nextAddress();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, rawLogin(address, newName("scan"), "guess-pass-" + i).status());
        }
        RawResponse blocked = rawLogin(address, "hicks", "hicks-pass-123");
        assertEquals(429, blocked.status());
        assertTrue(blocked.header("Retry-After") != null);
        assertEquals(200, rawLogin(nextAddress(), "hicks", "hicks-pass-123").status(), "another address is not affected");
    }

    @Test
    void missingFieldsAreABadRequestNotAFailedLogin() throws Exception {
        Browser anonymous = new Browser("security");
        HttpResponse<String> response = anonymous.post("auth/login/", "{\"username\":\"gm\"}");
        assertEquals(400, response.statusCode());
        assertEquals("username and password are required", error(response));
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void meAndLogout() throws Exception {
        Browser browser = new Browser("security");
        HttpResponse<String> anonymous = browser.get("auth/me/");
        assertEquals(401, anonymous.statusCode());
        assertEquals("Not logged in", error(anonymous));

        browser.login("ripley", "ripley-pass-123");
        JsonObject me = JsonText.object(browser.get("auth/me/").body());
        assertEquals("ripley", me.getString("username"));
        assertEquals("player", me.getString("role"));
        assertEquals(browser.csrf, me.getString("csrf_token"));

        String token = browser.csrf;
        browser.csrf = null;
        HttpResponse<String> withoutToken = browser.post("auth/logout/", "");
        assertEquals(403, withoutToken.statusCode(), "logging out is a state change too");
        assertEquals(200, browser.get("auth/me/").statusCode(), "still logged in");

        browser.csrf = token;
        HttpResponse<String> logout = browser.post("auth/logout/", "");
        assertEquals(200, logout.statusCode(), logout.body());
        assertTrue(JsonText.object(logout.body()).getBoolean("success"));
        assertEquals(401, browser.get("auth/me/").statusCode());
        assertEquals(200, new Browser("security").post("auth/logout/", "").statusCode(), "logging out without a session is fine");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteStrictAndRenewedAtEveryLogin() throws Exception {
        Browser browser = new Browser("security");
        HttpResponse<String> first = browser.login("ripley", "ripley-pass-123");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        String firstId = sessionId(cookie);

        HttpResponse<String> second = browser.login("gm", "gm-pass-123");
        String secondId = sessionId(second.headers().firstValue("Set-Cookie").orElseThrow());
        assertNotEquals(firstId, secondId, "a new session id at login (no fixation)");
        assertEquals("gm", JsonText.object(browser.get("auth/me/").body()).getString("username"));

        HttpResponse<String> oldSession = plainClient().send(HttpRequest.newBuilder(api("security", "auth/me/"))
                .header("Cookie", "JSESSIONID=" + firstId).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, oldSession.statusCode(), "the old session id is worthless");
    }

    @Test
    void currentUserAndViewerSeeTheSessionInResourcesAndInAnSseRequest() throws Exception {
        Browser anonymous = new Browser("security");
        assertEquals("-|-|not-gm|-|false", anonymous.get("test-security/").body());
        Browser gm = loggedIn("gm");
        assertEquals("gm|1|gm|gm|true", gm.get("test-security/").body());
        assertEquals("ripley|2|not-gm|ripley|false", loggedIn("ripley").get("test-security/").body());

        try (SseClient stream = SseClient.open(api("security", "test-security/stream/"), Map.of("Cookie", "JSESSIONID=" + gm.sessionId()))) {
            assertEquals(200, stream.status());
            assertEquals("gm|1|gm|gm|true", stream.next("whoami", Duration.ofSeconds(10)).data());
        }
        try (SseClient display = SseClient.open(api("security", "active-view/stream/"))) {
            assertEquals(200, display.status(), "the display stream still opens through the filter");
            assertEquals("activeview", display.next(Duration.ofSeconds(10)).name());
        }
    }

    // ---------------------------------------------------------------- authorization, CSRF, Origin

    @Test
    void gmEndpointsAnswer401Anonymous403PlayerAnd200Gm() throws Exception {
        HttpResponse<String> anonymous = new Browser("security").get("gm/locations/");
        assertEquals(401, anonymous.statusCode());
        assertEquals("Authentication required", error(anonymous));
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        HttpResponse<String> player = loggedIn("hicks").get("gm/locations/");
        assertEquals(403, player.statusCode());
        assertEquals("GM only", error(player));

        HttpResponse<String> gm = loggedIn("gm").get("gm/locations/");
        assertEquals(200, gm.statusCode());
        assertTrue(JsonText.object(gm.body()).containsKey("locations"));

        assertEquals(401, new Browser("security").get("gm/no-such-thing/").statusCode(), "unknown GM paths reveal nothing");
        assertEquals(401, new Browser("security").get("gm/players/").statusCode());
        assertEquals(403, loggedIn("ripley").post("gm/players/", json(newName("x"), "password-123")).statusCode());
        assertTrue(new Browser("security").get("active-view/").statusCode() == 200, "public reads stay public");
        assertEquals(200, new Browser("security").get("messages/").statusCode());
    }

    @Test
    void aWriteWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Browser gm = loggedIn("gm");
        String token = gm.csrf;
        String name = newName("csrf");

        gm.csrf = null;
        HttpResponse<String> missing = gm.post("gm/players/", json(name, "password-123"));
        assertEquals(403, missing.statusCode());
        assertEquals("CSRF token missing or invalid", error(missing));
        gm.csrf = "not-the-token";
        assertEquals(403, gm.post("gm/players/", json(name, "password-123")).statusCode());
        gm.csrf = loggedIn("ripley").csrf;
        assertEquals(403, gm.post("gm/players/", json(name, "password-123")).statusCode(), "another session's token");

        gm.csrf = token;
        assertFalse(usernames(gm).contains(name), "nothing was created");
        assertEquals(201, gm.post("gm/players/", json(name, "password-123")).statusCode());
    }

    @Test
    void aForeignOriginIsRefusedForWritesWithOrWithoutSession() throws Exception {
        Browser gm = loggedIn("gm");
        String name = newName("origin");
        HttpResponse<String> foreign = gm.post("gm/players/", json(name, "password-123"), "Origin", "http://evil.example");
        assertEquals(403, foreign.statusCode());
        assertEquals("Cross-origin request refused", error(foreign));
        assertFalse(usernames(gm).contains(name));

        HttpResponse<String> login = new Browser("security").post("auth/login/", json("gm", "gm-pass-123"), "Origin", "http://evil.example");
        assertEquals(403, login.statusCode(), "login is exempt from the token, not from the Origin check");
        assertEquals(403, new Browser("security").post("auth/login/", json("gm", "gm-pass-123"), "Origin", "null").statusCode());

        assertEquals(200, new Browser("security").post("auth/login/", json("gm", "gm-pass-123"), "Origin", ORIGIN).statusCode());
        assertEquals(201, gm.post("gm/players/", json(name, "password-123"), "Origin", ORIGIN).statusCode());
    }

    // ---------------------------------------------------------------- player accounts

    @Test
    void theGmCreatesListsAndResetsPlayersWhoCanThenLogIn() throws Exception {
        Browser gm = loggedIn("gm");
        String name = newName("vasquez");
        HttpResponse<String> created = gm.post("gm/players/", json(name, "smartgun-123"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject entry = JsonText.object(created.body());
        assertEquals(name, entry.getString("username"));
        assertTrue(entry.getBoolean("is_active"));
        assertFalse(entry.getBoolean("is_gm"));

        List<String> names = usernames(gm);
        assertTrue(names.containsAll(List.of("gm", "hicks", "ripley", name)));
        assertEquals(names.stream().sorted().toList(), names, "sorted by username");
        JsonObject gmEntry = JsonText.object(gm.get("gm/players/").body()).getJsonArray("players").stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("username").equals("gm")).findFirst().orElseThrow();
        assertTrue(gmEntry.getBoolean("is_gm"));

        Browser player = new Browser("security");
        JsonObject login = JsonText.object(player.login(name, "smartgun-123").body());
        assertEquals("player", login.getString("role"));

        HttpResponse<String> reset = gm.post("gm/players/" + name + "/password/", "{\"password\":\"new-smartgun-456\"}");
        assertEquals(200, reset.statusCode(), reset.body());
        assertTrue(JsonText.object(reset.body()).getBoolean("success"));
        assertEquals(401, rawLogin(nextAddress(), name, "smartgun-123").status());
        assertEquals(200, new Browser("security").login(name, "new-smartgun-456").statusCode());
        assertEquals("pbkdf2_sha256$1000000", account(name)[1]);
    }

    @Test
    void badPlayerInputIsA400DuplicatesA409UnknownUsersA404() throws Exception {
        Browser gm = loggedIn("gm");
        assertEquals("username is required", error(gm.post("gm/players/", "{\"password\":\"password-123\"}")));
        assertEquals("username must be 1 to 150 letters, digits and @ . + - _", error(gm.post("gm/players/", json("bad name", "password-123"))));
        assertEquals(400, gm.post("gm/players/", json("x".repeat(151), "password-123")).statusCode());
        assertEquals("password is required", error(gm.post("gm/players/", "{\"username\":\"" + newName("p") + "\"}")));
        assertEquals("password must be at least 8 characters", error(gm.post("gm/players/", json(newName("p"), "short"))));

        HttpResponse<String> duplicate = gm.post("gm/players/", json("ripley", "password-123"));
        assertEquals(409, duplicate.statusCode());
        assertEquals("User already exists", error(duplicate));
        assertEquals(409, gm.post("gm/players/", json("RIPLEY", "password-123")).statusCode());

        HttpResponse<String> unknown = gm.post("gm/players/nobody-here/password/", "{\"password\":\"password-123\"}");
        assertEquals(404, unknown.statusCode());
        assertEquals("User not found", error(unknown));
        assertEquals(400, gm.post("gm/players/ripley/password/", "{\"password\":\"short\"}").statusCode());
        assertEquals(200, new Browser("security").login("ripley", "ripley-pass-123").statusCode(), "unchanged");
    }

    // ---------------------------------------------------------------- JSON errors

    @Test
    void badBodiesAndRoutingErrorsAnswerJson() throws Exception {
        Browser anonymous = new Browser("security");
        assertError(400, "Invalid JSON", anonymous.post("auth/login/", "{\"username\": \"gm\", "));
        assertError(400, "Invalid JSON", anonymous.post("auth/login/", ""));
        assertError(400, "Invalid JSON", anonymous.post("auth/login/", "{}{}"));
        assertError(400, "Body must be a JSON object", anonymous.post("auth/login/", "[1]"));
        assertError(400, "Body must be a JSON object", anonymous.post("auth/login/", "\"gm\""));
        assertError(400, "Body has a field of the wrong type", anonymous.post("auth/login/", "{\"username\":{\"a\":1},\"password\":\"x\"}"));

        String huge = "{\"username\":\"gm\",\"password\":\"" + "x".repeat(70_000) + "\"}";
        assertError(413, "Request body too large (limit 64 KB)", anonymous.post("auth/login/", huge));
        HttpResponse<String> chunked = anonymous.client.send(HttpRequest.newBuilder(api("security", "auth/login/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertError(413, "Request body too large (limit 64 KB)", chunked);

        assertError(404, "Not found", anonymous.get("no-such-endpoint/"));
        HttpResponse<String> wrongMethod = anonymous.get("auth/login/");
        assertError(405, "Method not allowed", wrongMethod);
        assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("POST"));
        HttpResponse<String> notJson = anonymous.client.send(HttpRequest.newBuilder(api("security", "auth/login/"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("gm")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(415, "Unsupported media type", notJson);
        for (HttpResponse<String> response : List.of(wrongMethod, notJson)) {
            assertFalse(response.body().contains("Exception") || response.body().contains("/work/") || response.body().contains("at "));
        }
    }

    @Test
    void setupIsNotNeededWhenTheDatabaseHasAGm() throws Exception {
        assertFalse(JsonText.object(new Browser("security").get("auth/setup-needed/").body()).getBoolean("setup_needed"));
    }

    // ---------------------------------------------------------------- display streams per device

    @Test
    void aLanDeviceHoldsAtMost32StreamsAndItsNewestReplacesTheOldest() throws Exception {
        String device = nextAddress();
        List<Socket> streams = new ArrayList<>();
        Browser gm = new Browser("security");
        assertEquals(200, gm.login("gm", "gm-pass-123").statusCode());
        long endedBefore = JsonText.object(gm.get("gm/diagnostics").body()).getJsonNumber("streams_ended_over_device_limit").longValue();
        CapturedLog log = CapturedLog.of("charon.push.DisplayStreams");
        List<java.util.logging.LogRecord> warnings = log.records();
        try {
            for (int i = 0; i < 33; i++) {
                Socket stream = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(PORT), InetAddress.getByName(device), 0);
                streams.add(stream);
                assertEquals(200, streamStatus(stream), "stream " + (i + 1) + " of the device");
            }
            assertTrue(streamEnds(streams.get(0)), "the oldest stream of the device was ended by the 33rd");
            assertEquals(1, JsonText.object(gm.get("gm/diagnostics").body()).getJsonNumber("streams_ended_over_device_limit").longValue() - endedBefore);
            assertEquals(0, endedBefore, "the only test of this deployment that replaces streams");
            assertEquals(1, warnings.size(), "the first replacement is logged for the GM");
            assertEquals(java.util.logging.Level.WARNING, warnings.get(0).getLevel());
            assertTrue(warnings.get(0).getMessage().contains("A device at " + device + " opened more than 32 display streams")
                    && warnings.get(0).getMessage().contains("CHARON_MAX_STREAMS_PER_ADDRESS"), warnings.get(0).getMessage());

            try (Socket otherDevice = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(PORT), InetAddress.getByName(nextAddress()), 0);
                 Socket serverMachine = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(PORT))) {
                assertEquals(200, streamStatus(otherDevice), "another device has its own share");
                assertEquals(200, streamStatus(serverMachine), "the server's own machine is not limited");
            }
            assertEquals(1, JsonText.object(gm.get("gm/diagnostics").body()).getJsonNumber("streams_ended_over_device_limit").longValue() - endedBefore,
                    "no stream of the device, another device or the server's machine ended by them");
        } finally {
            log.close();
            for (Socket stream : streams) {
                stream.close();
            }
        }
    }

    /** Reads a stream until the server ends it (its last chunk, or the connection closed); false at the read timeout. */
    private static boolean streamEnds(Socket stream) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = stream.getInputStream().read(buffer)) != -1) {
                seen.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                if (seen.indexOf("\r\n0\r\n\r\n") >= 0) {
                    return true;
                }
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private static String streamRequest() {
        return "GET /security/api/active-view/stream/ HTTP/1.1\r\nHost: 127.0.0.1:" + PORT + "\r\nAccept: text/event-stream\r\n\r\n";
    }

    /** Sends a stream request and reads the status line; the stream stays open. */
    private static int streamStatus(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(streamRequest().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = socket.getInputStream().read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return Integer.parseInt(line.toString().split(" ")[1]);
    }

    // ---------------------------------------------------------------- first run

    @Test
    void aNewInstallHasNoGmUntilStartedWithCharonGmPassword() throws Exception {
        Path fresh = DATA.resolve("first-run/charon.db");
        String previousDb = System.getProperty("charon.db");
        System.setProperty("charon.db", fresh.toString());
        try {
            System.clearProperty("charon.gm.password");
            deployer.deploy("first-run");
            try {
                assertTrue(JsonText.object(new Browser("first-run").get("auth/setup-needed/").body()).getBoolean("setup_needed"));
                assertEquals(401, new Browser("first-run").login("gm", "gm-pass-123").statusCode(), "no default password");
            } finally {
                deployer.undeploy("first-run");
            }
            assertEquals("0", count(fresh, "select count(*) from auth_user"));

            System.setProperty("charon.gm.password", "first-gm-pass-789");
            deployer.deploy("first-run-again");
            try {
                assertFalse(JsonText.object(new Browser("first-run-again").get("auth/setup-needed/").body()).getBoolean("setup_needed"));
                Browser gm = new Browser("first-run-again");
                HttpResponse<String> login = gm.login("gm", "first-gm-pass-789");
                assertEquals(200, login.statusCode(), login.body());
                assertEquals("gm", JsonText.object(login.body()).getString("role"));
                assertEquals(200, gm.get("gm/players/").statusCode());
            } finally {
                deployer.undeploy("first-run-again");
            }
            // Only now: the test must not open the file while the application has it open (see SecurityTestResource).
            assertEquals("1|1|1", count(fresh, "select is_superuser || '|' || is_staff || '|' || is_active from auth_user where username = 'gm'"));
            assertTrue(count(fresh, "select password from auth_user where username = 'gm'").startsWith("pbkdf2_sha256$1000000$"));
        } finally {
            System.clearProperty("charon.gm.password");
            System.setProperty("charon.db", previousDb);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** One browser: its own cookie jar, and the CSRF token of its last login. */
    static final class Browser {
        final HttpClient client;
        final CookieManager cookies = new CookieManager();
        final String deployment;
        String csrf;

        Browser(String deployment) {
            this.deployment = deployment;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        }

        HttpResponse<String> login(String username, String password) throws Exception {
            HttpResponse<String> response = post("auth/login/", json(username, password));
            if (response.statusCode() == 200) {
                csrf = JsonText.object(response.body()).getString("csrf_token");
            }
            return response;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(api(deployment, path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(api(deployment, path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .findFirst().orElseThrow().getValue();
        }
    }

    private static Browser loggedIn(String user) throws Exception {
        Browser browser = new Browser("security");
        HttpResponse<String> response = browser.login(user, user + "-pass-123");
        assertEquals(200, response.statusCode(), response.body());
        return browser;
    }

    private static HttpResponse<String> loggedInResponse(String user) throws Exception {
        return new Browser("security").login(user, user + "-pass-123");
    }

    private static URI api(String deployment, String path) {
        return URI.create("http://127.0.0.1:" + PORT + "/" + deployment + "/api/" + path);
    }

    private static HttpClient plainClient() {
        return HttpClient.newHttpClient();
    }

    private static String json(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static String newName(String prefix) {
        return prefix + "-" + NEXT_NAME.incrementAndGet() + "-" + (System.nanoTime() % 100_000);
    }

    private static String nextAddress() {
        return "127.0.0." + NEXT_ADDRESS.getAndIncrement();
    }

    private static String error(HttpResponse<String> response) {
        return JsonText.object(response.body()).getString("error");
    }

    private static void assertError(int status, String error, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().map().toString());
        assertEquals(error, error(response));
    }

    private static String sessionId(String setCookie) {
        return setCookie.substring("JSESSIONID=".length(), setCookie.indexOf(';'));
    }

    private static List<String> usernames(Browser gm) throws Exception {
        return JsonText.object(gm.get("gm/players/").body()).getJsonArray("players").stream()
                .map(p -> p.asJsonObject().getString("username")).toList();
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** A login over a raw socket from a chosen loopback address, which java.net.http cannot choose on Java 17. */
    private static RawResponse rawLogin(String localAddress, String username, String password) throws IOException {
        byte[] body = json(username, password).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(PORT), InetAddress.getByName(localAddress), 0)) {
            return rawResponse(socket, "POST /security/api/auth/login/ HTTP/1.1\r\nHost: 127.0.0.1:" + PORT
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Sends a request over a raw socket and reads the whole response (the server ends it: Connection: close or an error). */
    private static RawResponse rawResponse(Socket socket, String request) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        String response = readResponse(socket);
        String[] headAndBody = response.split("\r\n\r\n", 2);
        String[] lines = headAndBody[0].split("\r\n");
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
        }
        String text = headAndBody.length > 1 ? headAndBody[1] : "";
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            text = dechunk(text);
        }
        return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, text);
    }

    /** Reads up to the end of the connection, or of a body whose length is known, whichever comes first. */
    private static String readResponse(Socket socket) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = socket.getInputStream().read(buffer)) != -1) {
            bytes.write(buffer, 0, read);
            String sofar = bytes.toString(StandardCharsets.UTF_8);
            int head = sofar.indexOf("\r\n\r\n");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(sofar);
            if (head >= 0 && length.find() && length.start() < head
                    && bytes.size() >= head + 4 + Integer.parseInt(length.group(1))) {
                break;
            }
            if (head >= 0 && sofar.endsWith("0\r\n\r\n") && sofar.toLowerCase().contains("transfer-encoding: chunked")) {
                break;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            // Bodies here are ASCII JSON, so characters and bytes agree.
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    // ---------------------------------------------------------------- the database, directly

    private static Connection open(Path db) throws Exception {
        return new org.sqlite.JDBC().connect("jdbc:sqlite:" + db, new Properties());
    }

    /** {@code [last_login, algorithm$iterations, is_active]}, read by the application itself. */
    private static String[] account(String username) throws Exception {
        HttpResponse<String> response = Http.get(api("security", "test-security/account/" + username));
        assertEquals(200, response.statusCode());
        return response.body().split("\\|");
    }

    private static String count(Path db, String sql) throws Exception {
        try (Connection c = open(db); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

}
