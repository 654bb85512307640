// GM console. SSE is the truth; write responses are applied locally first for snappy feedback.
import { getJSON, postJSON, attempt, toast, h, whoami, redirectToLogin, pageUrl, dataUrl, fmtTime } from './api.js';
import { connectLive, keepAwake } from './live.js';
import { EncounterMap, resolveDeck, DOOR_STATUSES } from './map.js';
import qrcode from './vendor/qrcode.mjs';
import { initCharonAi, renderPending } from './charon-ai.js';
import { initSoundPanel, soundPanelUpdate } from './soundpanel.js';

const MAP_TYPES = new Set(['station', 'ship', 'base', 'deck', 'room', 'level', 'section']);
const $ = (id) => document.getElementById(id);
let S = null;              // last active-view payload
let locations = [];
let me = null;

const post = (path, body, okMsg, btn) => attempt(() => postJSON(path, body), { ok: okMsg, button: btn });

// ---------------- boot ----------------
(async function boot() {
  try { me = await whoami(); } catch (e) { toast(e.message, 'error'); }
  if (!me || me.role !== 'gm') { redirectToLogin(); return; }
  $('whoami').textContent = me.username.toUpperCase();
  keepAwake();
  buildTabs();
  loadLocations();
  loadJoin();
  // the GM's own payload and stream: hidden rooms and every token (the displays get only what is revealed)
  try { apply(await getJSON('gm/active-view/')); } catch (e) { toast(e.message, 'error'); }
  connectLive({ threshold: 2, onActiveView: apply, onCharon: charonEvent, path: 'gm/active-view/stream/', onFail: checkSignedIn });
  initCharonAi();
  initSoundPanel($('sound-panel'));
})();

/**
 * The GM stream is refused once the session is gone (a restart ends every session, a password reset too), and
 * EventSource cannot tell why: when it fails, ask the server who we are; signed out → back through the login.
 */
let checkingLogin = false;
async function checkSignedIn(failures) {
  if (checkingLogin || failures < 2) return;
  checkingLogin = true;
  try {
    const who = await whoami();
    if (!who || who.role !== 'gm') redirectToLogin();
  } catch { /* server unreachable: the stream keeps retrying */ } finally { checkingLogin = false; }
}

$('logout').addEventListener('click', async () => {
  try { await postJSON('auth/logout/', {}); } catch { /* ignore */ }
  location.href = pageUrl('login/');
});

// ---------------- tabs ----------------
const TABS = [['charon', 'CHARON'], ['encounter', 'ENCOUNTER'], ['ship', 'SHIP STATUS'], ['sound', 'SOUND'], ['broadcast', 'BROADCAST'], ['players', 'PLAYERS'], ['status', 'STATUS']];
let activeTab = localStorage.getItem('gm-tab') || 'encounter';
function buildTabs() {
  const bar = $('tabbar');
  bar.replaceChildren(...TABS.map(([id, label]) => h('button', { class: 'tab' + (id === activeTab ? ' active' : ''), 'data-testid': 'tab-' + id, onclick: () => selectTab(id) }, label)));
  selectTab(activeTab);
}
function selectTab(id) {
  activeTab = id;
  try { localStorage.setItem('gm-tab', id); } catch { /* */ }
  document.querySelectorAll('#tabbar .tab').forEach((b, i) => b.classList.toggle('active', TABS[i][0] === id));
  document.querySelectorAll('.tabpane').forEach(p => { p.hidden = p.id !== 'pane-' + id; });
  if (id === 'ship') loadShip();
  if (id === 'charon') loadCharonChannels();
  if (id === 'players') loadPlayers();
  if (id === 'status') loadStatus();
  if (id === 'broadcast') loadRecipients();
  if (id === 'encounter' && gmMap) gmMap.render();
}

// ---------------- view controls ----------------
const VIEWS = [['STANDBY', 'STANDBY'], ['BRIDGE', 'BRIDGE'], ['ENCOUNTER', 'ENCOUNTER'], ['CHARON', 'CHARON_TERMINAL']];
function drawViewControls() {
  const box = $('view-controls');
  box.replaceChildren(...VIEWS.map(([label, vt]) => h('button', {
    class: 'btn view-btn' + (S && S.view_type === vt ? ' active' : ''), 'data-testid': 'view-btn-' + label, 'aria-pressed': String(!!S && S.view_type === vt),
    onclick: (e) => post('gm/switch-view/', { view_type: vt, location_slug: vt === 'ENCOUNTER' ? (S && S.location_slug) || '' : '' }, `VIEW → ${label}`, e.currentTarget),
  }, label)));
  $('cur-view').textContent = S ? `${S.view_type}${S.location_slug ? ' // ' + S.location_slug : ''}` : '';
}

// ---------------- location tree ----------------
let treeOpen = {};
try { treeOpen = JSON.parse(localStorage.getItem('gm-console-tree') || '{}'); } catch { /* */ }
async function loadLocations() {
  try { locations = (await getJSON('gm/locations/')).locations || []; } catch (e) { toast('Locations: ' + e.message, 'error'); locations = []; }
  drawTree();
}
function drawTree() {
  const root = $('tree');
  const enc = S && S.view_type === 'ENCOUNTER';
  const node = (n, depth) => {
    const hasKids = (n.children || []).length || (n.terminals || []).length;
    const open = !!treeOpen[n.slug];
    const sel = S && S.location_slug === n.slug;
    const row = h('div', { class: 'tree-row' + (sel ? ' selected' : ''), style: { paddingLeft: depth * 14 + 'px' } },
      h('button.twisty', { 'aria-label': 'expand', disabled: !hasKids, onclick: () => { treeOpen[n.slug] = !open; localStorage.setItem('gm-console-tree', JSON.stringify(treeOpen)); drawTree(); } }, hasKids ? (open ? '−' : '+') : '·'),
      h('button', {
        class: 'loc-name', 'data-testid': 'loc-' + n.slug, disabled: !enc, title: enc ? 'Show this location' : 'Switch to ENCOUNTER to select a location',
        onclick: (e) => post('gm/switch-view/', { view_type: 'ENCOUNTER', location_slug: sel ? '' : n.slug }, sel ? 'Location cleared' : `ENCOUNTER → ${n.name || n.slug}`, e.currentTarget),
      }, n.name || n.slug),
      h('span.tag', String(n.type || '').toUpperCase()), n.has_map ? h('span.tag.map', 'MAP') : null);
    const kids = [];
    if (open) {
      for (const t of n.terminals || []) {
        const shown = S && S.overlay_location_slug === n.slug && S.overlay_terminal_slug === t.slug;
        kids.push(h('div.tree-row.term', { style: { paddingLeft: (depth + 1) * 14 + 18 + 'px' } },
          h('span.term-ico', '▣'), h('span.term-name', t.name || t.slug), t.owner ? h('span.tag.owner', t.owner) : null,
          h('button', {
            class: 'btn small' + (shown ? ' active' : ''), 'data-testid': `show-terminal-${n.slug}-${t.slug}`, 'aria-pressed': String(!!shown),
            onclick: (e) => post('gm/show-terminal/', shown ? { location_slug: '', terminal_slug: '' } : { location_slug: n.slug, terminal_slug: t.slug }, shown ? 'Terminal hidden' : 'Terminal shown', e.currentTarget),
          }, shown ? 'HIDE' : 'SHOW')));
      }
      for (const c of n.children || []) kids.push(node(c, depth + 1));
    }
    return h('div.tree-node', row, ...kids);
  };
  root.replaceChildren(...locations.map(n => node(n, 0)));
  if (!locations.length) root.appendChild(h('div.muted', '> NO LOCATIONS'));
}
function findLoc(slug, list = locations) {
  for (const n of list) { if (n.slug === slug) return n; const f = findLoc(slug, n.children || []); if (f) return f; }
  return null;
}

// ---------------- join address + QR ----------------
async function loadJoin() {
  const box = $('join');
  try {
    const d = await getJSON('gm/join/');
    const urls = d.display_urls || [];
    if (!urls.length) { box.replaceChildren(h('div.muted', 'No LAN address found')); return; }
    const qr = qrcode(0, 'M');
    qr.addData(urls[0]);
    qr.make();
    const qrEl = h('div.qr', { 'data-testid': 'join-qr', title: urls[0] });
    qrEl.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
    box.replaceChildren(qrEl, h('div.join-urls', h('div.lbl', 'DISPLAYS JOIN AT'), ...urls.map((u, i) => h('div', { class: 'join-url' + (i ? ' alt' : ''), 'data-testid': 'join-url-' + i }, u))));
  } catch (e) { box.replaceChildren(h('div.err', 'Join address: ' + e.message)); }
}

// ---------------- apply state ----------------
function apply(p) {
  const prev = S;
  S = p;
  drawViewControls();
  drawTree();
  updateEncounter(prev);
  updateCharon(prev);
  soundPanelUpdate(p);
  if (prev && JSON.stringify(prev.ship_system_overrides) !== JSON.stringify(p.ship_system_overrides) && activeTab === 'ship') loadShip();
}

// ---------------- ENCOUNTER tab ----------------
let gmMap = null, mapKey = '', allDecks = null, allDecksSlug = '', templates = [], selectedTemplate = null;
async function updateEncounter(prev) {
  const pane = $('enc-body');
  const enc = S.view_type === 'ENCOUNTER' && S.location_slug;
  if (!enc) {
    mapKey = ''; gmMap = null; allDecks = null; allDecksSlug = '';
    pane.replaceChildren(h('div.empty-state', { 'data-testid': 'encounter-empty' }, 'Switch to ENCOUNTER and pick a location in the tree.'));
    return;
  }
  const ltype = String(S.location_type || '').toLowerCase();
  if (!MAP_TYPES.has(ltype)) {
    mapKey = ''; gmMap = null;
    pane.replaceChildren(h('div.empty-state', `Displaying system/orbit view for ${S.location_name || S.location_slug} — no room controls.`));
    portraitsCard(pane, true);
    return;
  }
  if (!pane.querySelector('#enc-grid')) {
    pane.replaceChildren(h('div#enc-grid',
      h('section.card#card-decks', h('h3', 'DECK LEVEL'), h('div.card-body#deck-btns')),
      h('section.card.wide#card-map', h('h3', 'MAP PREVIEW', h('span.hint', 'drag tokens · click doors · wheel zoom · drag to pan')), h('div#gm-map-host')),
      h('section.card#card-tokens', h('h3', 'TOKENS'), h('div.card-body#tokens-body')),
      h('section.card#card-rooms', h('h3', 'ROOM VISIBILITY', h('span.hdr-btns',
        h('button.btn.small', { 'data-testid': 'reveal-all', title: 'Reveal every room', onclick: (e) => setAllRooms(true, e.currentTarget) }, 'ALL ON'),
        h('button.btn.small', { 'data-testid': 'hide-all', title: 'Hide every room', onclick: (e) => setAllRooms(false, e.currentTarget) }, 'ALL OFF'))), h('div.card-body#rooms-body')),
      h('section.card#card-portraits', h('h3', 'NPC PORTRAITS'), h('div.card-body#portraits-body'))));
    gmMap = new EncounterMap($('gm-map-host'), {
      mode: 'gm',
      onDoorClick: doorPopup,
      onTokenClick: tokenPopup,
      onTokenMove: async (id, x, y, roomId) => {
        const r = await attempt(() => postJSON('gm/encounter/move-token/', { token_id: id, x, y, room_id: roomId }));
        if (!r) return false;
        if (r.tokens) gmMap.update({ tokens: r.tokens });
        return true;
      },
      onRejectedMove: () => toast('Cell occupied or outside a room', 'error'),
    });
    mapKey = '';
    drawTokensCard();
  }
  if (allDecksSlug !== S.location_slug) {
    allDecksSlug = S.location_slug; allDecks = null;
    getJSON(`gm/encounter-map/${encodeURIComponent(S.location_slug)}/all-decks/`).then(d => { allDecks = d; drawDecks(); drawRooms(); })
      .catch(e => { allDecks = { decks: [] }; toast('Decks: ' + e.message, 'error'); drawDecks(); drawRooms(); });
  }
  const mapObj = S.location_data ? S.location_data.map : null;
  const deck = resolveDeck(mapObj);
  const key = `${S.location_slug}|${(mapObj && mapObj.current_deck_id) || S.encounter_deck_id}|${deck ? deck.deck_id || deck.slug || '' : ''}`;
  if (key !== mapKey) { mapKey = key; gmMap.setDeck(deck, { locationName: S.location_name }); addDeckLabel(deck); }
  gmMap.update({ vis: S.encounter_room_visibility || {}, doors: S.encounter_door_status || {}, tokens: S.encounter_tokens || {} });
  drawDecks(); drawRooms(); portraitsCard(null); drawTokensCount();
  closePopupIfStale();
}
function addDeckLabel(deck) {
  const host = $('gm-map-host');
  host.querySelector('.deck-label')?.remove();
  if (deck) host.appendChild(h('div.deck-label', String(deck.name || S.encounter_deck_name || '').toUpperCase()));
}
function drawDecks() {
  const box = $('deck-btns');
  if (!box) return;
  const mapObj = S.location_data ? S.location_data.map : null;
  if (!mapObj || !mapObj.is_multi_deck) { box.replaceChildren(h('div.muted', 'Single deck map - no level switching available')); return; }
  const decks = (mapObj.manifest && mapObj.manifest.decks) || [];
  const cur = mapObj.current_deck_id || S.encounter_deck_id;
  box.replaceChildren(...decks.map(d => h('button', {
    class: 'btn' + (d.id === cur ? ' active' : ''), 'data-testid': 'deck-btn-' + d.id,
    onclick: (e) => post('gm/encounter/switch-level/', { level: d.level ?? 1, deck_id: d.id }, `Deck → ${d.name || d.id}`, e.currentTarget),
  }, `L${d.level ?? 1} · ${String(d.name || d.id).toUpperCase()}`)));
}
function drawRooms() {
  const box = $('rooms-body');
  if (!box) return;
  if (!allDecks) { box.replaceChildren(h('div.muted', 'Loading rooms...')); return; }
  const vis = S.encounter_room_visibility || {};
  const rows = [];
  for (const d of [...(allDecks.decks || [])].sort((a, b) => (a.level ?? 1) - (b.level ?? 1))) {
    rows.push(h('div.room-hdr', `LEVEL ${d.level ?? 1} - ${String(d.name || d.id).toUpperCase()}`));
    for (const r of [...(d.rooms || [])].sort((a, b) => String(a.name).localeCompare(String(b.name)))) {
      const on = vis[r.id] !== false;
      const st = String(r.status || 'OPERATIONAL').toUpperCase();
      rows.push(h('label', { class: 'room-row' + (on ? '' : ' off') },
        h('span.rn', String(r.name || r.id).toUpperCase()), h('span', { class: 'rst st-' + st }, `[${st}]`),
        h('input', {
          type: 'checkbox', class: 'switch', role: 'switch', checked: on, 'data-testid': 'reveal-' + r.id, 'data-visible': String(on),
          onchange: async (e) => {
            const el = e.currentTarget; const want = el.checked;
            const res = await attempt(() => postJSON('gm/encounter/toggle-room/', { room_id: r.id, visible: want }));
            if (!res) { el.checked = !want; return; }
            if (res.room_visibility) { S.encounter_room_visibility = res.room_visibility; gmMap && gmMap.update({ vis: res.room_visibility }); drawRooms(); }
          },
        })));
    }
  }
  box.replaceChildren(...rows);
}
async function setAllRooms(visible, btn) {
  const ids = (allDecks && allDecks.decks || []).flatMap(d => (d.rooms || []).map(r => r.id));
  const rv = Object.fromEntries(ids.map(id => [id, visible]));
  const res = await post('gm/encounter/room-visibility/', { room_visibility: rv }, visible ? 'All rooms revealed' : 'All rooms hidden', btn);
  if (res && res.room_visibility) { S.encounter_room_visibility = res.room_visibility; gmMap && gmMap.update({ vis: res.room_visibility }); drawRooms(); }
}
function portraitsCard(pane, standalone) {
  let box = $('portraits-body');
  if (standalone && pane) { box = h('div.card-body#portraits-body'); pane.appendChild(h('section.card', h('h3', 'NPC PORTRAITS'), box)); }
  if (!box) return;
  const npcs = Object.values(S.encounter_npc_data || {});
  const active = S.encounter_active_portraits || [];
  box.replaceChildren(...npcs.map(n => {
    const on = active.includes(n.id);
    return h('div.npc-row', n.portrait ? h('img.npc-thumb', { src: dataUrl(n.portrait), alt: '' }) : h('span.npc-thumb.none', '?'), h('span.rn', n.name),
      h('button', { class: 'btn small' + (on ? ' active' : ''), 'data-testid': 'portrait-btn-' + n.id, 'aria-pressed': String(on),
        onclick: (e) => post('gm/encounter/toggle-portrait/', { npc_id: n.id }, on ? 'Portrait dismissed' : 'Portrait shown', e.currentTarget) }, on ? 'DISMISS' : 'SHOW'));
  }));
  if (!npcs.length) box.appendChild(h('div.muted', 'No NPCs with ids in npcs.yaml'));
}

// token palette
async function drawTokensCard() {
  const box = $('tokens-body');
  if (!box) return;
  const pal = h('div.palette', { 'data-testid': 'token-palette' }, h('div.muted', 'Loading templates...'));
  const name = h('input', { type: 'text', placeholder: 'Token name', 'data-testid': 'custom-token-name' });
  const type = h('select', { 'data-testid': 'custom-token-type' }, ...['player', 'npc', 'creature', 'object'].map(t => h('option', { value: t }, t.toUpperCase())));
  const img = h('select', { 'data-testid': 'custom-token-image' }, h('option', { value: '' }, '(no image)'));
  const clear = h('button.btn.danger', { 'data-testid': 'clear-tokens', onclick: async (e) => {
    const n = Object.keys(S.encounter_tokens || {}).length;
    if (!n || !confirm(`Remove all ${n} tokens?`)) return;
    const r = await post('gm/encounter/clear-tokens/', {}, 'Tokens cleared', e.currentTarget);
    if (r) gmMap && gmMap.update({ tokens: {} });
  } }, 'CLEAR ALL TOKENS');
  box.replaceChildren(h('div.muted.small', 'Drag a template onto the map (inside a room, free cell).'), pal,
    h('div.custom', h('div.lbl', 'CUSTOM TOKEN'), name, type, img,
      h('button.btn', { 'data-testid': 'custom-token-create', onclick: () => {
        const nm = name.value.trim();
        if (!nm) { toast('Token name required', 'error'); return; }
        templates.push({ id: 'custom-' + Date.now(), name: nm, type: type.value, url: img.value, source: 'custom' });
        name.value = ''; drawPalette(pal);
      } }, 'CREATE')), clear);
  try {
    templates = (await getJSON('gm/encounter/token-images/')).images || [];
    for (const t of templates) img.appendChild(h('option', { value: t.url }, `${t.name} (${t.source})`));
  } catch (e) { toast('Token images: ' + e.message, 'error'); templates = []; }
  drawPalette(pal);
  drawTokensCount();
}
function drawTokensCount() {
  const b = document.querySelector('[data-testid="clear-tokens"]');
  if (b) b.textContent = `CLEAR ALL TOKENS (${Object.keys(S.encounter_tokens || {}).length})`;
}
function drawPalette(pal) {
  pal.replaceChildren(...templates.map(t => {
    const el = h('div', { class: 'tpl k-' + t.type + (selectedTemplate === t ? ' selected' : ''), 'data-testid': 'template-' + t.id, title: `${t.name} (${t.type})` },
      h('div.tpl-img', { style: t.url ? { backgroundImage: `url("${dataUrl(t.url)}")` } : {} }, t.url ? '' : (t.name || '?').charAt(0).toUpperCase()),
      h('div.tpl-name', t.name), h('div.tpl-type', t.type.toUpperCase()));
    el.addEventListener('pointerdown', (e) => startPaletteDrag(e, t, el));
    return el;
  }));
  if (!templates.length) pal.appendChild(h('div.muted', 'No templates'));
}
function startPaletteDrag(e, t, el) {
  if (e.button !== 0) return;
  e.preventDefault();
  selectedTemplate = t;
  document.querySelectorAll('.tpl').forEach(x => x.classList.toggle('selected', x === el));
  const ghost = h('div.palette-ghost', { style: t.url ? { backgroundImage: `url("${dataUrl(t.url)}")` } : {} });
  ghost.style.left = e.clientX + 'px'; ghost.style.top = e.clientY + 'px';
  document.body.appendChild(ghost);
  const move = (ev) => {
    ghost.style.left = ev.clientX + 'px'; ghost.style.top = ev.clientY + 'px';
    if (!gmMap) return;
    const cell = gmMap.cellAtClient(ev.clientX, ev.clientY);
    gmMap.showDropGhost(cell, gmMap.cellAllowed(cell, null));
  };
  const up = async (ev) => {
    window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); window.removeEventListener('pointercancel', up);
    ghost.remove();
    if (!gmMap) return;
    const cell = gmMap.cellAtClient(ev.clientX, ev.clientY);
    gmMap.showDropGhost(null);
    if (!cell) return;
    if (!gmMap.cellAllowed(cell, null)) { toast('Drop inside a room on a free cell', 'error'); return; }
    const r = await attempt(() => postJSON('gm/encounter/place-token/', { type: t.type, name: t.name, x: cell.x, y: cell.y, image_url: t.url || '', room_id: String(cell.room.id) }), { ok: `Placed ${t.name}` });
    if (r && r.tokens) gmMap.update({ tokens: r.tokens });
  };
  window.addEventListener('pointermove', move); window.addEventListener('pointerup', up); window.addEventListener('pointercancel', up);
}

// popups
let popup = null;
function closePopup() { if (popup) { popup.el.remove(); popup = null; } }
function closePopupIfStale() {
  if (popup && popup.kind === 'token' && !(S.encounter_tokens || {})[popup.id]) closePopup();
  else if (popup && popup.kind === 'token') popup.refresh();
}
function placePopup(el, ev) {
  document.body.appendChild(el);
  const r = el.getBoundingClientRect();
  el.style.left = Math.min(ev.clientX + 10, innerWidth - r.width - 10) + 'px';
  el.style.top = Math.min(ev.clientY + 10, innerHeight - r.height - 10) + 'px';
}
document.addEventListener('pointerdown', (e) => { if (popup && !popup.el.contains(e.target)) closePopup(); }, true);
function doorPopup(conn, status, ev) {
  closePopup();
  const el = h('div.popup', { 'data-testid': 'door-popup' }, h('div.popup-title', `DOOR ${conn.id}`), h('div.muted.small', `${String(conn.door_type || '').toUpperCase()} · ${conn.from} ↔ ${conn.to}`),
    h('div.popup-btns', ...DOOR_STATUSES.map(st => h('button', {
      class: 'btn small' + (st === status ? ' active' : ''), 'data-testid': 'door-status-' + st,
      onclick: async (e) => {
        const r = await post('gm/encounter/set-door-status/', { connection_id: conn.id, door_status: st }, `Door ${conn.id} → ${st}`, e.currentTarget);
        if (r) { if (r.all_door_status) gmMap.update({ doors: r.all_door_status }); closePopup(); }
      } }, st))));
  popup = { el, kind: 'door' };
  placePopup(el, ev);
}
const TOKEN_STATUSES = ['wounded', 'dead', 'panicked', 'stunned'];
function tokenPopup(id, tok, ev) {
  closePopup();
  const el = h('div.popup', { 'data-testid': 'token-popup' });
  const refresh = () => {
    const t = (S.encounter_tokens || {})[id] || tok;
    const st = Array.isArray(t.status) ? t.status : [];
    el.replaceChildren(h('div.popup-title', String(t.name || id).toUpperCase()), h('div.muted.small', `${String(t.type).toUpperCase()} · cell ${t.x},${t.y}${t.room_id ? ' · ' + t.room_id : ''}`),
      h('div.popup-btns', ...TOKEN_STATUSES.map(s => h('button', {
        class: 'btn small' + (st.includes(s) ? ' active' : ''), 'data-testid': 'token-status-' + s, 'aria-pressed': String(st.includes(s)),
        onclick: async (e) => {
          const next = st.includes(s) ? st.filter(x => x !== s) : [...st, s];
          const r = await post('gm/encounter/update-token-status/', { token_id: id, status: next }, null, e.currentTarget);
          if (r && r.tokens) { S.encounter_tokens = r.tokens; gmMap.update({ tokens: r.tokens }); refresh(); }
        } }, s.toUpperCase()))),
      h('button.btn.danger.small', { 'data-testid': 'token-remove', onclick: async (e) => {
        const r = await post('gm/encounter/remove-token/', { token_id: id }, 'Token removed', e.currentTarget);
        if (r) { if (r.tokens) { S.encounter_tokens = r.tokens; gmMap.update({ tokens: r.tokens }); } closePopup(); }
      } }, 'REMOVE'));
  };
  refresh();
  popup = { el, kind: 'token', id, refresh };
  placePopup(el, ev);
}

// ---------------- CHARON tab ----------------
let charonChannel = null, charonMsgs = [];
function channelFor(p) {
  if (p.view_type === 'CHARON_TERMINAL') return 'story';
  if (p.view_type === 'BRIDGE') return 'bridge';
  if (p.view_type === 'ENCOUNTER' && p.location_slug) return 'encounter-' + p.location_slug;
  return p.charon_active_channel || 'story';
}
function channelLabel(ch) {
  if (ch.startsWith('encounter-')) return 'ENCOUNTER: ' + ch.slice(10).toUpperCase().replace(/_/g, ' ');
  return ch.toUpperCase();
}
function updateCharon() {
  const ch = channelFor(S);
  const enabled = ['CHARON_TERMINAL', 'BRIDGE', 'ENCOUNTER'].includes(S.view_type) || S.charon_dialog_open;
  $('charon-title').textContent = `CHARON TERMINAL // ${channelLabel(ch)}`;
  $('pane-charon').classList.toggle('disabled', !enabled);
  $('pane-charon').querySelectorAll('button, textarea').forEach(b => { if (!b.dataset.always) b.disabled = !enabled; });
  for (const m of ['DISPLAY', 'QUERY']) $('mode-' + m).classList.toggle('active', S.charon_mode === m);
  const canShow = (ch === 'story' || ch.startsWith('encounter-')) && S.view_type !== 'CHARON_TERMINAL';
  const showBtn = $('charon-showing');
  showBtn.hidden = !canShow;
  showBtn.classList.toggle('active', !!S.charon_dialog_open);
  showBtn.textContent = S.charon_dialog_open ? 'SHOWING ON DISPLAYS' : 'SHOW ON DISPLAYS';
  if (ch !== charonChannel) {
    charonChannel = ch; charonMsgs = []; drawCharonLog();
    fetchCharonConversation(ch);
    loadPending();
  }
}
// The stream brings one new line ({channel, message, previous_id}) or {channel, cleared}; a line that does
// not follow the last one shown means one was missed, and the conversation is fetched again.
function charonEvent(ev) {
  if (!$('pane-charon').hidden) loadCharonChannels();
  if (ev.channel !== charonChannel) return;
  if (ev.cleared) charonMsgs = [];
  else if (!ev.message || charonMsgs.some(m => m.message_id === ev.message.message_id)) return;
  else if ((ev.previous_id || null) === (charonMsgs.length ? charonMsgs[charonMsgs.length - 1].message_id : null)) charonMsgs = [...charonMsgs, ev.message];
  else { fetchCharonConversation(charonChannel); return; }
  drawCharonLog();
  loadPending();
}
function fetchCharonConversation(ch) {
  getJSON(`charon/${encodeURIComponent(ch)}/conversation/`).then(d => { if (charonChannel === ch) { charonMsgs = d.messages || []; drawCharonLog(); } }).catch(e => toast('CHARON: ' + e.message, 'error'));
}
// Every channel with its counts; the GM deletes the ones nobody needs (default and bridge are only emptied).
async function loadCharonChannels() {
  const box = $('charon-channels');
  let d;
  try { d = await getJSON('gm/charon/channels/'); } catch (e) { box.replaceChildren(h('div.err', 'Channels: ' + e.message)); return; }
  box.replaceChildren(...(d.channels || []).map(c => h('div.row', { 'data-testid': 'charon-channel-' + c.channel },
    h('span', channelLabel(c.channel)), h('span.muted', `${c.message_count} messages${c.unread_count ? `, ${c.unread_count} unread` : ''}`), h('span.spacer'),
    h('button.btn.small.danger', { 'data-testid': 'charon-delete-' + c.channel, 'data-always': '1',
      onclick: (e) => { if (confirm(`Delete CHARON channel ${c.channel} and its messages?`)) post(`gm/charon/${encodeURIComponent(c.channel)}/delete/`, {}, 'Channel deleted', e.currentTarget).then(loadCharonChannels); } }, 'DELETE'))));
  if (!(d.channels || []).length) box.appendChild(h('div.muted', 'No channels'));
}
function drawCharonLog() {
  const log = $('charon-log');
  log.replaceChildren(...charonMsgs.map(m => h('div', { class: 'clog ' + (m.role === 'user' ? 'user' : 'charon'), 'data-testid': 'gm-charon-msg-' + m.message_id },
    h('div.meta', `${m.role === 'user' ? 'PLAYER' : 'CHARON'} • ${fmtTime(m.timestamp)}`), h('div.txt', m.content || ''))));
  if (!charonMsgs.length) log.appendChild(h('div.muted', '> NO MESSAGES ON THIS CHANNEL'));
  log.scrollTop = log.scrollHeight;
  const unread = charonMsgs.filter((m, i) => m.role === 'user' && !(charonMsgs[i + 1] && charonMsgs[i + 1].role === 'charon')).length;
  $('charon-unread').textContent = unread ? `(${unread} unread)` : '';
}
async function loadPending() {
  const box = $('charon-pending');
  const ch = charonChannel;
  try {
    const d = await getJSON(`gm/charon/${encodeURIComponent(ch)}/pending/`);
    if (ch !== charonChannel) return;
    const list = d.pending || [];
    renderPending(box, ch, list);
    const b = document.querySelector('[data-testid="view-btn-CHARON"]');
    if (b && ch === 'story') b.dataset.badge = list.length || '';
  } catch { box.replaceChildren(); /* pending endpoint is optional (LLM side) */ }
}
$('mode-DISPLAY').addEventListener('click', (e) => post('gm/charon/mode/', { mode: 'DISPLAY' }, 'Mode DISPLAY', e.currentTarget));
$('mode-QUERY').addEventListener('click', (e) => post('gm/charon/mode/', { mode: 'QUERY' }, 'Mode QUERY', e.currentTarget));
$('charon-clear').addEventListener('click', (e) => { if (confirm('Clear this CHARON channel?')) post(`gm/charon/${encodeURIComponent(charonChannel)}/clear/`, {}, 'Channel cleared', e.currentTarget); });
$('charon-showing').addEventListener('click', (e) => post('gm/charon/toggle-dialog/', { open: !S.charon_dialog_open }, null, e.currentTarget));
$('charon-send').addEventListener('click', async (e) => {
  const ta = $('charon-text'); const c = ta.value.trim();
  if (!c) { toast('Message required', 'error'); return; }
  const r = await post(`gm/charon/${encodeURIComponent(charonChannel)}/send/`, { content: c }, 'Sent', e.currentTarget);
  if (r) ta.value = '';
});

// ---------------- SHIP tab ----------------
const SYSTEMS = [['life_support', 'LIFE SUPPORT'], ['engines', 'ENGINES'], ['weapons', 'WEAPONS'], ['comms', 'COMMUNICATIONS']];
const SYS_STATUSES = ['ONLINE', 'STRESSED', 'DAMAGED', 'CRITICAL', 'OFFLINE'];
async function loadShip() {
  const box = $('ship-body');
  let d;
  try { d = await getJSON('ship-status/'); } catch (e) { box.replaceChildren(h('div.err', 'Ship status: ' + e.message)); return; }
  const ship = d.ship || d;
  const pct = (o) => (o && o.max ? o.current / o.max : 1);
  const gauge = (lbl, o) => h('div', { class: 'gauge' + (pct(o) < 0.3 ? ' crit' : '') }, h('span.k', lbl), h('b', `${o?.current ?? '?'} / ${o?.max ?? '?'}`));
  box.replaceChildren(
    h('div.ship-hdr', h('b', String(ship.name || '').toUpperCase()), h('span.muted', ship.class || ''), h('span', `CREW ${ship.crew_count ?? '?'}/${ship.crew_capacity ?? '?'}`), gauge('HULL', ship.hull), gauge('ARMOR', ship.armor)),
    ...SYSTEMS.map(([key, label]) => {
      const sy = (ship.systems || {})[key] || {};
      const st = String(sy.status || '').toUpperCase();
      const sel = h('select', { 'data-testid': 'ship-select-' + key }, ...SYS_STATUSES.map(s => h('option', { value: s, selected: s === st }, s)));
      sel.addEventListener('change', async () => {
        const r = await attempt(() => postJSON('gm/ship-status/toggle/', { system: key, status: sel.value }), { ok: `${label} → ${sel.value}` });
        if (!r) sel.value = st;
      });
      return h('div', { class: 'sys-row st-' + st, 'data-testid': 'ship-system-' + key, 'data-status': st }, h('span.rn', label), h('span.rst', st), sel,
        h('span.muted', sy.condition != null ? `${sy.condition}%` : ''), h('span.muted', sy.info || ''));
    }));
}

// ---------------- BROADCAST tab ----------------
async function loadRecipients() {
  const sel = $('bc-recipients');
  try {
    const d = await getJSON('gm/players/');
    const prev = new Set([...sel.selectedOptions].map(o => o.value));
    sel.replaceChildren(...(d.players || []).map(p => h('option', { value: p.username, selected: prev.has(p.username) }, p.username + (p.is_active === false ? ' (inactive)' : ''))));
  } catch (e) { toast('Players: ' + e.message, 'error'); }
}
$('bc-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const content = $('bc-content').value.trim();
  if (!content) { toast('Message content is required', 'error'); return; }
  const recipients = [...$('bc-recipients').selectedOptions].map(o => o.value);
  const body = { sender: $('bc-sender').value.trim() || 'CHARON', priority: $('bc-priority').value, content };
  if (recipients.length) body.recipients = recipients;
  const r = await post('gm/broadcast/', body, (x) => `Transmitted (#${x.message_id})`, $('bc-send'));
  if (r) $('bc-content').value = '';
});

// ---------------- PLAYERS tab ----------------
async function loadPlayers() {
  const box = $('players-list');
  try {
    const d = await getJSON('gm/players/');
    box.replaceChildren(...(d.players || []).map(p => {
      const pw = h('input', { type: 'password', placeholder: 'new password', 'data-testid': 'player-pw-' + p.username, autocomplete: 'new-password' });
      return h('div.player-row', { 'data-testid': 'player-' + p.username }, h('span.rn', p.username), h('span.muted', p.is_active === false ? 'INACTIVE' : 'ACTIVE'), pw,
        h('button.btn.small', { 'data-testid': 'player-reset-' + p.username, onclick: async (e) => {
          if (!pw.value) { toast('Enter a new password', 'error'); return; }
          const r = await post(`gm/players/${encodeURIComponent(p.username)}/password/`, { password: pw.value }, `Password reset for ${p.username}`, e.currentTarget);
          if (r) pw.value = '';
        } }, 'RESET PASSWORD'));
    }));
    if (!(d.players || []).length) box.appendChild(h('div.muted', 'No players yet.'));
  } catch (e) { box.replaceChildren(h('div.err', 'Players: ' + e.message)); }
}
$('player-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = $('pl-user').value.trim(), password = $('pl-pass').value;
  if (!username || !password) { toast('Username and password required', 'error'); return; }
  const r = await post('gm/players/', { username, password }, `Player ${username} created`, $('pl-create'));
  if (r) { $('pl-user').value = ''; $('pl-pass').value = ''; loadPlayers(); }
});

// ---------------- STATUS tab ----------------
async function loadStatus() {
  const hb = $('health-body'), pb = $('problems-body');
  try {
    const d = await getJSON('health');
    hb.replaceChildren(...Object.entries(d).map(([k, v]) => h('div', { class: 'kv', 'data-testid': 'health-' + k }, h('span.k', k.toUpperCase()), h('span', { class: 'v ' + (/^(UP|OK|LOADED)$/i.test(String(v)) ? 'ok' : '') }, typeof v === 'object' ? JSON.stringify(v) : String(v)))));
  } catch (e) { hb.replaceChildren(h('div.err', 'Health: ' + e.message)); }
  try {
    const d = await getJSON('gm/campaign/problems/');
    const list = d.problems || [];
    pb.replaceChildren(...list.map((p, i) => h('div.problem', { 'data-testid': 'problem-' + i }, h('span.file', `${p.file}${p.line ? ':' + p.line : ''}`), h('span', p.message))));
    if (!list.length) pb.appendChild(h('div.ok', '> NO PROBLEMS FOUND IN CAMPAIGN DATA'));
  } catch (e) { pb.replaceChildren(h('div.err', 'Problems: ' + e.message)); }
}
$('status-refresh').addEventListener('click', loadStatus);
