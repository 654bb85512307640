// GM console, ENCOUNTER tab: the token palette (drag a template onto the map) and the door and token popups.
import { getJSON, postJSON, attempt, toast, h, dataUrl } from '../api.js';
import { DOOR_STATUSES } from '../map.js';
import { $, S, post } from './state.js';
import { encounterMap } from './encounter.js';

let templates = [], selectedTemplate = null;

// token palette
export async function drawTokensCard() {
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
    if (r) encounterMap() && encounterMap().update({ tokens: {} });
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
export function drawTokensCount() {
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
    if (!encounterMap()) return;
    const cell = encounterMap().cellAtClient(ev.clientX, ev.clientY);
    encounterMap().showDropGhost(cell, encounterMap().cellAllowed(cell, null));
  };
  const up = async (ev) => {
    window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); window.removeEventListener('pointercancel', up);
    ghost.remove();
    if (!encounterMap()) return;
    const cell = encounterMap().cellAtClient(ev.clientX, ev.clientY);
    encounterMap().showDropGhost(null);
    if (!cell) return;
    if (!encounterMap().cellAllowed(cell, null)) { toast('Drop inside a room on a free cell', 'error'); return; }
    const r = await attempt(() => postJSON('gm/encounter/place-token/', { type: t.type, name: t.name, x: cell.x, y: cell.y, image_url: t.url || '', room_id: String(cell.room.id) }), { ok: `Placed ${peopleName(t.name)}` });
    if (r && r.tokens) encounterMap().update({ tokens: r.tokens });
  };
  window.addEventListener('pointermove', move); window.addEventListener('pointerup', up); window.addEventListener('pointercancel', up);
}

// popups
let popup = null;
function closePopup() { if (popup) { popup.el.remove(); popup = null; } }
export function closePopupIfStale() {
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
/** A room's name as the table knows it (never its id when it has a name). */
function roomName(id) {
  const r = encounterMap() && encounterMap().roomById && encounterMap().roomById.get(String(id));
  return String((r && r.name) || peopleName(id)).toUpperCase();
}
/** An id like "marrow_okafor" read as a name ("MARROW OKAFOR"); a real name is kept as it is. */
export function peopleName(v) {
  const t = String(v ?? '');
  return /^[a-z0-9]+(?:[_-][a-z0-9]+)+$/.test(t) ? t.replace(/[_-]+/g, ' ').toUpperCase() : t;
}
// A click on a door moves it to the next of the frequent states, in place; the picker beside it offers every state.
const DOOR_CYCLE = { OPEN: 'CLOSED', CLOSED: 'LOCKED', LOCKED: 'OPEN' };
export async function doorClicked(conn, status, ev) {
  const next = DOOR_CYCLE[status] || 'OPEN';
  doorPopup(conn, next, ev);
  await setDoor(conn, next, null);
}
function doorLabel(conn) {
  return `${roomName(conn.from)} ↔ ${conn.to ? roomName(conn.to) : 'OUTSIDE'}`;
}
async function setDoor(conn, st, btn) {
  const r = await post('gm/encounter/set-door-status/', { connection_id: conn.id, door_status: st }, `Door ${doorLabel(conn)} → ${st}`, btn);
  if (r && r.all_door_status) encounterMap().update({ doors: r.all_door_status });
  if (popup && popup.kind === 'door' && popup.id === conn.id) popup.refresh(r ? st : null);
  return r;
}
function doorPopup(conn, status, ev) {
  closePopup();
  const el = h('div.popup', { 'data-testid': 'door-popup', 'data-door': conn.id });
  const btns = h('div.popup-btns');
  const draw = (cur) => btns.replaceChildren(...DOOR_STATUSES.map(st => h('button', {
    class: 'btn small' + (st === cur ? ' active' : ''), 'data-testid': 'door-status-' + st, 'aria-pressed': String(st === cur),
    onclick: async (e) => { if (await setDoor(conn, st, e.currentTarget)) closePopup(); } }, st)));
  el.append(h('div.popup-title', 'DOOR: ' + doorLabel(conn)), h('div.muted.small', String(conn.door_type || '').replace(/_/g, ' ').toUpperCase()), btns);
  draw(status);
  popup = { el, kind: 'door', id: conn.id, refresh: (st) => { if (st) draw(st); } };
  placePopup(el, ev);
}
const TOKEN_STATUSES = ['wounded', 'dead', 'panicked', 'stunned'];
export function tokenPopup(id, tok, ev) {
  closePopup();
  const el = h('div.popup', { 'data-testid': 'token-popup' });
  const refresh = () => {
    const t = (S.encounter_tokens || {})[id] || tok;
    const st = Array.isArray(t.status) ? t.status : [];
    el.replaceChildren(h('div.popup-title', peopleName(t.name || 'TOKEN').toUpperCase()), h('div.muted.small', `${String(t.type).toUpperCase()}${t.room_id ? ' · ' + roomName(t.room_id) : ''}`),
      h('div.popup-btns', ...TOKEN_STATUSES.map(s => h('button', {
        class: 'btn small' + (st.includes(s) ? ' active' : ''), 'data-testid': 'token-status-' + s, 'aria-pressed': String(st.includes(s)),
        onclick: async (e) => {
          const next = st.includes(s) ? st.filter(x => x !== s) : [...st, s];
          const r = await post('gm/encounter/update-token-status/', { token_id: id, status: next }, null, e.currentTarget);
          if (r && r.tokens) { S.encounter_tokens = r.tokens; encounterMap().update({ tokens: r.tokens }); refresh(); }
        } }, s.toUpperCase()))),
      h('button.btn.danger.small', { 'data-testid': 'token-remove', onclick: async (e) => {
        const r = await post('gm/encounter/remove-token/', { token_id: id }, 'Token removed', e.currentTarget);
        if (r) { if (r.tokens) { S.encounter_tokens = r.tokens; encounterMap().update({ tokens: r.tokens }); } closePopup(); }
      } }, 'REMOVE'));
  };
  refresh();
  popup = { el, kind: 'token', id, refresh };
  placePopup(el, ev);
}
