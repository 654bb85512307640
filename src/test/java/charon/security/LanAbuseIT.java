package charon.security;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;

import charon.testsupport.CapturedLog;
import charon.testsupport.Deployments;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.LanDevice;
import charon.testsupport.Session;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of issue 15 part 2, each played from "LAN devices" (their own 127.0.0.x addresses) against the
 * real WAR in embedded Tomcat, on a fresh database whose GM account comes from CHARON_GM_PASSWORD.
 * (Slowloris is a connection-level attack: it lives in the benchmark profile, see FanoutBench.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LanAbuseIT {

    private static final int PORT = Integer.parseInt(System.getProperty("charon.it.port", "18080"));
    private static final String NAME = "lan";
    private static final URI API = URI.create("http://127.0.0.1:" + PORT + "/" + NAME + "/api/");
    private static final String GM_PASSWORD = "lan-gm-pass-123";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path DATA = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "lan-" + System.nanoTime());
    /** Each test's devices get addresses of their own, so one test's throttles never touch another's. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(20);
    private static final AtomicInteger NEXT_NAME = new AtomicInteger();

    @Deployment(name = NAME, testable = false)
    static WebArchive deployment() throws Exception {
        Files.createDirectories(DATA);
        System.setProperty("charon.home", DATA.toString());
        System.setProperty("charon.db", DATA.resolve("charon.db").toString());
        System.clearProperty("charon.campaign");
        System.setProperty("charon.keepalive.seconds", "30");
        System.setProperty("charon.gm.password", GM_PASSWORD);
        return Deployments.charon(NAME);
    }

    @AfterAll
    static void forgetTheGmPassword() {
        System.clearProperty("charon.gm.password");
    }

    // ---------------------------------------------------------------- 1. CHARON channels

    @Test
    void displaysAskOnlyOnTheChannelTheGmHasOpenAndCannotFillTheChannelList() throws Exception {
        Session gm = gm();
        gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
        List<String> before = channelNames(gm);

        // the attack of the issue: made-up channel names from the LAN
        for (int i = 0; i < 196; i++) {
            LanDevice.Response spam = device().post(path("charon/spam" + i + "/submit/"), "{\"query\":\"spam\"}");
            assertEquals(403, spam.status(), spam.body());
            assertEquals("CHARON takes queries on the channel the GM has open (story) only", error(spam.body()));
        }
        assertEquals(before, channelNames(gm), "not one channel was made by the LAN");
        HttpResponse<String> answer = gm.post("gm/charon/encounter-new/send/", "{\"content\":\"THE GM STILL ANSWERS\"}");
        assertEquals(200, answer.statusCode(), answer.body());

        // the open channel takes a player's queries, within the device's rate
        LanDevice player = device();
        for (int i = 0; i < DISPLAY_BURST; i++) {
            assertEquals(200, player.post(path("charon/story/submit/"), "{\"query\":\"Status of the reactor? " + i + "\"}").status());
        }
        LanDevice.Response flooded = player.post(path("charon/story/submit/"), "{\"query\":\"and again\"}");
        assertEquals(429, flooded.status(), flooded.body());
        assertTrue(error(flooded.body()).matches("Too many CHARON queries from this device; try again in [12] s"), flooded.body());
        assertTrue(Integer.parseInt(flooded.header("Retry-After")) >= 1);
        assertEquals(200, device().post(path("charon/story/submit/"), "{\"query\":\"another tablet\"}").status(), "other devices ask on");
        assertEquals(403, device().post(path("charon/bridge/submit/"), "{\"query\":\"x\"}").status(), "bridge is not open now");
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        assertEquals(200, device().post(path("charon/bridge/submit/"), "{\"query\":\"x\"}").status(), "the GM's view opens it");
        assertEquals(403, device().post(path("charon/story/submit/"), "{\"query\":\"x\"}").status(), "and closes story");
    }

    private static final int DISPLAY_BURST = 5;

    @Test
    void theGmDeletesAChannelAndTheDisplaysAreTold() throws Exception {
        Session gm = gm();
        String channel = "old-notes-" + NEXT_NAME.incrementAndGet();
        gm.ok("gm/charon/" + channel + "/send/", "{\"content\":\"LOG ENTRY\"}");
        assertTrue(channelNames(gm).contains(channel));
        try (SseClient display = SseClient.open(API.resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            assertEquals(401, Http.post(API.resolve("gm/charon/" + channel + "/delete/"), "{}").statusCode(), "not a display's to delete");
            JsonObject deleted = gm.ok("gm/charon/" + channel + "/delete/", "{}");
            assertEquals(channel, deleted.getString("channel"));
            JsonObject told = JsonText.object(display.next("charon", WAIT).data());
            assertEquals(channel, told.getString("channel"));
            assertTrue(told.getBoolean("cleared"));
        }
        assertFalse(channelNames(gm).contains(channel), "gone from the list");
        assertTrue(JsonText.object(Http.get(API.resolve("charon/" + channel + "/conversation/")).body()).getJsonArray("messages").isEmpty());
        HttpResponse<String> again = gm.post("gm/charon/" + channel + "/delete/", "{}");
        assertEquals(404, again.statusCode());
        assertEquals("No such CHARON channel", error(again.body()));
    }

    // ---------------------------------------------------------------- 2. amplification

    @Test
    void aSubmitPushesOneLineHoweverLongTheConversation() throws Exception {
        Session gm = gm();
        gm.ok("gm/switch-view/", "{\"view_type\":\"CHARON_TERMINAL\"}");
        gm.ok("gm/charon/story/clear/", "{}");
        String longAnswer = "DATA ".repeat(799); // with the number, about the 4,000 characters the GM may send
        for (int i = 0; i < 60; i++) {
            gm.ok("gm/charon/story/send/", "{\"content\":\"" + longAnswer + i + "\"}");
        }
        try (SseClient display = SseClient.open(API.resolve("active-view/stream/"))) {
            display.next("activeview", WAIT);
            String query = "Q".repeat(500); // the longest query a display may send
            assertEquals(200, device().post(path("charon/story/submit/"), "{\"query\":\"" + query + "\"}").status());
            SseClient.Event pushed = display.next("charon", WAIT);
            JsonObject line = JsonText.object(pushed.data());
            assertEquals(query, line.getJsonObject("message").getString("content"));
            assertTrue(pushed.data().length() < 1_000, "one line, not 240 KB of conversation: " + pushed.data().length() + " bytes");
            JsonObject history = JsonText.object(Http.get(API.resolve("charon/story/conversation/")).body());
            List<JsonObject> messages = history.getJsonArray("messages").getValuesAs(JsonObject.class);
            assertEquals(61, messages.size(), "the whole conversation is there for the asking");
            assertEquals(messages.get(59).getString("message_id"), line.getString("previous_id"), "and the line says where it follows");
            LanDevice.Response tooLong = device().post(path("charon/story/submit/"), "{\"query\":\"" + query + "Q\"}");
            assertEquals(400, tooLong.status());
            assertEquals("Text is longer than 500 characters", error(tooLong.body()));
        }
    }

    // ---------------------------------------------------------------- 3. logins under concurrency

    @Test
    void guessesSentAtOnceAreCountedFromTheirStart() throws Exception {
        Session gm = gm();
        String name = newName("target");
        assertEquals(201, gm.post("gm/players/", credentials(name, "target-pass-123")).statusCode());
        LanDevice attacker = device();
        List<LanDevice.Response> burst = all(40, i -> attacker.post(path("auth/login/"), credentials(name, "guess-" + i)));
        long rejected = burst.stream().filter(r -> r.status() == 401).count();
        long refused = burst.stream().filter(r -> r.status() == 429).count();
        assertEquals(40, rejected + refused, "only 401 and 429: " + statuses(burst));
        assertTrue(rejected >= 1 && rejected <= 5, "at most five guesses were checked: " + statuses(burst));
        assertTrue(burst.stream().filter(r -> r.status() == 429).allMatch(r -> r.header("Retry-After") != null));

        long sent = System.nanoTime();
        LanDevice.Response right = device().post(path("auth/login/"), credentials(name, "target-pass-123"));
        long heldMillis = (System.nanoTime() - sent) / 1_000_000;
        assertEquals(429, right.status(), "the right password after the limit: " + right.body());
        assertTrue(heldMillis >= 2_000, "a throttled login (LoginTarpit.DELAY, 2 s)'s refusal is held back: " + heldMillis + " ms");
        assertEquals(200, new LanDevice("127.0.0.1", PORT).post(path("auth/login/"), credentials(name, "target-pass-123")).status(),
                "at the server's own machine the account still logs in");
    }

    @Test
    void checksBeyondTheHashingSlotsAreRefusedAtOnceAndTheGmAtTheLaptopStillLogsIn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<LanDevice.Response>> attack = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                LanDevice scanner = device();
                String guess = credentials(newName("nobody"), "guess-pass-123");
                attack.add(pool.submit(() -> {
                    started.await();
                    return scanner.post(path("auth/login/"), guess);
                }));
            }
            started.countDown();
            HttpResponse<String> gmLogin = new Session(API).login("gm", GM_PASSWORD); // from 127.0.0.1, during the attack
            assertEquals(200, gmLogin.statusCode());
            List<LanDevice.Response> answers = new ArrayList<>();
            for (Future<LanDevice.Response> answer : attack) {
                answers.add(answer.get(120, TimeUnit.SECONDS));
            }
            List<LanDevice.Response> busy = answers.stream().filter(r -> r.status() == 429).toList();
            assertFalse(busy.isEmpty(), "more checks than slots were refused: " + statuses(answers));
            for (LanDevice.Response r : busy) {
                assertEquals("Too many logins at once; try again in 1 s", error(r.body()));
                assertEquals("1", r.header("Retry-After"));
            }
            assertTrue(answers.stream().anyMatch(r -> r.status() == 401), "some were checked: " + statuses(answers));
            assertTrue(answers.stream().allMatch(r -> r.status() == 401 || r.status() == 429), statuses(answers));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- 5. login timing

    @Test
    void aFailedLoginCostsTheSameForKnownAndUnknownUsernames() throws Exception {
        Session gm = gm();
        List<String> legacy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = newName("django");
            assertEquals(201, gm.post("gm/players/", credentials(name, "django-pass-123")).statusCode());
            // as a database taken over from Django 3.2 holds it: 260,000 iterations
            String hash = djangoHash("django-pass-123", 260_000);
            assertEquals("1", HttpClient.newHttpClient().send(HttpRequest.newBuilder(API.resolve("test-security/password-hash/" + name))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(hash)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            legacy.add(name);
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (String name : legacy) { // interleaved, so a busy moment of the machine hits both alike
            known.add(failedLoginNanos(name));
            unknown.add(failedLoginNanos(newName("no-such-user")));
        }
        double ratio = (double) median(unknown) / median(known);
        assertTrue(ratio > 0.6 && ratio < 1.67,
                "unknown/known = " + ratio + " (known " + known + " ns, unknown " + unknown + " ns); it was about 3.8 before");
    }

    /** A hash as Django writes it: {@code pbkdf2_sha256$<iterations>$<salt>$<base64 of 32 bytes>}. */
    private static String djangoHash(String password, int iterations) throws Exception {
        String salt = "lanabuse" + System.nanoTime();
        byte[] key = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new javax.crypto.spec.PBEKeySpec(
                password.toCharArray(), salt.getBytes(java.nio.charset.StandardCharsets.UTF_8), iterations, 256)).getEncoded();
        return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + java.util.Base64.getEncoder().encodeToString(key);
    }

    private long failedLoginNanos(String username) throws Exception {
        LanDevice from = device();
        long start = System.nanoTime();
        LanDevice.Response response = from.post(path("auth/login/"), credentials(username, "wrong-password"));
        long took = System.nanoTime() - start;
        assertEquals(401, response.status(), response.body());
        return took;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    // ---------------------------------------------------------------- 6. hostile JSON

    @Test
    void hostileJsonIsA400WithAOneLineReasonEverywhereAndLogsNoStackTrace() throws Exception {
        Session gm = gm();
        gm.ok("gm/switch-view/", "{\"view_type\":\"BRIDGE\"}");
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Map<String, String> bodies = Map.of(
                deep, "JSON is nested too deeply (limit 32 levels)",
                "{\"condition\":" + deep + "}", "JSON is nested too deeply (limit 32 levels)",
                "{\"condition\":1E+2147483648}", "Number out of range: 1E+2147483648",
                "{\"condition\":1E+2147483647}", "Number out of range: 1E+2147483647",
                "{\"view_type\":\"STANDBY\"} this is not json", "Invalid JSON");
        List<String> anonymous = List.of("auth/login/", "charon/bridge/submit/", "terminal/hide/", "gm/charon/toggle-dialog/");
        List<String> gmOnly = List.of("gm/switch-view/", "gm/ship-status/toggle/", "gm/players/", "gm/broadcast/", "gm/charon/bridge/send/");
        long version = version();
        int requests = 0;
        try (CapturedLog log = CapturedLog.of("")) {
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                for (String endpoint : anonymous) {
                    LanDevice.Response response = device().post(path(endpoint), body.getKey());
                    assertRefused(body.getValue(), endpoint, response.status(), response.body());
                    requests++;
                }
                for (String endpoint : gmOnly) {
                    HttpResponse<String> response = gm.post(endpoint, body.getKey());
                    assertRefused(body.getValue(), endpoint, response.statusCode(), response.body());
                    requests++;
                }
            }
            List<LogRecord> records = log.records();
            assertTrue(records.size() <= requests, records.size() + " log records for " + requests + " refusals");
            assertTrue(records.stream().noneMatch(r -> r.getThrown() != null), "no stack trace: " + records.stream().map(LogRecord::getMessage).toList());
        }
        assertEquals(version, version(), "nothing changed");
        assertEquals("BRIDGE", JsonText.object(Http.get(API.resolve("active-view/")).body()).getString("view_type"),
                "switch-view did not take the STANDBY before the trailing text");
    }

    private static void assertRefused(String reason, String endpoint, int status, String body) {
        assertEquals(400, status, endpoint + " -> " + body);
        assertEquals(reason, error(body), endpoint);
        assertFalse(body.contains("\n") || body.contains("Exception") || body.contains("\tat "), body);
    }

    // ---------------------------------------------------------------- 7. WADL and OPTIONS

    @Test
    void theApiDoesNotDescribeItself() throws Exception {
        HttpResponse<String> wadl = Http.get(API.resolve("application.wadl"));
        assertEquals(404, wadl.statusCode());
        assertEquals("Not found", error(wadl.body()));
        assertEquals(404, Http.get(API.resolve("application.wadl?detail=true")).statusCode());
        for (String endpoint : List.of("active-view/", "gm/players/", "auth/login/", "charon/story/submit/", "")) {
            HttpResponse<String> options = HttpClient.newHttpClient().send(HttpRequest.newBuilder(API.resolve(endpoint))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, options.statusCode(), endpoint + " " + options.body());
            assertEquals("Method not allowed", error(options.body()));
            assertFalse(options.body().toLowerCase().contains("wadl") || options.body().toLowerCase().contains("jersey"));
            assertTrue(options.headers().firstValue("Allow").isEmpty(), "no method list: " + options.headers().map());
        }
    }

    // ---------------------------------------------------------------- 8. session ids in URLs

    @Test
    void aSessionIdInTheUrlIsIgnored() throws Exception {
        Session gm = gm();
        String id = gm.cookieHeader().get("Cookie").replaceFirst(".*JSESSIONID=([^;]+).*", "$1");
        HttpResponse<String> inUrl = Http.get(URI.create(API + "auth/me/;jsessionid=" + id));
        assertEquals(401, inUrl.statusCode(), inUrl.body());
        assertFalse(inUrl.body().contains("csrf_token"));
        assertEquals(401, Http.get(URI.create(API + "gm/players/;jsessionid=" + id)).statusCode());
        assertEquals(200, gm.get("auth/me/").statusCode(), "the cookie still works");
        HttpResponse<String> login = Http.post(API.resolve("auth/login/"), credentials("gm", GM_PASSWORD));
        assertTrue(login.headers().firstValue("Set-Cookie").orElse("").startsWith("JSESSIONID="));
        assertFalse(login.body().contains("jsessionid"));
    }

    // ---------------------------------------------------------------- 9. passwords

    @Test
    void aPasswordOfSpacesIsRefusedWithTheRule() throws Exception {
        Session gm = gm();
        String name = newName("blank");
        HttpResponse<String> created = gm.post("gm/players/", credentials(name, "        "));
        assertEquals(400, created.statusCode());
        assertEquals("password must have at least 8 characters that are not spaces", error(created.body()));
        assertFalse(gm.get("gm/players/").body().contains(name), "nothing was created");
        assertEquals(201, gm.post("gm/players/", credentials(name, "real-pass-123")).statusCode());
        HttpResponse<String> reset = gm.post("gm/players/" + name + "/password/", "{\"password\":\" \\t      \"}");
        assertEquals(400, reset.statusCode());
        assertEquals("password must have at least 8 characters that are not spaces", error(reset.body()));
        assertEquals(200, new Session(API).login(name, "real-pass-123").statusCode(), "unchanged");
    }

    // ---------------------------------------------------------------- helpers

    private static Session gm() throws Exception {
        Session gm = new Session(API);
        gm.login("gm", GM_PASSWORD);
        return gm;
    }

    private static LanDevice device() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return new LanDevice("127.0." + (n / 250) + "." + (2 + n % 250), PORT);
    }

    private static String path(String api) {
        return "/" + NAME + "/api/" + api;
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static String newName(String prefix) {
        return prefix + "-" + NEXT_NAME.incrementAndGet();
    }

    private static String error(String body) {
        return JsonText.object(body).getString("error");
    }

    private static List<String> channelNames(Session gm) throws Exception {
        return JsonText.object(gm.get("gm/charon/channels/").body()).getJsonArray("channels").stream()
                .map(c -> c.asJsonObject().getString("channel")).toList();
    }

    private static long version() throws Exception {
        return Long.parseLong(Http.get(API.resolve("active-view/")).headers().firstValue("X-Charon-Version").orElseThrow());
    }

    private static String statuses(List<LanDevice.Response> responses) {
        return responses.stream().map(r -> Integer.toString(r.status())).toList().toString();
    }

    interface Request {
        LanDevice.Response send(int i) throws Exception;
    }

    /** Sends n requests at once (released together) and returns their answers. */
    private static List<LanDevice.Response> all(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<LanDevice.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<LanDevice.Response> call = () -> {
                    go.await();
                    return request.send(index);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<LanDevice.Response> out = new ArrayList<>();
            for (Future<LanDevice.Response> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
