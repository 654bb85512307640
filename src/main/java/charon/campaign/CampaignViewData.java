package charon.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

import charon.view.ActiveView;
import charon.view.DerivedViewData;
import charon.view.ViewType;

/** The campaign's part of every payload: NPC cards always, the location keys for an encounter. */
@ApplicationScoped
public class CampaignViewData implements DerivedViewData {

    @Inject
    CurrentCampaign current;

    @Override
    public Map<String, Object> derive(ActiveView state) {
        Campaign campaign = current.get();
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("encounter_npc_data", campaign.npcCards());
        if (state.viewType() == ViewType.ENCOUNTER && !state.locationSlug().isEmpty()) {
            campaign.encounterEnrichment(state.locationSlug(), state.encounterDeckId()).ifPresent(keys -> keys.addTo(derived::put));
        }
        return derived;
    }
}
