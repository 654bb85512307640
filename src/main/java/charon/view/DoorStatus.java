package charon.view;

/** Runtime status of a door (a map connection with a door_type). */
public enum DoorStatus {
    OPEN, CLOSED, LOCKED, SEALED, DAMAGED
}
