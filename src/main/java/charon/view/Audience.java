package charon.view;

/**
 * Who a payload is for. The displays at the table (anyone on the LAN) get the players' projection; the GM's
 * console gets everything. Each is built and serialized once per state version.
 */
public enum Audience {
    /** Every display and every public endpoint: only what the GM has revealed. */
    PLAYERS,
    /** The GM console (signed-in GM only): hidden rooms, every token, every NPC. */
    GM
}
