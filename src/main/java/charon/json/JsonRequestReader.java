package charon.json;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The one reader of the contract's lenient request bodies ({@link JsonRequest} records), whatever their content type:
 * at most {@link BodyLimit} bytes, read by {@link StrictJson} (depth, numbers, nothing after the value), one JSON
 * object (an empty body is {@code {}}), each field of the JSON type its record component declares
 * ({@link RequestFields}), bound by JSON-B, then checked against the record's Bean Validation constraints
 * ({@link RequestValidation}). Every refusal is an {@link charon.errors.InvalidRequest} naming the field, raised
 * before the resource runs, so a refused request changes nothing.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonRequestReader implements MessageBodyReader<Record> {

    static boolean reads(Class<?> type) {
        return type.isRecord() && type.isAnnotationPresent(JsonRequest.class);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return reads(type);
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        return read(type, new String(BodyLimit.read(entity), StandardCharsets.UTF_8));
    }

    /** The body as the record, checked; what the reader does, for callers outside JAX-RS and for tests. */
    public static <R extends Record> R read(Class<R> type, String text) {
        JsonObject object = text.isBlank() ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : StrictJson.readObject(text);
        R body = Json.jsonb().fromJson(RequestFields.checked(object, type).toString(), type);
        RequestValidation.check(body);
        return body;
    }
}
