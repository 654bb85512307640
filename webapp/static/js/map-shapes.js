// Encounter map, the pure parts: SVG helpers, which deck and connections to draw, what the players may see,
// and the geometry of connections and door symbols.

export const NS = 'http://www.w3.org/2000/svg';
export const DOOR_STATUSES = ['OPEN', 'CLOSED', 'LOCKED', 'SEALED', 'DAMAGED'];

export function s(tag, attrs = {}, ...kids) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null && v !== false) el.setAttribute(k, String(v));
  for (const k of kids) if (k) el.appendChild(k);
  return el;
}
export function title(text) { const t = s('title'); t.textContent = text; return t; }

/** Pick the drawable deck from location_data.map (multi-deck wrapper, single map, or null). */
export function resolveDeck(map) {
  if (!map || typeof map !== 'object') return null;
  if (map.is_multi_deck) return map.current_deck || null;
  return map;
}
export function isDrawable(deck) {
  return !!(deck && Array.isArray(deck.rooms) && deck.grid && typeof deck.grid === 'object');
}
/** connections[], or legacy doors[] converted (only entries with both rooms). */
export function connectionsOf(deck) {
  if (!deck) return [];
  // a door the players see from one side only has no `to`, and `door_at` instead (see below)
  if (Array.isArray(deck.connections)) return deck.connections.filter(c => c && c.from && (c.to || c.door_at));
  if (Array.isArray(deck.doors)) {
    return deck.doors.filter(d => d && d.room_a && d.room_b).map(d => ({
      id: d.id, from: d.room_a, to: d.room_b, door_type: d.type, door_status: d.status,
    }));
  }
  return [];
}
export function effectiveDoorStatus(conn, doorState) {
  return (doorState && doorState[conn.id]) || conn.door_status || 'CLOSED';
}
/** Display rule: room drawn unless its value is exactly false. */
export function roomShown(vis, id) { return !(vis && vis[id] === false); }
/** Player rule: token shown if room_id is '' or room's value is exactly true, and not status hidden. */
export function tokenVisibleToPlayers(tok, vis) {
  if (!tok) return false;
  if (Array.isArray(tok.status) && tok.status.includes('hidden')) return false;
  const rid = tok.room_id || '';
  return rid === '' || !!(vis && vis[rid] === true);
}


/** Geometry of a connection between rooms a and b: orthogonal path with 45° corners and door points. */
export function connectionGeometry(a, b, u) {
  const A = { x: a.x * u, y: a.y * u, w: a.width * u, h: a.height * u };
  const B = { x: b.x * u, y: b.y * u, w: b.width * u, h: b.height * u };
  const gapX = Math.max(B.x - (A.x + A.w), A.x - (B.x + B.w));
  const gapY = Math.max(B.y - (A.y + A.h), A.y - (B.y + B.h));
  const horizontal = gapX >= gapY;
  let p1, p2;
  if (horizontal) {
    const ov0 = Math.max(A.y, B.y), ov1 = Math.min(A.y + A.h, B.y + B.h);
    const ya = ov1 > ov0 ? (ov0 + ov1) / 2 : A.y + A.h / 2;
    const yb = ov1 > ov0 ? ya : B.y + B.h / 2;
    if (B.x >= A.x + A.w || (B.x + B.w / 2) > (A.x + A.w / 2)) { p1 = [A.x + A.w, ya]; p2 = [B.x, yb]; }
    else { p1 = [A.x, ya]; p2 = [B.x + B.w, yb]; }
  } else {
    const ov0 = Math.max(A.x, B.x), ov1 = Math.min(A.x + A.w, B.x + B.w);
    const xa = ov1 > ov0 ? (ov0 + ov1) / 2 : A.x + A.w / 2;
    const xb = ov1 > ov0 ? xa : B.x + B.w / 2;
    if (B.y >= A.y + A.h || (B.y + B.h / 2) > (A.y + A.h / 2)) { p1 = [xa, A.y + A.h]; p2 = [xb, B.y]; }
    else { p1 = [xa, A.y]; p2 = [xb, B.y + B.h]; }
  }
  // main axis index: 0 = x (horizontal), 1 = y
  const m = horizontal ? 0 : 1, n = 1 - m;
  const dMain = p2[m] - p1[m], dMinor = p2[n] - p1[n];
  let pts;
  if (Math.abs(dMinor) < 0.5) pts = [p1, p2];
  else {
    const diag = Math.min(Math.abs(dMinor), Math.abs(dMain));
    const mid = (p1[m] + p2[m]) / 2, sg = Math.sign(dMain) || 1;
    const q1 = [], q2 = [];
    q1[m] = mid - sg * diag / 2; q1[n] = p1[n];
    q2[m] = mid + sg * diag / 2; q2[n] = p1[n] + Math.sign(dMinor) * diag;
    const q3 = []; q3[m] = q2[m]; q3[n] = p2[n];
    pts = [p1, q1, q2, q3, p2];
  }
  const path = 'M' + pts.map(p => `${p[0].toFixed(1)} ${p[1].toFixed(1)}`).join(' L');
  return { path, a: p1, b: p2, axis: horizontal ? 'h' : 'v' };
}

/** Door symbol centred at point p on a room edge. axis 'h' = connection runs horizontally (door on a vertical edge). */
export function doorSymbol(p, axis, u, type, status, ghost) {
  const L = u * 0.9, T = u * 0.34;
  const g = s('g', { transform: `translate(${p[0]} ${p[1]})${axis === 'h' ? ' rotate(90)' : ''}`, opacity: ghost ? 0.35 : null });
  // hit area
  g.appendChild(s('rect', { x: -L / 2 - 4, y: -T / 2 - 4, width: L + 8, height: T + 8, fill: 'transparent' }));
  const open = status === 'OPEN';
  const slide = open ? L * 0.32 : 0;
  g.appendChild(s('rect', { class: 'door-frame', x: -L / 2, y: -T / 2, width: L, height: T, fill: '#0a0a0a' }));
  if (status === 'SEALED') g.appendChild(s('rect', { class: 'door-frame2', x: -L / 2 - 4, y: -T / 2 - 4, width: L + 8, height: T + 8 }));
  g.appendChild(s('rect', { class: 'door-leaf', x: -L / 2, y: -T / 2, width: L / 2, height: T, transform: `translate(${-slide} 0)` }));
  g.appendChild(s('rect', { class: 'door-leaf', x: 0, y: -T / 2, width: L / 2, height: T, transform: `translate(${slide} 0)` }));
  if (type === 'airlock') g.appendChild(s('rect', { class: 'door-inner', x: -L / 2 + 4, y: -T / 2 + 3, width: L - 8, height: T - 6 }));
  if (type === 'blast_door') g.appendChild(s('path', { class: 'door-x', d: `M${-L / 2 + 2} ${-T / 2 + 1} L${L / 2 - 2} ${T / 2 - 1} M${L / 2 - 2} ${-T / 2 + 1} L${-L / 2 + 2} ${T / 2 - 1}` }));
  if (type === 'emergency') g.appendChild(s('line', { class: 'door-inner', x1: -L / 4, x2: L / 4, y1: 0, y2: 0 }));
  if (status === 'LOCKED') {
    g.appendChild(s('circle', { class: 'door-key', cx: 0, cy: -T * 0.12, r: T * 0.17 }));
    g.appendChild(s('rect', { class: 'door-key', x: -T * 0.07, y: -T * 0.1, width: T * 0.14, height: T * 0.34 }));
  }
  if (status === 'DAMAGED') {
    g.appendChild(s('path', { class: 'door-crack', d: `M${-L * 0.3} ${-T / 2} L${-L * 0.1} ${-T * 0.05} L${-L * 0.22} ${T * 0.1} L${0} ${T / 2}` }));
    g.appendChild(s('circle', { class: 'door-spark', cx: L * 0.18, cy: -T * 0.1, r: 3 }));
  }
  return g;
}

/**
 * Where a door symbol goes so that it covers no other door already placed (two connections can meet a room's edge
 * at the same point, as medbay↔cryo and galley↔cryo do): slid along the edge, alternately down and up, by one door
 * length at a time. spots collects the placed symbols ({p, axis, id}); the two ends of one door never push each other; returns the point to draw at.
 */
export function freeDoorSpot(spots, p, axis, u, id) {
  const L = u * 0.9 + 12, T = u * 0.34 + 12; // the symbols' click areas apart too
  // axis 'h': the door sits on a vertical edge, its length runs along y
  const along = axis === 'h' ? 1 : 0, across = 1 - along;
  const clashes = (q) => spots.some(o => o.id !== id && Math.abs(o.p[along] - q[along]) < (o.axis === axis ? L : (L + T) / 2)
    && Math.abs(o.p[across] - q[across]) < (o.axis === axis ? T : (L + T) / 2));
  let q = p;
  for (let k = 1; clashes(q) && k < 8; k++) {
    q = [...p];
    q[along] = p[along] + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * L;
  }
  spots.push({ p: q, axis, id });
  return q;
}
