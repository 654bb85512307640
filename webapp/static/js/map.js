// 2D SVG encounter map renderer shared by the display ("display" mode) and the GM console ("gm" mode).
// Geometry comes from a deck/map object (campaign-data-format §5); live state (room visibility,
// door status overrides, tokens) is applied with update(). Pan/zoom and drags are in map-interaction.js,
// the pure geometry in map-shapes.js, the doors in map-doors.js, the tokens in map-tokens.js.
import { dataUrl } from './api.js';
import { s, isDrawable, connectionsOf, roomShown } from './map-shapes.js';
import { MapInteraction } from './map-interaction.js';
import { drawDoors } from './map-doors.js';
import { drawTokens } from './map-tokens.js';

export { DOOR_STATUSES, resolveDeck, isDrawable, connectionsOf, effectiveDoorStatus, roomShown, tokenVisibleToPlayers, connectionGeometry } from './map-shapes.js';

/** Same data: the same object (patched states keep what did not change) or the same JSON. */
function sameData(a, b) { return a === b || JSON.stringify(a) === JSON.stringify(b); }

export class EncounterMap extends MapInteraction {
  /**
   * @param host element to fill
   * @param opts {mode:'display'|'gm', onTokenMove(id,x,y,roomId), onTokenClick(id,tok,ev),
   *              onDoorClick(conn,status,ev), playerDrag:boolean}
   */
  constructor(host, opts = {}) {
    super();
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
    this.fitForSmallScreens();
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
      // a HAZARD room's pulse is its own outline whose opacity is animated: Chromium runs that off the main thread,
      // where an animated stroke-opacity restyled and repainted the map every frame (docs/performance.md)
      if (st === 'HAZARD') g.appendChild(s('rect', { class: 'room-pulse', x: rx, y: ry, width: rw, height: rh }));
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
      const fs = Math.max(this.minLabel || 9, Math.min(u * 0.5, rw / (name.length * 0.66 + 1)));
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

  /** Connections and doors (they change alone when the GM opens or seals a door): map-doors.js. */
  renderDoors() { drawDoors(this); }

  /** Tokens (a moved token alone is drawn again; `rebuild` after the whole map was): map-tokens.js. */
  renderTokens(rebuild = false) { drawTokens(this, rebuild); }

  clipId(id) { return 'tokclip-' + this.mode + '-' + id; }
  dropClip(id) {
    for (const c of this.defs.querySelectorAll('clipPath')) { if (c.id === this.clipId(id)) c.remove(); }
  }
}
