package charon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import charon.accounts.User;
import charon.json.ApiException;

/**
 * {@code /api/gm/player-accounts/<username>/active/} and {@code .../delete/}: GM writes (login, CSRF and Origin by
 * the filter, one log line each by {@code GmWriteLog}). A path of its own: under {@code gm/players/{username}/} it
 * would take the password reset's requests from {@link PlayerAccountsResource}.
 */
@RequestScoped
@Path("gm/player-accounts/{username}/")
@Produces(MediaType.APPLICATION_JSON)
public class PlayerAccountAdminResource {

    public record Activation(Boolean active) {
    }

    public record AccountState(boolean success, String username, boolean isActive) {
    }

    public record Deleted(boolean success, String username) {
    }

    @Inject
    PlayerAccountAdmin accounts;

    @POST
    @Path("active/")
    public AccountState setActive(@PathParam("username") String username, Activation body) {
        if (body == null || body.active() == null) {
            throw new ApiException(400, "active must be true or false");
        }
        User user = accounts.setActive(username, body.active());
        return new AccountState(true, user.getUsername(), user.isActive());
    }

    @POST
    @Path("delete/")
    public Deleted delete(@PathParam("username") String username) {
        accounts.delete(username);
        return new Deleted(true, username);
    }
}
