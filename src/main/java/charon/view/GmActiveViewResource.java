package charon.view;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/gm/active-view/}: the GM's whole picture (hidden rooms, every token, every NPC) for the
 * console's preview; GM only, like everything under {@code /api/gm/}.
 */
@jakarta.enterprise.context.RequestScoped
@Path("gm/active-view/")
public class GmActiveViewResource {

    @Inject
    ActiveViewPayloads payloads;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response current() {
        return ActiveViewResource.answer(payloads.latest(Audience.GM));
    }
}
