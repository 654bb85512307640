// The console's BRIDGE panel: the GM picks what every display's BRIDGE shows (tab, star map level and selection,
// person, log). Each click is one POST /api/gm/bridge/; the panel redraws from the GM's stream, never from its click.
import { getJSON, postJSON, toast, h } from './api.js';

const TABS = ['MAP', 'PERSONNEL', 'LOGS', 'STATUS', 'CHARON'];
const up = (v) => String(v ?? '').toUpperCase();

export class BridgePanel {
  constructor(host) {
    this.host = host;
    this.root = h('div.gm-bridge', { 'data-testid': 'gm-bridge' });
    host.appendChild(this.root);
    this.cache = new Map();
    this.b = null;
    this.onBridge = false;
  }

  json(path) {
    if (!this.cache.has(path)) this.cache.set(path, getJSON(path).catch((e) => { this.cache.delete(path); throw e; }));
    return this.cache.get(path);
  }

  /** Every payload of the GM's stream: redraw when the bridge or the view changed. */
  update(p) {
    const b = p.bridge || { tab: 'MAP', map_level: 'GALAXY', system_slug: '', body_slug: '', selected: '', person: '', log: '' };
    const onBridge = p.view_type === 'BRIDGE';
    const key = JSON.stringify(b) + onBridge;
    if (key === this.key) return;
    this.key = key;
    this.b = b;
    if (onBridge && !this.onBridge) this.cache.delete('campaign/bridge/');
    this.onBridge = onBridge;
    this.draw();
  }

  async choose(change, btn) {
    if (btn) btn.disabled = true;
    try { await postJSON('gm/bridge/', change); } catch (e) { toast(e.message, 'error'); } finally { if (btn) btn.disabled = false; }
  }

  async draw() {
    const b = this.b;
    const tabs = h('div.row.bridge-tabs-gm', ...TABS.map(t => h('button', {
      class: 'btn small' + (t === b.tab ? ' active' : ''), 'data-testid': 'gm-bridge-tab-' + t.toLowerCase(), 'aria-pressed': String(t === b.tab),
      onclick: (e) => this.choose({ tab: t }, e.currentTarget),
    }, t)));
    const body = h('div.gm-bridge-body');
    const note = this.onBridge ? null : h('div.muted', 'Displays show this when the view is BRIDGE.');
    this.root.replaceChildren(tabs, note || '', body);
    try {
      if (b.tab === 'PERSONNEL' || b.tab === 'LOGS') await this.drawRecords(body, b);
      else await this.drawMap(body, b);
    } catch (e) {
      body.replaceChildren(h('div.err', e.message));
    }
  }

  async drawMap(body, b) {
    const galaxy = await this.json('star-map/');
    const crumbs = h('div.row.crumbs', { 'data-testid': 'gm-bridge-level' }, up(b.map_level), b.system_slug ? ' // ' + up(b.system_slug) : '', b.map_level === 'ORBIT' ? ' // ' + up(b.body_slug) : '');
    const list = h('div.gm-bridge-list');
    const item = (id, label, sub, active, onclick) => h('button', { class: 'btn pick' + (active ? ' active' : ''), 'data-testid': 'gm-bridge-pick-' + id, onclick }, label, sub ? h('span.muted', ' ' + sub) : null);
    const actions = h('div.row');
    if (b.map_level === 'GALAXY') {
      for (const s of galaxy.systems || []) {
        const id = s.location_slug || s.name;
        list.appendChild(item(id, up(s.name), s.has_system_map ? 'SYSTEM MAP' : '', id === b.system_slug,
          (e) => this.choose({ map_level: 'GALAXY', system_slug: id }, e.currentTarget)));
      }
      const sel = (galaxy.systems || []).find(s => s.location_slug === b.system_slug);
      if (sel && sel.has_system_map) actions.appendChild(h('button.btn', { 'data-testid': 'gm-bridge-open-system', onclick: (e) => this.choose({ map_level: 'SYSTEM', system_slug: b.system_slug }, e.currentTarget) }, 'OPEN SYSTEM MAP'));
    } else if (b.map_level === 'SYSTEM') {
      const m = await this.json(`system-map/${encodeURIComponent(b.system_slug)}/`);
      for (const x of m.bodies || []) {
        const id = x.location_slug || x.name;
        list.appendChild(item(id, up(x.name), x.has_orbit_map ? 'ORBIT MAP' : '', id === b.body_slug,
          (e) => this.choose({ map_level: 'SYSTEM', system_slug: b.system_slug, body_slug: id }, e.currentTarget)));
      }
      const sel = (m.bodies || []).find(x => (x.location_slug || x.name) === b.body_slug);
      if (sel && sel.has_orbit_map) actions.appendChild(h('button.btn', { 'data-testid': 'gm-bridge-open-orbit', onclick: (e) => this.choose({ map_level: 'ORBIT', system_slug: b.system_slug, body_slug: b.body_slug }, e.currentTarget) }, 'OPEN ORBIT MAP'));
      actions.appendChild(h('button.btn', { 'data-testid': 'gm-bridge-back', onclick: (e) => this.choose({ map_level: 'GALAXY', system_slug: b.system_slug }, e.currentTarget) }, 'BACK TO GALAXY'));
    } else {
      const o = await this.json(`orbit-map/${encodeURIComponent(b.system_slug)}/${encodeURIComponent(b.body_slug)}/`);
      list.appendChild(item('planet', up((o.planet || {}).name || b.body_slug), 'PLANET', !b.selected,
        (e) => this.choose({ map_level: 'ORBIT', system_slug: b.system_slug, body_slug: b.body_slug }, e.currentTarget)));
      for (const [entries, kind] of [[o.moons, 'MOON'], [o.orbital_stations, 'STATION'], [o.surface_markers, 'SURFACE']]) {
        for (const x of entries || []) {
          const id = x.location_slug || x.name;
          list.appendChild(item(id, up(x.name), kind, id === b.selected,
            (e) => this.choose({ map_level: 'ORBIT', system_slug: b.system_slug, body_slug: b.body_slug, selected: id }, e.currentTarget)));
        }
      }
      actions.appendChild(h('button.btn', { 'data-testid': 'gm-bridge-back', onclick: (e) => this.choose({ map_level: 'SYSTEM', system_slug: b.system_slug, body_slug: b.body_slug }, e.currentTarget) }, 'BACK TO SYSTEM'));
    }
    body.replaceChildren(crumbs, list, actions);
  }

  async drawRecords(body, b) {
    if (!this.onBridge) { body.replaceChildren(h('div.muted', 'Switch the view to BRIDGE to choose a person or a log.')); return; }
    const d = await this.json('campaign/bridge/');
    const list = h('div.gm-bridge-list');
    if (b.tab === 'PERSONNEL') {
      for (const c of [...(d.crew || []), ...(d.npcs || [])]) {
        const id = c.id || c.name;
        list.appendChild(h('button', { class: 'btn pick' + (id === b.person ? ' active' : ''), 'data-testid': 'gm-bridge-person-' + id,
          onclick: (e) => this.choose({ person: id }, e.currentTarget) }, up(c.name || id)));
      }
    } else {
      for (const s of d.sessions || []) {
        const n = String(s.session_number ?? '');
        if (!n) continue;
        list.appendChild(h('button', { class: 'btn pick' + (n === b.log ? ' active' : ''), 'data-testid': 'gm-bridge-log-' + n,
          onclick: (e) => this.choose({ log: n }, e.currentTarget) }, `#${n} ${up(s.title)}`));
      }
    }
    body.replaceChildren(list);
  }
}
