package charon.gm;

import java.util.Optional;

import charon.campaign.Campaign;
import charon.campaign.EncounterMap;
import charon.campaign.Location;
import charon.view.ActiveView;
import charon.view.ViewType;

import charon.errors.InvalidRequest;
import charon.errors.NotFound;

/** What an encounter write may refer to: the map of the location the displays show now. */
final class EncounterRules {

    private EncounterRules() {
    }

    static EncounterMap currentMap(Campaign campaign, ActiveView view) {
        if (view.viewType() != ViewType.ENCOUNTER || view.locationSlug().isEmpty()) {
            throw new InvalidRequest("No encounter location is shown; switch to an ENCOUNTER view first");
        }
        Location location = campaign.location(view.locationSlug())
                .orElseThrow(() -> new NotFound("Location not found: " + view.locationSlug()));
        return location.map().orElseThrow(() -> new InvalidRequest("Location " + view.locationSlug() + " has no encounter map"));
    }

    static void requireRoom(EncounterMap map, String roomId) {
        if (!map.allRoomIds().contains(roomId)) {
            throw new NotFound("Unknown room: " + roomId);
        }
    }

    /** The room's name in the map (its id when it has none), for what the console's undo shows. */
    static String roomName(EncounterMap map, String roomId) {
        for (charon.campaign.Deck deck : map.decks()) {
            for (Object room : deck.rooms()) {
                if (room instanceof java.util.Map<?, ?> fields && roomId.equals(String.valueOf(fields.get("id")))
                        && fields.get("name") != null) {
                    return String.valueOf(fields.get("name"));
                }
            }
        }
        return roomId;
    }

    static Optional<String> optionalRoom(EncounterMap map, String roomId) {
        if (roomId == null || roomId.isEmpty()) {
            return Optional.empty();
        }
        requireRoom(map, roomId);
        return Optional.of(roomId);
    }
}
