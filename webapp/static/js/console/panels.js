// GM console: the SHIP STATUS, BROADCAST, PLAYERS and STATUS tabs.
import { getJSON, postJSON, attempt, toast, h } from '../api.js';
import { $, post } from './state.js';
import { accountButtons, loadMessages } from './admin.js';

// ---------------- SHIP tab ----------------
const SYSTEMS = [['life_support', 'LIFE SUPPORT'], ['engines', 'ENGINES'], ['weapons', 'WEAPONS'], ['comms', 'COMMUNICATIONS']];
const SYS_STATUSES = ['ONLINE', 'STRESSED', 'DAMAGED', 'CRITICAL', 'OFFLINE'];
export async function loadShip() {
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
export async function loadRecipients() {
  const sel = $('bc-recipients');
  try {
    const d = await getJSON('gm/players/');
    const prev = new Set([...sel.selectedOptions].map(o => o.value));
    sel.replaceChildren(...(d.players || []).map(p => h('option', { value: p.username, selected: prev.has(p.username) }, p.username + (p.is_active === false ? ' (inactive)' : ''))));
  } catch (e) { toast('Players: ' + e.message, 'error'); }
  nameAudience();
}
/** The send button says who receives the message (nobody selected: everyone). */
function nameAudience() {
  const who = [...$('bc-recipients').selectedOptions].map(o => o.value.toUpperCase());
  $('bc-send').textContent = !who.length ? 'TRANSMIT TO ALL' : who.length <= 3 ? `TRANSMIT TO ${who.join(', ')}` : `TRANSMIT TO ${who.length} PLAYERS`;
}
$('bc-recipients').addEventListener('change', nameAudience);
$('bc-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const content = $('bc-content').value.trim();
  if (!content) { toast('Message content is required', 'error'); return; }
  const recipients = [...$('bc-recipients').selectedOptions].map(o => o.value);
  const body = { sender: $('bc-sender').value.trim() || 'CHARON', priority: $('bc-priority').value, content };
  if (recipients.length) body.recipients = recipients;
  const r = await post('gm/broadcast/', body, (x) => `Transmitted to ${recipients.length ? recipients.join(', ') : 'everyone'}`, $('bc-send'));
  if (r) {
    // the next message starts as a broadcast again: a selection left over would silently narrow it
    $('bc-content').value = '';
    for (const o of $('bc-recipients').options) o.selected = false;
    loadMessages();
  }
  nameAudience();
});

// ---------------- PLAYERS tab ----------------
export async function loadPlayers() {
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
        } }, 'RESET PASSWORD'),
        ...(p.is_gm ? [] : accountButtons(p, loadPlayers)));
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
export async function loadStatus() {
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
