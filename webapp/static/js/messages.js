// Player messages: load once, then live "message" events over SSE (no polling).
import { getJSON, postJSON, h, whoami, redirectToLogin, pageUrl, toast, applyPerfMode, onUnauthorized } from './api.js';
import { connectLive, keepAwake } from './live.js';

applyPerfMode();
const list = document.getElementById('list');
const badge = document.getElementById('new-badge');
const seen = new Set();
let badgeTimer = null;

function item(m, fresh) {
  const pr = String(m.priority || 'NORMAL').toUpperCase();
  const el = h('div', { class: `msg prio-${pr}-row`, 'data-testid': 'message-' + m.id, 'data-priority': pr },
    h('div.r1', h('span.sender', String(m.sender || 'UNKNOWN').toUpperCase()), h('span', { class: 'badge prio-' + pr }, pr),
      m.created_at ? h('span.when', String(m.created_at).replace('T', ' ').slice(0, 16)) : null),
    h('div.content', String(m.content || '')));
  if (!fresh) el.style.animation = 'none';
  return el;
}
function empty() {
  list.replaceChildren(h('div.empty', { 'data-testid': 'messages-empty' }, h('div', '> NO NEW MESSAGES'), h('div', '> SYSTEM STANDBY'), h('div', '> ', h('span.blink', '_'))));
}
function add(msgs, fresh) {
  const neu = msgs.filter(m => m && m.id != null && !seen.has(m.id));
  if (!neu.length) return 0;
  if (!seen.size) list.replaceChildren();
  // newest first: insert each new message in id order at the right position
  for (const m of neu.sort((a, b) => a.id - b.id)) {
    seen.add(m.id);
    const el = item(m, fresh);
    el.dataset.id = m.id;
    const after = [...list.children].find(c => Number(c.dataset.id) < m.id);
    list.insertBefore(el, after || null);
  }
  return neu.length;
}
/** The GM deleted a message this page shows: it goes (and the page says so when it was the last one). */
function remove(id) {
  const el = list.querySelector(`[data-testid="message-${Number(id)}"]`);
  if (!el) return;
  el.remove();
  seen.delete(Number(id));
  if (!list.querySelector('.msg')) { seen.clear(); empty(); }
}

/** After a reconnect: what the GM deleted meanwhile (its event was missed) is no longer in the newest page the server lists. */
function forgetDeleted(msgs) {
  const listed = new Set(msgs.map(m => m.id));
  const complete = msgs.length < 50;   // MessageRepository.PAGE: a full page may not reach back to every message shown
  const oldest = Math.min(...listed);
  for (const id of [...seen]) if (!listed.has(id) && (complete || id >= oldest)) remove(id);
}

/** The login really ended (logout elsewhere, password changed, idle): say so, and offer the login form here. */
let signedOut = false;
function showSignedOut() {
  if (signedOut) return;
  signedOut = true;
  document.querySelector('.page-header .sub').textContent = 'SIGNED OUT';
  document.getElementById('who').textContent = '';
  const err = h('div', { class: 'login-err', role: 'alert', 'data-testid': 'relogin-error' });
  const user = h('input', { type: 'text', autocomplete: 'username', required: true, 'data-testid': 'relogin-username' });
  const pass = h('input', { type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'relogin-password' });
  const form = h('form', { 'data-testid': 'relogin-form', class: 'relogin' },
    h('label.field', 'USERNAME ', user), h('label.field', 'PASSWORD ', pass), err,
    h('button', { class: 'btn', type: 'submit', 'data-testid': 'relogin-submit' }, 'AUTHENTICATE'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await postJSON('auth/login/', { username: user.value.trim(), password: pass.value });
      location.reload();
    } catch (ex) { err.textContent = ex.message || 'Login failed'; }
  });
  list.replaceChildren(h('div.empty', { 'data-testid': 'signed-out' }, h('div', '> SIGNED OUT'), h('div', '> LOG IN AGAIN TO RECEIVE YOUR MESSAGES')), form);
}
const checkStillSignedIn = async () => { if (!signedOut && !(await whoami().catch(() => true))) showSignedOut(); };

(async function boot() {
  let me;
  try { me = await whoami(); } catch (e) { toast(e.message, 'error'); }
  if (!me) { redirectToLogin(); return; }
  document.getElementById('who').textContent = String(me.username).toUpperCase();
  onUnauthorized(showSignedOut);
  setInterval(checkStillSignedIn, 30000);
  keepAwake();
  const load = async () => {
    try {
      const d = await getJSON('messages/');
      forgetDeleted(d.messages || []);
      add(d.messages || [], false);
      if (!seen.size) empty();
    } catch (e) { list.replaceChildren(h('div.empty.err', '> ' + e.message)); }
  };
  await load();
  let opened = 0;
  connectLive({
    threshold: 3,
    // after a reconnect: still signed in (a restart keeps the login; a password change does not)? then catch up
    onOpen: () => { if (opened++) checkStillSignedIn().then(() => { if (!signedOut) load(); }); },
    onMessageDeleted: (d) => remove(d.id),
    onMessage: (m) => {
      if (signedOut) return;
      // server only streams messages this user may read; the page shows them newest first
      const n = add([m], true);
      if (n) {
        badge.textContent = n > 1 ? 'NEW MESSAGES RECEIVED' : 'NEW MESSAGE RECEIVED';
        badge.hidden = false;
        clearTimeout(badgeTimer);
        badgeTimer = setTimeout(() => { badge.hidden = true; }, 3000);
      }
    },
  });
})();

document.getElementById('logout').addEventListener('click', async () => {
  try { await postJSON('auth/logout/', {}); } catch { /* ignore */ }
  location.href = pageUrl('login/');
});
