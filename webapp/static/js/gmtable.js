// GM console, the table as a whole: undo/redo (buttons, Ctrl+Z / Ctrl+Shift+Z), reset the encounter on screen,
// a new session, a warning while the table's state cannot be saved, and the way back when the login has ended.
import { getJSON, postJSON, attempt, toast, h, pageUrl, onUnauthorized, whoami } from './api.js';

const $ = (id) => document.getElementById(id);
let history = null;

const undoBtn = h('button', { class: 'btn small', 'data-testid': 'undo', disabled: true, title: 'Ctrl+Z', onclick: () => undo() }, 'UNDO');
const redoBtn = h('button', { class: 'btn small', 'data-testid': 'redo', disabled: true, title: 'Ctrl+Shift+Z', onclick: () => redo() }, 'REDO');
const resetBtn = h('button', { class: 'btn small danger', 'data-testid': 'reset-encounter', disabled: true, onclick: () => askReset() }, 'RESET ENCOUNTER');
const sessionBtn = h('button', { class: 'btn small', 'data-testid': 'new-session', onclick: () => askNewSession() }, 'NEW SESSION');
const confirmRow = h('div', { class: 'row', 'data-testid': 'table-confirm', hidden: true });
const warning = h('div', { class: 'card-body err', 'data-testid': 'journal-warning', role: 'alert', hidden: true },
  '⚠ THE TABLE\'S STATE CANNOT BE SAVED: it goes on from memory and is saved again as soon as the database can be written.');
const card = h('section', { class: 'card', 'data-testid': 'table-controls' }, h('h3', 'TABLE'),
  h('div.card-body', h('div.row', undoBtn, redoBtn), h('div.row', resetBtn, sessionBtn), confirmRow), warning);

function ask(question, choices) {
  confirmRow.replaceChildren(h('span', { 'data-testid': 'table-confirm-question' }, question), ...choices.map(([label, testid, action, cls]) =>
    h('button', { class: 'btn small' + (cls ? ' ' + cls : ''), 'data-testid': testid, onclick: async (e) => { confirmRow.hidden = true; if (action) await action(e); } }, label)));
  confirmRow.hidden = false;
}

async function undo() {
  if (!history || !history.next_undo) return;
  await attempt(() => postJSON('gm/view/undo/', {}), { ok: `Undone: ${history.next_undo}` });
  refresh();
}
async function redo() {
  if (!history || !history.next_redo) return;
  await attempt(() => postJSON('gm/view/redo/', {}), { ok: `Redone: ${history.next_redo}` });
  refresh();
}
function askReset() {
  if (!history || !history.shown_encounter) return;
  const name = history.shown_encounter_name || history.shown_encounter;
  ask(`Reset ${name}? Every room hidden, no tokens, doors as the map says.`, [
    ['RESET', 'reset-confirm', () => attempt(() => postJSON('gm/encounter/reset/', { location_slug: history.shown_encounter }), { ok: `${name} reset` }), 'danger'],
    ['CANCEL', 'reset-cancel', null]]);
}
function askNewSession() {
  ask('New session: every display to STANDBY. Keep what each location remembers?', [
    ['KEEP MEMORIES', 'new-session-keep', () => attempt(() => postJSON('gm/session/new/', { keep_memories: true }), { ok: 'New session (memories kept)' })],
    ['CLEAR MEMORIES', 'new-session-clear', () => attempt(() => postJSON('gm/session/new/', { keep_memories: false }), { ok: 'New session (memories cleared)' }), 'danger'],
    ['CANCEL', 'new-session-cancel', null]]);
}

async function refresh() {
  try {
    history = await getJSON('gm/view/history/');
  } catch { return; }
  undoBtn.textContent = history.next_undo ? `UNDO: ${history.next_undo}` : 'UNDO';
  undoBtn.disabled = !history.next_undo;
  undoBtn.dataset.next = history.next_undo || '';
  redoBtn.textContent = history.next_redo ? `REDO: ${history.next_redo}` : 'REDO';
  redoBtn.disabled = !history.next_redo;
  redoBtn.dataset.next = history.next_redo || '';
  resetBtn.disabled = !history.shown_encounter;
  document.body.dataset.historyVersion = String(history.version);
}

async function checkHealth() {
  try {
    const health = await getJSON('health');
    warning.hidden = health.journal === 'ok';
  } catch (e) {
    if (e.body && e.body.journal) warning.hidden = e.body.journal === 'ok';
  }
}

function typing(target) {
  return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

(async function start() {
  const me = await whoami().catch(() => null);
  if (!me || me.role !== 'gm') return; // gmconsole.js sends the visitor to the login page
  // from here on, a 401 means the login really ended: to the login page with the reason, and back here after it
  onUnauthorized(() => {
    location.href = pageUrl('login/') + '?reason=ended&next=' + encodeURIComponent(location.pathname + location.search);
  });
  // in the side column, so the main column's layout stays as it was
  const sider = document.querySelector('.sider');
  sider.insertBefore(card, sider.firstChild);
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
    else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); redo(); }
  });
  // every change reaches the console as an event (live.js writes its id to body.dataset.version)
  new MutationObserver(refresh).observe(document.body, { attributes: true, attributeFilter: ['data-version'] });
  refresh();
  checkHealth();
  setInterval(checkHealth, 5000);
  setInterval(() => getJSON('auth/me/').catch(() => { /* a 401 is handled above */ }), 15000);
})().catch((e) => toast(e.message, 'error'));
