package charon.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

import charon.persistence.DjangoDateTime;

/** An account in Django's {@code auth_user} table, so a GM's existing users keep their logins. */
@Entity
@Table(name = "auth_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 128)
    private String password;

    @Column(name = "last_login")
    @Convert(converter = DjangoDateTime.class)
    private LocalDateTime lastLogin;

    @Column(name = "is_superuser", nullable = false)
    private boolean superuser;

    @Column(nullable = false, unique = true, length = 150)
    private String username;

    @Column(name = "last_name", nullable = false, length = 150)
    private String lastName = "";

    @Column(nullable = false, length = 254)
    private String email = "";

    @Column(name = "is_staff", nullable = false)
    private boolean staff;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "date_joined", nullable = false)
    @Convert(converter = DjangoDateTime.class)
    private LocalDateTime dateJoined;

    @Column(name = "first_name", nullable = false, length = 150)
    private String firstName = "";

    protected User() {
    }

    public User(String username, String passwordHash, boolean gm, LocalDateTime joined) {
        this.username = username;
        this.password = passwordHash;
        this.staff = gm;
        this.superuser = gm;
        this.dateJoined = joined;
    }

    public Integer getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String passwordHash) {
        this.password = passwordHash;
    }

    /** The GM is whoever Django would let into the admin: staff or superuser. */
    public boolean isGm() {
        return staff || superuser;
    }

    public boolean isActive() {
        return active;
    }

    public LocalDateTime getLastLogin() {
        return lastLogin;
    }

    public void setLastLogin(LocalDateTime when) {
        this.lastLogin = when;
    }
}
