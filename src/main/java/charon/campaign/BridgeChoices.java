package charon.campaign;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import charon.view.ActiveView;
import charon.view.BridgeView;
import charon.view.ViewType;

/**
 * What the GM may choose on the bridge under a campaign (the star map's systems, bodies and orbit objects, the
 * players' people and logs), and what players see of a choice. Reads the parsed campaign only, never the disk.
 */
public final class BridgeChoices {

    private BridgeChoices() {
    }

    /** Why the campaign cannot show this bridge, in one line; empty when it can. */
    public static Optional<String> refusal(Campaign campaign, BridgeView b) {
        switch (b.mapLevel()) {
            case GALAXY -> {
                if (!b.systemSlug().isEmpty() && !isStar(campaign, b.systemSlug())) {
                    return Optional.of("Star not on the star map: " + b.systemSlug());
                }
                if (!b.bodySlug().isEmpty() || !b.selected().isEmpty()) {
                    return Optional.of("The galaxy selects a star (system_slug) only");
                }
            }
            case SYSTEM -> {
                Map<String, Object> system = campaign.systemMap(b.systemSlug()).orElse(null);
                if (system == null) {
                    return Optional.of("System map not found for " + quoted(b.systemSlug()));
                }
                if (!b.bodySlug().isEmpty() && find(system.get("bodies"), b.bodySlug()).isEmpty()) {
                    return Optional.of("Body not in " + b.systemSlug() + ": " + b.bodySlug());
                }
                if (!b.selected().isEmpty()) {
                    return Optional.of("A system selects a body (body_slug) only");
                }
            }
            case ORBIT -> {
                Map<String, Object> orbit = campaign.orbitMap(b.systemSlug(), b.bodySlug()).orElse(null);
                if (orbit == null) {
                    return Optional.of("Orbit map not found for " + quoted(b.systemSlug()) + "/" + quoted(b.bodySlug()));
                }
                if (!b.selected().isEmpty() && find(orbit.get("moons"), b.selected()).isEmpty()
                        && find(orbit.get("orbital_stations"), b.selected()).isEmpty()
                        && find(orbit.get("surface_markers"), b.selected()).isEmpty()) {
                    return Optional.of("No moon, station or surface marker in this orbit: " + b.selected());
                }
            }
            default -> throw new IllegalStateException(b.mapLevel().name());
        }
        if (!b.person().isEmpty() && !isPlayersPerson(campaign, b.person())) {
            return Optional.of("Person not on the bridge's roster: " + b.person());
        }
        if (!b.log().isEmpty() && !isPlayersLog(campaign, b.log())) {
            return Optional.of("Session log not found: " + b.log());
        }
        return Optional.empty();
    }

    /**
     * The players' bridge: the people and logs only while the BRIDGE view is on screen (they are shown with it, not
     * before) and only those players may read; the star map's part is public (the star-map endpoints are).
     */
    public static BridgeView forPlayers(Campaign campaign, ActiveView state, BridgeView b) {
        if (state.viewType() != ViewType.BRIDGE) {
            return b.withoutRecords();
        }
        String person = b.person().isEmpty() || isPlayersPerson(campaign, b.person()) ? b.person() : "";
        String log = b.log().isEmpty() || isPlayersLog(campaign, b.log()) ? b.log() : "";
        return new BridgeView(b.tab(), b.mapLevel(), b.systemSlug(), b.bodySlug(), b.selected(), person, log);
    }

    private static boolean isStar(Campaign campaign, String slug) {
        return campaign.starMap().flatMap(map -> find(map.get("systems"), slug)).isPresent();
    }

    private static boolean isPlayersPerson(Campaign campaign, String id) {
        return GmOnly.forPlayers(campaign.crew()).stream().anyMatch(p -> matches(p, id, "id", "name"))
                || GmOnly.forPlayers(campaign.npcs()).stream().anyMatch(p -> matches(p, id, "id", "name"));
    }

    private static boolean isPlayersLog(Campaign campaign, String number) {
        return campaign.sessions().stream().filter(s -> !GmOnly.marked(s.data()))
                .anyMatch(s -> matches(s.data(), number, "session_number", "number"));
    }

    /** An entry of a star-map list by its location slug or, for entries without one, its name. */
    private static Optional<Map<String, Object>> find(Object list, String id) {
        List<?> entries = Values.asList(list);
        if (entries == null) {
            return Optional.empty();
        }
        return entries.stream().map(Values::asMap).filter(Objects::nonNull)
                .filter(e -> matches(e, id, "location_slug", "name")).findFirst();
    }

    private static boolean matches(Map<String, Object> entry, String id, String... keys) {
        for (String key : keys) {
            String value = Values.str(entry.get(key));
            if (value != null && !value.isEmpty() && value.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String slug) {
        return slug.isEmpty() ? "(none)" : slug;
    }
}
