package charon.view;

import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import charon.json.Json;

/**
 * What displays receive: the 16 state fields flattened together with data derived from the campaign
 * ({@code encounter_npc_data}, and for encounters the location keys of api-contract §10.2).
 */
@JsonbTypeSerializer(ActiveViewPayload.Writer.class)
public record ActiveViewPayload(ActiveView state, Map<String, Object> derived) {

    public ActiveViewPayload {
        derived = Collections.unmodifiableMap(new LinkedHashMap<>(derived));
    }

    /** Writes the state's components by their snake_case names, then the derived keys, in one object. */
    public static class Writer implements JsonbSerializer<ActiveViewPayload> {
        private static final RecordComponent[] FIELDS = ActiveView.class.getRecordComponents();

        @Override
        public void serialize(ActiveViewPayload payload, JsonGenerator generator, SerializationContext context) {
            generator.writeStartObject();
            for (RecordComponent field : FIELDS) {
                context.serialize(Json.snakeCase(field.getName()), valueOf(field, payload.state()), generator);
            }
            payload.derived().forEach((key, value) -> context.serialize(key, value, generator));
            generator.writeEnd();
        }

        private static Object valueOf(RecordComponent field, ActiveView state) {
            try {
                return field.getAccessor().invoke(state);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + field.getName(), e);
            }
        }
    }
}
