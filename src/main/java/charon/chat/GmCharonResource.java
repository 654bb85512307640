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

import static charon.json.Answers.success;
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
    public Map<String, Object> mode(CharonRequests.Mode body) {
        return success("mode", commands.setCharonMode(body.mode()).view().charonMode().name());
    }

    @POST
    @Path("location/")
    public Map<String, Object> location(CharonRequests.Location body) {
        return success("location_path", commands.setCharonLocation(body.locationPath()).view().charonLocationPath());
    }

    @POST
    @Path("toggle-dialog/")
    public Map<String, Object> toggleDialog(CharonRequests.Dialog body, @Context HttpServletRequest request) {
        boolean open = commands.toggleDialog(java.util.Optional.ofNullable(body.open()), Viewer.of(request).gm()).view().charonDialogOpen();
        return success("charon_dialog_open", open);
    }

    @POST
    @Path("send/")
    public Map<String, Object> legacySend(CharonRequests.Reply body) {
        return Map.of("success", true, "message_id",
                channels.charonReply("default", body.content()).messageId());
    }

    @POST
    @Path("clear/")
    public Map<String, Object> legacyClear(NoFields body) {
        channels.clear("default");
        return Map.of("success", true);
    }

    @GET
    @Path("channels/")
    public Map<String, Object> overview() {
        return Map.of("channels", channels.overview());
    }

    @POST
    @Path("{channel}/send/")
    public Map<String, Object> send(@PathParam("channel") String channel, CharonRequests.Reply body) {
        CharonMessage message = channels.charonReply(CharonChannels.requireChannel(channel), body.content());
        return Map.of("success", true, "message_id", message.messageId(), "channel", channel);
    }

    @POST
    @Path("{channel}/mark-read/")
    public Map<String, Object> markRead(@PathParam("channel") String channel, NoFields body) {
        channels.markRead(CharonChannels.requireChannel(channel));
        return Map.of("success", true, "channel", channel);
    }

    /** The channel is gone from the list, its lines and read marker with it (the console's DELETE). */
    @POST
    @Path("{channel}/delete/")
    public Map<String, Object> delete(@PathParam("channel") String channel, NoFields body) {
        channels.delete(CharonChannels.requireChannel(channel));
        return Map.of("success", true, "channel", channel);
    }

    @POST
    @Path("{channel}/clear/")
    public Map<String, Object> clear(@PathParam("channel") String channel, NoFields body) {
        channels.clear(CharonChannels.requireChannel(channel));
        return Map.of("success", true, "channel", channel);
    }
}
