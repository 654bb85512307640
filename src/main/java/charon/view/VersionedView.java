package charon.view;

/** A state together with the version it was given; version 0 is the state at start-up. The bridge and sound ride along. */
public record VersionedView(long version, ActiveView view, BridgeView bridge, SoundState sound) {

    public VersionedView {
        bridge = bridge == null ? BridgeView.START : bridge;
        sound = sound == null ? SoundState.START : sound;
    }

    /** A view with the bridge and the sound at their start. */
    public VersionedView(long version, ActiveView view) {
        this(version, view, BridgeView.START, SoundState.START);
    }
}
