package charon.gm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Locale;

import charon.campaign.BridgeChoices;
import charon.campaign.CurrentCampaign;
import charon.json.JsonBody;
import charon.view.ActiveViewStore;
import charon.view.BridgeView;
import charon.view.VersionedView;

import static charon.json.RequestRejected.badRequest;

/**
 * The GM's choice of what the BRIDGE shows (tab, star map level and selection, person, log): validated against the
 * campaign, then one atomic store change (one version, one event). A refused choice changes nothing.
 */
@ApplicationScoped
public class BridgeCommands {

    @Inject
    ActiveViewStore store;
    @Inject
    CurrentCampaign campaign;

    /**
     * Applies the fields the body names over the current bridge. Naming {@code map_level} moves the star map: its
     * {@code system_slug}, {@code body_slug} and {@code selected} are then those given, the others empty.
     */
    public VersionedView choose(JsonBody body) {
        return store.edit(table -> {
            BridgeView now = table.bridge();
            BridgeView.Tab tab = body.optionalString("tab").map(t -> named(BridgeView.Tab.class, "tab", t)).orElse(now.tab());
            boolean moves = body.has("map_level");
            BridgeView.Level level = moves ? named(BridgeView.Level.class, "map_level", body.requiredString("map_level")) : now.mapLevel();
            String system = body.string("system_slug", moves ? "" : now.systemSlug()).trim();
            String planet = body.string("body_slug", moves ? "" : now.bodySlug()).trim();
            String selected = body.string("selected", moves ? "" : now.selected()).trim();
            BridgeView next = new BridgeView(tab, level, system, planet, selected,
                    body.string("person", now.person()).trim(), body.string("log", now.log()).trim());
            BridgeChoices.refusal(campaign.get(), next).ifPresent(reason -> {
                throw badRequest(reason);
            });
            return new ActiveViewStore.Edit(table.withBridge(next), label(next));
        });
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest(field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** What undo calls this change on the console. */
    private static String label(BridgeView b) {
        if (b.tab() != BridgeView.Tab.MAP) {
            return "bridge " + b.tab().name();
        }
        String where = switch (b.mapLevel()) {
            case GALAXY -> b.systemSlug().isEmpty() ? "galaxy" : "galaxy, " + b.systemSlug();
            case SYSTEM -> "system " + b.systemSlug();
            case ORBIT -> "orbit " + b.bodySlug();
        };
        return "bridge map: " + where;
    }
}
