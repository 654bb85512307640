package charon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

import charon.accounts.User;
import charon.accounts.UserRepository;
import charon.errors.InvalidRequest;
import charon.errors.NotFound;
import charon.persistence.Database;

/**
 * The GM deactivates, reactivates and deletes player accounts (issue 17). Only players: the GM's own accounts are
 * refused. A deactivated or deleted player is signed out at once, on every device (their credential stamp changes).
 */
@ApplicationScoped
public class PlayerAccountAdmin {

    /** Tables of the original Django database that point at a user; absent from a database Charon created. */
    private static final List<String> DJANGO_USER_TABLES = List.of("auth_user_groups", "auth_user_user_permissions", "django_admin_log");

    @Inject
    Database database;
    @Inject
    UserRepository users;
    @Inject
    CredentialStamps stamps;

    public User setActive(String username, boolean active) {
        User user = player(username);
        database.inTransaction((EntityManager em) -> em.createQuery("update User u set u.active = :active where u.id = :id")
                .setParameter("active", active)
                .setParameter("id", user.getId())
                .executeUpdate());
        stamps.changed(user.getId(), CredentialStamps.of(user.getPassword(), active));
        return users.byId(user.getId()).orElseThrow();
    }

    /** The account and what points at it: its place among messages' recipients, its lasting logins. */
    public void delete(String username) {
        User user = player(username);
        int id = user.getId();
        database.inTransaction((EntityManager em) -> {
            em.createNativeQuery("DELETE FROM terminal_message_recipients WHERE user_id = ?1").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM charon_login WHERE user_id = ?1").setParameter(1, id).executeUpdate();
            for (String table : DJANGO_USER_TABLES) {
                boolean exists = ((Number) em.createNativeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1")
                        .setParameter(1, table).getSingleResult()).intValue() > 0;
                if (exists) {
                    em.createNativeQuery("DELETE FROM " + table + " WHERE user_id = ?1").setParameter(1, id).executeUpdate();
                }
            }
            em.createQuery("delete from User u where u.id = :id").setParameter("id", id).executeUpdate();
        });
        stamps.changed(id, "deleted");
    }

    private User player(String username) {
        User user = users.byUsername(username).orElseThrow(() -> new NotFound("User not found"));
        if (user.isGm()) {
            throw new InvalidRequest("Only player accounts can be deactivated or deleted here");
        }
        return user;
    }
}
