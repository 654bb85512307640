package charon.view;

import java.util.Objects;

/** The GM's runtime override of one ship system; null condition/info are left out of the JSON. */
public record ShipSystemOverride(String status, Integer condition, String info) {
    public ShipSystemOverride {
        Objects.requireNonNull(status, "status");
    }
}
