package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

import charon.json.NoFields;

/** A view write a display may make: closing the comm-terminal overlay (closing the CHARON dialog is in GmCharonResource). */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class DisplayWritesResource {

    @Inject
    ViewCommands commands;

    @POST
    @Path("terminal/hide/")
    public charon.json.Done hideTerminal(NoFields body) {
        commands.hideTerminal();
        return charon.json.Done.DONE;
    }
}
