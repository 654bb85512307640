package charon.gm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Locale;

import charon.campaign.BridgeChoices;
import charon.campaign.CurrentCampaign;
import charon.errors.InvalidRequest;
import charon.view.ActiveViewStore;
import charon.view.BridgeView;
import charon.view.VersionedView;

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
    public VersionedView choose(GmBridgeResource.BridgeChoice body) {
        return store.edit(table -> {
            BridgeView now = table.bridge();
            BridgeView.Tab tab = body.tab() == null ? now.tab() : named(BridgeView.Tab.class, "tab", body.tab());
            boolean moves = body.mapLevel() != null;
            BridgeView.Level level = moves ? named(BridgeView.Level.class, "map_level", body.mapLevel()) : now.mapLevel();
            String system = or(body.systemSlug(), moves ? "" : now.systemSlug());
            String planet = or(body.bodySlug(), moves ? "" : now.bodySlug());
            String selected = or(body.selected(), moves ? "" : now.selected());
            BridgeView next = new BridgeView(tab, level, system, planet, selected, or(body.person(), now.person()), or(body.log(), now.log()));
            BridgeChoices.refusal(campaign.get(), next).ifPresent(reason -> {
                throw new InvalidRequest(reason);
            });
            return new ActiveViewStore.Edit(table.withBridge(next), label(next));
        });
    }

    private static String or(String given, String otherwise) {
        return (given == null ? otherwise : given).trim();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field + " must be one of " + Arrays.toString(type.getEnumConstants()));
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
