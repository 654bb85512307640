package charon.json;

import jakarta.json.JsonValue;
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
 * Runs before JSON-B binds a request body. It caps the body at 64 KB (413, also for chunked bodies
 * that announce no length) and, for JSON bound to a Java type, refuses what is not one JSON object
 * with our own 400 bodies, so resources only ever see a well-formed object (JSON-B alone would turn
 * malformed input into an unhelpful error, or bind {@code [1]} to nulls).
 */
@Provider
public class JsonBodyCheck implements ReaderInterceptor {

    /** Types a resource reads raw, to parse leniently itself (e.g. "bad JSON counts as {}"). */
    private static final Set<Class<?>> RAW = Set.of(String.class, byte[].class, InputStream.class, Reader.class);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), ErrorResponses.MAX_BODY_BYTES);
        if (isJson(context.getMediaType()) && !RAW.contains(context.getType())) {
            requireObject(new String(body, StandardCharsets.UTF_8));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Throws the API's 400 unless the text is exactly one JSON object (see {@link StrictJson}). */
    public static void requireObject(String text) {
        JsonValue value;
        try {
            value = StrictJson.read(text);
        } catch (RequestRejected refused) {
            throw new ApiException(refused.status(), refused.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ApiException(400, "Body must be a JSON object");
        }
    }

    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new ApiException(413, "Request body too large (limit 64 KB)");
        }
        return body;
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
