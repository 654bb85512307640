package charon.security;

import charon.errors.InvalidRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.accounts.User;
import charon.accounts.UserRepository;

/** {@code /api/gm/players/...}: the GM lists accounts, creates players and resets passwords (GM-only by the filter). */
@RequestScoped
@Path("gm/players/")
@Produces(MediaType.APPLICATION_JSON)
public class PlayerAccountsResource {

    public record NewPlayer(String username, String password) {
    }

    public record NewPassword(String password) {
    }

    @Inject
    UserRepository users;
    @Inject
    CredentialStamps stamps;

    private final PasswordHasher hasher = new PasswordHasher();

    @GET
    public Players list() {
        return new Players(users.all().stream().map(PlayerAccountsResource::entry).toList());
    }

    @POST
    public Response create(NewPlayer body) {
        if (body == null) {
            throw new charon.errors.InvalidRequest("username is required");
        }
        AccountRules.usernameProblem(body.username()).ifPresent(PlayerAccountsResource::badRequest);
        AccountRules.passwordProblem(body.password()).ifPresent(PlayerAccountsResource::badRequest);
        if (users.existsIgnoringCase(body.username())) {
            throw new charon.errors.Conflict("User already exists");
        }
        User created;
        try {
            created = users.create(body.username(), hasher.encode(body.password()), false);
        } catch (PersistenceException raced) {
            // Another request created the same name between the check and the insert.
            throw new charon.errors.Conflict("User already exists");
        }
        return Response.status(201).entity(entry(created)).build();
    }

    @POST
    @Path("{username}/password/")
    public PasswordReset resetPassword(@PathParam("username") String username, NewPassword body) {
        AccountRules.passwordProblem(body == null ? null : body.password()).ifPresent(PlayerAccountsResource::badRequest);
        User user = users.byUsername(username).orElseThrow(() -> new charon.errors.NotFound("User not found"));
        String hash = hasher.encode(body.password());
        if (!users.changePassword(username, hash)) {
            throw new charon.errors.NotFound("User not found");
        }
        // whoever was signed in with the old password (a lost phone, a shared tablet) is signed out
        stamps.changed(user.getId(), CredentialStamps.of(hash, user.isActive()));
        return new PasswordReset(true, username);
    }

    public record Account(String username, boolean isActive, boolean isGm) {
    }

    public record Players(List<Account> players) {
    }

    public record PasswordReset(boolean success, String username) {
    }

    private static Account entry(User user) {
        return new Account(user.getUsername(), user.isActive(), user.isGm());
    }

    private static void badRequest(String problem) {
        throw new charon.errors.InvalidRequest(problem);
    }
}
