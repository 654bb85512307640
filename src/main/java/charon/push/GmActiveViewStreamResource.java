package charon.push;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;

import java.io.IOException;

/**
 * {@code GET /api/gm/active-view/stream/}: the GM console's stream, the same push machinery as the displays'
 * with the GM's payload of each change (hidden rooms, every token). GM only, like everything under
 * {@code /api/gm/} (the security filter refuses anyone else before this runs).
 */
@jakarta.enterprise.context.RequestScoped
@Path("gm/active-view/stream/")
public class GmActiveViewStreamResource {

    @Inject
    DisplayStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@Context Sse sse, @Context HttpServletRequest request, @Context HttpServletResponse response)
            throws IOException {
        ActiveViewStreamResource.open(streams, Feed.GM, sse, request, response);
    }
}
