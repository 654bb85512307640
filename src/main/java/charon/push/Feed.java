package charon.push;

import charon.view.Audience;

/** What a stream gets of each state change: the players' payload whole, the players' patches, or the GM's payload. */
enum Feed {
    PLAYERS,
    /** Asked with {@code ?patch=1}: after the first full event, {@code activeview-patch} events (RFC 7396). */
    PLAYER_PATCHES,
    GM;

    static Feed of(Audience audience, boolean patches) {
        if (audience == Audience.GM) {
            return GM;
        }
        return patches ? PLAYER_PATCHES : PLAYERS;
    }
}
