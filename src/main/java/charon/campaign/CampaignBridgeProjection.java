package charon.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import charon.view.ActiveView;
import charon.view.BridgeProjection;
import charon.view.BridgeView;

/** The players' bridge under the current campaign (see {@link BridgeChoices#forPlayers}). */
@ApplicationScoped
public class CampaignBridgeProjection implements BridgeProjection {

    @Inject
    CurrentCampaign current;

    @Override
    public BridgeView forPlayers(ActiveView state, BridgeView bridge) {
        return BridgeChoices.forPlayers(current.get(), state, bridge);
    }
}
