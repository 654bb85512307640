package charon.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A CHARON channel as stored: its place in the channel list and the GM's last-read marker. */
@Entity
@Table(name = "charon_channel")
class ConversationChannel {

    @Id
    @Column(length = 120)
    private String name;

    @Column(nullable = false)
    private int position;

    @Column(name = "last_read_id", length = 36)
    private String lastReadId;

    protected ConversationChannel() {
    }

    ConversationChannel(String name, int position) {
        this.name = name;
        this.position = position;
    }

    String name() {
        return name;
    }

    String lastReadId() {
        return lastReadId;
    }

    void markRead(String messageId) {
        this.lastReadId = messageId;
    }
}
