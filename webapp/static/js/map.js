// 2D SVG encounter map renderer shared by the display ("display" mode) and the GM console ("gm" mode).
// Geometry comes from a deck/map object (campaign-data-format §5); live state (room visibility,
// door status overrides, tokens) is applied with update(). Pan/zoom with pointer + wheel.
import { dataUrl } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
const DOOR_STATUSES = ['OPEN', 'CLOSED', 'LOCKED', 'SEALED', 'DAMAGED'];
export { DOOR_STATUSES };

function s(tag, attrs = {}, ...kids) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null && v !== false) el.setAttribute(k, String(v));
  for (const k of kids) if (k) el.appendChild(k);
  return el;
}
/** Same data: the same object (patched states keep what did not change) or the same JSON. */
function sameData(a, b) { return a === b || JSON.stringify(a) === JSON.stringify(b); }
function title(text) { const t = s('title'); t.textContent = text; return t; }

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

export class EncounterMap {
  /**
   * @param host element to fill
   * @param opts {mode:'display'|'gm', onTokenMove(id,x,y,roomId), onTokenClick(id,tok,ev),
   *              onDoorClick(conn,status,ev), playerDrag:boolean}
   */
  constructor(host, opts = {}) {
    this.host = host;
    this.opts = opts;
    this.mode = opts.mode || 'display';
    this.deck = null;
    this.state = { vis: {}, doors: {}, tokens: {} };
    this.view = { k: 1, tx: 0, ty: 0 };
    this.selectedRoom = null;
    this.pendingMoves = new Map(); // tokenId → {x,y} optimistic
    this.drag = null;
    this.dirty = false;
    this.wrap = document.createElement('div');
    this.wrap.className = 'map-wrap';
    this.wrap.setAttribute('data-testid', this.mode === 'gm' ? 'gm-map' : 'encounter-map');
    host.replaceChildren(this.wrap);
    this.tip = document.createElement('div');
    this.tip.className = 'map-tip';
    this.tip.hidden = true;
    this.resetBtn = document.createElement('button');
    this.resetBtn.className = 'btn small map-reset';
    this.resetBtn.textContent = 'RESET VIEW';
    this.resetBtn.setAttribute('data-testid', 'map-reset');
    this.resetBtn.hidden = this.mode !== 'gm';
    this.resetBtn.addEventListener('click', () => this.resetView());
  }

  /** Set geometry. deck may be non-drawable: shows an image or a "no map" message. */
  setDeck(deck, { locationName = '' } = {}) {
    this.deck = deck;
    this.view = { k: 1, tx: 0, ty: 0 };
    this.wrap.replaceChildren();
    this.svg = null;
    this.tokenNodes = null;
    if (!isDrawable(deck)) {
      if (deck && deck.image_path) {
        const img = document.createElement('img');
        img.className = 'map-img';
        img.alt = deck.name || 'map';
        img.src = dataUrl(deck.image_path);
        img.setAttribute('data-testid', 'map-image');
        this.wrap.appendChild(img);
      } else {
        const m = document.createElement('div');
        m.className = 'map-msg';
        m.setAttribute('data-testid', 'no-map');
        m.innerHTML = '<div>NO MAP DATA AVAILABLE</div>';
        const sub = document.createElement('div');
        sub.className = 'sub';
        sub.textContent = String(locationName || '').toUpperCase();
        m.appendChild(sub);
        this.wrap.appendChild(m);
      }
      return;
    }
    const u = this.unit = Number(deck.grid.unit_size) || 40;
    this.rooms = deck.rooms.filter(r => r && r.id != null);
    this.roomById = new Map(this.rooms.map(r => [String(r.id), r]));
    this.conns = connectionsOf(deck);
    // viewBox: bounding box of all rooms (hidden too, so revealing never shifts the layout); the players' map
    // has only the revealed rooms and carries the outline of all of them as room_bounds
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    const rb = deck.room_bounds;
    if (rb && [rb.x, rb.y, rb.width, rb.height].every(Number.isFinite)) {
      x0 = rb.x; y0 = rb.y; x1 = rb.x + rb.width; y1 = rb.y + rb.height;
    }
    for (const r of this.rooms) {
      x0 = Math.min(x0, r.x); y0 = Math.min(y0, r.y);
      x1 = Math.max(x1, r.x + r.width); y1 = Math.max(y1, r.y + r.height);
    }
    if (!isFinite(x0)) { x0 = 0; y0 = 0; x1 = deck.grid.width || 10; y1 = deck.grid.height || 10; }
    const pad = 1;
    this.vb = { x: (x0 - pad) * u, y: (y0 - pad) * u, w: (x1 - x0 + 2 * pad) * u, h: (y1 - y0 + 2 * pad) * u };
    this.svg = s('svg', {
      class: 'map ' + this.mode, viewBox: `${this.vb.x} ${this.vb.y} ${this.vb.w} ${this.vb.h}`,
      preserveAspectRatio: 'xMidYMid meet', 'data-testid': 'map-svg', 'data-deck': deck.deck_id || deck.slug || '',
    });
    this.defs = s('defs');
    this.vp = s('g', { class: 'viewport' });
    this.layers = {};
    for (const name of ['conns', 'rooms', 'doors', 'pois', 'tokens', 'labels', 'ghost']) {
      this.layers[name] = s('g', { class: 'layer-' + name });
      this.vp.appendChild(this.layers[name]);
    }
    this.svg.append(this.defs, this.vp);
    this.wrap.append(this.svg, this.resetBtn, this.tip);
    this.bindPanZoom();
    this.applyView();
    this.render();
  }

  /**
   * New geometry for the deck already shown (the players' map grows as the GM reveals rooms): keeps pan and zoom
   * and the layout (its bounds are every room's, room_bounds). Another or an undrawable deck goes to setDeck.
   */
  refreshDeck(deck, opts = {}) {
    if (!this.svg || !isDrawable(deck) || !isDrawable(this.deck)) { this.setDeck(deck, opts); return; }
    this.deck = deck;
    this.rooms = deck.rooms.filter(r => r && r.id != null);
    this.roomById = new Map(this.rooms.map(r => [String(r.id), r]));
    this.conns = connectionsOf(deck);
    if (this.drag && this.drag.active) { this.dirty = true; return; }
    this.render();
  }

  /**
   * Apply live state: {vis, doors, tokens}. Any key may be omitted. Only what changed is drawn again: the whole map
   * when the revealed rooms change, the doors when a door does, the changed tokens alone otherwise.
   */
  update(state = {}) {
    let all = false, doors = false, tokens = false;
    if ('vis' in state) { const v = state.vis || {}; all = !sameData(v, this.state.vis); this.state.vis = v; }
    if ('doors' in state) { const d = state.doors || {}; doors = !sameData(d, this.state.doors); this.state.doors = d; }
    if ('tokens' in state) {
      this.state.tokens = state.tokens || {};
      tokens = true;
      // drop optimistic moves the server has confirmed
      for (const [id, p] of this.pendingMoves) {
        const t = this.state.tokens[id];
        if (!t || (t.x === p.x && t.y === p.y)) this.pendingMoves.delete(id);
      }
    }
    if (this.drag && this.drag.active) { this.dirty = true; return; }
    if (all || !this.tokenNodes) { this.render(); return; }
    if (doors) this.renderDoors();
    if (tokens) this.renderTokens();
  }

  isGM() { return this.mode === 'gm'; }

  render() {
    if (!this.svg) return;
    const u = this.unit, gm = this.isGM(), vis = this.state.vis;
    const L = this.layers;
    for (const g of Object.values(L)) g.replaceChildren();
    this.defs.replaceChildren();
    const shown = (id) => roomShown(vis, id);

    // rooms
    for (const r of this.rooms) {
      const id = String(r.id);
      const visible = shown(id);
      if (!visible && !gm) {
        // placeholder without geometry or name (keeps the test hook, leaks nothing)
        L.rooms.appendChild(s('g', { 'data-testid': 'room-' + id, 'data-visible': 'false', display: 'none' }));
        continue;
      }
      const st = String(r.status || 'OPERATIONAL').toUpperCase();
      const g = s('g', {
        class: `room st-${st}${visible ? '' : ' ghost'}${this.selectedRoom === id ? ' selected' : ''}`,
        'data-testid': 'room-' + id, 'data-visible': String(visible), 'data-room': id,
      });
      const rx = r.x * u, ry = r.y * u, rw = r.width * u, rh = r.height * u;
      g.appendChild(s('rect', { class: 'room-box', x: rx, y: ry, width: rw, height: rh }));
      if (!visible) {
        g.appendChild(s('path', { class: 'room-x', d: `M${rx + rw - 16} ${ry + 6} l10 10 M${rx + rw - 6} ${ry + 6} l-10 10` }));
      }
      g.addEventListener('pointerenter', (e) => this.showTip(e, r.name || id, [r.description, 'STATUS: ' + st + (gm && !visible ? ' — HIDDEN' : '')]));
      g.addEventListener('pointerleave', () => this.hideTip());
      g.addEventListener('click', (e) => {
        if (this.suppressClick) return;
        this.selectedRoom = this.selectedRoom === id ? null : id;
        this.render();
        this.showTip(e, r.name || id, [r.description, 'STATUS: ' + st]);
        this.opts.onRoomClick && this.opts.onRoomClick(r);
      });
      L.rooms.appendChild(g);
      // label: top band of the room, drawn above tokens with a halo
      const name = String(r.name || id).toUpperCase();
      const fs = Math.max(9, Math.min(u * 0.5, rw / (name.length * 0.66 + 1)));
      const label = s('text', {
        class: 'room-label', x: rx + rw / 2, y: ry + Math.min(rh / 2, u * 0.55 + fs * 0.35),
        'text-anchor': 'middle', 'font-size': fs.toFixed(1),
      });
      label.textContent = name;
      if (!visible) label.setAttribute('class', 'room-label ghost-label');
      if (!visible) label.style.fillOpacity = '.35';
      L.labels.appendChild(label);
    }

    this.renderDoors();

    // terminals and POIs (only in shown rooms, or all in GM)
    for (const t of (this.deck.terminals || [])) {
      if (!t || !t.position) continue;
      if (t.room && !shown(String(t.room)) && !gm) continue;
      const cx = t.position.x * u, cy = t.position.y * u, w = u * 0.42, hh = u * 0.32;
      const g = s('g', { class: 'term-icon', 'data-testid': 'map-terminal-' + t.id });
      g.append(s('rect', { x: cx - w / 2, y: cy - hh / 2, width: w, height: hh, rx: 2 }),
        s('line', { x1: cx - w / 4, x2: cx + w / 4, y1: cy + hh / 2 + 3, y2: cy + hh / 2 + 3, stroke: 'var(--amber-hi)', 'stroke-width': 2 }));
      g.addEventListener('pointerenter', (e) => this.showTip(e, t.name || t.id, ['TERMINAL']));
      g.addEventListener('pointerleave', () => this.hideTip());
      L.pois.appendChild(g);
    }
    for (const p of (this.deck.poi || [])) {
      if (!p || !p.position) continue;
      if (p.room && !shown(String(p.room)) && !gm) continue;
      const cx = p.position.x * u, cy = p.position.y * u, r = u * 0.22;
      const type = String(p.type || 'item').toLowerCase();
      let shape;
      if (type === 'objective' || type === 'hazard') shape = s('path', { d: `M${cx} ${cy - r} L${cx + r} ${cy + r * 0.8} L${cx - r} ${cy + r * 0.8} Z` });
      else if (type === 'item') shape = s('rect', { x: cx - r * 0.7, y: cy - r * 0.7, width: r * 1.4, height: r * 1.4 });
      else shape = s('circle', { cx, cy, r: r * 0.8 });
      const g = s('g', { class: 'poi poi-' + type, 'data-testid': 'poi-' + p.id }, shape);
      g.addEventListener('pointerenter', (e) => this.showTip(e, p.name || p.id, [p.description, p.status ? 'STATUS: ' + p.status : '']));
      g.addEventListener('pointerleave', () => this.hideTip());
      L.pois.appendChild(g);
    }

    this.renderTokens(true);
  }

  /** Connections and doors (they change alone when the GM opens or seals a door). */
  renderDoors() {
    if (!this.svg) return;
    const u = this.unit, gm = this.isGM(), vis = this.state.vis, L = this.layers;
    const shown = (id) => roomShown(vis, id);
    L.conns.replaceChildren();
    L.doors.replaceChildren();
    for (const c of this.conns) {
      if (!c.to && c.door_at) { this.oneSidedDoor(c); continue; }
      const a = this.roomById.get(String(c.from)), b = this.roomById.get(String(c.to));
      if (!a || !b) continue;
      const va = shown(String(c.from)), vb = shown(String(c.to));
      const geo = connectionGeometry(a, b, u);
      if (va && vb) L.conns.appendChild(s('path', { class: 'conn', d: geo.path, 'data-conn': c.id }));
      if (!c.door_type) continue;
      if (!va && !vb && !gm) continue;
      const status = effectiveDoorStatus(c, this.state.doors);
      const type = String(c.door_type).toLowerCase();
      const dg = s('g', {
        class: `door t-${type} s-${status}`, 'data-testid': 'door-' + c.id, 'data-status': status,
        'data-type': type, 'data-conn': c.id,
      });
      if (va || gm) dg.appendChild(doorSymbol(geo.a, geo.axis, u, type, status, !va));
      if (vb || gm) dg.appendChild(doorSymbol(geo.b, geo.axis, u, type, status, !vb));
      dg.appendChild(title(`${type.replace('_', ' ').toUpperCase()} — ${status}`));
      if (gm) {
        dg.addEventListener('click', (e) => { e.stopPropagation(); this.opts.onDoorClick && this.opts.onDoorClick(c, status, e); });
      }
      L.doors.appendChild(dg);
    }
  }

  /**
   * Tokens: a token whose data did not change keeps its node; a moved or changed one gets a new node in place, a gone
   * one is removed. `rebuild` starts again from an empty layer (after the whole map was drawn again).
   */
  renderTokens(rebuild = false) {
    if (!this.svg) return;
    const gm = this.isGM(), vis = this.state.vis, L = this.layers;
    if (rebuild || !this.tokenNodes) { this.tokenNodes = new Map(); L.tokens.replaceChildren(); }
    const seen = new Set();
    for (const [id, tok0] of Object.entries(this.state.tokens || {})) {
      if (!tok0) continue;
      const pm = this.pendingMoves.get(id);
      const tok = pm ? { ...tok0, x: pm.x, y: pm.y } : tok0;
      if (!gm && !tokenVisibleToPlayers(tok, vis)) continue;
      seen.add(id);
      const key = JSON.stringify(tok);
      const had = this.tokenNodes.get(id);
      if (had && had.key === key) continue;
      if (had) this.dropClip(id);
      const node = this.tokenNode(id, tok);
      if (had) had.node.replaceWith(node); else L.tokens.appendChild(node);
      this.tokenNodes.set(id, { key, node });
    }
    for (const [id, had] of this.tokenNodes) {
      if (!seen.has(id)) { had.node.remove(); this.dropClip(id); this.tokenNodes.delete(id); }
    }
  }

  clipId(id) { return 'tokclip-' + this.mode + '-' + id; }
  dropClip(id) {
    for (const c of this.defs.querySelectorAll('clipPath')) { if (c.id === this.clipId(id)) c.remove(); }
  }

  /** A door between a revealed room and one the players may not see: the server sends only where it is. */
  oneSidedDoor(c) {
    if (!this.roomById.has(String(c.from)) || !c.door_type) return;
    const u = this.unit, p = c.door_at;
    const status = effectiveDoorStatus(c, this.state.doors);
    const type = String(c.door_type).toLowerCase();
    const dg = s('g', {
      class: `door t-${type} s-${status}`, 'data-testid': 'door-' + c.id, 'data-status': status,
      'data-type': type, 'data-conn': c.id,
    });
    dg.appendChild(doorSymbol([Number(p.x) * u, Number(p.y) * u], p.axis === 'h' ? 'h' : 'v', u, type, status, false));
    dg.appendChild(title(`${type.replace('_', ' ').toUpperCase()} — ${status}`));
    this.layers.doors.appendChild(dg);
  }

  tokenNode(id, tok) {
    const u = this.unit;
    const cx = (Number(tok.x) + 0.5) * u, cy = (Number(tok.y) + 0.5) * u, r = u * 0.4;
    const status = Array.isArray(tok.status) ? tok.status.map(String) : [];
    const type = String(tok.type || 'object').toLowerCase();
    const g = s('g', {
      class: `token k-${type} ${status.map(x => 'st-' + x).join(' ')}`,
      'data-testid': 'token-' + id, 'data-x': tok.x, 'data-y': tok.y, 'data-status': status.join(','),
      'data-type': type, 'data-name': tok.name || '', 'data-room': tok.room_id || '',
    });
    g.appendChild(s('circle', { class: 'token-body', cx, cy, r }));
    if (tok.image_url) {
      const cid = this.clipId(id);
      this.defs.appendChild(s('clipPath', { id: cid }, s('circle', { cx, cy, r: r - 2 })));
      const img = s('image', { href: dataUrl(tok.image_url), x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, 'clip-path': `url(#${cid})`, preserveAspectRatio: 'xMidYMid slice' });
      g.appendChild(img);
    } else {
      const t = s('text', { class: 'token-initial', x: cx, y: cy + r * 0.36, 'text-anchor': 'middle', 'font-size': r });
      t.textContent = String(tok.name || '?').trim().charAt(0).toUpperCase() || '?';
      g.appendChild(t);
    }
    if (status.includes('panicked')) g.appendChild(s('circle', { class: 'mark-panicked', cx, cy, r: r + 5 }));
    if (status.includes('wounded')) g.appendChild(s('circle', { class: 'mark-wounded', cx: cx + r * 0.72, cy: cy - r * 0.72, r: u * 0.1 }));
    if (status.includes('stunned')) g.appendChild(s('circle', { class: 'mark-stunned', cx: cx - r * 0.72, cy: cy - r * 0.72, r: u * 0.09 }));
    if (status.includes('dead')) {
      const d = r * 0.6;
      g.appendChild(s('path', { class: 'mark-dead', d: `M${cx - d} ${cy - d} L${cx + d} ${cy + d} M${cx + d} ${cy - d} L${cx - d} ${cy + d}` }));
    }
    g.appendChild(title(`${tok.name || id} (${type})`));
    g.addEventListener('pointerdown', (e) => this.tokenPointerDown(e, id, tok, g));
    return g;
  }

  // ---------- coordinates ----------
  clientToMap(clientX, clientY) {
    if (!this.svg) return null;
    const ctm = this.svg.getScreenCTM();
    if (!ctm) return null;
    const pt = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
    return { x: (pt.x - this.view.tx) / this.view.k, y: (pt.y - this.view.ty) / this.view.k, vx: pt.x, vy: pt.y };
  }
  /** Cell under a client point: {x, y, room (or null)}; null when outside the svg. */
  cellAtClient(clientX, clientY) {
    if (!this.svg) return null;
    const b = this.svg.getBoundingClientRect();
    if (clientX < b.left || clientX > b.right || clientY < b.top || clientY > b.bottom) return null;
    const p = this.clientToMap(clientX, clientY);
    if (!p) return null;
    const x = Math.floor(p.x / this.unit), y = Math.floor(p.y / this.unit);
    return { x, y, room: this.roomAtCell(x, y) };
  }
  roomAtCell(x, y) {
    for (const r of this.rooms || []) {
      if (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height) return r;
    }
    return null;
  }
  occupied(x, y, exceptId) {
    for (const [id, t] of Object.entries(this.state.tokens || {})) {
      if (id === exceptId || !t) continue;
      const pm = this.pendingMoves.get(id);
      const tx = pm ? pm.x : t.x, ty = pm ? pm.y : t.y;
      if (Number(tx) === x && Number(ty) === y) return true;
    }
    return false;
  }
  /** Can a token (or new token when id null) go to this cell? GM: any room; players: revealed (true) rooms. */
  cellAllowed(cell, tokenId) {
    if (!cell || !cell.room) return false;
    if (this.occupied(cell.x, cell.y, tokenId)) return false;
    if (!this.isGM() && this.state.vis[String(cell.room.id)] !== true) return false;
    return true;
  }
  showDropGhost(cell, ok) {
    if (!this.svg) return;
    this.layers.ghost.replaceChildren();
    if (!cell) return;
    const u = this.unit;
    this.layers.ghost.appendChild(s('rect', { class: 'drop-ghost' + (ok ? '' : ' bad'), x: cell.x * u + 2, y: cell.y * u + 2, width: u - 4, height: u - 4, rx: u / 2 }));
  }

  // ---------- tooltips ----------
  showTip(e, head, lines) {
    const b = this.wrap.getBoundingClientRect();
    this.tip.replaceChildren();
    const hb = document.createElement('b'); hb.textContent = String(head || '').toUpperCase();
    this.tip.appendChild(hb);
    for (const l of lines || []) { if (!l) continue; const d = document.createElement('div'); d.textContent = l; this.tip.appendChild(d); }
    this.tip.hidden = false;
    const x = Math.min(e.clientX - b.left + 14, b.width - 260), y = Math.min(e.clientY - b.top + 14, b.height - 90);
    this.tip.style.left = Math.max(4, x) + 'px';
    this.tip.style.top = Math.max(4, y) + 'px';
    clearTimeout(this.tipTimer);
    if (e.pointerType === 'touch' || e.type === 'click') this.tipTimer = setTimeout(() => this.hideTip(), 3500);
  }
  hideTip() { this.tip.hidden = true; }

  // ---------- pan / zoom ----------
  applyView() {
    if (!this.vp) return;
    const { k, tx, ty } = this.view;
    this.vp.setAttribute('transform', `translate(${tx} ${ty}) scale(${k})`);
    this.resetBtn.hidden = !(this.isGM() || k !== 1 || tx !== 0 || ty !== 0);
    this.svg.dataset.zoom = k.toFixed(2);
  }
  resetView() { this.view = { k: 1, tx: 0, ty: 0 }; this.applyView(); }
  zoomAt(vx, vy, factor) {
    const k0 = this.view.k, k = Math.max(0.5, Math.min(3, k0 * factor));
    this.view.tx = vx - (vx - this.view.tx) * (k / k0);
    this.view.ty = vy - (vy - this.view.ty) * (k / k0);
    this.view.k = k;
    this.applyView();
  }
  bindPanZoom() {
    const svg = this.svg;
    svg.addEventListener('wheel', (e) => {
      e.preventDefault();
      const p = this.clientToMap(e.clientX, e.clientY);
      if (!p) return;
      this.zoomAt(p.vx, p.vy, e.deltaY < 0 ? 1.12 : 1 / 1.12);
    }, { passive: false });
    svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0 || this.drag) return;
      const ctm = svg.getScreenCTM();
      this.pan = { id: e.pointerId, x: e.clientX, y: e.clientY, tx: this.view.tx, ty: this.view.ty, scale: ctm ? ctm.a : 1, moved: false };
    });
    svg.addEventListener('pointermove', (e) => {
      if (this.drag) return this.tokenPointerMove(e);
      const p = this.pan;
      if (!p || p.id !== e.pointerId) return;
      const dx = e.clientX - p.x, dy = e.clientY - p.y;
      if (!p.moved && Math.hypot(dx, dy) < 5) return;
      if (!p.moved) { p.moved = true; svg.setPointerCapture(e.pointerId); svg.classList.add('panning'); this.hideTip(); }
      this.view.tx = p.tx + dx / p.scale;
      this.view.ty = p.ty + dy / p.scale;
      this.applyView();
    });
    const end = (e) => {
      if (this.drag) return this.tokenPointerUp(e);
      if (this.pan && this.pan.id === e.pointerId) {
        if (this.pan.moved) { this.suppressClick = true; setTimeout(() => { this.suppressClick = false; }, 0); }
        this.pan = null;
        svg.classList.remove('panning');
      }
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
  }

  // ---------- token drag ----------
  tokenPointerDown(e, id, tok, g) {
    if (e.button !== 0) return;
    e.stopPropagation();
    const canDrag = this.isGM() || !!this.opts.playerDrag;
    this.drag = { id, tok, g, x: e.clientX, y: e.clientY, active: false, canDrag, pointerId: e.pointerId };
    this.svg.setPointerCapture(e.pointerId);
  }
  tokenPointerMove(e) {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    const dx = e.clientX - d.x, dy = e.clientY - d.y;
    if (!d.active) {
      if (!d.canDrag || Math.hypot(dx, dy) < 5) return;
      d.active = true;
      d.g.classList.add('dragging');
      this.hideTip();
    }
    const ctm = this.svg.getScreenCTM();
    const sc = (ctm ? ctm.a : 1) * this.view.k;
    d.g.setAttribute('transform', `translate(${dx / sc} ${dy / sc})`);
    const cell = this.cellAtClient(e.clientX, e.clientY);
    this.showDropGhost(cell, this.cellAllowed(cell, d.id));
  }
  tokenPointerUp(e) {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.drag = null;
    this.layers.ghost.replaceChildren();
    if (!d.active) {
      // a click/tap
      if (this.opts.onTokenClick) this.opts.onTokenClick(d.id, d.tok, e);
      else this.showTip(e, d.tok.name || d.id, [String(d.tok.type || '').toUpperCase()]);
      if (this.dirty) { this.dirty = false; this.render(); }
      return;
    }
    const cell = this.cellAtClient(e.clientX, e.clientY);
    const ok = this.cellAllowed(cell, d.id) && !(cell.x === Number(d.tok.x) && cell.y === Number(d.tok.y));
    if (ok && this.opts.onTokenMove) {
      this.pendingMoves.set(d.id, { x: cell.x, y: cell.y });
      Promise.resolve(this.opts.onTokenMove(d.id, cell.x, cell.y, cell.room ? String(cell.room.id) : ''))
        .then((res) => { if (res === false) { this.pendingMoves.delete(d.id); this.render(); } })
        .catch(() => { this.pendingMoves.delete(d.id); this.render(); });
    } else if (!ok && cell && this.opts.onRejectedMove) {
      this.opts.onRejectedMove(cell);
    }
    this.dirty = false;
    this.render();
  }
  /** True while one of this client's own token moves awaits server confirmation. */
  hasMovesInFlight() { return this.pendingMoves.size > 0; }
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
function doorSymbol(p, axis, u, type, status, ghost) {
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
