package charon.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import charon.campaign.Campaign;
import charon.view.ActiveView;
import charon.view.ActiveViewChanged;
import charon.view.ViewType;

/**
 * What the players have been shown since the server started: the locations the displays went to (and the ones
 * around them), the terminals revealed to them and the NPCs whose portraits they saw. A query may use knowledge of
 * these and of the channel's own location, never of another place (a restart forgets, which only ever hides more).
 */
@ApplicationScoped
public class PlayerReach {

    private final Set<String> locations = new HashSet<>();
    private final Set<String> gates = new HashSet<>();
    private volatile ActiveView current = ActiveView.STANDBY;

    void viewChanged(@Observes ActiveViewChanged changed) {
        ActiveView view = changed.current().view();
        synchronized (this) {
            current = view;
            if (view.viewType() == ViewType.ENCOUNTER && !view.locationSlug().isEmpty()) {
                locations.add(view.locationSlug());
            }
            lastSegment(view.charonLocationPath()).ifPresent(locations::add);
            if (!view.overlayTerminalSlug().isEmpty()) {
                locations.add(view.overlayLocationSlug());
                gates.add("terminal:" + view.overlayLocationSlug() + "/" + view.overlayTerminalSlug());
            }
            view.encounterActivePortraits().forEach(id -> gates.add("npc:" + id));
        }
    }

    /** The location a channel's queries are about: its encounter location, else CHARON's location, else the view's. */
    Optional<String> locationOf(String channel) {
        if (channel.startsWith("encounter-") && channel.length() > "encounter-".length()) {
            return Optional.of(channel.substring("encounter-".length()));
        }
        ActiveView view = current;
        Optional<String> charon = lastSegment(view.charonLocationPath());
        if (charon.isPresent()) {
            return charon;
        }
        return view.viewType() == ViewType.ENCOUNTER && !view.locationSlug().isEmpty()
                ? Optional.of(view.locationSlug()) : Optional.empty();
    }

    /** Which passages a query on {@code channel} may use. */
    Scope scope(Campaign campaign, String channel) {
        Optional<String> here = locationOf(channel).filter(slug -> campaign.location(slug).isPresent());
        Set<String> allowed = new LinkedHashSet<>();
        here.ifPresent(slug -> allowed.addAll(campaign.locationPath(slug)));
        Set<String> shownGates;
        ActiveView view;
        synchronized (this) {
            for (String slug : locations) {
                allowed.addAll(campaign.locationPath(slug));
            }
            shownGates = Set.copyOf(gates);
            view = current;
        }
        return new Scope(here.orElse(""), here.map(campaign::locationPath).orElse(List.of()), Set.copyOf(allowed), shownGates, view);
    }

    /**
     * What one query may know. A passage qualifies when it belongs to the players (no location) or to a reached
     * location, and its gate is open: terminals and NPCs once shown, rooms unless hidden on the map now shown.
     */
    record Scope(String here, List<String> chain, Set<String> locations, Set<String> shownGates, ActiveView view) {

        boolean allows(Passage passage) {
            if (!passage.locationSlug().isEmpty() && !locations.contains(passage.locationSlug())) {
                return false;
            }
            String gate = passage.gate();
            if (gate.isEmpty()) {
                return true;
            }
            if (gate.startsWith("room:")) {
                boolean shownHere = view.viewType() == ViewType.ENCOUNTER && view.locationSlug().equals(passage.locationSlug());
                return !(shownHere && Boolean.FALSE.equals(view.encounterRoomVisibility().get(gate.substring(5))));
            }
            return shownGates.contains(gate);
        }
    }

    private static Optional<String> lastSegment(String path) {
        String trimmed = path == null ? "" : path.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }
}
