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

import charon.security.Viewer;

/**
 * {@code GET /api/active-view/stream/}: the SSE stream every display keeps open. The events are built with the JAX-RS
 * {@link Sse} and fanned out by the push layer's {@code SseBroadcaster}; the sink is the push layer's own
 * ({@link DisplayConnections}): Jersey's would keep the servlet request, and its buffers, open for as long as the display is.
 */
@jakarta.enterprise.context.RequestScoped
@Path("active-view/stream/")
public class ActiveViewStreamResource {

    @Inject
    DisplayStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@Context Sse sse, @Context HttpServletRequest request, @Context HttpServletResponse response)
            throws IOException {
        Viewer viewer = Viewer.of(request);
        String address = request.getRemoteAddr();
        streams.join(DisplayConnections.open(request, response), sse, viewer, address);
    }
}
