package charon.testsupport;

import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A browser-like HTTP client with its own cookies; after {@link #login} it sends the CSRF header on writes. */
public final class Session {

    private final URI api;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private String csrfToken;

    public Session(URI api) {
        this.api = api;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Session gm(URI api) throws IOException, InterruptedException {
        Session session = new Session(api);
        session.login("gm", "gm-pass-123");
        return session;
    }

    public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("auth/login/", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        JsonObject body = JsonText.object(response.body());
        csrfToken = body.getString("csrf_token");
        return response;
    }

    /** The Cookie header a second connection (an SSE stream) needs to be this same user. */
    public java.util.Map<String, String> cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.getCookieStore().getCookies().forEach(c -> header.append(header.length() == 0 ? "" : "; ").append(c.getName()).append('=').append(c.getValue()));
        return header.length() == 0 ? java.util.Map.of() : java.util.Map.of("Cookie", header.toString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "application/json");
    }

    /** A POST with another Content-Type, or none (null). */
    public HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST that must succeed; returns the parsed body. */
    public JsonObject ok(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + path + " " + body + " -> " + response.statusCode() + " " + response.body());
        }
        return JsonText.object(response.body());
    }
}
