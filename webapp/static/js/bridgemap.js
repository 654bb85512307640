// The BRIDGE star map on a display: shows the level and selection the GM chose (payload key `bridge`), in WebGL
// (bridge3d.js) or, on weak devices, in 2D (bridge2d.js), with labels that stay on screen and never overlap and a
// typed-out info panel. Falls back to 2D by itself without WebGL, or when frames stay above 50 ms for 3 s (after
// 1.5 s it first tries half the resolution); ?perf=1 forces 2D, ?perf=3d keeps 3D at full resolution whatever the
// frame time and ?perf=3d-half at half resolution (for measuring).
import { getJSON, h } from './api.js';
import { webglAvailable, num, TRANSITION_MS, MIN_MOVE_MS } from './bridgescene.js';
import { Bridge2D } from './bridge2d.js';

const SLOW_FRAME_MS = 50;
const SLOW_FOR_MS = 3000;
const TYPE_MS_PER_CHAR = 12;

function perfSetting() {
  try { return new URLSearchParams(location.search).get('perf') || ''; } catch { return ''; }
}

export class BridgeMap {
  constructor(host) {
    this.stage = h('div.bm-stage', { 'data-testid': 'bridge-stage' });
    this.labelLayer = h('div.bm-labels', { 'aria-hidden': 'true' });
    this.caption = h('div.bm-caption', { 'data-testid': 'bridge-caption' });
    this.info = h('aside.bm-info.panel', { 'data-testid': 'bridge-info' });
    this.root = h('div.bridgemap', { 'data-testid': 'bridge-map' }, h('div.bm-view', this.stage, this.labelLayer, this.caption), this.info);
    host.appendChild(this.root);
    this.cache = new Map();
    this.alive = true;
    this.shown = null;
    this.stats = { frames: 0, cpu: 0, since: performance.now() };
    const perf = perfSetting();
    this.keep3d = perf === '3d' || perf === '3d-half';
    this.startHalf = perf === '3d-half';
    this.want3d = perf !== '1' && webglAvailable();
    this.root.dataset.renderer = this.want3d ? 'webgl' : '2d';
    if (!this.want3d) this.root.dataset.fallback = perf === '1' ? 'perf' : 'no-webgl';
    this.ro = new ResizeObserver(() => { if (this.renderer && this.renderer instanceof Bridge2D && this.shown) this.redraw2d(); });
    this.ro.observe(this.stage);
  }

  destroy() {
    this.alive = false;
    this.ro.disconnect();
    clearInterval(this.typer);
    if (this.renderer) this.renderer.destroy();
    this.root.remove();
  }

  async json(path) {
    if (!this.cache.has(path)) this.cache.set(path, getJSON(path).catch((e) => { this.cache.delete(path); throw e; }));
    return this.cache.get(path);
  }

  /**
   * Shows a level: {map_level, system_slug, body_slug, selected}. A level the campaign cannot draw falls back one
   * level up with the object selected (an orbit without an orbit map shows its system with the body selected).
   */
  async show(bridge, location = null) {
    const landAt = performance.now() + TRANSITION_MS; // every display lands one transition after the GM's change arrived
    this.location = location;
    const want = { level: bridge.map_level || 'GALAXY', system: bridge.system_slug || '', body: bridge.body_slug || '', selected: bridge.selected || '' };
    const token = this.token = {};
    let level = want.level, data, selectedId;
    const galaxy = await this.json('star-map/').catch(() => ({ systems: [], routes: [] }));
    if (token !== this.token || !this.alive) return;
    if (level === 'ORBIT') {
      try { data = await this.json(`orbit-map/${enc(want.system)}/${enc(want.body)}/`); selectedId = want.selected; } catch { level = 'SYSTEM'; want.selected = ''; }
    }
    if (level === 'SYSTEM') {
      try { data = await this.json(`system-map/${enc(want.system)}/`); selectedId = want.body; } catch { level = 'GALAXY'; }
    }
    if (level === 'GALAXY') { data = galaxy; selectedId = want.system; }
    if (token !== this.token || !this.alive) return;
    const key = `${level}|${want.system}|${level === 'ORBIT' ? want.body : ''}`;
    const fresh = !this.shown || this.shown.key !== key;
    this.shown = { key, level, data, selectedId, galaxy, want };
    this.root.dataset.level = level;
    this.root.dataset.system = want.system;
    this.root.dataset.body = level === 'ORBIT' ? want.body : '';
    this.root.dataset.selected = selectedId || '';
    await this.ensureRenderer();
    if (token !== this.token || !this.alive) return;
    if (fresh) {
      this.labels = this.renderer.build(level, data, selectedId);
      this.labelEls = new Map(this.labels.map(l => [l.id, h('div.bm-label', { 'data-testid': 'bridge-label-' + l.id }, String(l.name || '').toUpperCase())]));
      this.labelLayer.replaceChildren(...this.labelEls.values());
      this.measure();
    }
    this.renderer.focus(selectedId, fresh, landAt);
    // when this display's camera arrives (wall clock, comparable between displays)
    this.root.dataset.landedKey = `${key}|${selectedId || ''}`;
    this.root.dataset.landedAt = String(Math.round(Date.now() + Math.max(MIN_MOVE_MS, landAt - performance.now())));
    this.drawCaption();
    this.drawInfo();
    this.placeLabels();
  }

  /** One renderer per map, however many show() calls wait for it at once. */
  ensureRenderer() {
    if (!this.rendering) this.rendering = this.createRenderer();
    return this.rendering;
  }

  async createRenderer() {
    if (this.want3d) {
      try {
        const { Bridge3D } = await import('./bridge3d.js');
        if (!this.alive) return;
        this.renderer = new Bridge3D(this.stage, { onFrame: (cpu) => this.frame(cpu) });
        this.root.dataset.renderer = 'webgl';
        if (this.startHalf) { this.renderer.setResolution(0.5); this.root.dataset.resolution = 'half'; }
        this.slowSince = 0;
        this.watchFrom = performance.now() + 1000; // the first frames build the scene
        return;
      } catch (e) {
        console.warn('WebGL star map unavailable, drawing it in 2D', e);
        this.root.dataset.fallback = 'no-webgl';
      }
    }
    this.use2d();
  }

  use2d() {
    if (this.renderer) this.renderer.destroy();
    this.renderer = new Bridge2D(this.stage);
    this.root.dataset.renderer = '2d';
  }

  redraw2d() {
    this.labels = this.renderer.build(this.shown.level, this.shown.data);
    this.renderer.focus(this.shown.selectedId);
    this.measure();
    this.placeLabels();
  }

  /** Per 3D frame (cpu: the ms it took): frame statistics for tests and measurements, the slow-device watch, the labels. */
  frame(cpu) {
    const s = this.stats;
    s.frames++; s.cpu += cpu;
    const now = performance.now();
    if (now - s.since >= 1000) {
      const fps = s.frames * 1000 / (now - s.since);
      this.root.dataset.fps = fps.toFixed(1);
      this.root.dataset.cpuMs = (s.cpu / s.frames).toFixed(2);
      this.root.dataset.frames = String(Number(this.root.dataset.frames || 0) + s.frames);
      s.frames = 0; s.cpu = 0; s.since = now;
      if (this.watchSlowFrames(fps, now)) return;
    }
    if ((this.renderer.frames & 1) === 0) this.placeLabels();
  }

  /**
   * The slow-device watch, per second of frames (one quick frame among slow ones must not reset it): a second whose
   * frames took over SLOW_FRAME_MS on average is slow; after half of SLOW_FOR_MS of slow seconds it tries a quarter
   * of the pixels (software renderers pay per pixel), after SLOW_FOR_MS it draws the same selection in 2D.
   */
  watchSlowFrames(fps, now) {
    if (this.keep3d || now <= this.watchFrom) return false;
    if (fps >= 1000 / SLOW_FRAME_MS) { this.slowSince = 0; return false; }
    this.slowSince = this.slowSince || now - 1000;
    if (now - this.slowSince >= SLOW_FOR_MS / 2 && this.root.dataset.resolution !== 'half') {
      this.root.dataset.resolution = 'half';
      this.renderer.setResolution(0.5);
    }
    if (now - this.slowSince >= SLOW_FOR_MS) { this.root.dataset.fallback = 'slow'; this.use2d(); this.redraw2d(); return true; }
    return false;
  }

  /** The labels' real sizes as the page draws them (font, letter spacing, padding, border), measured once per level. */
  measure() {
    this.sizes = new Map(this.labels.map(l => {
      const el = this.labelEls.get(l.id);
      el.hidden = false;
      const r = el.getBoundingClientRect();
      return [l.id, { w: Math.ceil(r.width) + 1, h: Math.ceil(r.height) + 1 }];
    }));
  }

  /**
   * Labels: the selected object's first, then by priority; each tries four places around its object, inside the
   * view; one that fits nowhere without overlapping a placed label is hidden (never drawn over another or cut off).
   */
  placeLabels() {
    if (!this.labels || !this.renderer) return;
    const W = this.stage.clientWidth, H = this.stage.clientHeight, m = 12;
    const placed = [];
    const order = [...this.labels].sort((a, b) => (b.id === this.shown.selectedId) - (a.id === this.shown.selectedId) || a.priority - b.priority);
    const capRect = this.caption.getBoundingClientRect(), stageRect = this.stage.getBoundingClientRect();
    placed.push({ x: capRect.left - stageRect.left, y: capRect.top - stageRect.top, w: capRect.width, h: capRect.height });
    for (const l of order) {
      const el = this.labelEls.get(l.id);
      let p = this.renderer.project(l.id);
      if (p && (p.x < 0 || p.y < 0 || p.x > W || p.y > H)) p = null; // an object out of view has no label
      const size = this.sizes.get(l.id);
      let spot = null;
      if (p) {
        for (const [dx, dy] of [[14, -size.h - 6], [14, 8], [-size.w - 14, -size.h - 6], [-size.w - 14, 8], [-size.w / 2, 16], [-size.w / 2, -size.h - 18]]) {
          const x = Math.min(W - size.w - m, Math.max(m, p.x + dx)), y = Math.min(H - size.h - m, Math.max(m, p.y + dy));
          const r = { x, y, w: size.w, h: size.h };
          if (!placed.some(q => r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h)) { spot = r; break; }
        }
      }
      if (spot) {
        placed.push(spot);
        el.style.transform = `translate(${Math.round(spot.x)}px, ${Math.round(spot.y)}px)`;
        el.hidden = false;
        el.classList.toggle('sel', l.id === this.shown.selectedId);
      } else {
        el.hidden = true;
      }
    }
  }

  drawCaption() {
    const { level, want, galaxy } = this.shown;
    const sys = (galaxy.systems || []).find(s => s.location_slug === want.system);
    const sysName = String((sys && sys.name) || (this.shown.data.star && this.shown.data.star.name) || want.system).toUpperCase();
    const parts = level === 'GALAXY' ? ['GALACTIC OVERVIEW'] : level === 'SYSTEM' ? ['SYSTEM', sysName]
      : ['ORBIT', String((this.shown.data.planet && this.shown.data.planet.name) || want.body).toUpperCase()];
    this.caption.replaceChildren(h('div.bm-cap-main', parts.join(' // ')), ...(this.overrideCaption ? [h('div.bm-cap-sub', this.overrideCaption)] : []));
  }

  /** The encounter's location over the caption (ENCOUNTER at a system, planet or moon). */
  setSubtitle(text) { this.overrideCaption = text || ''; if (this.shown) this.drawCaption(); }

  drawInfo() {
    const { title, rows, text } = infoFor(this.shown, this.location);
    const key = JSON.stringify([title, rows, text]);
    if (key === this.infoKey) return;
    this.infoKey = key;
    const body = h('div.panel-body.bm-info-body');
    this.info.replaceChildren(h('div.panel-title', { 'data-testid': 'bridge-info-title' }, title), body);
    // typed out like the original's panels: each row in turn, then the description
    const items = [...rows.map(([k, v]) => ({ k, v: String(v) })), ...(text ? [{ k: null, v: text }] : [])];
    const targets = items.map(it => {
      const v = h('span.v');
      body.appendChild(it.k ? h('div.fld', h('span.k', it.k), v) : h('p.desc', v));
      return [v, it.v];
    });
    clearInterval(this.typer);
    this.info.dataset.typed = 'typing';
    let i = 0, at = 0;
    this.typer = setInterval(() => {
      for (let n = 0; n < 3 && i < targets.length; n++) {
        const [el, full] = targets[i];
        at++;
        el.textContent = full.slice(0, at);
        if (at >= full.length) { i++; at = 0; }
      }
      if (i >= targets.length) { clearInterval(this.typer); this.info.dataset.typed = 'done'; }
    }, TYPE_MS_PER_CHAR * 3);
  }
}

const enc = encodeURIComponent;

function find(list, id) {
  return (list || []).find(x => x && (x.location_slug === id || x.name === id));
}

/** The info panel of a level and selection: a title, label/value rows and a description. */
function infoFor({ level, data, selectedId, galaxy }, location) {
  const upper = (v) => String(v ?? '').toUpperCase();
  if (location && (!selectedId || selectedId === location.slug)) {
    // an ENCOUNTER here: the location's own panel, with what the map knows of it
    const own = level === 'GALAXY' ? null : infoFor({ level, data, selectedId: level === 'SYSTEM' ? '' : '', galaxy }, null);
    const rows = [['TYPE', upper(String(location.type || 'UNKNOWN').replace(/_/g, ' '))], ...(own ? own.rows.filter(([k]) => k !== 'TYPE') : [])];
    return { title: upper(location.name), rows, text: location.description || (own && own.text) || '' };
  }
  const infoRows = (info) => Object.entries(info || {}).filter(([k, v]) => k !== 'description' && v != null && typeof v !== 'object')
    .map(([k, v]) => [upper(k.replace(/_/g, ' ')), v]);
  if (level === 'GALAXY') {
    const s = find(galaxy.systems, selectedId);
    if (!s) return { title: 'GALACTIC OVERVIEW', rows: [['SYSTEMS', (galaxy.systems || []).length], ['ROUTES', (galaxy.routes || []).length]], text: '' };
    const routes = (galaxy.routes || []).filter(r => [r.from_slug, r.to_slug, r.from, r.to].includes(s.location_slug) || [r.from, r.to].includes(s.name))
      .map(r => {
        const other = r.from_slug === s.location_slug || r.from === s.name ? r.to : r.from;
        return ['ROUTE → ' + upper(other), `${r.travel_time_days ?? '?'} DAYS${r.route_type ? ' · ' + upper(r.route_type) : ''}`];
      });
    return { title: upper(s.name), rows: [['TYPE', upper(s.type || 'UNKNOWN')], ...infoRows(s.info), ['SYSTEM MAP', s.has_system_map ? 'AVAILABLE' : 'NONE'], ...routes], text: (s.info || {}).description || '' };
  }
  if (level === 'SYSTEM') {
    const star = data.star || {};
    const b = find(data.bodies, selectedId);
    if (!b) return { title: upper(star.name || 'SYSTEM'), rows: [['STAR', upper(star.type || '')], ['BODIES', (data.bodies || []).length]], text: '' };
    const rows = [['TYPE', upper(String(b.type || '').replace(/_/g, ' '))], ['ORBIT', `${num(b.orbital_radius, 0)} AU · ${num(b.orbital_period, 0)} DAYS`], ...infoRows(b.info)];
    if (b.location_slug) rows.push(['SURFACE SITES', b.surface_facility_count ?? 0], ['ORBITAL STATIONS', b.orbital_station_count ?? 0]);
    if (b.has_rings) rows.push(['RINGS', 'YES']);
    rows.push(['ORBIT MAP', b.has_orbit_map ? 'AVAILABLE' : 'NONE']);
    return { title: upper(b.name), rows, text: (b.info || {}).description || '' };
  }
  const p = data.planet || {};
  const moons = data.moons || [], stations = data.orbital_stations || [], markers = data.surface_markers || [];
  const m = find(moons, selectedId) || find(stations, selectedId) || find(markers, selectedId);
  if (!m) {
    return { title: upper(p.name || 'ORBIT'), rows: [['TYPE', upper(String(p.type || '').replace(/_/g, ' '))], ['AXIAL TILT', `${num(p.axial_tilt, 0)}°`],
      ['MOONS', moons.length], ['ORBITAL STATIONS', stations.length], ['SURFACE SITES', markers.length]], text: '' };
  }
  const kind = moons.includes(m) ? 'MOON' : stations.includes(m) ? upper(m.icon_type || 'STATION') : upper(m.marker_type || 'SURFACE SITE');
  const rows = [['TYPE', kind]];
  if (markers.includes(m)) rows.push(['POSITION', `${num(m.latitude, 0)}° ${num(m.longitude, 0)}°`]);
  else rows.push(['ORBIT', `${num(m.orbital_radius, 0)} · ${num(m.orbital_period, 0)} DAYS`]);
  return { title: upper(m.name), rows: [...rows, ...infoRows(m.info)], text: (m.info || {}).description || '' };
}
