package charon.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import charon.view.ActiveView;
import charon.view.ActiveViewPayload;
import charon.view.PlayerProjection;
import charon.view.PlayerState;
import charon.view.ViewType;

/**
 * The players' projection of the state with the campaign's data: what every display and every public endpoint
 * gets. Built once per state version by the payload cache; the public map endpoints reuse the map projection of
 * the newest state (same state and campaign: the same object), so they apply exactly the displays' rules.
 */
@ApplicationScoped
public class PlayerViewData implements PlayerProjection {

    @Inject
    CurrentCampaign current;

    /** The location players see on the map, under one state and one campaign. */
    record Shown(Campaign campaign, ActiveView state, Optional<Location> location, Optional<RevealedMap> map) {
    }

    private volatile Shown last;

    @Override
    public ActiveViewPayload forPlayers(ActiveView state) {
        Shown shown = shown(state);
        ActiveView projected = PlayerState.project(state,
                door -> shown.map().map(m -> m.publicDoorId(door)).orElse(null));
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("encounter_npc_data", shownNpcCards(shown.campaign(), state));
        shown.location().ifPresent(location -> PlayerLocationJson.enrichment(location, state.encounterDeckId(), shown.map())
                .addTo(derived::put));
        return new ActiveViewPayload(projected, derived);
    }

    /** The encounter location players see under this state (none unless an ENCOUNTER view shows a known one). */
    Shown shown(ActiveView state) {
        Campaign campaign = current.get();
        Shown cached = last;
        if (cached != null && cached.state() == state && cached.campaign() == campaign) {
            return cached;
        }
        Optional<Location> location = state.viewType() == ViewType.ENCOUNTER && !state.locationSlug().isEmpty()
                ? campaign.location(state.locationSlug()) : Optional.empty();
        Optional<RevealedMap> map = location.flatMap(Location::map)
                .map(m -> new RevealedMap(m, state.encounterRoomVisibility()));
        Shown fresh = new Shown(campaign, state, location, map);
        last = fresh;
        return fresh;
    }

    /** NPC cards only for the portraits the GM has put on the displays (the encounter view shows them). */
    private static Map<String, NpcCard> shownNpcCards(Campaign campaign, ActiveView state) {
        Map<String, NpcCard> cards = new LinkedHashMap<>();
        if (state.viewType() != ViewType.ENCOUNTER) {
            return cards;
        }
        Map<String, NpcCard> all = campaign.npcCards();
        for (String id : state.encounterActivePortraits()) {
            NpcCard card = all.get(id);
            if (card != null) {
                cards.put(id, card);
            }
        }
        return cards;
    }
}
