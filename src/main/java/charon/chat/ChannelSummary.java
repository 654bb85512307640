package charon.chat;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import charon.json.Json;

/** One channel of the GM's overview (§9.1 unread rules); {@code last_message} is null for an empty channel. */
@JsonbNillable
@JsonbPropertyOrder({"channel", "messageCount", "unreadCount", "lastMessage"})
public record ChannelSummary(String channel, int messageCount, int unreadCount,
                             @JsonbTypeSerializer(ChannelSummary.NullAsNull.class) CharonMessage lastMessage) {

    /** Yasson 3.0 leaves out a null component of a record type whatever the nillable says; the contract has null. */
    public static class NullAsNull implements JsonbSerializer<CharonMessage> {
        @Override
        public void serialize(CharonMessage message, JsonGenerator generator, SerializationContext context) {
            // written as JSON-B writes the message elsewhere (the type's own serializer cannot be re-entered from here)
            generator.write(Json.jsonb().fromJson(Json.write(message), JsonObject.class));
        }
    }
}
