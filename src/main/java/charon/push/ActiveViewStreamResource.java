package charon.push;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import charon.errors.InvalidRequest;
import charon.security.Viewer;
import charon.view.Audience;

/**
 * {@code GET /api/active-view/stream/}: the SSE stream every display keeps open, with the players' payload of each change. The events are built with the JAX-RS
 * {@link Sse} and fanned out by the push layer's {@code SseBroadcaster}; the sink is the push layer's own
 * ({@link DisplayConnections}): Jersey's would keep the servlet request, and its buffers, open for as long as the display is.
 */
@jakarta.enterprise.context.RequestScoped
@Path("active-view/stream/")
public class ActiveViewStreamResource {

    private static final Logger LOG = Logger.getLogger(ActiveViewStreamResource.class.getName());

    @Inject
    DisplayStreams streams;

    /**
     * {@code ?patch=1}: after the first full {@code activeview} event, each change comes as an {@code activeview-patch}
     * event (a JSON Merge Patch from the version before). Without it, full events as always; any other value is refused.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@QueryParam("patch") String patch, @Context Sse sse, @Context HttpServletRequest request,
                     @Context HttpServletResponse response) throws IOException {
        if (patch != null && !patch.equals("1") && !patch.equals("0")) {
            throw new InvalidRequest("patch must be 1 or 0");
        }
        open(streams, Feed.of(Audience.PLAYERS, "1".equals(patch)), sse, request, response);
    }

    /** Opens a stream of one feed: the displays' (this resource) or the GM console's ({@link GmActiveViewStreamResource}). */
    static void open(DisplayStreams streams, Feed feed, Sse sse, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        // what can fail with an error answer (the database, the settings) fails before the head is sent
        streams.prepare(sse);
        Viewer viewer = Viewer.of(request);
        String address = request.getRemoteAddr();
        DisplayConnections.sendHead(response);
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            // the head alone, no stream (JAX-RS answers HEAD with the GET method)
            return;
        }
        DisplayConnection connection = DisplayConnections.open(request, response);
        try {
            streams.join(connection, sse, viewer, address, feed);
        } catch (RuntimeException e) {
            // The head is out, so no error answer: the connection ends and the display reconnects.
            LOG.log(Level.WARNING, "A display stream could not start; it is closed and the display will reconnect", e);
            connection.close();
        }
    }
}
