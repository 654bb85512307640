package charon.json;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Runs before any request body is read. It caps every body at {@link BodyLimit} and, for JSON that JSON-B binds
 * directly (the login, the player accounts: JSON content type required), refuses what is not one JSON object with
 * our own 400 bodies (JSON-B alone would turn malformed input into an unhelpful error, or bind {@code [1]} to
 * nulls). The contract's lenient bodies ({@link JsonRequest} records) are checked by {@link JsonRequestReader}.
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    private static final Set<Class<?>> RAW = Set.of(String.class, byte[].class, InputStream.class, Reader.class);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = BodyLimit.read(context.getInputStream());
        Class<?> type = context.getType();
        if (JsonRequestReader.reads(type)) {
            // the contract reads an empty body as {}; said here, as the runtime may skip the reader for an empty entity
            body = new String(body, StandardCharsets.UTF_8).isBlank() ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        } else if (isJson(context.getMediaType()) && !RAW.contains(type)) {
            StrictJson.readObject(new String(body, StandardCharsets.UTF_8));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
