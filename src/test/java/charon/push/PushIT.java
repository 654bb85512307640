package charon.push;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import charon.testsupport.Deployments;
import charon.testsupport.Eventually;
import charon.testsupport.Http;
import charon.testsupport.JsonText;
import charon.testsupport.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The push core through real HTTP on embedded Tomcat: read endpoint, stream wire format, fan-out, cleanup. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PushIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path home = Path.of(System.getProperty("charon.test.dir", "target/test-data"), "push-" + System.nanoTime());
        System.setProperty("charon.home", home.toString());
        System.clearProperty("charon.db");
        System.setProperty("charon.keepalive.seconds", "1");
        return Deployments.charon("push");
    }

    private URI api(String path) {
        return URI.create(base.toString()).resolve("api/" + path);
    }

    private int connected() {
        try {
            return Integer.parseInt(Http.get(api("test-control/connected")).body().trim());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long toggleRoom(String room) throws Exception {
        HttpResponse<String> response = Http.post(api("test-control/toggle-room/" + room), "");
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().trim());
    }

    @Test
    void readEndpointServesTheSixteenFieldsWithStandbyDefaults() throws Exception {
        HttpResponse<String> response = Http.get(api("active-view/"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject payload = JsonText.object(response.body());
        assertEquals(Set.of("view_type", "location_slug", "view_slug", "overlay_location_slug", "overlay_terminal_slug",
                        "charon_mode", "charon_location_path", "charon_dialog_open", "charon_active_channel",
                        "encounter_level", "encounter_deck_id", "encounter_room_visibility", "encounter_door_status",
                        "encounter_tokens", "encounter_active_portraits", "ship_system_overrides", "encounter_npc_data",
                        "bridge", "sound"), // the GM's choice for BRIDGE (issue 17.4) and the table's sound (issue 20)
                payload.keySet());
        JsonObject sound = payload.getJsonObject("sound"); // issue 20: no alert yet, STANDBY's ambience, the default level
        assertTrue(sound.isNull("alert"));
        assertEquals("near-silence", sound.getString("ambience"));
        assertEquals(60, sound.getInt("level"));
        assertEquals("STANDBY", payload.getString("view_type"));
        assertEquals("", payload.getString("location_slug"));
        assertEquals("DISPLAY", payload.getString("charon_mode"));
        assertEquals("story", payload.getString("charon_active_channel"));
        assertFalse(payload.getBoolean("charon_dialog_open"));
        assertEquals(1, payload.getInt("encounter_level"));
        assertEquals("", payload.getString("encounter_deck_id"));
        assertEquals("", payload.getString("overlay_terminal_slug"));
        assertTrue(payload.getJsonArray("encounter_active_portraits").isEmpty());
        assertTrue(payload.getJsonObject("ship_system_overrides").isEmpty());
        assertTrue(payload.getJsonObject("encounter_door_status").isEmpty());
    }

    /** The body is framed as its head says: chunks for HTTP/1.1, raw bytes until the close for HTTP/1.0. */
    @Test
    void theBodyIsFramedAsItsHeadSays() throws Exception {
        assertTrue(firstEventFraming("HTTP/1.1", ""), "HTTP/1.1: chunked, as an async response sent it");
        assertTrue(firstEventFraming("HTTP/1.1", "Connection: close\r\n"), "a client asking to close still gets chunks");
        assertFalse(firstEventFraming("HTTP/1.0", ""), "HTTP/1.0 has no chunks");
    }

    @Test
    void bytesADisplaySendsAfterItsRequestDoNotEndTheStream() throws Exception {
        try (SseClient client = SseClient.open(api("active-view/stream/"))) {
            client.next("activeview", WAIT);
            client.sendRaw("GET /unexpected HTTP/1.1\r\nHost: x\r\n\r\nnoise\r\n");
            long version = toggleRoom("after-noise-room");
            assertEquals(String.valueOf(version), client.next("activeview", WAIT).id(), "the stream goes on");
        }
    }

    @Test
    void headAnswersTheHeadAloneAndOpensNoStream() throws Exception {
        Eventually.awaitEquals("no streams left from other tests", 0, Duration.ofSeconds(15), this::connected);
        java.net.http.HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(api("active-view/stream/"))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertEquals(0, connected(), "a HEAD request is not a display");
    }

    /** Opens a stream by hand and checks that the first event is framed as the head announced; true if chunked. */
    private boolean firstEventFraming(String protocol, String extraHeaders) throws Exception {
        URI uri = api("active-view/stream/");
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " " + protocol + "\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nAccept: text/event-stream\r\n" + extraHeaders + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            while (text.indexOf("event: activeview") < 0) {
                int b = in.read();
                assertTrue(b >= 0, "stream ended before its first event: " + text);
                text.append((char) b);
            }
            int headEnd = text.indexOf("\r\n\r\n");
            String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
            String beforeEvent = text.substring(headEnd + 4);
            assertTrue(head.startsWith("http/1.1 200"), head);
            boolean chunked = head.contains("\r\ntransfer-encoding: chunked");
            if (chunked) {
                assertTrue(beforeEvent.matches("[0-9a-f]+\r\nevent: activeview"), protocol + " " + extraHeaders + beforeEvent);
            } else {
                assertEquals("event: activeview", beforeEvent, protocol + " " + extraHeaders);
            }
            return chunked;
        }
    }

    @Test
    void streamSendsHeadersAndTheFullCurrentStateFirst() throws Exception {
        long version = toggleRoom("first-event-room");
        try (SseClient client = SseClient.open(api("active-view/stream/"))) {
            assertEquals(200, client.status());
            assertTrue(client.header("Content-Type").startsWith("text/event-stream"), client.header("Content-Type"));
            assertEquals("no-cache", client.header("Cache-Control"));
            assertEquals("no", client.header("X-Accel-Buffering"));

            SseClient.Event first = client.next(WAIT);
            assertEquals("activeview", first.name());
            HttpResponse<String> current = Http.get(api("active-view/"));
            assertEquals(JsonText.object(current.body()), JsonText.object(first.data()));
            assertFalse(JsonText.object(first.data()).getJsonObject("encounter_room_visibility").containsKey("first-event-room"),
                    "the room just hidden is not even named to the displays");
            assertEquals(String.valueOf(version), first.id());
            assertEquals(String.valueOf(version), current.headers().firstValue("X-Charon-Version").orElseThrow());
        }
    }

    @Test
    void keepaliveCommentArrivesOnAnIdleStream() throws Exception {
        try (SseClient client = SseClient.open(api("active-view/stream/"))) {
            client.next("activeview", WAIT);
            assertEquals("keepalive", client.nextComment(Duration.ofSeconds(5)));
            SseClient.Event keepalive = client.next("keepalive", Duration.ofSeconds(5));
            assertEquals(1000, JsonText.object(keepalive.data()).getInt("interval_ms"));
        }
    }

    @Test
    void everyChangeReachesEveryClientExactlyOnce() throws Exception {
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                SseClient client = SseClient.open(api("active-view/stream/"));
                client.next("activeview", WAIT);
                clients.add(client);
            }
            long first = toggleRoom("fan-out");
            long second = toggleRoom("fan-out");
            for (SseClient client : clients) {
                SseClient.Event one = client.next("activeview", WAIT);
                assertEquals(String.valueOf(first), one.id());
                assertFalse(JsonText.object(one.data()).getJsonObject("encounter_room_visibility").containsKey("fan-out"), "hidden");
                SseClient.Event two = client.next("activeview", WAIT);
                assertEquals(String.valueOf(second), two.id(), "the next event is the next change, nothing twice");
                assertTrue(JsonText.object(two.data()).getJsonObject("encounter_room_visibility").getBoolean("fan-out"));
            }
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    @Test
    void noChangeFallsBetweenTheFirstEventAndTheSubscription() throws Exception {
        int writes = Integer.getInteger("charon.race.writes", 400);
        int clientCount = Integer.getInteger("charon.race.clients", 40);
        ExecutorService pool = Executors.newFixedThreadPool(clientCount + 1);
        List<SseClient> clients = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch writing = new CountDownLatch(1);
        try {
            Future<Long> writer = pool.submit(() -> {
                long last = 0;
                writing.countDown();
                for (int i = 0; i < writes; i++) {
                    last = Long.parseLong(Http.post(api("test-control/step-token/race"), "").body().trim());
                }
                return last;
            });
            writing.await();
            List<Future<?>> connecting = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                connecting.add(pool.submit(() -> {
                    clients.add(openLikeADisplay());
                    return null;
                }));
            }
            for (Future<?> f : connecting) {
                f.get(30, TimeUnit.SECONDS);
            }
            long lastVersion = writer.get(60, TimeUnit.SECONDS);
            int reconnects = 0;
            for (SseClient client : List.copyOf(clients)) {
                SseClient stream = client;
                long expected = Long.parseLong(stream.next("activeview", WAIT).id());
                while (expected < lastVersion) {
                    SseClient.Event event = stream.nextOrEnd("activeview", WAIT);
                    if (event == null) {
                        // The server ended this stream (never left silent): like a display, reconnect; the
                        // first event then carries the current state, so nothing is lost either.
                        reconnects++;
                        stream = SseClient.open(api("active-view/stream/"));
                        clients.add(stream);
                        long first = Long.parseLong(stream.next("activeview", WAIT).id());
                        assertTrue(first >= expected, "a reconnect starts at the current version");
                        expected = first;
                        continue;
                    }
                    expected++;
                    assertEquals(String.valueOf(expected), event.id(), "each client sees every version after its first, in order");
                }
            }
            System.out.println("race test: " + clientCount + " clients, " + writes + " writes, " + reconnects + " streams ended by the server and reopened");
        } finally {
            clients.forEach(SseClient::close);
            pool.shutdownNow();
        }
    }

    /**
     * A display whose connection is closed before any answer simply connects again; the property under
     * test is about streams that were answered, so one such retry is allowed here.
     */
    private SseClient openLikeADisplay() throws Exception {
        try {
            return SseClient.open(api("active-view/stream/"));
        } catch (java.io.IOException closedBeforeAnswer) {
            return SseClient.open(api("active-view/stream/"));
        }
    }

    @Test
    void closedClientsAreRemovedFromTheBroadcaster() throws Exception {
        Eventually.awaitEquals("no streams left from other tests", 0, Duration.ofSeconds(15), this::connected);
        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SseClient client = SseClient.open(api("active-view/stream/"));
            client.next("activeview", WAIT);
            clients.add(client);
        }
        assertEquals(50, connected());
        clients.forEach(SseClient::close);
        Eventually.awaitEquals("registered streams after 50 disconnects", 0, Duration.ofSeconds(15), this::connected);
    }
}
