package charon.push;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import charon.security.Viewer;

/** {@code GET /api/active-view/stream/}: the SSE stream every display keeps open. */
@jakarta.enterprise.context.RequestScoped
@Path("active-view/stream/")
public class ActiveViewStreamResource {

    @Inject
    DisplayStreams streams;

    private static volatile boolean warned;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@Context SseEventSink sink, @Context Sse sse,
                     @Context HttpServletRequest request, @Context HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache");
        // Tells reverse proxies (nginx) not to buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
        streams.join(sink, sse, Viewer.of(request), request.getRemoteAddr(), () -> {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().complete();
            }
        }, whenEnded -> {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new EndListener(whenEnded));
            } else if (!warned) {
                warned = true;
                java.util.logging.Logger.getLogger(ActiveViewStreamResource.class.getName())
                        .warning("SSE request not in async mode when joining: streams cannot be told when Tomcat ends them");
            }
        });
    }

    /** Tells the push layer when Tomcat ends the stream's request, before the request is recycled. */
    private record EndListener(Runnable whenEnded) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            whenEnded.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            whenEnded.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            whenEnded.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a stream is never re-dispatched
        }
    }
}
