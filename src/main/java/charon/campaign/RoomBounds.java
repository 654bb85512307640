package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.util.Map;
import java.util.Optional;

/** A deck's {@code room_bounds}: the outline of every room together, so revealing a room never shifts the layout. */
record RoomBounds(double x, double y, double width, double height) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    /** Over the rooms with numeric x, y, width and height; empty when there is none. */
    static Optional<RoomBounds> of(Iterable<Map<?, ?>> rooms) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Map<?, ?> r : rooms) {
            if (r.get("x") instanceof Number x && r.get("y") instanceof Number y
                    && r.get("width") instanceof Number w && r.get("height") instanceof Number h) {
                x0 = Math.min(x0, x.doubleValue());
                y0 = Math.min(y0, y.doubleValue());
                x1 = Math.max(x1, x.doubleValue() + w.doubleValue());
                y1 = Math.max(y1, y.doubleValue() + h.doubleValue());
            }
        }
        return x0 > x1 ? Optional.empty() : Optional.of(new RoomBounds(x0, y0, x1 - x0, y1 - y0));
    }

    JsonObject json(FreeForm.Floats floats) {
        return JSON_P.createObjectBuilder().add("x", FreeForm.json(x, floats)).add("y", FreeForm.json(y, floats))
                .add("width", FreeForm.json(width, floats)).add("height", FreeForm.json(height, floats)).build();
    }
}
