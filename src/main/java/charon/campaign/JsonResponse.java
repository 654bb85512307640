package charon.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read endpoint's answer: HTTP status plus the JSON body exactly as the contract writes it, including
 * the 404 bodies ({"error": ...} with their extra keys), so the REST layer only serializes it.
 */
public record JsonResponse(int status, Map<String, Object> body) {

    public static JsonResponse ok(Map<String, Object> body) {
        return new JsonResponse(200, body);
    }

    static JsonResponse error(int status, String error, Object... extraKeyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        for (int i = 0; i + 1 < extraKeyValues.length; i += 2) {
            body.put((String) extraKeyValues[i], extraKeyValues[i + 1]);
        }
        return new JsonResponse(status, body);
    }

    public boolean isOk() {
        return status == 200;
    }
}
