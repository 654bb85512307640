package charon.campaign;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import charon.errors.Refusal;
import charon.errors.RefusalMapper;
import charon.json.Json;

/** What a read endpoint answers for a campaign call: 200 and the body, or the refusal's status and error body. */
record Answered(int status, Map<String, Object> body) {

    /** The answer as the wire carries it (see {@link Plain}). */
    static Answered of(Supplier<?> call) {
        try {
            return new Answered(200, Plain.object(call.get()));
        } catch (Refusal refused) {
            return new Answered(RefusalMapper.status(refused), errorBody(refused));
        }
    }

    private static Map<String, Object> errorBody(Refusal refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (refused.body() == null) {
            body.put("error", refused.getMessage());
            return body;
        }
        try {
            for (RecordComponent component : refused.body().getClass().getRecordComponents()) {
                component.getAccessor().setAccessible(true);
                Object value = component.getAccessor().invoke(refused.body());
                if (value != null) {
                    body.put(Json.snakeCase(component.getName()), value);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return body;
    }
}
