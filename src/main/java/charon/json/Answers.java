package charon.json;

import java.util.LinkedHashMap;
import java.util.Map;

/** The original's success bodies: {"success": true, ...} with the given keys, in order. */
public final class Answers {

    private Answers() {
    }

    public static Map<String, Object> success(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
