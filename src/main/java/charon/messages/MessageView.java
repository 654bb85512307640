package charon.messages;

import java.time.format.DateTimeFormatter;

/** A message as players' screens receive it (api-contract §12.5): UTC time without fractions. */
public record MessageView(long id, String sender, String content, String priority, String createdAt) {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static MessageView of(Message message) {
        return new MessageView(message.getId(), message.getSender(), message.getContent(),
                message.getPriority(), CREATED_AT.format(message.getCreatedAt()));
    }
}
