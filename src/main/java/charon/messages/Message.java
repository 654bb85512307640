package charon.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import charon.accounts.User;
import charon.persistence.DjangoDateTime;

/** A message to the players, in Django's {@code terminal_message} table. No recipients = everyone. */
@Entity
@Table(name = "terminal_message")
public class Message {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String content;

    @Column(nullable = false, length = 10)
    private String priority;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = DjangoDateTime.class)
    private LocalDateTime createdAt;

    @Column(name = "is_read", nullable = false)
    private boolean read;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by_id", nullable = false)
    private User createdBy;

    @Column(nullable = false, length = 100)
    private String sender;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "terminal_message_recipients",
            joinColumns = @JoinColumn(name = "message_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> recipients = new LinkedHashSet<>();

    protected Message() {
    }

    public Message(String sender, String content, String priority, User createdBy, LocalDateTime createdAt, Set<User> recipients) {
        this.sender = sender;
        this.content = content;
        this.priority = priority;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.recipients = new LinkedHashSet<>(recipients);
    }

    public Long getId() {
        return id;
    }

    public String getSender() {
        return sender;
    }

    public String getContent() {
        return content;
    }

    public String getPriority() {
        return priority;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public boolean isRead() {
        return read;
    }

    public User getCreatedBy() {
        return createdBy;
    }

    public Set<User> getRecipients() {
        return recipients;
    }
}
