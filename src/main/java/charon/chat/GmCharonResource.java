package charon.chat;

import jakarta.enterprise.context.RequestScoped;
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

import java.util.Map;

import charon.gm.ViewCommands;
import charon.json.NoFields;
import charon.chat.ConversationAnswers.ChannelDone;
import charon.chat.ConversationAnswers.Channels;
import charon.chat.ConversationAnswers.DialogSet;
import charon.json.Done;
import charon.chat.ConversationAnswers.LocationSet;
import charon.chat.ConversationAnswers.ModeSet;
import charon.chat.ConversationAnswers.Sent;

import charon.security.Viewer;

/**
 * The GM's side of CHARON under {@code /api/gm/charon/}: answers, clearing, read markers, the global
 * mode and location, and the dialog (which a display may close).
 */
@RequestScoped
@Path("gm/charon/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class GmCharonResource {

    @Inject
    CharonChannels channels;
    @Inject
    ViewCommands commands;

    @POST
    @Path("mode/")
    public ModeSet mode(CharonRequests.Mode body) {
        return new ModeSet(commands.setCharonMode(body.mode()).view().charonMode().name());
    }

    @POST
    @Path("location/")
    public LocationSet location(CharonRequests.Location body) {
        return new LocationSet(commands.setCharonLocation(body.locationPath()).view().charonLocationPath());
    }

    @POST
    @Path("toggle-dialog/")
    public DialogSet toggleDialog(CharonRequests.Dialog body, @Context HttpServletRequest request) {
        boolean open = commands.toggleDialog(java.util.Optional.ofNullable(body.open()), Viewer.of(request).gm()).view().charonDialogOpen();
        return new DialogSet(open);
    }

    @POST
    @Path("send/")
    public Sent legacySend(CharonRequests.Reply body) {
        return new Sent(channels.charonReply("default", body.content()).messageId(), null);
    }

    @POST
    @Path("clear/")
    public Done legacyClear(NoFields body) {
        channels.clear("default");
        return Done.DONE;
    }

    @GET
    @Path("channels/")
    public Channels overview() {
        return new Channels(channels.overview());
    }

    @POST
    @Path("{channel}/send/")
    public Sent send(@PathParam("channel") String channel, CharonRequests.Reply body) {
        CharonMessage message = channels.charonReply(CharonChannels.requireChannel(channel), body.content());
        return new Sent(message.messageId(), channel);
    }

    @POST
    @Path("{channel}/mark-read/")
    public ChannelDone markRead(@PathParam("channel") String channel, NoFields body) {
        channels.markRead(CharonChannels.requireChannel(channel));
        return new ChannelDone(channel);
    }

    /** The channel is gone from the list, its lines and read marker with it (the console's DELETE). */
    @POST
    @Path("{channel}/delete/")
    public ChannelDone delete(@PathParam("channel") String channel, NoFields body) {
        channels.delete(CharonChannels.requireChannel(channel));
        return new ChannelDone(channel);
    }

    @POST
    @Path("{channel}/clear/")
    public ChannelDone clear(@PathParam("channel") String channel, NoFields body) {
        channels.clear(CharonChannels.requireChannel(channel));
        return new ChannelDone(channel);
    }
}
