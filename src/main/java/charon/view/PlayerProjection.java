package charon.view;

/**
 * What players may see of a state: implemented by the campaign, which knows the map (which doors touch which
 * rooms, which POIs and terminals stand in which room). Runs once per state version, never per display, and must
 * not touch the disk.
 */
public interface PlayerProjection {

    /** The players' payload: the contract's keys and types, with everything not revealed left out. */
    ActiveViewPayload forPlayers(ActiveView state);
}
