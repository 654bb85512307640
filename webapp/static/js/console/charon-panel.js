// GM console, CHARON tab: the conversation of the channel on screen, its pending answers, the channel list.
import { getJSON, toast, h, fmtTime } from '../api.js';
import { renderPending } from '../charon-ai.js';
import { $, S, post } from './state.js';
import { findLoc } from './views.js';

let charonChannel = null, charonMsgs = [];
let viewChannel = null;      // the channel the view on screen talks on
let pickedChannel = null;    // a channel the GM opened from the list (until the view's channel changes)
function channelFor(p) {
  if (p.view_type === 'CHARON_TERMINAL') return 'story';
  if (p.view_type === 'BRIDGE') return 'bridge';
  if (p.view_type === 'ENCOUNTER' && p.location_slug) return 'encounter-' + p.location_slug;
  return p.charon_active_channel || 'story';
}
export function channelLabel(ch) {
  if (ch.startsWith('encounter-')) {
    const slug = ch.slice(10);
    const name = (S && S.location_slug === slug && S.location_name) || findLoc(slug)?.name || slug.replace(/_/g, ' ');
    return 'ENCOUNTER: ' + String(name).toUpperCase();
  }
  return ch.toUpperCase();
}
export function updateCharon() {
  const vc = channelFor(S);
  if (vc !== viewChannel) { viewChannel = vc; pickedChannel = null; }
  const ch = pickedChannel || vc;
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
    loadCharonChannels();
  }
}
/** The GM opens another channel's conversation from the list (a player wrote on it). */
function openChannel(ch) {
  pickedChannel = ch === viewChannel ? null : ch;
  updateCharon();
}
// The stream brings one new line ({channel, message, previous_id}) or {channel, cleared}; a line that does
// not follow the last one shown means one was missed, and the conversation is fetched again.
export function charonEvent(ev) {
  // every channel's line counts, on screen or not: the list and the badges follow each one
  loadCharonChannels();
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
export async function loadCharonChannels() {
  const box = $('charon-channels');
  let d;
  try { d = await getJSON('gm/charon/channels/'); } catch (e) { box.replaceChildren(h('div.err', 'Channels: ' + e.message)); return; }
  const channels = d.channels || [];
  // the channel the GM reads is read: its lines do not count as unread
  const unread = (c) => (c.channel === charonChannel && !$('pane-charon').hidden ? 0 : c.unread_count || 0);
  const total = channels.reduce((n, c) => n + unread(c), 0);
  const tab = document.querySelector('[data-testid="tab-charon"]');
  if (tab) { tab.dataset.badge = total ? String(total) : ''; tab.setAttribute('aria-label', `CHARON${total ? `, ${total} unread` : ''}`); }
  box.replaceChildren(...channels.map(c => h('div', { class: 'row chan-row' + (c.channel === charonChannel ? ' current' : ''), 'data-testid': 'charon-channel-' + c.channel },
    h('button.btn.small', { 'data-testid': 'charon-open-' + c.channel, 'data-always': '1', 'aria-pressed': String(c.channel === charonChannel), onclick: () => openChannel(c.channel) }, channelLabel(c.channel)),
    unread(c) ? h('span.badge-n', { 'data-testid': 'charon-unread-' + c.channel, title: 'unread' }, String(unread(c))) : null,
    h('span.muted', `${c.message_count} messages`), h('span.spacer'),
    h('button.btn.small.danger', { 'data-testid': 'charon-delete-' + c.channel, 'data-always': '1',
      onclick: (e) => { if (confirm(`Delete CHARON channel ${channelLabel(c.channel)} and its messages?`)) post(`gm/charon/${encodeURIComponent(c.channel)}/delete/`, {}, 'Channel deleted', e.currentTarget).then(loadCharonChannels); } }, 'DELETE'))));
  if (!channels.length) box.appendChild(h('div.muted', 'No channels'));
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
