package charon.campaign;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import java.util.Map;

/**
 * Where a door sits on one room's edge, computed as the display's {@code connectionGeometry} (map-shapes.js) does from
 * both rooms: for a door between a revealed room and a hidden one the players' map carries only this point, so
 * the hidden room's id, name and outline stay on the server. In grid cells; {@code axis} "h" = the connection
 * runs horizontally (the door is on a vertical edge).
 */
record DoorAnchor(double x, double y, String axis) {

    private static final JsonProvider JSON_P = charon.json.Json.jsonP();

    /** The door point on room {@code a}'s edge (fromSide) or on room {@code b}'s edge, for the connection a → b. */
    static DoorAnchor of(Map<?, ?> a, Map<?, ?> b, boolean fromSide) {
        double ax = num(a, "x"), ay = num(a, "y"), aw = num(a, "width"), ah = num(a, "height");
        double bx = num(b, "x"), by = num(b, "y"), bw = num(b, "width"), bh = num(b, "height");
        double gapX = Math.max(bx - (ax + aw), ax - (bx + bw));
        double gapY = Math.max(by - (ay + ah), ay - (by + bh));
        boolean horizontal = gapX >= gapY;
        double[] p1;
        double[] p2;
        if (horizontal) {
            double ov0 = Math.max(ay, by), ov1 = Math.min(ay + ah, by + bh);
            double ya = ov1 > ov0 ? (ov0 + ov1) / 2 : ay + ah / 2;
            double yb = ov1 > ov0 ? ya : by + bh / 2;
            if (bx >= ax + aw || (bx + bw / 2) > (ax + aw / 2)) {
                p1 = new double[] {ax + aw, ya};
                p2 = new double[] {bx, yb};
            } else {
                p1 = new double[] {ax, ya};
                p2 = new double[] {bx + bw, yb};
            }
        } else {
            double ov0 = Math.max(ax, bx), ov1 = Math.min(ax + aw, bx + bw);
            double xa = ov1 > ov0 ? (ov0 + ov1) / 2 : ax + aw / 2;
            double xb = ov1 > ov0 ? xa : bx + bw / 2;
            if (by >= ay + ah || (by + bh / 2) > (ay + ah / 2)) {
                p1 = new double[] {xa, ay + ah};
                p2 = new double[] {xb, by};
            } else {
                p1 = new double[] {xa, ay};
                p2 = new double[] {xb, by + bh};
            }
        }
        double[] p = fromSide ? p1 : p2;
        return new DoorAnchor(p[0], p[1], horizontal ? "h" : "v");
    }

    /** The connection's {@code door_at}. */
    JsonObject json(FreeForm.Floats floats) {
        return JSON_P.createObjectBuilder().add("x", FreeForm.json(x, floats)).add("y", FreeForm.json(y, floats))
                .add("axis", axis).build();
    }

    private static double num(Map<?, ?> room, String key) {
        return room.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
