package charon.view;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/active-view/}: the players' payload the display stream pushes, as plain JSON. */
@jakarta.enterprise.context.RequestScoped
@Path("active-view/")
public class ActiveViewResource {

    @Inject
    ActiveViewPayloads payloads;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response current() {
        return answer(payloads.latest(Audience.PLAYERS));
    }

    static Response answer(SerializedPayload payload) {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(payload.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("X-Charon-Version", payload.version())
                .cacheControl(noCache)
                .build();
    }
}
