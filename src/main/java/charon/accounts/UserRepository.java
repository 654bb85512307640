package charon.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import charon.persistence.Database;

/** Reads and writes {@link User}s in Django's {@code auth_user}. */
@ApplicationScoped
public class UserRepository {

    @Inject
    Database database;

    /** Exact match, as Django's login is case-sensitive. */
    public Optional<User> byUsername(String username) {
        return database.read(em -> em.createQuery("select u from User u where u.username = :name", User.class)
                .setParameter("name", username)
                .getResultStream()
                .findFirst());
    }

    public Optional<User> byId(int id) {
        return database.read(em -> Optional.ofNullable(em.find(User.class, id)));
    }

    /** Case-insensitive: "Ripley" next to "ripley" would only confuse the table. */
    public boolean existsIgnoringCase(String username) {
        return database.read(em -> em.createQuery("select count(u) from User u where lower(u.username) = lower(:name)", Long.class)
                .setParameter("name", username)
                .getSingleResult()) > 0;
    }

    /** Every account, sorted by username. */
    public List<User> all() {
        return database.read(em -> em.createQuery("select u from User u order by u.username", User.class).getResultList());
    }

    /** Whether anyone can log in as GM: an active user with staff or superuser rights. */
    public boolean anyActiveGm() {
        return database.read(em -> em.createQuery(
                        "select count(u) from User u where u.active = true and (u.staff = true or u.superuser = true)", Long.class)
                .getSingleResult()) > 0;
    }

    public User create(String username, String passwordHash, boolean gm) {
        User user = new User(username, passwordHash, gm, now());
        database.inTransaction((EntityManager em) -> em.persist(user));
        return user;
    }

    /** False when there is no such user. */
    public boolean changePassword(String username, String passwordHash) {
        int changed = database.inTransaction(em -> {
            return em.createQuery("update User u set u.password = :hash where u.username = :name")
                    .setParameter("hash", passwordHash)
                    .setParameter("name", username)
                    .executeUpdate();
        });
        return changed > 0;
    }

    /** Stamps {@code last_login} and, when given, stores the re-hashed password (Django's upgrade on login). */
    public void recordLogin(int userId, Optional<String> rehashed) {
        database.inTransaction((EntityManager em) -> {
            User user = em.find(User.class, userId);
            if (user != null) {
                user.setLastLogin(now());
                rehashed.ifPresent(user::setPassword);
            }
        });
    }

    /** Django stores naive UTC. */
    static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
