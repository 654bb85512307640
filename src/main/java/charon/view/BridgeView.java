package charon.view;

import java.util.Objects;

/**
 * What the BRIDGE view shows, chosen by the GM (issue 17.4, issue 18.3): the tab, the star map's level with the
 * system and body on screen and the object selected there, the person of PERSONNEL and the log of LOGS. Part of
 * the table state: versioned, journaled, pushed as the payload's {@code bridge} key; every display follows it.
 *
 * <p>On the star map: at {@link Level#GALAXY} {@code systemSlug} is the selected star ({@code ""}: none); at
 * {@link Level#SYSTEM} it is the system shown and {@code bodySlug} the selected body; at {@link Level#ORBIT} both
 * name the orbit shown and {@code selected} the moon, station or surface marker selected ({@code ""}: the planet).
 */
public record BridgeView(Tab tab, Level mapLevel, String systemSlug, String bodySlug, String selected,
                         String person, String log) {

    /** The bridge's tabs, in the order the displays draw them. */
    public enum Tab { MAP, PERSONNEL, LOGS, STATUS, CHARON }

    /** The star map's levels: the galaxy, one system, one body's orbit. */
    public enum Level { GALAXY, SYSTEM, ORBIT }

    /** A server that never ran: the galaxy, nothing selected. */
    public static final BridgeView START = new BridgeView(Tab.MAP, Level.GALAXY, "", "", "", "", "");

    public BridgeView {
        Objects.requireNonNull(tab, "tab");
        Objects.requireNonNull(mapLevel, "mapLevel");
        systemSlug = Objects.requireNonNull(systemSlug, "systemSlug");
        bodySlug = Objects.requireNonNull(bodySlug, "bodySlug");
        selected = Objects.requireNonNull(selected, "selected");
        person = Objects.requireNonNull(person, "person");
        log = Objects.requireNonNull(log, "log");
    }

    /** The same bridge without the PERSONNEL and LOGS selections (for players while the bridge is not on screen). */
    public BridgeView withoutRecords() {
        return new BridgeView(tab, mapLevel, systemSlug, bodySlug, selected, "", "");
    }
}
