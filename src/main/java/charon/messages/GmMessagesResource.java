package charon.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import charon.errors.InvalidRequest;
import charon.errors.NotFound;
import charon.json.NoFields;

/**
 * {@code GET /api/gm/messages/?q=...} lists and searches every message sent; {@code POST /api/gm/messages/<id>/delete/}
 * deletes one (a GM write: login, CSRF and Origin by the filter, logged by {@code GmWriteLog}).
 */
@RequestScoped
@Path("gm/messages/")
@Produces(MediaType.APPLICATION_JSON)
public class GmMessagesResource {

    public record Listing(List<MessageArchive.Entry> messages, int limit) {
    }

    public record Deleted(boolean success, long id) {
    }

    @Inject
    MessageArchive archive;

    @GET
    public Listing list(@QueryParam("q") String query) {
        if (query != null && query.length() > 200) {
            throw new InvalidRequest("q is longer than 200 characters");
        }
        return new Listing(archive.search(query), MessageArchive.LIMIT);
    }

    @POST
    @Path("{id}/delete/")
    public Deleted delete(@PathParam("id") String id, NoFields body) {
        long messageId;
        try {
            messageId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("id must be a number");
        }
        if (!archive.delete(messageId)) {
            throw new NotFound("Message not found");
        }
        return new Deleted(true, messageId);
    }
}
