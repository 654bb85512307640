// The BRIDGE star map in 2D (SVG): the fallback for displays without WebGL, too slow for it, or opened with ?perf=1.
// Same levels and selection as the 3D map, drawn flat in screen pixels so labels keep their size (>= 24 px).
import { css, num } from './bridgescene.js';

const NS = 'http://www.w3.org/2000/svg';
const sv = (tag, attrs = {}) => { const e = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v)); return e; };

export class Bridge2D {
  constructor(host) {
    this.host = host;
    this.svg = sv('svg', { class: 'bridge2d', 'data-testid': 'bridge-2d' });
    host.appendChild(this.svg);
    this.points = new Map();
  }

  destroy() { this.svg.remove(); }

  /** Draws a level; returns the labels ({id, name, priority}) and keeps their screen points for project(). */
  build(level, data) {
    this.level = level;
    this.data = data;
    return this.draw();
  }

  draw() {
    const W = Math.max(1, this.host.clientWidth), H = Math.max(1, this.host.clientHeight);
    this.svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    this.svg.replaceChildren();
    this.points = new Map();
    const d = this.data || {};
    const labels = [];
    const pad = 90;
    const fit = (pts) => {
      const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
      const minX = Math.min(...xs, 0), maxX = Math.max(...xs, 0), minY = Math.min(...ys, 0), maxY = Math.max(...ys, 0);
      const k = Math.min((W - 2 * pad) / Math.max(1, maxX - minX), (H - 2 * pad) / Math.max(1, maxY - minY));
      return (x, y) => [pad + (x - minX) * k + ((W - 2 * pad) - (maxX - minX) * k) / 2, pad + (y - minY) * k + ((H - 2 * pad) - (maxY - minY) * k) / 2];
    };
    if (this.level === 'GALAXY') {
      const systems = d.systems || [];
      const at = fit(systems.map(s => [num((s.position || [])[0], 0), -num((s.position || [])[2] ?? (s.position || [])[1], 0)]));
      const where = new Map();
      for (const s of systems) { const p = s.position || []; where.set(s.location_slug, at(num(p[0], 0), -num(p[2] ?? p[1], 0))).set(s.name, where.get(s.location_slug) || at(num(p[0], 0), -num(p[2] ?? p[1], 0))); }
      for (const r of d.routes || []) {
        const a = where.get(r.from_slug) || where.get(r.from), b = where.get(r.to_slug) || where.get(r.to);
        if (a && b) this.svg.appendChild(sv('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: 'route2d', stroke: css(r.color, 0x3fa3a3) }));
      }
      for (const s of systems) {
        const id = s.location_slug || s.name;
        const [x, y] = where.get(s.location_slug) || where.get(s.name);
        this.svg.appendChild(sv('circle', { cx: x, cy: y, r: 6 + num(s.size, 1.5) * 2, fill: css(s.color, 0xffeeaa), class: 'star2d' }));
        this.points.set(id, { x, y });
        if (s.label !== false) labels.push({ id, name: s.name, priority: 2 });
      }
    } else if (this.level === 'SYSTEM') {
      const bodies = d.bodies || [];
      const maxR = Math.max(10, ...bodies.map(b => num(b.orbital_radius, 0)));
      const k = Math.min((W - 2 * pad) / 2, (H - 2 * pad) / 2 / 0.6) / maxR;
      const cx = W / 2, cy = H / 2;
      const star = d.star || {};
      this.svg.appendChild(sv('circle', { cx, cy, r: 14 + num(star.size, 4) * 2, fill: css(star.color, 0xffeeaa), class: 'star2d' }));
      this.points.set('__star', { x: cx, y: cy });
      labels.push({ id: '__star', name: star.name || '', priority: 1 });
      for (const b of bodies) {
        const r = num(b.orbital_radius, 10) * k, a = num(b.orbital_angle, 0) * Math.PI / 180;
        this.svg.appendChild(sv('ellipse', { cx, cy, rx: r, ry: r * 0.6, class: 'orbit2d' }));
        const x = cx + r * Math.cos(a), y = cy + r * 0.6 * Math.sin(a);
        const size = 5 + num(b.size, 1) * 3;
        if (b.has_rings) this.svg.appendChild(sv('ellipse', { cx: x, cy: y, rx: size * 2, ry: size * 0.6, class: 'ring2d', stroke: css(b.ring_color, 0xd8c8b0) }));
        this.svg.appendChild(sv('circle', { cx: x, cy: y, r: size, fill: css(b.color, 0x7fa3a3), class: 'body2d' }));
        const id = b.location_slug || b.name;
        this.points.set(id, { x, y });
        labels.push({ id, name: b.name, priority: 2 });
      }
    } else {
      const p = d.planet || {};
      const cx = W / 2, cy = H / 2;
      const all = [...(d.moons || []), ...(d.orbital_stations || [])];
      const maxR = Math.max(num(p.size, 10) * 1.5, ...all.map(m => num(m.orbital_radius, 0)));
      const k = Math.min((W - 2 * pad) / 2, (H - 2 * pad) / 2) / maxR;
      const pr = Math.max(40, num(p.size, 10) * k);
      const tc = p.texture_config || {};
      if (p.rings) this.svg.appendChild(sv('ellipse', { cx, cy, rx: pr * 1.9, ry: pr * 0.45, class: 'ring2d', stroke: css(p.rings.color, 0xd8c8b0) }));
      this.svg.appendChild(sv('circle', { cx, cy, r: pr, fill: css(tc.primary_color, 0x557766), stroke: css(tc.tertiary_color, 0xdddddd), class: 'planet2d' }));
      this.points.set('__planet', { x: cx, y: cy - pr });
      labels.push({ id: '__planet', name: p.name || '', priority: 1 });
      for (const [list, kind] of [[d.moons, 'moon'], [d.orbital_stations, 'station']]) {
        for (const m of list || []) {
          const r = num(m.orbital_radius, 20) * k, a = num(m.orbital_angle, 0) * Math.PI / 180;
          this.svg.appendChild(sv('ellipse', { cx, cy, rx: r, ry: r * 0.8, class: 'orbit2d' }));
          const x = cx + r * Math.cos(a), y = cy + r * 0.8 * Math.sin(a);
          this.svg.appendChild(kind === 'moon'
            ? sv('circle', { cx: x, cy: y, r: 6 + num(m.size, 1) * 2, fill: css(m.color, 0x999988), class: 'body2d' })
            : sv('rect', { x: x - 7, y: y - 7, width: 14, height: 14, transform: `rotate(45 ${x} ${y})`, class: 'station2d' }));
          const id = m.location_slug || m.name;
          this.points.set(id, { x, y });
          labels.push({ id, name: m.name, priority: kind === 'moon' ? 2 : 3 });
        }
      }
      for (const m of d.surface_markers || []) {
        // the visible hemisphere, flat: longitude across, latitude up
        const x = cx + Math.max(-0.95, Math.min(0.95, num(m.longitude, 0) / 180)) * pr, y = cy - (num(m.latitude, 0) / 90) * pr;
        this.svg.appendChild(sv('path', { d: `M${x} ${y - 9} L${x + 7} ${y + 5} L${x - 7} ${y + 5} Z`, class: 'marker2d' }));
        const id = m.location_slug || m.name;
        this.points.set(id, { x, y });
        labels.push({ id, name: m.name, priority: 3 });
      }
    }
    this.svg.appendChild(this.ring = sv('circle', { r: 22, class: 'sel2d', 'data-testid': 'bridge-2d-selection', visibility: 'hidden' }));
    return labels;
  }

  focus(id) {
    const p = id && this.points.get(id);
    this.ring.setAttribute('visibility', p ? 'visible' : 'hidden');
    if (p) { this.ring.setAttribute('cx', p.x); this.ring.setAttribute('cy', p.y); }
  }

  project(id) { return this.points.get(id) || null; }
}
