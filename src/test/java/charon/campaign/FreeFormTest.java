package charon.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import charon.json.Json;

/** The campaign's free-form YAML as JSON-P keeps the bytes each audience has always been sent. */
class FreeFormTest {

    /** Floats whose text differs between JSON-B's double (1.0E-4) and JSON-P's number (0.00010), and plain ones. */
    private static final List<Double> FLOATS = List.of(1.5, 0.001, 1.0E-4, -0.0, 1.0E7, 3.8E7, 123456.0, 2.5E-9);

    private static Map<String, Object> yaml() {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "Kiln \"Platform\"\n");
        yaml.put("level", 3);
        yaml.put("big", 12345678901234L);
        yaml.put("none", null);
        yaml.put("floats", FLOATS);
        yaml.put("nested", Map.of("g", 9.81E-5));
        return yaml;
    }

    @Test
    void thePayloadsFloatsAreWrittenAsJsonbWritesTheYamlValues() {
        assertEquals(Json.write(yaml()), Json.write(FreeForm.object(yaml(), FreeForm.Floats.AS_JAVA)));
    }

    @Test
    void theEndpointsFloatsAreJsonPsNumbers() {
        String json = Json.write(FreeForm.object(yaml()));
        assertEquals(true, json.contains("[1.5,0.001,0.00010,0.0,1.0E+7,3.8E+7,123456.0,2.5E-9]"), json);
        assertEquals(FreeForm.object(yaml()), FreeForm.object(yaml(), FreeForm.Floats.AS_JAVA), "the same numbers");
    }
}
