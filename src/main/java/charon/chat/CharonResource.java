package charon.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.CharonMode;
import charon.view.ViewType;

/**
 * CHARON conversations (api-contract §9.2, without the LLM endpoints): displays ask, the GM answers. A display
 * asks only on the channel the GM has open, within its device's rate ({@link DisplayQueries}); it reads a
 * conversation here when it needs it, the stream brings only new lines.
 */
@RequestScoped
@Path("charon/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class CharonResource {

    @Inject
    CharonChannels channels;
    @Inject
    ActiveViewStore store;
    @Inject
    DisplayQueries queries;
    @Context
    HttpServletRequest request;
    @Inject
    Event<PlayerQuerySubmitted> submitted;

    @GET
    @Path("conversation/")
    public ConversationAnswers.LegacyConversation legacyConversation() {
        ActiveView view = store.current().view();
        return new ConversationAnswers.LegacyConversation(view.charonMode().name(), view.charonLocationPath(),
                view.viewType() == ViewType.ENCOUNTER && !view.locationSlug().isEmpty() ? view.locationSlug() : view.charonLocationPath(),
                channels.conversation("default"));
    }

    @POST
    @Path("submit-query/")
    public ConversationAnswers.Submitted legacySubmit(CharonRequests.Query body) {
        if (store.current().view().charonMode() != CharonMode.QUERY) {
            throw new charon.errors.Forbidden("Terminal not in query mode");
        }
        queries.withinRate(request.getRemoteAddr());
        return submitted("default", channels.playerQuery("default", body.query()));
    }

    @GET
    @Path("{channel}/conversation/")
    public ConversationAnswers.Conversation conversation(@PathParam("channel") String channel) {
        return new ConversationAnswers.Conversation(CharonChannels.requireChannel(channel), store.current().view().charonMode().name(),
                channels.conversation(channel));
    }

    @POST
    @Path("{channel}/submit/")
    public ConversationAnswers.Submitted submit(@PathParam("channel") String channel, CharonRequests.Query body) {
        queries.admit(CharonChannels.requireChannel(channel), request.getRemoteAddr());
        return submitted(channel, channels.playerQuery(CharonChannels.requireChannel(channel), body.query()));
    }

    /** As the original, the query is queued for a drafted answer (charon.ai observes the event) under pending_id. */
    private ConversationAnswers.Submitted submitted(String channel, CharonMessage query) {
        PlayerQuerySubmitted event = PlayerQuerySubmitted.of(channel, query);
        submitted.fire(event);
        return new ConversationAnswers.Submitted(query.messageId(), event.pendingId());
    }

}
