package charon.gm;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
import charon.gm.GmAnswers.DeckSwitched;
import charon.gm.GmAnswers.DoorSet;
import charon.gm.GmAnswers.Portraits;
import charon.gm.GmAnswers.Rooms;
import charon.gm.GmAnswers.RoomsSet;
import charon.gm.GmAnswers.RoomToggled;
import charon.gm.GmAnswers.ShipSystemSet;
import charon.gm.GmAnswers.TerminalShown;
import charon.gm.GmAnswers.TokenChanged;
import charon.gm.GmAnswers.Tokens;
import charon.gm.GmAnswers.ViewSwitched;

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
    public ViewSwitched switchView(SwitchView body) {
        ActiveView view = commands.switchView(body.viewType(), body.locationSlug(), body.viewSlug()).view();
        return new ViewSwitched(view.viewType().name(), view.locationSlug());
    }

    @POST
    @Path("show-terminal/")
    public TerminalShown showTerminal(ShowTerminal body) {
        ActiveView view = commands.showTerminal(body.locationSlug(), body.terminalSlug()).view();
        return new TerminalShown(view.overlayTerminalSlug());
    }

    @POST
    @Path("encounter/switch-level/")
    public DeckSwitched switchLevel(SwitchDeck body) {
        ActiveView view = commands.switchDeck(body.deckId(), Optional.ofNullable(body.level())).view();
        return new DeckSwitched(view.encounterLevel(), view.encounterDeckId());
    }

    @POST
    @Path("encounter/toggle-room/")
    public RoomToggled toggleRoom(ToggleRoom body) {
        String room = body.roomId();
        ActiveView view = commands.toggleRoom(room, Optional.ofNullable(body.visible())).view();
        return new RoomToggled(room, view.encounterRoomVisibility());
    }

    @GET
    @Path("encounter/room-visibility/")
    public Rooms roomVisibility() {
        return new Rooms(store.current().view().encounterRoomVisibility());
    }

    @POST
    @Path("encounter/room-visibility/")
    public RoomsSet setRoomVisibility(RoomVisibility body) {
        ActiveView view = commands.setRoomVisibility(body.roomVisibility()).view();
        return new RoomsSet(view.encounterRoomVisibility());
    }

    @POST
    @Path("encounter/set-door-status/")
    public DoorSet setDoorStatus(DoorStatus body) {
        String connection = body.connectionId();
        String status = body.doorStatus();
        ActiveView view = commands.setDoorStatus(connection, status).view();
        return new DoorSet(connection, status, view.encounterDoorStatus());
    }

    @POST
    @Path("encounter/place-token/")
    public TokenChanged placeToken(PlaceToken body) {
        ViewCommands.Placed placed = commands.placeToken(body.type(), body.name(), body.x(), body.y(), body.imageUrl(), body.roomId());
        return new TokenChanged(placed.tokenId(), placed.version().view().encounterTokens());
    }

    @POST
    @Path("encounter/move-token/")
    public TokenChanged moveToken(MoveToken body) {
        String token = body.tokenId();
        VersionedView moved = commands.moveToken(token, body.x(), body.y(), body.newRoom());
        return new TokenChanged(token, moved.view().encounterTokens());
    }

    @POST
    @Path("encounter/remove-token/")
    public Tokens removeToken(TokenRef body) {
        return new Tokens(commands.removeToken(body.tokenId()).view().encounterTokens());
    }

    @POST
    @Path("encounter/update-token-status/")
    public TokenChanged updateTokenStatus(TokenStatus body) {
        String token = body.tokenId();
        VersionedView changed = commands.setTokenStatus(token, body.status());
        return new TokenChanged(token, changed.view().encounterTokens());
    }

    @POST
    @Path("encounter/clear-tokens/")
    public Tokens clearTokens(NoFields body) {
        return new Tokens(commands.clearTokens().view().encounterTokens());
    }

    @POST
    @Path("encounter/toggle-portrait/")
    public Portraits togglePortrait(Portrait body) {
        return new Portraits(commands.togglePortrait(body.npcId().trim()).view().encounterActivePortraits());
    }

    @POST
    @Path("ship-status/toggle/")
    public ShipSystemSet shipStatus(ShipSystem body) {
        String system = body.system().trim();
        ActiveView view = commands.setShipSystem(system, body.status(), Optional.ofNullable(body.condition()),
                Optional.ofNullable(body.info())).view();
        return new ShipSystemSet(system, view.shipSystemOverrides().get(system));
    }
}
