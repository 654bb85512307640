package charon.gm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import charon.campaign.CurrentCampaign;
import charon.campaign.Deck;
import charon.campaign.EncounterMap;
import charon.campaign.Location;
import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.CharonMode;
import charon.view.DoorStatus;
import charon.view.ShipSystemOverride;
import charon.view.Token;
import charon.view.VersionedView;
import charon.view.ViewType;

import charon.errors.InvalidRequest;
import charon.errors.NotFound;

/**
 * Every change the GM (or, for a few, a display) can make to what the displays show. Each method
 * validates against the campaign and applies one atomic change through the store, so a refused
 * request changes nothing and an accepted one is exactly one version and one pushed event.
 */
@ApplicationScoped
public class ViewCommands {

    static final Set<String> SHIP_SYSTEMS = Set.of("life_support", "engines", "weapons", "comms");
    static final List<String> SHIP_STATUSES = List.of("ONLINE", "STRESSED", "DAMAGED", "CRITICAL", "OFFLINE");
    static final Set<String> TOKEN_STATUSES = Set.of("wounded", "dead", "panicked", "stunned", "hidden");

    @Inject
    ActiveViewStore store;
    @Inject
    CurrentCampaign campaign;
    @Inject
    ViewSwitch viewSwitch;

    /** A GM's view switch (api-contract §3.2); see {@link ViewSwitch}. */
    public VersionedView switchView(String viewTypeName, String locationSlug, String viewSlug) {
        return viewSwitch.switchView(viewTypeName, locationSlug, viewSlug);
    }

    /** Opens a comm terminal on every display; both slugs empty closes it. */
    public VersionedView showTerminal(String locationSlug, String terminalSlug) {
        if (!(locationSlug.isEmpty() && terminalSlug.isEmpty())) {
            Location location = campaign.get().location(locationSlug)
                    .orElseThrow(() -> new NotFound("Location not found: " + locationSlug));
            location.terminal(terminalSlug).orElseThrow(() -> new NotFound("Terminal not found: " + terminalSlug));
        }
        String label = terminalSlug.isEmpty() ? "close terminal" : "open terminal " + terminalSlug.toUpperCase(Locale.ROOT);
        return store.update(label, view -> view.withOverlay(locationSlug, terminalSlug));
    }

    public VersionedView hideTerminal() {
        return store.update("close terminal", view -> view.withOverlay("", ""));
    }

    /** Shows another deck; the level comes from the manifest, a given level must agree with it. */
    public VersionedView switchDeck(String deckId, Optional<Integer> level) {
        return apply(view -> {
            EncounterMap map = EncounterRules.currentMap(campaign.get(), view);
            Deck deck = map.deck(deckId).orElseThrow(() -> new NotFound("Unknown deck: " + deckId));
            int deckLevel = map.isMultiDeck() ? deck.level() : 1;
            if (level.isPresent() && level.get() != deckLevel) {
                throw new InvalidRequest("level " + level.get() + " does not match deck " + deckId + " (level " + deckLevel + ")");
            }
            return new Named(view.withDeck(deckLevel, deckId), "deck " + upper(deck.name() == null ? deckId : deck.name()));
        });
    }

    /** Sets a room's visibility, or flips it when visible is absent (absent counts as visible). */
    public VersionedView toggleRoom(String roomId, Optional<Boolean> visible) {
        return apply(view -> {
            EncounterMap map = EncounterRules.currentMap(campaign.get(), view);
            EncounterRules.requireRoom(map, roomId);
            boolean now = visible.orElseGet(() -> !view.encounterRoomVisibility().getOrDefault(roomId, true));
            return new Named(view.withRoomVisible(roomId, now), (now ? "reveal " : "hide ") + upper(EncounterRules.roomName(map, roomId)));
        });
    }

    /** Replaces the visibility of many rooms at once (reveal all / hide all). */
    public VersionedView setRoomVisibility(Map<String, Boolean> visibility) {
        String label = visibility.values().stream().allMatch(Boolean::booleanValue) ? "reveal rooms"
                : visibility.values().stream().noneMatch(Boolean::booleanValue) ? "hide rooms" : "set rooms";
        return store.update(label, view -> {
            EncounterMap map = EncounterRules.currentMap(campaign.get(), view);
            visibility.keySet().forEach(room -> EncounterRules.requireRoom(map, room));
            return view.withRoomVisibility(visibility);
        });
    }

    public VersionedView setDoorStatus(String connectionId, String status) {
        DoorStatus doorStatus = parseDoorStatus(status);
        return store.update("door " + connectionId + " " + doorStatus.name(), view -> {
            if (!EncounterRules.currentMap(campaign.get(), view).connectionIds().contains(connectionId)) {
                throw new NotFound("Unknown connection: " + connectionId);
            }
            return view.withDoorStatus(connectionId, doorStatus);
        });
    }

    static DoorStatus parseDoorStatus(String status) {
        try {
            return DoorStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Invalid door_status. Must be one of: OPEN, CLOSED, LOCKED, SEALED, DAMAGED");
        }
    }

    public record Placed(String tokenId, VersionedView version) {
    }

    public Placed placeToken(String type, String name, int x, int y, String imageUrl, String roomId) {
        if (!Token.TYPES.contains(type)) {
            throw new InvalidRequest("Invalid type. Must be one of: player, npc, creature, object");
        }
        if (name.isBlank()) {
            throw new InvalidRequest("name is required");
        }
        requireCell(x, y);
        String tokenId = UUID.randomUUID().toString().substring(0, 8);
        VersionedView version = store.update("place " + name.trim(), view -> {
            EncounterMap map = EncounterRules.currentMap(campaign.get(), view);
            String room = EncounterRules.optionalRoom(map, roomId).orElse("");
            return view.withToken(tokenId, new Token(type, name.trim(), x, y, List.of(), imageUrl, room));
        });
        return new Placed(tokenId, version);
    }

    /** Moves a token; its room stays unless a new one is given (the original wiped it on every move). */
    public VersionedView moveToken(String tokenId, int x, int y, Optional<String> roomId) {
        requireCell(x, y);
        return apply(view -> {
            Token token = requireToken(view, tokenId);
            String room = token.roomId();
            if (roomId.isPresent()) {
                EncounterMap map = EncounterRules.currentMap(campaign.get(), view);
                room = EncounterRules.optionalRoom(map, roomId.get()).orElse("");
            }
            return new Named(view.withToken(tokenId, token.movedTo(x, y, room)), "move " + token.name());
        });
    }

    public VersionedView removeToken(String tokenId) {
        return apply(view -> {
            Token token = requireToken(view, tokenId);
            return new Named(view.withoutToken(tokenId), "remove " + token.name());
        });
    }

    public VersionedView setTokenStatus(String tokenId, List<String> status) {
        List<String> normalized = new ArrayList<>();
        for (String s : status) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (!TOKEN_STATUSES.contains(lower)) {
                throw new InvalidRequest("Invalid status '" + s + "'. Must be among: wounded, dead, panicked, stunned, hidden");
            }
            if (!normalized.contains(lower)) {
                normalized.add(lower);
            }
        }
        return apply(view -> {
            Token token = requireToken(view, tokenId);
            return new Named(view.withToken(tokenId, token.withStatus(normalized)), "status of " + token.name());
        });
    }

    public VersionedView clearTokens() {
        return store.update("clear tokens", view -> view.withTokens(Map.of()));
    }

    public VersionedView togglePortrait(String npcId) {
        campaign.get().npc(npcId).orElseThrow(() -> new NotFound("Unknown NPC: " + npcId));
        return apply(view -> {
            List<String> portraits = new ArrayList<>(view.encounterActivePortraits());
            if (!portraits.remove(npcId)) {
                portraits.add(npcId);
            }
            String shown = portraits.contains(npcId) ? "show portrait " : "dismiss portrait ";
            return new Named(view.withActivePortraits(portraits), shown + npcId);
        });
    }

    /** Replaces the system's override wholesale, as the original did. */
    public VersionedView setShipSystem(String system, String status, Optional<Integer> condition, Optional<String> info) {
        if (!SHIP_SYSTEMS.contains(system)) {
            throw new InvalidRequest("Invalid system. Must be one of: life_support, engines, weapons, comms");
        }
        if (!SHIP_STATUSES.contains(status)) {
            throw new InvalidRequest("Invalid status. Must be one of: ONLINE, STRESSED, DAMAGED, CRITICAL, OFFLINE");
        }
        condition.filter(c -> c < 0 || c > 100).ifPresent(c -> {
            throw new InvalidRequest("condition must be between 0 and 100");
        });
        if (campaign.get().ship().isEmpty()) {
            throw new NotFound("Ship data not found");
        }
        ShipSystemOverride override = new ShipSystemOverride(status, condition.orElse(null), info.orElse(null));
        return store.update(system + " " + status, view -> view.withShipSystemOverride(system, override));
    }

    public VersionedView setCharonMode(String mode) {
        CharonMode parsed;
        try {
            parsed = CharonMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Invalid mode. Must be DISPLAY or QUERY");
        }
        return store.update("CHARON " + parsed.name(), view -> view.withCharonMode(parsed));
    }

    public VersionedView setCharonLocation(String path) {
        if (path.length() > 500) {
            throw new InvalidRequest("location_path is longer than 500 characters");
        }
        return store.update("CHARON location", view -> view.withCharonLocationPath(path));
    }

    /** Opens, closes or flips the CHARON dialog; displays may only close it. */
    public VersionedView toggleDialog(Optional<Boolean> open, boolean gm) {
        return apply(view -> {
            boolean next = open.orElse(!view.charonDialogOpen());
            if (next && !gm) {
                throw new charon.errors.Forbidden("Only the GM can open the CHARON dialog");
            }
            return new Named(view.withCharonDialogOpen(next), (next ? "open" : "close") + " CHARON dialog");
        });
    }

    /** A view change and the name the console's undo shows for it. */
    private record Named(ActiveView next, String label) {
    }

    /** A change whose name depends on the state it applies to ("reveal" or "hide"). */
    private VersionedView apply(java.util.function.Function<ActiveView, Named> change) {
        return store.edit(table -> {
            Named named = change.apply(table.view());
            return new ActiveViewStore.Edit(table.withView(named.next()), named.label());
        });
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    private static Token requireToken(ActiveView view, String tokenId) {
        Token token = view.encounterTokens().get(tokenId);
        if (token == null) {
            throw new NotFound("Token not found");
        }
        return token;
    }

    private static void requireCell(int x, int y) {
        if (x < 0 || y < 0 || x > 10_000 || y > 10_000) {
            throw new InvalidRequest("x and y must be grid cells between 0 and 10000");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Invalid " + field + " '" + value + "'. Must be one of: " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
