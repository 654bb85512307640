package charon.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import charon.accounts.User;
import charon.json.JsonRequest;
import charon.json.NoFields;

import jakarta.validation.constraints.NotNull;

/**
 * {@code /api/gm/player-accounts/<username>/active/} and {@code .../delete/}: GM writes (login, CSRF and Origin by
 * the filter, one log line each by {@code GmWriteLog}). A path of its own: under {@code gm/players/{username}/} it
 * would take the password reset's requests from {@link PlayerAccountsResource}.
 */
@RequestScoped
@Path("gm/player-accounts/{username}/")
@Produces(MediaType.APPLICATION_JSON)
public class PlayerAccountAdminResource {

    @JsonRequest
    public record Activation(@NotNull(message = "active must be true or false") Boolean active) {
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
        User user = accounts.setActive(username, body.active());
        return new AccountState(true, user.getUsername(), user.isActive());
    }

    @POST
    @Path("delete/")
    public Deleted delete(@PathParam("username") String username, NoFields body) {
        accounts.delete(username);
        return new Deleted(true, username);
    }
}
