package charon.ai;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/gm/charon/drafts/stream/} (GM only): a {@code drafts} event with every pending draft, then a
 * {@code draft} event ({removed, draft}) for each change as the model writes, and {@code ai-test} outcomes.
 */
@RequestScoped
@Path("gm/charon/drafts/stream/")
public class GmDraftStreamResource {

    @Inject
    GmDraftStream stream;
    @Inject
    DraftStore drafts;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void open(@Context SseEventSink sink, @Context Sse sse) {
        stream.join(sink, sse, drafts.all());
    }
}
