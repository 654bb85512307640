package charon.gm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import charon.campaign.Campaign;
import charon.campaign.CurrentCampaign;
import charon.campaign.Deck;
import charon.campaign.EncounterMap;
import charon.campaign.Location;
import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.EncounterMemory;
import charon.view.TableState;
import charon.view.VersionedView;
import charon.view.ViewType;

import charon.errors.NotFound;

/**
 * Switching what the displays show, with each location's encounter memory: leaving an encounter remembers it,
 * entering one restores it (or starts it), so tokens, doors and portraits never follow the view elsewhere.
 */
@ApplicationScoped
public class ViewSwitch {

    @Inject
    ActiveViewStore store;
    @Inject
    CurrentCampaign campaign;

    /**
     * The change a GM's view switch makes (api-contract §3.2), with unknown views and locations refused. Leaving
     * an encounter remembers it; entering one restores what its location remembers (or starts it: every room
     * hidden, the default deck); tokens, doors and portraits never follow the view to another location.
     */
    public VersionedView switchView(String viewTypeName, String requestedSlug, String viewSlug) {
        ViewType type = ViewCommands.parse(ViewType.class, viewTypeName, "view_type");
        Campaign current = campaign.get();
        if (!requestedSlug.isEmpty()) {
            current.location(requestedSlug).orElseThrow(() -> new NotFound("Location not found: " + requestedSlug));
        }
        return store.edit(table -> {
            // ENCOUNTER without a location: the encounter on screen, else the one last left (the console's ENCOUNTER button)
            String locationSlug = type == ViewType.ENCOUNTER && requestedSlug.isEmpty()
                    ? table.shownEncounter().or(() -> table.memories().keySet().stream().reduce((first, last) -> last)).orElse("")
                    : requestedSlug;
            Optional<Location> location = locationSlug.isEmpty() ? Optional.empty()
                    : Optional.of(current.location(locationSlug).orElseThrow(() -> new NotFound("Location not found: " + locationSlug)));
            String label = "show " + switch (type) {
                case ENCOUNTER -> location.map(l -> l.name().toUpperCase(Locale.ROOT)).orElse("ENCOUNTER");
                case CHARON_TERMINAL -> "CHARON";
                default -> type.name();
            };
            ActiveView view = table.view();
            Optional<String> shown = table.shownEncounter();
            boolean sameEncounter = type == ViewType.ENCOUNTER && shown.isPresent() && shown.get().equals(locationSlug);
            ActiveView next = view.withView(type, locationSlug, viewSlug).withOverlay("", "");
            // The original's displays each posted these toggles on the transition; the server does it once.
            if (type == ViewType.CHARON_TERMINAL && view.viewType() != ViewType.CHARON_TERMINAL) {
                next = next.withCharonDialogOpen(true);
            } else if (type != ViewType.CHARON_TERMINAL && view.viewType() == ViewType.CHARON_TERMINAL) {
                next = next.withCharonDialogOpen(false);
            }
            next = switchChannel(next, type, locationSlug);
            TableState remembered = table;
            if (!sameEncounter) {
                if (shown.isPresent()) {
                    remembered = remembered.remembering(shown.get(), EncounterMemory.of(view));
                }
                EncounterMemory entering = EncounterMemory.NONE;
                if (type == ViewType.ENCOUNTER && location.isPresent()) {
                    entering = remembered.memoryOf(locationSlug).orElseGet(() -> startOf(location.get()));
                    remembered = remembered.forgetting(locationSlug);
                }
                next = entering.applyTo(next);
            }
            return new ActiveViewStore.Edit(remembered.withView(next), label);
        });
    }

    /** A location's encounter as it starts: every room of every deck hidden, the default deck, no tokens, doors as the map says. */
    static EncounterMemory startOf(Location location) {
        return location.map().map(ViewSwitch::startEncounter).orElse(EncounterMemory.NONE);
    }

    /** All rooms of all decks start hidden; the default deck is shown first. */
    private static EncounterMemory startEncounter(EncounterMap map) {
        Map<String, Boolean> hidden = new LinkedHashMap<>();
        map.allRoomIds().forEach(room -> hidden.put(room, false));
        Deck deck = map.defaultDeck();
        return new EncounterMemory(map.isMultiDeck() ? deck.level() : 1, deck.id() == null ? "" : deck.id(),
                hidden, Map.of(), Map.of(), List.of());
    }

    private static ActiveView switchChannel(ActiveView view, ViewType type, String locationSlug) {
        return switch (type) {
            case CHARON_TERMINAL -> view.withCharonActiveChannel("story");
            case BRIDGE -> view.withCharonActiveChannel("bridge");
            case ENCOUNTER -> locationSlug.isEmpty() ? view : view.withCharonActiveChannel("encounter-" + locationSlug);
            default -> view;
        };
    }
}
