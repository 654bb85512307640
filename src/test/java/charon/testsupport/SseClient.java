package charon.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real SSE client on its own socket: HTTP/1.1 request, chunked decoding, and the event-stream
 * format, parsed by a reader thread. {@link #close()} drops the connection at once, like a
 * browser tab being closed.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status;
    private boolean chunked;
    private volatile boolean closed;
    private volatile Throwable failure;

    private SseClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static SseClient open(URI uri) throws IOException {
        return open(uri, Map.of());
    }

    public static SseClient open(URI uri, Map<String, String> extraHeaders) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        SseClient client = new SseClient(socket);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
                .append("\r\nAccept: text/event-stream\r\n");
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        client.readHead();
        if (client.status == 200) {
            Thread reader = new Thread(client::readLoop, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
        return client;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next event, or an AssertionError after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no SSE event within " + timeout + " (" + state() + ")");
        }
        return event;
    }

    /** What the stream did so far, for failure messages. */
    public String state() {
        return "received " + received + " events, last id " + lastId + ", ended " + ended
                + (failure != null ? ", failed: " + failure : "");
    }

    private volatile int received;
    private volatile String lastId;

    /** The next event with the given name; other events are skipped. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no '" + name + "' event within " + timeout + " (" + state() + ")");
            }
            Event event = next(Duration.ofNanos(left));
            if (name.equals(event.name())) {
                return event;
            }
        }
    }

    /**
     * The next event with the given name, or null once the server has ended the stream (and every
     * event it sent was taken); an AssertionError if neither happens within the timeout.
     */
    public Event nextOrEnd(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(20, TimeUnit.MILLISECONDS);
            if (event != null) {
                if (name.equals(event.name())) {
                    return event;
                }
            } else if (ended && events.isEmpty()) {
                return null;
            }
        }
        throw new AssertionError("no '" + name + "' event within " + timeout + " (" + state() + ")");
    }

    public String nextComment(Duration timeout) throws InterruptedException {
        String comment = comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (comment == null) {
            throw new AssertionError("no SSE comment within " + timeout);
        }
        return comment;
    }

    private volatile boolean ended;
    private volatile ChunkedBody chunkedBody;

    private void readHead() throws IOException {
        String statusLine = readAsciiLine(in);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        String line;
        while (!(line = readAsciiLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(header("Transfer-Encoding"));
    }

    private void readLoop() {
        try {
            if (chunked) {
                chunkedBody = new ChunkedBody(in);
            }
            InputStream body = chunked ? chunkedBody : in;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            String name = null;
            String id = null;
            StringBuilder data = null;
            int b;
            while ((b = body.read()) != -1) {
                if (b != '\n') {
                    if (b != '\r') {
                        line.write(b);
                    }
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                        received++;
                        if (id != null) {
                            lastId = id;
                        }
                    }
                    name = null;
                    data = null;
                } else if (text.startsWith(":")) {
                    comments.add(text.substring(1).trim());
                } else {
                    int colon = text.indexOf(':');
                    String field = colon < 0 ? text : text.substring(0, colon);
                    String value = colon < 0 ? "" : text.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { /* retry and unknown fields */ }
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e;
            }
        } finally {
            ended = true;
        }
    }

    private static String readAsciiLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b == -1 && line.length() == 0) {
            throw new IOException("connection closed");
        }
        return line.toString();
    }

    /** Decodes HTTP/1.1 chunked transfer encoding. */
    private static final class ChunkedBody extends InputStream {
        private final InputStream raw;
        private int left;
        private boolean done;
        /** The server ended the body properly (a zero-size chunk), not just the connection. */
        private volatile boolean lastChunk;

        ChunkedBody(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = readAsciiLine(raw);
                if (size.isEmpty()) {
                    size = readAsciiLine(raw);
                }
                left = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    lastChunk = true;
                    return -1;
                }
            }
            int b = raw.read();
            if (b == -1) {
                done = true;
                return -1;
            }
            left--;
            if (left == 0) {
                readAsciiLine(raw);
            }
            return b;
        }
    }

    /** True once the server has ended the chunked body with its last chunk (a clean end, not a dropped connection). */
    public boolean endedWithLastChunk() {
        ChunkedBody body = chunkedBody;
        return ended && body != null && body.lastChunk;
    }

    /** Sends bytes on the stream's connection after the request (a display never does; the server must not mind). */
    public void sendRaw(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
