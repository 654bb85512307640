package charon.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored line of a CHARON conversation; {@link CharonMessage} is its value on the wire. */
@Entity
@Table(name = "charon_conversation_line")
class ConversationLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String channel;

    @Column(name = "message_id", nullable = false, length = 36, unique = true)
    private String messageId;

    @Column(nullable = false, length = 10)
    private String role;

    @Column(nullable = false)
    private String content;

    @Column(nullable = false, length = 32)
    private String timestamp;

    protected ConversationLine() {
    }

    ConversationLine(String channel, CharonMessage message) {
        this.channel = channel;
        this.messageId = message.messageId();
        this.role = message.role();
        this.content = message.content();
        this.timestamp = message.timestamp();
    }

    String channel() {
        return channel;
    }

    CharonMessage message() {
        return new CharonMessage(messageId, role, content, timestamp, false);
    }
}
