package charon.view;

/** The screens a display can show; the original stored any string, we accept only these. */
public enum ViewType {
    STANDBY, ENCOUNTER, BRIDGE, CHARON_TERMINAL
}
