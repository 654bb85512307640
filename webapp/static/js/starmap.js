// Simple 2D star map (galaxy from api/star-map/, system orbits from api/system-map/<slug>/).
import { getJSON, h } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
const sv = (tag, attrs = {}) => { const e = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v)); return e; };
export function colorOf(c, fallback = '#c9a06a') {
  if (typeof c === 'number') return '#' + c.toString(16).padStart(6, '0');
  if (typeof c === 'string') { const s = c.trim(); if (/^0x/i.test(s)) return '#' + s.slice(2).padStart(6, '0'); if (/^#?[0-9a-f]{6}$/i.test(s)) return s.startsWith('#') ? s : '#' + s; }
  return fallback;
}
let galaxyCache = null;
async function galaxy() {
  if (!galaxyCache) galaxyCache = getJSON('star-map/').catch((e) => { galaxyCache = null; throw e; });
  return galaxyCache;
}

export class StarMap {
  constructor(host, { interactive = false } = {}) {
    this.interactive = interactive;
    this.svgBox = h('div.star-svg');
    this.list = h('div.star-list.panel', { hidden: !interactive });
    this.info = h('div.star-info.panel', { hidden: true });
    this.caption = h('div.star-caption', { 'data-testid': 'space-caption' });
    this.root = h(interactive ? 'div.starmap.interactive' : 'div.starmap', { 'data-testid': interactive ? 'bridge-starmap' : 'space-view' }, this.svgBox, this.list, this.info, this.caption);
    host.appendChild(this.root);
    this.alive = true;
    this.selected = null;
    if (interactive) this.showGalaxy();
  }
  destroy() { this.alive = false; this.root.remove(); }

  /** Non-interactive: show the galaxy, or a system's orbits when slug has a system map. */
  async focus(systemSlug, label, typeLabel) {
    this.caption.replaceChildren(h('div.cap-main', label || 'GALACTIC OVERVIEW'), typeLabel ? h('div.cap-sub', typeLabel + ' // NO ROOM MAP') : null);
    let g;
    try { g = await galaxy(); } catch { g = { systems: [] }; }
    if (!this.alive) return;
    const sys = (g.systems || []).find(s => s.location_slug && s.location_slug === systemSlug);
    if (sys && sys.has_system_map !== false) {
      try { const m = await getJSON(`system-map/${encodeURIComponent(systemSlug)}/`); if (this.alive) { this.drawSystem(m, sys); return; } } catch { /* fall back */ }
    }
    if (this.alive) this.drawGalaxy(g, systemSlug);
  }

  async showGalaxy() {
    let g;
    try { g = await galaxy(); } catch (e) { this.svgBox.replaceChildren(h('div.map-msg', 'STAR MAP UNAVAILABLE')); return; }
    if (!this.alive) return;
    this.drawGalaxy(g, this.selected && this.selected.location_slug);
    const systems = (g.systems || []).filter(s => s.label !== false);
    this.list.replaceChildren(h('div.panel-title', 'STAR MAP'), h('div.panel-body.scroll', ...systems.map(s =>
      h('button.pers-item', { 'data-testid': 'star-' + (s.location_slug || s.name), onclick: () => this.select(s, g) }, h('span.nm', String(s.name).toUpperCase())))));
  }

  select(s, g) {
    this.selected = s;
    this.drawGalaxy(g, s.location_slug);
    const info = s.info || {};
    this.info.hidden = false;
    this.info.replaceChildren(h('div.panel-title', String(s.name).toUpperCase()), h('div.panel-body',
      info.description ? h('p', info.description) : null,
      info.population ? h('div.fld', h('span.k', 'POPULATION'), h('span.v', info.population)) : null,
      s.type ? h('div.fld', h('span.k', 'TYPE'), h('span.v', String(s.type).toUpperCase())) : null,
      s.has_system_map ? h('button.btn', { onclick: () => this.openSystem(s) }, 'VIEW SYSTEM MAP') : null));
  }

  async openSystem(s) {
    try {
      const m = await getJSON(`system-map/${encodeURIComponent(s.location_slug)}/`);
      if (!this.alive) return;
      this.drawSystem(m, s);
      this.info.replaceChildren(h('div.panel-title', String(s.name).toUpperCase()), h('div.panel-body',
        ...(m.bodies || []).map(b => h('div.fld', h('span.k', String(b.name).toUpperCase()), h('span.v', String(b.type || '')))),
        h('button.btn', { onclick: () => { this.info.hidden = true; this.showGalaxy(); } }, 'BACK TO GALAXY')));
    } catch (e) { this.info.appendChild(h('div.err', e.message)); }
  }

  drawGalaxy(g, highlight) {
    const systems = g.systems || [];
    const xs = systems.map(s => (s.position || [0])[0] || 0), ys = systems.map(s => (s.position || [0, 0])[1] || 0);
    const minX = Math.min(0, ...xs) - 15, maxX = Math.max(0, ...xs) + 15, minY = Math.min(0, ...ys) - 15, maxY = Math.max(0, ...ys) + 15;
    const svg = sv('svg', { viewBox: `${minX} ${-maxY} ${maxX - minX} ${maxY - minY}`, class: 'starfield', preserveAspectRatio: 'xMidYMid meet' });
    const bySlug = new Map(systems.map(s => [s.location_slug, s]));
    for (const r of g.routes || []) {
      const a = bySlug.get(r.from) || systems.find(s => s.name === r.from), b = bySlug.get(r.to) || systems.find(s => s.name === r.to);
      if (a && b) svg.appendChild(sv('line', { x1: a.position[0], y1: -a.position[1], x2: b.position[0], y2: -b.position[1], class: 'route' }));
    }
    for (const s of systems) {
      const [x, y] = s.position || [0, 0];
      const hi = highlight && s.location_slug === highlight;
      const c = sv('circle', { cx: x, cy: -y, r: Math.max(0.8, (s.size || 1.5) * 0.9), fill: colorOf(s.color), class: 'star' + (hi ? ' hi' : '') });
      if (this.interactive) { c.style.cursor = 'pointer'; c.addEventListener('click', () => this.select(s, g)); }
      svg.appendChild(c);
      if (hi) svg.appendChild(sv('circle', { cx: x, cy: -y, r: 5, class: 'ring' }));
      if (s.label !== false) { const t = sv('text', { x: x + 3, y: -y - 3, class: 'star-label' + (hi ? ' hi' : '') }); t.textContent = String(s.name).toUpperCase(); svg.appendChild(t); }
    }
    this.svgBox.replaceChildren(svg);
    fitLabels(svg);
  }

  drawSystem(m, sys) {
    const bodies = m.bodies || [];
    const maxR = Math.max(20, ...bodies.map(b => Number(b.orbital_radius) || 0)) * 1.1;
    const svg = sv('svg', { viewBox: `${-maxR} ${-maxR * 0.62} ${2 * maxR} ${maxR * 1.24}`, class: 'starfield system', preserveAspectRatio: 'xMidYMid meet' });
    const star = m.star || {};
    svg.appendChild(sv('circle', { cx: 0, cy: 0, r: Math.max(2, (star.size || 3) * 0.8), fill: colorOf(star.color, '#ffd27a'), class: 'star' }));
    for (const b of bodies) {
      const r = Number(b.orbital_radius) || 0;
      const a = ((Number(b.orbital_angle) || 0) * Math.PI) / 180;
      svg.appendChild(sv('ellipse', { cx: 0, cy: 0, rx: r, ry: r * 0.55, class: 'orbit' }));
      const x = r * Math.cos(a), y = r * 0.55 * Math.sin(a);
      svg.appendChild(sv('circle', { cx: x, cy: y, r: Math.max(0.8, (b.size || 1) * 0.7), fill: colorOf(b.color, '#7fa3a3'), class: 'body' }));
      const t = sv('text', { x: x + 2, y: y - 2, class: 'star-label' }); t.textContent = String(b.name || '').toUpperCase(); svg.appendChild(t);
    }
    const t = sv('text', { x: 0, y: -maxR * 0.55, class: 'star-label sys-title', 'text-anchor': 'middle' }); t.textContent = String((sys && sys.name) || star.name || '').toUpperCase();
    svg.appendChild(t);
    this.svgBox.replaceChildren(svg);
    fitLabels(svg);
  }
}

/** Widen the viewBox to everything drawn, labels included, so no name is cut off at the edge. */
function fitLabels(svg) {
  let bb;
  try { bb = svg.getBBox(); } catch { return; }
  if (!bb || !bb.width) return;
  const [x, y, w, hh] = svg.getAttribute('viewBox').split(' ').map(Number);
  const pad = 2;
  const x0 = Math.min(x, bb.x - pad), y0 = Math.min(y, bb.y - pad);
  const x1 = Math.max(x + w, bb.x + bb.width + pad), y1 = Math.max(y + hh, bb.y + bb.height + pad);
  svg.setAttribute('viewBox', `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
}
