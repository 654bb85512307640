// Display, BRIDGE panels: personnel files, session logs and the ship's status.
import { h, dataUrl } from '../api.js';

export function personnelPanel(d, chosen) {
  const list = h('div.pers-list.panel', h('div.panel-title', 'PERSONNEL'));
  const detail = h('div.pers-detail.panel', { 'data-testid': 'personnel-detail' });
  const body = h('div.panel-body.scroll');
  list.appendChild(body);
  const items = [];
  const crew = d.crew || [];
  if (crew.length) body.appendChild(h('div.grp', 'CREW'));
  for (const c of crew) items.push(addItem(c, 'crew'));
  const byLoc = new Map();
  for (const n of d.npcs || []) { const k = n.location || 'UNKNOWN'; if (!byLoc.has(k)) byLoc.set(k, []); byLoc.get(k).push(n); }
  for (const loc of [...byLoc.keys()].sort()) {
    body.appendChild(h('div.grp', 'NPC // ' + String(loc).toUpperCase()));
    for (const n of byLoc.get(loc)) items.push(addItem(n, 'npc'));
  }
  function addItem(c, kind) {
    const b = h('button.pers-item', { 'data-testid': `personnel-${c.id || c.name}`, onclick: () => show(c, kind, b) },
      h('span.nm', String(c.name || c.id || '').toUpperCase()), h('span.rl', String(c.role || c.class || '')));
    body.appendChild(b);
    return [c, kind, b];
  }
  function show(c, kind, b) {
    body.querySelectorAll('.pers-item').forEach(x => x.classList.toggle('active', x === b));
    const field = (k, v) => (v === undefined || v === null || v === '') ? null : h('div.fld', h('span.k', k), h('span.v', String(v)));
    const stats = c.stats || {}, saves = c.saves || {}, hp = c.health || {};
    detail.replaceChildren(h('div.panel-title', kind === 'crew' ? 'CREW FILE' : 'NPC FILE'), h('div.panel-body.pers-body',
      h('div.portrait', c.portrait ? h('img', { src: dataUrl(c.portrait), alt: '' }) : h('div.noimg', '?')),
      h('div.fields',
        h('div.pname', String(c.name || '').toUpperCase()),
        field('CALLSIGN', c.callsign), field('CLASS', c.class), field('ROLE', c.role), field('FACTION', c.faction),
        field('LOCATION', kind === 'npc' ? c.location : null), field('BACKGROUND', c.background), field('STATUS', c.status),
        field('STRESS', c.stress), field('HEALTH', hp.current != null ? `${hp.current} / ${hp.max ?? '?'}` : null),
        field('WOUNDS', c.wounds), field('ARMOR', c.armor),
        Object.keys(stats).length ? h('div.statrow', ...['strength', 'speed', 'intellect', 'combat'].map(k => h('div.stat', h('b', String(stats[k] ?? '-')), h('span', k.slice(0, 3).toUpperCase())))) : null,
        Object.keys(saves).length ? h('div.statrow', ...['sanity', 'fear', 'body'].map(k => h('div.stat', h('b', (saves[k] ?? '-') + '%'), h('span', k.toUpperCase())))) : null,
        c.description ? h('p.desc', c.description) : null)));
  }
  const pick = items.find(([c]) => chosen && (c.id === chosen || c.name === chosen)) || items[0];
  if (pick) { show(...pick); pick[2].scrollIntoView({ block: 'nearest' }); } else detail.appendChild(h('div.panel-body', '> NO PERSONNEL RECORDS'));
  return h('div.personnel', { 'data-testid': 'personnel' }, list, detail);
}

function sessNum(s) { return Number(s.session_number ?? s.number ?? 0); }
export function logsPanel(d, chosen) {
  const sessions = [...(d.sessions || [])].sort((a, b) => sessNum(b) - sessNum(a) || String(b.date || '').localeCompare(String(a.date || '')));
  const body = h('div.panel-body.scroll');
  const list = h('div.logs-list.panel', h('div.panel-title', 'SESSION LOGS'), body);
  const detail = h('div.logs-detail.panel', { 'data-testid': 'log-detail' });
  const show = (s, b) => {
    body.querySelectorAll('.pers-item').forEach(x => x.classList.toggle('active', x === b));
    const npcs = Array.isArray(s.npcs) ? s.npcs.join(', ') : (s.npcs || '');
    const md = h('div.md');
    md.innerHTML = s.body_html || ''; // rendered and made safe by the server (commonmark-java)
    detail.replaceChildren(h('div.panel-title', `SESSION ${sessNum(s) || ''}`), h('div.panel-body.scroll',
      h('div.fld', h('span.k', 'DATE'), h('span.v', String(s.date || ''))),
      h('div.fld', h('span.k', 'TITLE'), h('span.v', String(s.title || '').toUpperCase())),
      h('div.fld', h('span.k', 'LOCATION'), h('span.v', String(s.location || ''))),
      npcs ? h('div.fld', h('span.k', 'NOTABLE NPCS'), h('span.v', npcs)) : null, md));
  };
  let firstBtn = null;
  for (const s of sessions) {
    const b = h('button.pers-item', { 'data-testid': 'log-' + sessNum(s), onclick: () => show(s, b) },
      h('span.nm', `#${sessNum(s)} ${String(s.title || '').toUpperCase()}`), h('span.rl', String(s.date || '')));
    body.appendChild(b);
    if (!firstBtn || (chosen && String(sessNum(s)) === String(chosen))) { firstBtn = b; show(s, b); }
  }
  if (!sessions.length) detail.appendChild(h('div.panel-body', '> NO SESSION LOGS'));
  return h('div.personnel', { 'data-testid': 'logs' }, list, detail);
}

const SYSTEMS = [['life_support', 'LIFE SUPPORT'], ['engines', 'ENGINES'], ['weapons', 'WEAPONS'], ['comms', 'COMMS']];
function statusClass(st) {
  st = String(st || '').toUpperCase();
  return st === 'ONLINE' ? 'ok' : st === 'STRESSED' ? 'warn' : st === 'DAMAGED' ? 'bad' : st === 'CRITICAL' ? 'crit' : 'off';
}
export function shipPanel(data, prevSnapshot) {
  const ship = data && (data.ship || data);
  const snapshot = {};
  if (!ship || !ship.name) return { el: h('div.ship-status.empty', { 'data-testid': 'ship-status' }, '> NO SHIP DATA'), snapshot };
  const bar = (cur, max, cls) => {
    const pct = max ? Math.max(0, Math.min(100, (cur / max) * 100)) : 0;
    return h('div.bar', { class: 'bar ' + (cls || (pct < 30 ? 'crit' : '')) }, h('div.fill', { style: { width: pct + '%' } }));
  };
  const gauge = (label, o) => h('div.sys-card.panel', { 'data-testid': 'ship-' + label.toLowerCase() },
    h('div.panel-title', label), h('div.panel-body', h('div.big', `${o?.current ?? '?'} / ${o?.max ?? '?'}`), bar(o?.current, o?.max, (o?.current / o?.max) < 0.3 ? 'crit' : 'ok')));
  const sysCard = (key, label) => {
    const sy = (ship.systems || {})[key] || {};
    const st = String(sy.status || 'UNKNOWN').toUpperCase();
    snapshot[key] = st;
    const changed = prevSnapshot && prevSnapshot[key] && prevSnapshot[key] !== st;
    return h('div.sys-card.panel', { class: 'sys-card panel s-' + statusClass(st) + (changed ? ' flick' : ''), 'data-testid': 'system-' + key, 'data-status': st },
      h('div.panel-title', label), h('div.panel-body', h('div.big.st', st), bar(Number(sy.condition ?? 0), 100, statusClass(st)), h('div.info', String(sy.info || ''))));
  };
  const schematic = h('div.schematic');
  schematic.innerHTML = `<svg viewBox="0 0 200 420"><defs><pattern id="grd" width="10" height="10" patternUnits="userSpaceOnUse"><path d="M10 0 L0 0 0 10" fill="none" stroke="#1c2a2a" stroke-width="1"/></pattern></defs>
    <rect width="200" height="420" fill="url(#grd)"/>
    <path d="M100 20 L135 110 L128 230 L135 330 L100 400 L65 330 L72 230 L65 110 Z" fill="#0c1414" stroke="#5a7a7a" stroke-width="2"/>
    <circle cx="100" cy="75" r="13" fill="none" stroke="#4a6b6b"/><text x="100" y="81" class="sch-label" text-anchor="middle">BRIDGE</text>
    <rect x="82" y="200" width="36" height="40" fill="none" stroke="#4a6b6b"/><text x="100" y="226" class="sch-label" text-anchor="middle">CARGO</text>
    <rect x="80" y="330" width="40" height="40" fill="none" stroke="#4a6b6b"/><text x="100" y="356" class="sch-label" text-anchor="middle">ENGINES</text></svg>`;
  const el = h('div.ship-status', { 'data-testid': 'ship-status' },
    h('div.ship-head.panel', h('b', String(ship.name).toUpperCase()), h('span', ship.class || ''), h('span.crew', `CREW: ${ship.crew_count ?? '?'}/${ship.crew_capacity ?? '?'}`)),
    h('div.ship-grid',
      h('div.col', gauge('HULL', ship.hull), gauge('ARMOR', ship.armor), sysCard('life_support', 'LIFE SUPPORT')),
      schematic,
      h('div.col', sysCard('engines', 'ENGINES'), sysCard('weapons', 'WEAPONS'), sysCard('comms', 'COMMS'))));
  return { el, snapshot };
}

