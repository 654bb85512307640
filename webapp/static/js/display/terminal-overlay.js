// Display overlay: the comm terminal the GM shows (inbox and sent messages of one terminal).
import { getJSON, h, fmtDate } from '../api.js';
import { $ } from './screen.js';

// Comm terminal overlay
const termOv = $('term-overlay');
let termKey = '';
export async function syncTerminalOverlay(p) {
  const loc = p.overlay_location_slug || '', term = p.overlay_terminal_slug || '';
  const key = loc && term ? `${loc}/${term}` : '';
  if (key === termKey) return;
  termKey = key;
  if (!key) { termOv.hidden = true; termOv.replaceChildren(); return; }
  termOv.hidden = false;
  delete termOv.dataset.closedHere;
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
      body(m));
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
// CLOSE on a display closes the overlay on that display only (a phone must not take it off the TV); the GM's
// console hides it for everyone, and showing it again (or another terminal) opens it here again.
/** The message as the server rendered it (Markdown, GFM tables, no raw HTML, safe links only). */
function body(m) {
  const el = h('div.body.md', { 'data-testid': 'terminal-message-body' });
  if (m.content_html) el.innerHTML = m.content_html; else el.textContent = String(m.content || '');
  return el;
}
function hideTerminal() {
  termOv.hidden = true;
  termOv.dataset.closedHere = 'true';
}
