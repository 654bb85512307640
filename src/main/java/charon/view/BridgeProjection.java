package charon.view;

/**
 * What players may see of the bridge the GM chose: implemented by the campaign, which knows which people and logs
 * are the GM's alone. Runs once per state version, never per display, and must not touch the disk.
 */
public interface BridgeProjection {

    BridgeView forPlayers(ActiveView state, BridgeView bridge);

    /** Without a campaign: the star map's part alone (people and logs are the campaign's to clear). */
    static BridgeView withoutCampaign(BridgeView bridge) {
        return bridge.withoutRecords();
    }
}
