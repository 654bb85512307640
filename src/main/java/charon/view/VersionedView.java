package charon.view;

/** A state together with the version it was given; version 0 is the state at start-up. */
public record VersionedView(long version, ActiveView view, SoundState sound) {

    public VersionedView {
        sound = sound == null ? SoundState.START : sound;
    }

    /** A view with the default sound. */
    public VersionedView(long version, ActiveView view) {
        this(version, view, SoundState.START);
    }
}
