package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

import charon.json.JsonBody;

import static charon.json.Answers.success;
import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.VersionedView;

/** The GM's writes to what every display shows (api-contract §3.2, §4, §6, §7, §9). Thin: parse, command, answer. */
@RequestScoped
@Path("gm/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
public class GmViewResource {

    @Inject
    ViewCommands commands;
    @Inject
    ActiveViewStore store;

    @POST
    @Path("switch-view/")
    public Map<String, Object> switchView(String raw) {
        JsonBody body = JsonBody.parse(raw);
        ActiveView view = commands.switchView(body.string("view_type", "STANDBY"), body.string("location_slug", ""),
                body.string("view_slug", "")).view();
        return success("view_type", view.viewType().name(), "location_slug", view.locationSlug());
    }

    @POST
    @Path("show-terminal/")
    public Map<String, Object> showTerminal(String raw) {
        JsonBody body = JsonBody.parse(raw);
        ActiveView view = commands.showTerminal(body.string("location_slug", ""), body.string("terminal_slug", "")).view();
        return success("overlay_terminal_slug", view.overlayTerminalSlug());
    }

    @POST
    @Path("encounter/switch-level/")
    public Map<String, Object> switchLevel(String raw) {
        JsonBody body = JsonBody.parse(raw);
        ActiveView view = commands.switchDeck(body.requiredString("deck_id"), body.optionalInt("level")).view();
        return success("level", view.encounterLevel(), "deck_id", view.encounterDeckId());
    }

    @POST
    @Path("encounter/toggle-room/")
    public Map<String, Object> toggleRoom(String raw) {
        JsonBody body = JsonBody.parse(raw);
        String room = body.requiredString("room_id");
        ActiveView view = commands.toggleRoom(room, body.optionalBoolean("visible")).view();
        return success("room_id", room, "visible", view.encounterRoomVisibility().get(room),
                "room_visibility", view.encounterRoomVisibility());
    }

    @GET
    @Path("encounter/room-visibility/")
    public Map<String, Object> roomVisibility() {
        return Map.of("room_visibility", store.current().view().encounterRoomVisibility());
    }

    @POST
    @Path("encounter/room-visibility/")
    public Map<String, Object> setRoomVisibility(String raw) {
        JsonBody body = JsonBody.parse(raw);
        ActiveView view = commands.setRoomVisibility(body.requiredBooleanMap("room_visibility")).view();
        return success("room_visibility", view.encounterRoomVisibility());
    }

    @POST
    @Path("encounter/set-door-status/")
    public Map<String, Object> setDoorStatus(String raw) {
        JsonBody body = JsonBody.parse(raw);
        String connection = body.requiredString("connection_id");
        String status = body.requiredString("door_status");
        ActiveView view = commands.setDoorStatus(connection, status).view();
        return success("connection_id", connection, "door_status", status, "all_door_status", view.encounterDoorStatus());
    }

    @POST
    @Path("encounter/place-token/")
    public Map<String, Object> placeToken(String raw) {
        JsonBody body = JsonBody.parse(raw);
        ViewCommands.Placed placed = commands.placeToken(body.requiredString("type"), body.requiredString("name"),
                body.requiredInt("x"), body.requiredInt("y"), body.string("image_url", ""), body.string("room_id", ""));
        return success("token_id", placed.tokenId(), "tokens", placed.version().view().encounterTokens());
    }

    @POST
    @Path("encounter/move-token/")
    public Map<String, Object> moveToken(String raw) {
        JsonBody body = JsonBody.parse(raw);
        String token = body.requiredString("token_id");
        VersionedView moved = commands.moveToken(token, body.requiredInt("x"), body.requiredInt("y"), body.optionalString("room_id"));
        return success("token_id", token, "tokens", moved.view().encounterTokens());
    }

    @POST
    @Path("encounter/remove-token/")
    public Map<String, Object> removeToken(String raw) {
        JsonBody body = JsonBody.parse(raw);
        return success("tokens", commands.removeToken(body.requiredString("token_id")).view().encounterTokens());
    }

    @POST
    @Path("encounter/update-token-status/")
    public Map<String, Object> updateTokenStatus(String raw) {
        JsonBody body = JsonBody.parse(raw);
        String token = body.requiredString("token_id");
        VersionedView changed = commands.setTokenStatus(token, body.requiredStringList("status"));
        return success("token_id", token, "tokens", changed.view().encounterTokens());
    }

    @POST
    @Path("encounter/clear-tokens/")
    public Map<String, Object> clearTokens(String raw) {
        JsonBody.parse(raw);
        return success("tokens", commands.clearTokens().view().encounterTokens());
    }

    @POST
    @Path("encounter/toggle-portrait/")
    public Map<String, Object> togglePortrait(String raw) {
        JsonBody body = JsonBody.parse(raw);
        return success("active_portraits", commands.togglePortrait(body.requiredText("npc_id")).view().encounterActivePortraits());
    }

    @POST
    @Path("ship-status/toggle/")
    public Map<String, Object> shipStatus(String raw) {
        JsonBody body = JsonBody.parse(raw);
        String system = body.requiredText("system");
        ActiveView view = commands.setShipSystem(system, body.requiredString("status"), body.optionalInt("condition"),
                body.optionalString("info")).view();
        return success("system", system, "override", view.shipSystemOverrides().get(system));
    }
}
