package charon.view;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every display shows: the 16 fields of the original's ActiveView, defined here and nowhere else.
 * Immutable; each {@code with...} returns a changed copy. JSON names are the snake_case of the
 * component names (see {@code charon.json.JsonConfig}).
 */
public record ActiveView(
        ViewType viewType,
        String locationSlug,
        String viewSlug,
        String overlayLocationSlug,
        String overlayTerminalSlug,
        CharonMode charonMode,
        String charonLocationPath,
        boolean charonDialogOpen,
        String charonActiveChannel,
        int encounterLevel,
        String encounterDeckId,
        Map<String, Boolean> encounterRoomVisibility,
        Map<String, DoorStatus> encounterDoorStatus,
        Map<String, Token> encounterTokens,
        List<String> encounterActivePortraits,
        Map<String, ShipSystemOverride> shipSystemOverrides) {

    /** The state at server start. */
    public static final ActiveView STANDBY = new ActiveView(
            ViewType.STANDBY, "", "", "", "",
            CharonMode.DISPLAY, "", false, "story",
            1, "", Map.of(), Map.of(), Map.of(), List.of(), Map.of());

    public ActiveView {
        Objects.requireNonNull(viewType, "viewType");
        Objects.requireNonNull(charonMode, "charonMode");
        locationSlug = Objects.requireNonNull(locationSlug, "locationSlug");
        viewSlug = Objects.requireNonNull(viewSlug, "viewSlug");
        overlayLocationSlug = Objects.requireNonNull(overlayLocationSlug, "overlayLocationSlug");
        overlayTerminalSlug = Objects.requireNonNull(overlayTerminalSlug, "overlayTerminalSlug");
        charonLocationPath = Objects.requireNonNull(charonLocationPath, "charonLocationPath");
        charonActiveChannel = Objects.requireNonNull(charonActiveChannel, "charonActiveChannel");
        encounterDeckId = Objects.requireNonNull(encounterDeckId, "encounterDeckId");
        encounterRoomVisibility = frozen(encounterRoomVisibility);
        encounterDoorStatus = frozen(encounterDoorStatus);
        encounterTokens = frozen(encounterTokens);
        encounterActivePortraits = List.copyOf(encounterActivePortraits);
        shipSystemOverrides = frozen(shipSystemOverrides);
    }

    /** Keeps insertion order (stable JSON for the displays) and refuses later mutation. */
    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    public ActiveView withView(ViewType type, String location, String slug) {
        return new ActiveView(type, location, slug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withOverlay(String location, String terminal) {
        return new ActiveView(viewType, locationSlug, viewSlug, location, terminal, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withCharonMode(CharonMode mode) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, mode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withCharonLocationPath(String path) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, path, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withCharonDialogOpen(boolean open) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, open, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withCharonActiveChannel(String channel) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, channel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withDeck(int level, String deckId) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, level, deckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withRoomVisibility(Map<String, Boolean> visibility) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, visibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withRoomVisible(String roomId, boolean visible) {
        return withRoomVisibility(with(encounterRoomVisibility, roomId, visible));
    }

    public ActiveView withDoorStatus(String connectionId, DoorStatus status) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, with(encounterDoorStatus, connectionId, status), encounterTokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withTokens(Map<String, Token> tokens) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, tokens, encounterActivePortraits, shipSystemOverrides);
    }

    public ActiveView withToken(String tokenId, Token token) {
        return withTokens(with(encounterTokens, tokenId, token));
    }

    public ActiveView withoutToken(String tokenId) {
        return withTokens(without(encounterTokens, tokenId));
    }

    public ActiveView withActivePortraits(List<String> npcIds) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, npcIds, shipSystemOverrides);
    }

    public ActiveView withShipSystemOverride(String system, ShipSystemOverride override) {
        return new ActiveView(viewType, locationSlug, viewSlug, overlayLocationSlug, overlayTerminalSlug, charonMode, charonLocationPath, charonDialogOpen, charonActiveChannel, encounterLevel, encounterDeckId, encounterRoomVisibility, encounterDoorStatus, encounterTokens, encounterActivePortraits, with(shipSystemOverrides, system, override));
    }
}
