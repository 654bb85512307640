package charon.view;

/** A state together with the version it was given; version 0 is the state at start-up. */
public record VersionedView(long version, ActiveView view) {
}
