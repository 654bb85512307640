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
import java.util.Optional;

import charon.gm.GmRequests.DoorStatus;
import charon.gm.GmRequests.MoveToken;
import charon.gm.GmRequests.PlaceToken;
import charon.gm.GmRequests.Portrait;
import charon.gm.GmRequests.RoomVisibility;
import charon.gm.GmRequests.ShipSystem;
import charon.gm.GmRequests.ShowTerminal;
import charon.gm.GmRequests.SwitchDeck;
import charon.gm.GmRequests.SwitchView;
import charon.gm.GmRequests.ToggleRoom;
import charon.gm.GmRequests.TokenRef;
import charon.gm.GmRequests.TokenStatus;
import charon.json.NoFields;

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
    public Map<String, Object> switchView(SwitchView body) {
        ActiveView view = commands.switchView(body.viewType(), body.locationSlug(), body.viewSlug()).view();
        return success("view_type", view.viewType().name(), "location_slug", view.locationSlug());
    }

    @POST
    @Path("show-terminal/")
    public Map<String, Object> showTerminal(ShowTerminal body) {
        ActiveView view = commands.showTerminal(body.locationSlug(), body.terminalSlug()).view();
        return success("overlay_terminal_slug", view.overlayTerminalSlug());
    }

    @POST
    @Path("encounter/switch-level/")
    public Map<String, Object> switchLevel(SwitchDeck body) {
        ActiveView view = commands.switchDeck(body.deckId(), Optional.ofNullable(body.level())).view();
        return success("level", view.encounterLevel(), "deck_id", view.encounterDeckId());
    }

    @POST
    @Path("encounter/toggle-room/")
    public Map<String, Object> toggleRoom(ToggleRoom body) {
        String room = body.roomId();
        ActiveView view = commands.toggleRoom(room, Optional.ofNullable(body.visible())).view();
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
    public Map<String, Object> setRoomVisibility(RoomVisibility body) {
        ActiveView view = commands.setRoomVisibility(body.roomVisibility()).view();
        return success("room_visibility", view.encounterRoomVisibility());
    }

    @POST
    @Path("encounter/set-door-status/")
    public Map<String, Object> setDoorStatus(DoorStatus body) {
        String connection = body.connectionId();
        String status = body.doorStatus();
        ActiveView view = commands.setDoorStatus(connection, status).view();
        return success("connection_id", connection, "door_status", status, "all_door_status", view.encounterDoorStatus());
    }

    @POST
    @Path("encounter/place-token/")
    public Map<String, Object> placeToken(PlaceToken body) {
        ViewCommands.Placed placed = commands.placeToken(body.type(), body.name(), body.x(), body.y(), body.imageUrl(), body.roomId());
        return success("token_id", placed.tokenId(), "tokens", placed.version().view().encounterTokens());
    }

    @POST
    @Path("encounter/move-token/")
    public Map<String, Object> moveToken(MoveToken body) {
        String token = body.tokenId();
        VersionedView moved = commands.moveToken(token, body.x(), body.y(), body.newRoom());
        return success("token_id", token, "tokens", moved.view().encounterTokens());
    }

    @POST
    @Path("encounter/remove-token/")
    public Map<String, Object> removeToken(TokenRef body) {
        return success("tokens", commands.removeToken(body.tokenId()).view().encounterTokens());
    }

    @POST
    @Path("encounter/update-token-status/")
    public Map<String, Object> updateTokenStatus(TokenStatus body) {
        String token = body.tokenId();
        VersionedView changed = commands.setTokenStatus(token, body.status());
        return success("token_id", token, "tokens", changed.view().encounterTokens());
    }

    @POST
    @Path("encounter/clear-tokens/")
    public Map<String, Object> clearTokens(NoFields body) {
        return success("tokens", commands.clearTokens().view().encounterTokens());
    }

    @POST
    @Path("encounter/toggle-portrait/")
    public Map<String, Object> togglePortrait(Portrait body) {
        return success("active_portraits", commands.togglePortrait(body.npcId().trim()).view().encounterActivePortraits());
    }

    @POST
    @Path("ship-status/toggle/")
    public Map<String, Object> shipStatus(ShipSystem body) {
        String system = body.system().trim();
        ActiveView view = commands.setShipSystem(system, body.status(), Optional.ofNullable(body.condition()),
                Optional.ofNullable(body.info())).view();
        return success("system", system, "override", view.shipSystemOverrides().get(system));
    }
}
