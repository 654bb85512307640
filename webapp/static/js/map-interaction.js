// Encounter map, the pointer: map coordinates of a point, tooltips, pan and zoom, dragging tokens.
// EncounterMap extends this class; it keeps the drawing, this the interaction.
import { s } from './map-shapes.js';

export class MapInteraction {
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
  /**
   * On a phone the whole deck is too small to read or touch: a display starts zoomed in so that a cell is at least
   * 30 px (a token at least 24 px) and labels at least 12 px, centred on the rooms; pinch and pan from there.
   */
  fitForSmallScreens() {
    this.minLabel = 9;
    if (this.isGM() || !this.svg) return;
    const ctm = this.svg.getScreenCTM();
    if (!ctm || !ctm.a) return;
    // the smallest text a display draws: 12 px on a phone, 24 px on a TV across the room (issue 17)
    const minPx = innerWidth >= 1600 && innerHeight >= 900 ? 24.5 : 12.5;
    this.minLabel = minPx / ctm.a;
    const k = Math.min(6, 30 / (ctm.a * this.unit));
    if (k <= 1 || !this.rooms.length) return;
    const u = this.unit;
    const x0 = Math.min(...this.rooms.map(r => r.x)), x1 = Math.max(...this.rooms.map(r => r.x + r.width));
    const y0 = Math.min(...this.rooms.map(r => r.y)), y1 = Math.max(...this.rooms.map(r => r.y + r.height));
    const cx = ((x0 + x1) / 2) * u, cy = ((y0 + y1) / 2) * u;
    this.view = { k, tx: this.vb.x + this.vb.w / 2 - cx * k, ty: this.vb.y + this.vb.h / 2 - cy * k };
    this.minLabel = minPx / (ctm.a * k);
    this.applyView();
  }
  applyView() {
    if (!this.vp) return;
    const { k, tx, ty } = this.view;
    this.vp.setAttribute('transform', `translate(${tx} ${ty}) scale(${k})`);
    this.resetBtn.hidden = !(this.isGM() || k !== 1 || tx !== 0 || ty !== 0);
    this.svg.dataset.zoom = k.toFixed(2);
  }
  resetView() { this.view = { k: 1, tx: 0, ty: 0 }; this.applyView(); }
  zoomAt(vx, vy, factor) {
    const k0 = this.view.k, k = Math.max(0.5, Math.min(6, k0 * factor));
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
    // one finger (or the mouse) pans; two fingers pinch to zoom and pan together (touch-action is none on the map)
    const touches = new Map();
    const pinchState = () => {
      const [a, b] = [...touches.values()];
      return { dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 };
    };
    svg.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'touch') {
        touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
        if (touches.size === 2 && !this.drag) { this.pan = null; this.pinch = pinchState(); this.hideTip(); return; }
      }
      if (e.button !== 0 || this.drag || this.pinch) return;
      const ctm = svg.getScreenCTM();
      this.pan = { id: e.pointerId, x: e.clientX, y: e.clientY, tx: this.view.tx, ty: this.view.ty, scale: ctm ? ctm.a : 1, moved: false };
    });
    svg.addEventListener('pointermove', (e) => {
      if (touches.has(e.pointerId)) touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.pinch && touches.size === 2) {
        const now = pinchState(), was = this.pinch;
        const ctm = svg.getScreenCTM(), sc = ctm ? ctm.a : 1;
        this.view.tx += (now.mx - was.mx) / sc;
        this.view.ty += (now.my - was.my) / sc;
        const p = this.clientToMap(now.mx, now.my);
        if (p) this.zoomAt(p.vx, p.vy, now.dist / was.dist); else this.applyView();
        this.pinch = now;
        return;
      }
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
      touches.delete(e.pointerId);
      if (this.pinch) {
        if (touches.size < 2) { this.pinch = null; this.suppressClick = true; setTimeout(() => { this.suppressClick = false; }, 0); }
        return;
      }
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
    d.g.setAttribute('transform', `translate(${Number(d.g.dataset.cx) + dx / sc} ${Number(d.g.dataset.cy) + dy / sc})`);
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
