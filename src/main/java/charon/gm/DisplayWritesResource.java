package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

import charon.json.JsonBody;

/** The only view writes a display may make: close the terminal overlay, open or close the CHARON dialog (close only unless GM). */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class DisplayWritesResource {

    @Inject
    ViewCommands commands;

    @POST
    @Path("terminal/hide/")
    public Map<String, Object> hideTerminal(String raw) {
        JsonBody.parse(raw);
        commands.hideTerminal();
        return GmViewResource.success();
    }

    @POST
    @Path("gm/charon/toggle-dialog/")
    public Map<String, Object> toggleDialog(String raw, @Context HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        boolean open = commands.toggleDialog(body.optionalBoolean("open"), GmCheck.isGm(request)).view().charonDialogOpen();
        return GmViewResource.success("charon_dialog_open", open);
    }
}
