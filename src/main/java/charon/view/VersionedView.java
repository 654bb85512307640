package charon.view;

/** A state together with the version it was given; version 0 is the state at start-up. The bridge rides along. */
public record VersionedView(long version, ActiveView view, BridgeView bridge) {

    public VersionedView {
        bridge = bridge == null ? BridgeView.START : bridge;
    }

    public VersionedView(long version, ActiveView view) {
        this(version, view, BridgeView.START);
    }
}
