package charon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import charon.accounts.User;
import charon.accounts.UserRepository;
import charon.persistence.Database;

/**
 * Only in SecurityIT's deployment: shows what CurrentUser and Viewer see (plain GET and SSE), and
 * reads or changes accounts through the application's own database access. The test must not open
 * the SQLite file itself while the application runs: two copies of SQLite in one process break
 * SQLite's POSIX locks, and writes get lost.
 */
@RequestScoped
@Path("test-security/")
public class SecurityTestResource {

    @Inject
    CurrentUser currentUser;
    @Inject
    UserRepository users;
    @Inject
    Database database;
    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String plain() {
        return describe();
    }

    @GET
    @Path("stream/")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        sink.send(sse.newEventBuilder().name("whoami").data(String.class, describe()).build())
                .whenComplete((ignored, failure) -> {
                    try {
                        sink.close();
                    } catch (java.io.IOException e) {
                        // the test client went away; nothing to clean up
                    }
                });
    }

    /** {@code <last_login>|<hash algorithm$iterations>|<is_active>} of one account. */
    @GET
    @Path("account/{username}")
    @Produces(MediaType.TEXT_PLAIN)
    public String account(@PathParam("username") String username) {
        User user = users.byUsername(username).orElseThrow(NotFoundException::new);
        String[] hash = user.getPassword().split("\\$");
        return user.getLastLogin() + "|" + hash[0] + "$" + hash[1] + "|" + user.isActive();
    }

    @POST
    @Path("deactivate/{username}")
    @Produces(MediaType.TEXT_PLAIN)
    public String deactivate(@PathParam("username") String username) {
        int changed = database.inTransaction(em -> {
            return em.createQuery("update User u set u.active = false where u.username = :name")
                    .setParameter("name", username).executeUpdate();
        });
        return Integer.toString(changed);
    }

    /** Stores {@code hash} as the account's password hash as it is (e.g. a Django 3.2 hash with 260,000 iterations). */
    @POST
    @Path("password-hash/{username}")
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String setPasswordHash(@PathParam("username") String username, String hash) {
        int changed = database.inTransaction(em -> {
            return em.createQuery("update User u set u.password = :hash where u.username = :name")
                    .setParameter("hash", hash).setParameter("name", username).executeUpdate();
        });
        return Integer.toString(changed);
    }

    private String describe() {
        Viewer viewer = Viewer.of(request);
        return currentUser.username().orElse("-") + "|" + currentUser.userId().map(String::valueOf).orElse("-") + "|"
                + (currentUser.isGm() ? "gm" : "not-gm") + "|" + viewer.username().orElse("-") + "|" + viewer.gm();
    }
}
