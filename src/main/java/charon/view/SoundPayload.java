package charon.view;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import java.util.Map;

/**
 * The payload's {@code sound} key: the last alert ({@code null} before the first), the ambience of the view shown
 * and the level; the GM's payload also names every view's ambience ({@code ambience_by_view}, for the console's panel).
 */
@JsonbNillable
@JsonbPropertyOrder({"alert", "ambience", "level"})
public record SoundPayload(@JsonbTypeSerializer(AlertWriter.class) SoundAlert alert, String ambience, int level) {

    /** The GM's: the same keys and every view's ambience. */
    @JsonbNillable
    @JsonbPropertyOrder({"alert", "ambience", "level", "ambienceByView"})
    public record ForGm(@JsonbTypeSerializer(AlertWriter.class) SoundAlert alert, String ambience, int level,
                        Map<String, String> ambienceByView) {
    }

    static Record of(SoundState sound, ViewType shown, boolean everyView) {
        String ambience = sound.ambienceFor(shown);
        return everyView ? new ForGm(sound.alert(), ambience, sound.level(), sound.ambience())
                : new SoundPayload(sound.alert(), ambience, sound.level());
    }

    /**
     * {@code {name, sequence, at}}. A serializer of its own because Yasson 3.0 leaves a null record out whatever the
     * nillable says, and the displays read {@code "alert": null} as "no alert yet".
     */
    public static class AlertWriter implements JsonbSerializer<SoundAlert> {
        @Override
        public void serialize(SoundAlert alert, JsonGenerator generator, SerializationContext context) {
            generator.writeStartObject();
            generator.write("name", alert.name());
            generator.write("sequence", alert.sequence());
            generator.write("at", alert.at());
            generator.writeEnd();
        }
    }
}
