// The encounter map's connections and doors (EncounterMap draws them again alone when a door changes).
import { s, title, roomShown, effectiveDoorStatus, connectionGeometry, doorSymbol, freeDoorSpot } from './map-shapes.js';

/** Connections and doors (they change alone when the GM opens or seals a door). */
export function drawDoors(map) {
  if (!map.svg) return;
  const u = map.unit, gm = map.isGM(), L = map.layers;
  const shown = (id) => roomShown(map.state.vis, id);
  L.conns.replaceChildren();
  L.doors.replaceChildren();
  map.doorSpots = [];
  for (const c of map.conns) {
    if (!c.to && c.door_at) { oneSidedDoor(map, c); continue; }
    const a = map.roomById.get(String(c.from)), b = map.roomById.get(String(c.to));
    if (!a || !b) continue;
    const va = shown(String(c.from)), vb = shown(String(c.to));
    const geo = connectionGeometry(a, b, u);
    if (va && vb) L.conns.appendChild(s('path', { class: 'conn', d: geo.path, 'data-conn': c.id }));
    if (!c.door_type) continue;
    if (!va && !vb && !gm) continue;
    const status = effectiveDoorStatus(c, map.state.doors);
    const type = String(c.door_type).toLowerCase();
    const dg = s('g', {
      class: `door t-${type} s-${status}`, 'data-testid': 'door-' + c.id, 'data-status': status,
      'data-type': type, 'data-conn': c.id,
    });
    if (va || gm) dg.appendChild(doorSymbol(freeDoorSpot(map.doorSpots, geo.a, geo.axis, u, c.id), geo.axis, u, type, status, !va));
    if (vb || gm) dg.appendChild(doorSymbol(freeDoorSpot(map.doorSpots, geo.b, geo.axis, u, c.id), geo.axis, u, type, status, !vb));
    dg.appendChild(title(`${type.replace('_', ' ').toUpperCase()} — ${status}`));
    if (gm) {
      dg.addEventListener('click', (e) => { e.stopPropagation(); map.opts.onDoorClick && map.opts.onDoorClick(c, status, e); });
    }
    L.doors.appendChild(dg);
  }

}

/** A door between a revealed room and one the players may not see: the server sends only where it is. */
function oneSidedDoor(map, c) {
  if (!map.roomById.has(String(c.from)) || !c.door_type) return;
  const u = map.unit, p = c.door_at;
  const status = effectiveDoorStatus(c, map.state.doors);
  const type = String(c.door_type).toLowerCase();
  const dg = s('g', {
    class: `door t-${type} s-${status}`, 'data-testid': 'door-' + c.id, 'data-status': status,
    'data-type': type, 'data-conn': c.id,
  });
  const axis = p.axis === 'h' ? 'h' : 'v';
  dg.appendChild(doorSymbol(freeDoorSpot(map.doorSpots, [Number(p.x) * u, Number(p.y) * u], axis, u, c.id), axis, u, type, status, false));
  dg.appendChild(title(`${type.replace('_', ' ').toUpperCase()} — ${status}`));
  map.layers.doors.appendChild(dg);
}
