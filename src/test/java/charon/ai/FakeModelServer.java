package charon.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A model server inside the test, on 127.0.0.1, speaking each provider's streaming wire protocol (Anthropic
 * Messages SSE, OpenAI chat completions SSE, Ollama /api/chat NDJSON) or failing as told. Records every request.
 */
public final class FakeModelServer implements AutoCloseable {

    public enum Behaviour { ANSWER, RATE_LIMITED, SERVER_ERROR, MALFORMED, STALL }

    /** One request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public static final int TOKENS_IN = 321;
    public static final int TOKENS_OUT = 12;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile List<String> answer = List.of("NO DATA.");

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL to configure for {@code provider}, as its users would write it. */
    public String baseUrl(String provider) {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (provider) {
            case "anthropic" -> root + "/v1/";
            case "openai" -> root + "/v1";
            default -> root;
        };
    }

    public FakeModelServer behave(Behaviour next) {
        behaviour = next;
        return this;
    }

    /** The answer to stream, in these chunks. */
    public FakeModelServer answer(String... chunks) {
        answer = List.of(chunks);
        return this;
    }

    public List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        try (exchange) {
            switch (behaviour) {
                case RATE_LIMITED -> reply(exchange, 429, "application/json", errorBody(path, "rate_limit_error", "Rate limit exceeded"));
                case SERVER_ERROR -> reply(exchange, 500, "application/json", errorBody(path, "api_error", "Internal server error"));
                case MALFORMED -> reply(exchange, 200, path.endsWith("/api/chat") ? "application/x-ndjson" : "text/event-stream",
                        path.endsWith("/api/chat") ? "{\"model\": [garbage\n" : "event: content_block_delta\ndata: {\"type\": oops\n\ndata: {not json at all\n\n");
                case STALL -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().flush();
                    closed.await(30, TimeUnit.SECONDS);
                }
                case ANSWER -> stream(exchange, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private void stream(HttpExchange exchange, String path) throws IOException {
        boolean ollama = path.endsWith("/api/chat");
        exchange.getResponseHeaders().set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        if (path.endsWith("/messages")) {
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"fake\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + TOKENS_IN + ",\"output_tokens\":1}}}");
            event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            for (String chunk : answer) {
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(chunk) + "}}");
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + TOKENS_OUT + "}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        } else if (path.endsWith("/chat/completions")) {
            String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",";
            data(out, head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
            for (String chunk : answer) {
                data(out, head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(chunk) + "},\"finish_reason\":null}]}");
            }
            data(out, head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
            data(out, head + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + TOKENS_IN + ",\"completion_tokens\":" + TOKENS_OUT + ",\"total_tokens\":" + (TOKENS_IN + TOKENS_OUT) + "}}");
            data(out, "[DONE]");
        } else if (ollama) {
            for (String chunk : answer) {
                line(out, "{\"model\":\"fake\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":" + quote(chunk) + "},\"done\":false}");
            }
            line(out, "{\"model\":\"fake\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":" + TOKENS_IN + ",\"eval_count\":" + TOKENS_OUT + "}");
        }
    }

    private static String errorBody(String path, String type, String message) {
        if (path.endsWith("/api/chat")) {
            return "{\"error\":" + quote(message) + "}";
        }
        return path.endsWith("/messages")
                ? "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + quote(message) + "}}"
                : "{\"error\":{\"message\":" + quote(message) + ",\"type\":\"" + type + "\"}}";
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void event(OutputStream out, String name, String json) throws IOException {
        write(out, "event: " + name + "\ndata: " + json + "\n\n");
    }

    private static void data(OutputStream out, String json) throws IOException {
        write(out, "data: " + json + "\n\n");
    }

    private static void line(OutputStream out, String json) throws IOException {
        write(out, json + "\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
