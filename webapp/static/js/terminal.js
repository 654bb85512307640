// Shared display (TVs, tablets, phones). Follows only the SSE stream; no polling.
import { getJSON, postJSON, dataUrl, h, toast, applyPerfMode, fmtDate } from './api.js';
import { connectLive, keepAwake } from './live.js';
import { EncounterMap, resolveDeck } from './map.js';
import { CharonTerminal } from './charon.js';
import { renderMarkdown } from './markdown.js';
import { StarMap } from './starmap.js';
import { mountSoundControls, soundConnected, soundForPayload, typeTick } from './sound.js';

const MAP_TYPES = new Set(['station', 'ship', 'base', 'deck', 'room', 'level', 'section']);
const KNOWN_VIEWS = new Set(['STANDBY', 'ENCOUNTER', 'BRIDGE', 'CHARON_TERMINAL']);

applyPerfMode();
keepAwake();
mountSoundControls();

const $ = (id) => document.getElementById(id);
const viewEl = $('view');
const hdr = $('hdr'), hdrTitle = $('hdr-title'), hdrSub = $('hdr-sub');

let state = null;          // last payload
let current = null;        // current view controller {type, update(payload), destroy()}
let first = true;

// ---------------- header ----------------
let typeTimer = null;
function setHeader(title, sub, { typed = false } = {}) {
  // Same title still shown (or still being typed): keep it. Every event of a view calls this, and
  // restarting the typing animation made the header flicker on each GM action.
  if (title != null && typed && !hdr.hidden && hdrTitle.dataset.full === title) { hdrSub.textContent = sub || ''; return; }
  clearTimeout(typeTimer);
  if (title == null) { hdr.hidden = true; return; }
  hdr.hidden = false;
  hdrSub.textContent = sub || '';
  hdrTitle.dataset.full = title;
  if (!typed || document.body.classList.contains('perf')) { hdrTitle.textContent = title; return; }
  let i = 0;
  hdrTitle.textContent = '';
  const step = () => { i++; typeTick(); hdrTitle.textContent = title.slice(0, i); if (i < title.length) typeTimer = setTimeout(step, 50); };
  step();
}

// ---------------- STANDBY ----------------
const FRAGMENTS = ['> SYSTEM ONLINE', '> LIFE SUPPORT: NOMINAL', '> AWAITING INPUT', '> SCANNING SECTOR...', '> CRYO POD 3: STABLE',
  '> NAV BEACON ACQUIRED', '> REACTOR OUTPUT 98.7%', '> HULL INTEGRITY CHECK... OK', '> COMMS: LISTENING', '> CHARON INTERFACE READY',
  '> DRIVE COOLANT 71%', '> NO CONTACTS ON SCOPE', '> MOTION TRACKER: IDLE', '> ATMOSPHERE 20.9% O2'];

function standbyView(label, sub, note) {
  const title = h('div.sb-title', { 'data-testid': 'standby-title' }, label);
  const subtitle = h('div.sb-sub', sub);
  const center = h('div.sb-center', title, subtitle, note ? h('div.sb-note', { 'data-testid': 'fallback-note' }, note) : null);
  const root = h('div.standby.crt-flicker', { 'data-testid': 'standby' }, center);
  viewEl.replaceChildren(root);
  const timers = [];
  const frags = [];
  const glitch = () => {
    title.classList.add('glitch');
    timers.push(setTimeout(() => title.classList.remove('glitch'), 350));
  };
  const gi = setInterval(glitch, 7000);
  const spawn = () => {
    if (document.hidden || document.body.classList.contains('perf') && frags.length >= 2) return;
    if (frags.length >= 4) { const old = frags.shift(); old.remove(); }
    const text = FRAGMENTS[Math.floor(Math.random() * FRAGMENTS.length)];
    const el = h('div.sb-frag', { style: { visibility: 'hidden' } });
    root.appendChild(el);
    el.textContent = text + '_';
    const W = root.clientWidth, H = root.clientHeight;
    const fw = el.offsetWidth, fh = el.offsetHeight;
    el.textContent = '';
    const c = center.getBoundingClientRect(), r0 = root.getBoundingClientRect();
    const avoid = { l: c.left - r0.left - 30, t: c.top - r0.top - 30, r: c.right - r0.left + 30, b: c.bottom - r0.top + 30 };
    const m = Math.max(16, W * 0.04);
    let pos = null;
    for (let k = 0; k < 25 && !pos; k++) {
      const x = m + Math.random() * Math.max(1, W - fw - 2 * m), y = m + Math.random() * Math.max(1, H - fh - 2 * m);
      const box = { l: x, t: y, r: x + fw, b: y + fh };
      const hit = (o) => !(box.r < o.l || box.l > o.r || box.b < o.t || box.t > o.b);
      if (hit(avoid)) continue;
      if (frags.some(f => hit({ l: f.offsetLeft - 10, t: f.offsetTop - 10, r: f.offsetLeft + f.offsetWidth + 10, b: f.offsetTop + f.offsetHeight + 10 }))) continue;
      pos = { x, y };
    }
    if (!pos) { el.remove(); return; }
    el.style.left = pos.x + 'px'; el.style.top = pos.y + 'px'; el.style.visibility = 'visible';
    frags.push(el);
    let i = 0;
    const type = () => { i++; el.textContent = text.slice(0, i) + '_'; if (i < text.length) timers.push(setTimeout(type, 45)); else timers.push(setTimeout(() => { el.classList.add('fade'); }, 4500)); };
    type();
  };
  const si = setInterval(spawn, 2600);
  timers.push(setTimeout(spawn, 400));
  return {
    type: 'STANDBY',
    update() {},
    destroy() { clearInterval(gi); clearInterval(si); timers.forEach(clearTimeout); },
  };
}

// ---------------- ENCOUNTER ----------------
function encounterView(p) {
  const root = h('div.encounter', { 'data-testid': 'encounter' });
  viewEl.replaceChildren(root);
  let kind = null;   // 'map' | 'space'
  let map = null, star = null;
  let key = null;
  let deckGeometry = null;   // the shown deck as last received, to notice newly revealed rooms
  const deckCard = h('div.deck-card.panel', { 'data-testid': 'deck-indicator', hidden: true });
  const legend = buildLegend();

  function update(p) {
    const ltype = String(p.location_type || '').toLowerCase();
    const isMap = MAP_TYPES.has(ltype);
    const locName = p.location_name || p.location_slug || '';
    setHeader(p.location_slug ? String(locName).toUpperCase() : 'DEEP SPACE', '', { typed: true });
    if (isMap) {
      const mapObj = p.location_data ? p.location_data.map : null;
      const deck = resolveDeck(mapObj);
      const k = `map|${p.location_slug}|${(mapObj && mapObj.current_deck_id) || p.encounter_deck_id || ''}|${deck ? (deck.deck_id || deck.slug || deck.name || '') : 'none'}`;
      if (kind !== 'map') {
        kind = 'map';
        if (star) { star.destroy(); star = null; }
        root.replaceChildren();
        const host = h('div.map-host');
        root.append(host, deckCard, legend);
        map = new EncounterMap(host, {
          // Token moves are the GM's (the server refuses them from displays).
          mode: 'display', playerDrag: false,
        });
        key = null;
      }
      // the server sends only the revealed rooms: the same deck changes as the GM reveals them
      const geometry = deck ? JSON.stringify(deck) : '';
      if (k !== key) { key = k; deckGeometry = geometry; map.setDeck(deck, { locationName: locName }); }
      else if (geometry !== deckGeometry) { deckGeometry = geometry; map.refreshDeck(deck, { locationName: locName }); }
      map.update({ vis: p.encounter_room_visibility || {}, doors: p.encounter_door_status || {}, tokens: p.encounter_tokens || {} });
      const total = Number(p.encounter_total_decks) || 1;
      deckCard.hidden = !(total > 1);
      deckCard.replaceChildren(
        h('div.panel-title', 'DECK'),
        h('div.deck-num', h('b', { 'data-testid': 'deck-level' }, String(p.encounter_level ?? 1)), h('span', ' / ' + total)),
        h('div.deck-name', { 'data-testid': 'deck-name' }, String(p.encounter_deck_name || '').toUpperCase()));
      legend.hidden = !(deck && deck.rooms);
    } else {
      const focus = ltype === 'system' ? p.location_slug : ((p.location_data && p.location_data.system_slug) || '');
      const k = `space|${p.location_slug}`;
      if (kind !== 'space') {
        kind = 'space';
        root.replaceChildren();
        map = null;
        star = new StarMap(root, { interactive: false });
      }
      if (k !== key) {
        key = k;
        star.focus(focus, p.location_slug ? `${String(locName).toUpperCase()}` : '', ltype && ltype !== 'unknown' ? ltype.toUpperCase() : '');
      }
    }
  }
  update(p);
  return { type: 'ENCOUNTER', update, destroy() { if (star) star.destroy(); } };
}

function buildLegend() {
  const sw = (cls, extra = '') => `<svg viewBox="0 0 40 16" class="lg-sw"><rect x="1" y="1" width="38" height="14" class="${cls}"/>${extra}</svg>`;
  const el = h('div.legend.panel', { 'data-testid': 'map-legend' });
  el.innerHTML = `<div class="panel-title">LEGEND</div><div class="panel-body">
    <div class="lg-h">DOORS</div>
    <div class="lg-row">${sw('lg-standard', '<line x1="20" y1="1" x2="20" y2="15" stroke="#0a0a0a" stroke-width="2"/>')} STANDARD</div>
    <div class="lg-row">${sw('lg-airlock', '<rect x="6" y="4" width="28" height="8" fill="none" stroke="#0a0a0a" stroke-width="2"/>')} AIRLOCK</div>
    <div class="lg-row">${sw('lg-blast', '<path d="M3 2 L37 14 M37 2 L3 14" stroke="#0a0a0a" stroke-width="2"/>')} BLAST DOOR</div>
    <div class="lg-row">${sw('lg-emergency', '<line x1="12" y1="8" x2="28" y2="8" stroke="#0a0a0a" stroke-width="2"/>')} EMERGENCY</div>
    <div class="lg-h">STATUS</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="1" y="1" width="38" height="14" fill="#0a0a0a" stroke="#c9a06a" stroke-width="2"/><circle cx="20" cy="7" r="2.5" fill="#c9a06a"/></svg> LOCKED</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="2" y="2" width="36" height="12" fill="#0a0a0a" stroke="#e05050" stroke-width="3"/></svg> SEALED</div>
    <div class="lg-h">POINTS OF INTEREST</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><path d="M20 2 L27 14 L13 14 Z" fill="#c9a06a"/></svg> OBJECTIVE</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="15" y="3" width="10" height="10" fill="#7fa3a3"/></svg> ITEM</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><path d="M20 2 L27 14 L13 14 Z" fill="#c46a6a"/></svg> HAZARD</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="13" y="3" width="14" height="9" fill="none" stroke="#c9a06a" stroke-width="2"/></svg> TERMINAL</div>
  </div>`;
  return el;
}

// ---------------- BRIDGE ----------------
let bridgeData = null;
let shipStatus = null;

async function loadBridge() {
  try {
    bridgeData = await getJSON('campaign/bridge/');
    if (bridgeData && 'ship' in bridgeData) shipStatus = bridgeData.ship;
  } catch (e) {
    bridgeData = bridgeData || { crew: [], npcs: [], sessions: [], ship: null, error: e.message };
  }
  if (shipStatus == null) { try { shipStatus = await getJSON('ship-status/'); } catch { shipStatus = null; } }
  return bridgeData;
}

const BRIDGE_TABS = ['MAP', 'PERSONNEL', 'LOGS', 'STATUS', 'CHARON'];
function bridgeView(p, isSwitch) {
  setHeader('MOTHERSHIP TERMINAL', '');
  let tab = 'MAP';
  try { tab = (!isSwitch && sessionStorage.getItem('bridgeTab')) || 'MAP'; } catch { /* */ }
  if (!BRIDGE_TABS.includes(tab)) tab = 'MAP';
  const content = h('div.bridge-content', { 'data-testid': 'bridge-content' });
  const tabs = h('nav.bridge-tabs.panel', { 'data-testid': 'bridge-tabs' });
  const root = h('div.bridge', { 'data-testid': 'bridge' }, content, tabs);
  viewEl.replaceChildren(root);
  const charonHost = h('div.bridge-charon.charon-scroll');
  const charon = new CharonTerminal(charonHost, { channel: 'bridge', testid: 'bridge-charon' });
  charon.setMode(p.charon_mode);
  let charonDot = false;
  let star = null;
  let statusPanel = null;

  function drawTabs() {
    tabs.replaceChildren(...BRIDGE_TABS.map(t => h('button', {
      class: 'btn bridge-tab' + (t === tab ? ' active' : ''), 'data-testid': 'bridge-tab-' + t.toLowerCase(),
      onclick: () => select(t),
    }, t, t === 'CHARON' && charonDot ? h('span.dot', { 'data-testid': 'charon-dot' }) : null)));
  }
  function select(t) {
    tab = t;
    try { sessionStorage.setItem('bridgeTab', t); } catch { /* */ }
    if (t === 'CHARON') charonDot = false;
    drawTabs();
    if (star && t !== 'MAP') { star.destroy(); star = null; }
    statusPanel = null;
    content.replaceChildren();
    if (t === 'MAP') { star = new StarMap(content, { interactive: true }); }
    else if (t === 'CHARON') { content.appendChild(charonHost); charon.scroll(); charon.focus(); }
    else if (!bridgeData) { content.appendChild(h('div.loading', '> LOADING...')); loadBridge().then(() => { if (tab === t) select(t); }); }
    else if (t === 'PERSONNEL') content.appendChild(personnelPanel(bridgeData));
    else if (t === 'LOGS') content.appendChild(logsPanel(bridgeData));
    else if (t === 'STATUS') { statusPanel = shipPanel(shipStatus); content.appendChild(statusPanel.el); }
  }
  drawTabs();
  select(tab);
  if (!bridgeData) loadBridge().then(() => { if (tab !== 'MAP' && tab !== 'CHARON') select(tab); });
  return {
    type: 'BRIDGE',
    update(np) { charon.setMode(np.charon_mode); },
    charonEvent(ev) {
      charon.applyEvent(ev);
      if (ev.channel === 'bridge' && tab !== 'CHARON') { charonDot = true; drawTabs(); }
    },
    shipChanged() { if (statusPanel) { const old = statusPanel; statusPanel = shipPanel(shipStatus, old.snapshot); old.el.replaceWith(statusPanel.el); } },
    destroy() { if (star) star.destroy(); },
  };
}

function personnelPanel(d) {
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
  if (items.length) show(...items[0]); else detail.appendChild(h('div.panel-body', '> NO PERSONNEL RECORDS'));
  return h('div.personnel', { 'data-testid': 'personnel' }, list, detail);
}

function sessNum(s) { return Number(s.session_number ?? s.number ?? 0); }
function logsPanel(d) {
  const sessions = [...(d.sessions || [])].sort((a, b) => sessNum(b) - sessNum(a) || String(b.date || '').localeCompare(String(a.date || '')));
  const body = h('div.panel-body.scroll');
  const list = h('div.logs-list.panel', h('div.panel-title', 'SESSION LOGS'), body);
  const detail = h('div.logs-detail.panel', { 'data-testid': 'log-detail' });
  const show = (s, b) => {
    body.querySelectorAll('.pers-item').forEach(x => x.classList.toggle('active', x === b));
    const npcs = Array.isArray(s.npcs) ? s.npcs.join(', ') : (s.npcs || '');
    const md = h('div.md');
    md.innerHTML = renderMarkdown(s.content ?? s.body ?? '');
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
    if (!firstBtn) { firstBtn = b; show(s, b); }
  }
  if (!sessions.length) detail.appendChild(h('div.panel-body', '> NO SESSION LOGS'));
  return h('div.personnel', { 'data-testid': 'logs' }, list, detail);
}

const SYSTEMS = [['life_support', 'LIFE SUPPORT'], ['engines', 'ENGINES'], ['weapons', 'WEAPONS'], ['comms', 'COMMS']];
function statusClass(st) {
  st = String(st || '').toUpperCase();
  return st === 'ONLINE' ? 'ok' : st === 'STRESSED' ? 'warn' : st === 'DAMAGED' ? 'bad' : st === 'CRITICAL' ? 'crit' : 'off';
}
function shipPanel(data, prevSnapshot) {
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
    <circle cx="100" cy="75" r="13" fill="none" stroke="#4a6b6b"/><text x="100" y="79" font-size="9" fill="#7a9a9a" text-anchor="middle">BRIDGE</text>
    <rect x="82" y="200" width="36" height="40" fill="none" stroke="#4a6b6b"/><text x="100" y="224" font-size="9" fill="#7a9a9a" text-anchor="middle">CARGO</text>
    <rect x="80" y="330" width="40" height="40" fill="none" stroke="#4a6b6b"/><text x="100" y="354" font-size="9" fill="#7a9a9a" text-anchor="middle">ENGINES</text></svg>`;
  const el = h('div.ship-status', { 'data-testid': 'ship-status' },
    h('div.ship-head.panel', h('b', String(ship.name).toUpperCase()), h('span', ship.class || ''), h('span.crew', `CREW: ${ship.crew_count ?? '?'}/${ship.crew_capacity ?? '?'}`)),
    h('div.ship-grid',
      h('div.col', gauge('HULL', ship.hull), gauge('ARMOR', ship.armor), sysCard('life_support', 'LIFE SUPPORT')),
      schematic,
      h('div.col', sysCard('engines', 'ENGINES'), sysCard('weapons', 'WEAPONS'), sysCard('comms', 'COMMS'))));
  return { el, snapshot };
}

// ---------------- CHARON_TERMINAL ----------------
function charonView(p) {
  setHeader(null);
  const host = h('div.charon-full.charon-scroll', { 'data-testid': 'charon-view' });
  const frame = h('div.charon-frame.panel', h('div.panel-title', 'CHARON // SHIP INTELLIGENCE'), host);
  viewEl.replaceChildren(h('div.charon-screen', frame));
  const term = new CharonTerminal(host, { channel: 'story', testid: 'charon-terminal' });
  term.setMode(p.charon_mode);
  setTimeout(() => term.focus(), 50);
  return { type: 'CHARON_TERMINAL', update(np) { term.setMode(np.charon_mode); }, charonEvent(ev) { term.applyEvent(ev); }, destroy() {} };
}

// ---------------- overlays ----------------
// Comm terminal overlay
const termOv = $('term-overlay');
let termKey = '';
async function syncTerminalOverlay(p) {
  const loc = p.overlay_location_slug || '', term = p.overlay_terminal_slug || '';
  const key = loc && term ? `${loc}/${term}` : '';
  if (key === termKey) return;
  termKey = key;
  if (!key) { termOv.hidden = true; termOv.replaceChildren(); return; }
  termOv.hidden = false;
  termOv.dataset.location = loc; termOv.dataset.terminal = term;
  const box = h('div.term-box.panel', h('div.panel-title', 'COMM TERMINAL'), h('div.panel-body', '> ESTABLISHING LINK...'));
  const closeBtn = h('button.btn.term-close', { 'data-testid': 'terminal-close', 'aria-label': 'Close terminal', onclick: hideTerminal }, 'CLOSE ×');
  termOv.replaceChildren(h('div.backdrop', { onclick: hideTerminal }), box);
  let d;
  try { d = await getJSON(`terminal/${encodeURIComponent(loc)}/${encodeURIComponent(term)}/`); }
  catch (e) {
    if (termKey !== key) return;
    box.replaceChildren(h('div.panel-title', 'COMM TERMINAL', closeBtn), h('div.panel-body.err', '> ' + e.message.toUpperCase()));
    return;
  }
  if (termKey !== key) return;
  const owner = d.owner ? `${String(d.owner).toUpperCase()}'S TERMINAL` : 'COMM TERMINAL';
  const inbox = d.inbox || [], sent = d.sent || [];
  let folder = 'inbox';
  const tabs = h('div.term-tabs');
  const list = h('div.term-list', { 'data-testid': 'terminal-list' });
  const reader = h('div.term-reader', { 'data-testid': 'terminal-reader' });
  let selected = null;
  const drawTabs = () => tabs.replaceChildren(
    h('button', { class: 'term-tab' + (folder === 'inbox' ? ' active' : ''), 'data-testid': 'terminal-tab-inbox', onclick: () => { folder = 'inbox'; draw(); } }, `INBOX (${inbox.length})`),
    h('button', { class: 'term-tab' + (folder === 'sent' ? ' active' : ''), 'data-testid': 'terminal-tab-sent', onclick: () => { folder = 'sent'; draw(); } }, `SENT (${sent.length})`));
  const open = (m) => {
    selected = m;
    list.querySelectorAll('.term-item').forEach(x => x.classList.toggle('active', x.dataset.id === String(m.message_id)));
    const pr = String(m.priority || 'NORMAL').toUpperCase();
    const row = (k, v, cls) => h('div.fld', h('span.k', k), h('span', { class: 'v ' + (cls || '') }, String(v || '')));
    reader.replaceChildren(
      h('div.hdrs', row('FROM:', m.from), row('TO:', m.to), row('SUBJECT:', m.subject), row('DATE:', fmtDate(m.timestamp)), row('PRIORITY:', pr, 'prio-' + pr)),
      h('pre.body', { 'data-testid': 'terminal-message-body' }, String(m.content || '')));
  };
  const draw = () => {
    drawTabs();
    const msgs = folder === 'inbox' ? inbox : sent;
    list.replaceChildren(...msgs.map(m => {
      const pr = String(m.priority || 'NORMAL').toUpperCase();
      return h('button', {
        class: 'term-item' + (m.read === false ? ' unread' : ''), 'data-id': String(m.message_id), 'data-testid': 'terminal-msg-' + m.message_id,
        onclick: () => open(m),
      }, h('div.r1', h('span.from', folder === 'sent' ? 'TO: ' + (m.to || '') : (m.from || '')), pr !== 'NORMAL' ? h('span', { class: 'badge prio-' + pr }, pr) : null),
      h('div.subj', String(m.subject || '')), h('div.date', fmtDate(m.timestamp)));
    }));
    if (!msgs.length) { list.appendChild(h('div.empty', '> NO MESSAGES')); reader.replaceChildren(); return; }
    const pick = (folder === 'inbox' && msgs.find(m => m.read === false)) || msgs[0];
    open(msgs.includes(selected) ? selected : pick);
  };
  box.replaceChildren(h('div.panel-title.term-title', h('span', { 'data-testid': 'terminal-title' }, owner), closeBtn),
    h('div.term-main', h('div.term-side', tabs, list), reader));
  draw();
}
async function hideTerminal() {
  termOv.hidden = true; // optimistic; the SSE event confirms
  try { await postJSON('terminal/hide/', {}); } catch (e) { toast(e.message, 'error'); termOv.hidden = false; }
}

// NPC portrait overlay (ENCOUNTER only)
const portOv = $('portraits');
const portraitCards = new Map();   // id → element
function syncPortraits(p) {
  const active = p.view_type === 'ENCOUNTER' ? (p.encounter_active_portraits || []) : [];
  const npcs = p.encounter_npc_data || {};
  const wanted = active.filter(id => npcs[id]);
  // remove
  for (const [id, el] of portraitCards) {
    if (!wanted.includes(id)) {
      portraitCards.delete(id);
      el.classList.add('leaving');
      el.removeAttribute('data-testid');
      setTimeout(() => { el.remove(); if (!portraitCards.size) portOv.hidden = true; }, 320);
    }
  }
  if (!wanted.length) { if (!portraitCards.size) portOv.dataset.count = '0'; return; }
  portOv.hidden = false;
  let row = portOv.querySelector('.p-row');
  if (!row) { row = h('div.p-row'); portOv.replaceChildren(h('div.p-backdrop'), row); }
  for (const id of wanted) {
    if (portraitCards.has(id)) continue;
    const n = npcs[id];
    const name = String(n.name || id).toUpperCase();
    const nameEl = h('div.p-name', { 'data-testid': 'portrait-name-' + id });
    const img = n.portrait ? h('img', { src: dataUrl(n.portrait), alt: '' }) : h('div.p-none', '?');
    const card = h('div.p-card.phase-flicker', { 'data-testid': 'portrait-' + id, 'data-npc': id }, h('div.p-frame', img), nameEl);
    portraitCards.set(id, card);
    row.appendChild(card);
    const perf = document.body.classList.contains('perf');
    const typeName = () => {
      if (perf) { nameEl.textContent = name; return; }
      let i = 0; const step = () => { i++; typeTick(); nameEl.textContent = name.slice(0, i); if (i < name.length && card.isConnected) setTimeout(step, 55); }; step();
    };
    if (perf) { card.className = 'p-card phase-done'; typeName(); continue; }
    setTimeout(() => { card.classList.replace('phase-flicker', 'phase-wipe'); }, 280);
    setTimeout(() => { card.classList.replace('phase-wipe', 'phase-done'); }, 930);
    setTimeout(typeName, 1130);
  }
  // keep activation order
  for (const id of wanted) { const el = portraitCards.get(id); if (el) row.appendChild(el); }
  portOv.dataset.count = String(wanted.length);
}

// CHARON dialog
const dlg = $('charon-dialog');
let dlgTerm = null;
function syncCharonDialog(p) {
  const open = !!p.charon_dialog_open && p.view_type !== 'CHARON_TERMINAL';
  const ch = p.charon_active_channel || 'story';
  if (!open) { if (dlgTerm) { dlgTerm.destroy(); dlgTerm = null; } dlg.hidden = true; dlg.replaceChildren(); return; }
  if (!dlgTerm) {
    const host = h('div.charon-scroll.dlg-scroll');
    const close = async () => {
      dlg.hidden = true;
      try { await postJSON('gm/charon/toggle-dialog/', { open: false }); } catch (e) { toast(e.message, 'error'); dlg.hidden = false; }
    };
    dlg.replaceChildren(h('div.backdrop', { onclick: close }),
      h('div.dlg-box.panel', h('div.panel-title.term-title', h('span', 'CHARON'), h('button.btn.small', { 'data-testid': 'charon-dialog-close', onclick: close }, 'CLOSE ×')), host));
    dlgTerm = new CharonTerminal(host, { channel: ch, testid: 'charon-dialog-terminal' });
  }
  dlg.hidden = false;
  dlgTerm.setChannel(ch);
  dlgTerm.setMode(p.charon_mode);
}

// ---------------- dispatcher ----------------
function viewKind(vt) { return KNOWN_VIEWS.has(vt) ? vt : 'OTHER'; }

function apply(p) {
  const prev = state;
  state = p;
  const vt = String(p.view_type || 'STANDBY');
  document.body.dataset.viewType = vt;
  viewEl.dataset.viewType = vt;
  const kind = viewKind(vt);
  const switched = !current || current.type !== kind || (kind === 'OTHER' && prev && prev.view_type !== vt);

  // Entering or leaving CHARON_TERMINAL opens or closes the dialog on the server, once for all displays.

  if (switched) {
    if (current) current.destroy();
    if (kind === 'STANDBY') { setHeader(null); current = standbyView('MOTHERSHIP', 'THE OUTER VEIL'); }
    else if (kind === 'ENCOUNTER') current = encounterView(p);
    else if (kind === 'BRIDGE') current = bridgeView(p, !!prev);
    else if (kind === 'CHARON_TERMINAL') current = charonView(p);
    else { setHeader('MOTHERSHIP TERMINAL', 'STATION ACCESS'); current = standbyView('MOTHERSHIP', 'STATION ACCESS', `VIEW "${vt}" UNAVAILABLE`); current.type = 'OTHER'; }
  } else {
    current.update(p);
  }

  // ship overrides changed → one re-fetch (event-driven)
  if (prev && JSON.stringify(prev.ship_system_overrides || {}) !== JSON.stringify(p.ship_system_overrides || {})) {
    getJSON('ship-status/').then(s => { shipStatus = s; if (current && current.shipChanged) current.shipChanged(); }).catch(() => {});
  }
  syncTerminalOverlay(p);
  syncPortraits(p);
  syncCharonDialog(p);
  soundForPayload(p, prev);
  first = false;
}

connectLive({
  threshold: 5,
  onActiveView: apply,
  onOpen: soundConnected,
  onCharon: (ev) => {
    if (current && current.charonEvent) current.charonEvent(ev);
    if (dlgTerm) dlgTerm.applyEvent(ev);
  },
});
