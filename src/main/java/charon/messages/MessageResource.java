package charon.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;

import charon.security.Viewer;

/** {@code GET /api/messages/?since=<id>} (api-contract §12.5). */
@RequestScoped
@Path("messages/")
public class MessageResource {

    @Inject
    MessageRepository messages;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MessageList list(@QueryParam("since") String since, @Context HttpServletRequest request) {
        return MessageList.of(messages.visibleTo(Viewer.of(request).userId(), parseSince(since)));
    }

    /** Like the original, a since that is not a whole number is ignored rather than refused. */
    static Optional<Long> parseSince(String since) {
        if (since == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(since.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
