// GM console, administration: deactivate, reactivate and delete a player account (PLAYERS tab); list, search and
// delete sent messages (BROADCAST tab). Deleting asks once more in place: the button turns into CONFIRM.
import { getJSON, h, toast } from '../api.js';
import { $, post } from './state.js';

/** A button that acts on its second click only; the first asks, and the question goes after 4 s. */
function confirmButton(label, testid, action) {
  const b = h('button.btn.small.danger', { 'data-testid': testid });
  let armed = false, timer = null;
  const reset = () => { armed = false; b.textContent = label; b.classList.remove('armed'); };
  b.addEventListener('click', async (e) => {
    if (!armed) { armed = true; b.textContent = 'CONFIRM ' + label; b.classList.add('armed'); clearTimeout(timer); timer = setTimeout(reset, 4000); return; }
    clearTimeout(timer); reset();
    await action(e);
  });
  reset();
  return b;
}

/** The buttons of a player's row; reload redraws the list after a change. */
export function accountButtons(p, reload) {
  const user = encodeURIComponent(p.username);
  const active = p.is_active !== false;
  return [
    h('button.btn.small', { 'data-testid': 'player-active-' + p.username, onclick: async (e) => {
      const r = await post(`gm/player-accounts/${user}/active/`, { active: !active }, `${p.username} ${active ? 'deactivated' : 'reactivated'}`, e.currentTarget);
      if (r) reload();
    } }, active ? 'DEACTIVATE' : 'REACTIVATE'),
    confirmButton('DELETE', 'player-delete-' + p.username, async (e) => {
      const r = await post(`gm/player-accounts/${user}/delete/`, {}, `${p.username} deleted`, e.currentTarget);
      if (r) reload();
    }),
  ];
}

// ---------------- sent messages ----------------
const card = h('section', { class: 'card', 'data-testid': 'sent-messages' }, h('h3', 'SENT MESSAGES'),
  h('div.card-body',
    h('div.row', h('input', { id: 'msg-search', type: 'search', placeholder: 'search sender or text', 'data-testid': 'message-search' }),
      h('button.btn.small', { 'data-testid': 'message-search-go', onclick: () => loadMessages() }, 'SEARCH')),
    h('div', { id: 'msg-list', class: 'msg-list', 'data-testid': 'message-list' })));

export async function loadMessages() {
  const box = $('msg-list');
  const q = $('msg-search').value.trim();
  let d;
  try { d = await getJSON('gm/messages/' + (q ? '?q=' + encodeURIComponent(q) : '')); } catch (e) { box.replaceChildren(h('div.err', 'Messages: ' + e.message)); return; }
  const list = d.messages || [];
  box.replaceChildren(...list.map(m => h('div', { class: 'msg-row', 'data-testid': 'sent-message-' + m.id },
    h('div.msg-meta', `#${m.id} · ${m.created_at} · ${m.sender} → ${m.recipients.length ? m.recipients.join(', ') : 'everyone'} · ${m.priority}`),
    h('div.msg-text', m.content),
    confirmButton('DELETE', 'message-delete-' + m.id, async (e) => {
      const r = await post(`gm/messages/${m.id}/delete/`, {}, `Message #${m.id} deleted`, e.currentTarget);
      if (r) loadMessages();
    }))));
  if (!list.length) box.appendChild(h('div.muted', q ? 'No message matches.' : 'No messages sent yet.'));
}

/** The GM stream's message-deleted event: a message deleted elsewhere (another GM tab, the API) leaves this list too. */
export function messageDeleted(d) {
  const row = $('msg-list').querySelector(`[data-testid="sent-message-${Number(d && d.id)}"]`);
  if (!row) return;
  row.remove();
  if (!$('msg-list').querySelector('.msg-row')) loadMessages();
}

export function initMessagesCard() {
  $('pane-broadcast').appendChild(card);
  $('msg-search').addEventListener('keydown', (e) => { if (e.key === 'Enter') loadMessages(); });
}
