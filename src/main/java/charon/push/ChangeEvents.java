package charon.push;

/**
 * One state change as each feed gets it, every event encoded once for all the streams of its feed. For a change that
 * cannot be patched (the first, or after a gap in the versions) the patch streams get the full event.
 */
record ChangeEvents(EncodedSseEvent players, EncodedSseEvent playerPatch, EncodedSseEvent gm) {

    EncodedSseEvent of(Feed feed) {
        return switch (feed) {
            case PLAYERS -> players;
            case PLAYER_PATCHES -> playerPatch;
            case GM -> gm;
        };
    }

    boolean patched() {
        return playerPatch != players;
    }
}
