package charon.gm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

import charon.campaign.CurrentCampaign;
import charon.campaign.Location;
import charon.view.ActiveView;
import charon.view.ActiveViewStore;
import charon.view.EncounterMemory;
import charon.view.TableState;
import charon.view.VersionedView;

import charon.errors.InvalidRequest;
import charon.errors.NotFound;

/**
 * The GM's changes to the table state as a whole: resetting a location's encounter, undo and redo, and a new
 * evening. Each is one atomic store change: one version, one event, journaled like any other.
 */
@ApplicationScoped
public class TableCommands {

    @Inject
    ActiveViewStore store;
    @Inject
    CurrentCampaign campaign;

    /**
     * Returns a location's encounter to its start (every room hidden, no tokens, no portraits, doors as the map
     * defines them). Without a location: the encounter on screen.
     */
    public VersionedView resetEncounter(Optional<String> locationSlug) {
        Optional<String> requested = locationSlug.filter(slug -> !slug.isEmpty());
        if (requested.isEmpty() && store.snapshot().table().shownEncounter().isEmpty()) {
            throw new InvalidRequest("No encounter location is shown; name one in location_slug");
        }
        return store.edit(table -> {
            String slug = requested.or(table::shownEncounter)
                    .orElseThrow(() -> new InvalidRequest("No encounter location is shown; name one in location_slug"));
            Location location = campaign.get().location(slug).orElseThrow(() -> new NotFound("Location not found: " + slug));
            EncounterMemory start = ViewSwitch.startOf(location);
            TableState next = table.shownEncounter().filter(slug::equals).isPresent()
                    ? table.withView(start.applyTo(table.view()))
                    : table.forgetting(slug);
            return new ActiveViewStore.Edit(next, "reset " + location.name().toUpperCase(Locale.ROOT));
        });
    }

    /**
     * A new evening: every display to STANDBY. Keeping the memories also keeps the encounter on screen (it is
     * remembered) and the ship's system overrides; clearing them starts the table as a fresh server does.
     */
    public VersionedView newSession(boolean keepMemories) {
        return store.edit(table -> {
            TableState next;
            if (keepMemories) {
                TableState remembered = table.shownEncounter()
                        .map(slug -> table.remembering(slug, EncounterMemory.of(table.view())))
                        .orElse(table);
                ActiveView standby = ActiveView.STANDBY;
                for (var override : table.view().shipSystemOverrides().entrySet()) {
                    standby = standby.withShipSystemOverride(override.getKey(), override.getValue());
                }
                next = remembered.withView(standby);
            } else {
                next = TableState.START;
            }
            return new ActiveViewStore.Edit(next, keepMemories ? "new session" : "new session (memories cleared)");
        });
    }

    public VersionedView undo() {
        return store.undo().orElseThrow(() -> new charon.errors.Conflict("Nothing to undo"));
    }

    public VersionedView redo() {
        return store.redo().orElseThrow(() -> new charon.errors.Conflict("Nothing to redo"));
    }
}
