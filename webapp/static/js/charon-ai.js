// CHARON answers on the GM console: the provider in use and a connection test, the per-channel auto-answer switch,
// drafts from the GM's own prompt, and the pending drafts as the model writes them (GM-only stream
// gm/charon/drafts/stream/). Nothing here reaches a display: only approving sends a draft to the channel.
import { getJSON, postJSON, attempt, toast, h, apiUrl } from './api.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const post = (path, body, ok, btn) => attempt(() => postJSON(path, body), { ok, button: btn });
let channel = null;
let auto = [];
// pending_id → the store's revision last drawn (REMOVED once gone): a list fetched over HTTP may answer after a
// newer change came on the stream, and must not bring back an older state or a removed draft
const drawn = new Map();
const REMOVED = Infinity;
const isCurrent = (d) => (d.revision ?? 0) >= (drawn.get(d.pending_id) ?? -1);

export function initCharonAi() {
  const box = $('charon-ai');
  if (!box) return;
  box.replaceChildren(
    h('div.row', h('span.lbl', 'AI'), h('span#ai-provider', { 'data-testid': 'ai-provider' }, '…'),
      h('button.btn.small', { 'data-testid': 'ai-test', 'data-always': '1', onclick: (e) => post('gm/charon/ai/test/', {}, 'Testing the connection…', e.currentTarget) }, 'TEST CONNECTION'),
      h('span.spacer'),
      h('button#ai-auto.btn.small', { 'data-testid': 'ai-auto', onclick: toggleAuto }, 'AUTO-ANSWER: OFF')),
    h('div#ai-auto-banner.ai-auto-banner', { 'data-testid': 'ai-auto-banner', hidden: true }, 'AUTO-ANSWER ON: CHARON ANSWERS PLAYERS ON THIS CHANNEL WITHOUT YOUR APPROVAL'),
    h('textarea#ai-prompt', { rows: 2, placeholder: 'Your own prompt: CHARON drafts, you approve…', 'data-testid': 'ai-prompt' }),
    h('textarea#ai-context', { rows: 1, placeholder: 'Optional context for this answer only', 'data-testid': 'ai-context' }),
    h('div.row', h('span.spacer'), h('button.btn.small', { 'data-testid': 'ai-generate', onclick: generate }, 'GENERATE DRAFT')));
  refreshStatus();
  const stream = new EventSource(apiUrl('gm/charon/drafts/stream/'));
  // on (re)connect: every pending draft, so nothing written while the console was away is missed
  stream.addEventListener('drafts', (e) => { if (channel) renderPending($('charon-pending'), channel, JSON.parse(e.data).pending.filter(d => d.channel === channel)); });
  stream.addEventListener('draft', (e) => { const d = JSON.parse(e.data); if (d.draft.channel === channel) drawDraft(d.draft, d.removed); });
  stream.addEventListener('ai-test', (e) => { const c = JSON.parse(e.data); toast('AI: ' + c.detail, c.ok ? 'ok' : 'error'); refreshStatus(); });
}

async function refreshStatus() {
  try {
    const s = await getJSON('gm/charon/ai/');
    auto = s.auto_answer || [];
    const label = s.enabled ? `${s.provider.toUpperCase()} • ${s.model} • ${s.tokens_used_today}${s.daily_token_cap ? '/' + s.daily_token_cap : ''} TOKENS TODAY`
      : (s.problem ? 'MISCONFIGURED: ' + s.problem : 'OFF (set CHARON_AI_PROVIDER)');
    $('ai-provider').textContent = label + (s.last_test ? ` • LAST TEST: ${s.last_test.ok ? 'OK' : 'FAILED'}` : '');
    drawAuto();
  } catch { /* shown again at the next change */ }
}

function drawAuto() {
  const on = auto.includes(channel);
  const btn = $('ai-auto');
  if (!btn) return;
  btn.textContent = 'AUTO-ANSWER: ' + (on ? 'ON' : 'OFF');
  btn.classList.toggle('danger', on);
  $('ai-auto-banner').hidden = !on;
}

async function toggleAuto(e) {
  const on = !auto.includes(channel);
  const r = await post(`gm/charon/${enc(channel)}/auto-answer/`, { on }, on ? 'Auto-answer ON' : 'Auto-answer OFF', e.currentTarget);
  if (r) refreshStatus();
}

async function generate(e) {
  const prompt = $('ai-prompt').value.trim();
  if (!prompt) { toast('Prompt required', 'error'); return; }
  const context = $('ai-context').value.trim();
  const r = await post(`gm/charon/${enc(channel)}/generate/`, context ? { prompt, context } : { prompt }, 'Drafting…', e.currentTarget);
  if (r) { $('ai-prompt').value = ''; $('ai-context').value = ''; }
}

/** Draws a channel's pending list (called by the console on channel change and conversation events). */
export function renderPending(box, ch, list) {
  channel = ch;
  drawAuto();
  const kept = new Map([...box.querySelectorAll('.pending')].map(el => [el.dataset.testid, el]));
  list = list.filter(d => drawn.get(d.pending_id) !== REMOVED);
  box.replaceChildren(...list.map(d => {
    const el = kept.get('pending-' + d.pending_id);   // kept as it is: the GM may be editing it
    return el || entry(d);
  }));
  list.forEach(d => drawDraft(d, false));
}

function drawDraft(d, removed) {
  const box = $('charon-pending');
  const old = box.querySelector(`[data-testid="pending-${CSS.escape(d.pending_id)}"]`);
  if (removed) { drawn.set(d.pending_id, REMOVED); if (old) old.remove(); return; }
  if (!isCurrent(d)) return;
  drawn.set(d.pending_id, d.revision ?? 0);
  if (!old) { box.appendChild(entry(d)); return; }
  const ta = old.querySelector('textarea');
  old.querySelector('.ai-state').replaceWith(state(d));
  if (document.activeElement !== ta && !ta.dataset.edited) ta.value = d.response || '';
  old.dataset.response = d.response || '';
  old.dataset.status = d.status;
}

function state(d) {
  const tokens = d.reused_from ? 'REUSED (NOT BILLED AGAIN)' : `TOKENS ${d.tokens_in || 0} IN / ${d.tokens_out || 0} OUT`;
  return h('div.meta.ai-state', { 'data-testid': 'pending-state-' + d.pending_id },
    d.status === 'GENERATING' ? 'CHARON IS WRITING…' : d.status === 'READY' ? 'READY • ' + tokens : '',
    d.status === 'FAILED' ? h('span.unread', 'NO DRAFT: ' + d.reason + ' — answer by hand') : null);
}

function entry(d) {
  const ta = h('textarea', { rows: 3, 'data-testid': 'pending-text-' + d.pending_id, oninput: () => { ta.dataset.edited = '1'; } }, d.response || '');
  const sent = h('pre.ai-sent', { hidden: true, 'data-testid': 'pending-sent-' + d.pending_id });
  const el = h('div.pending', { 'data-testid': 'pending-' + d.pending_id, dataset: { response: d.response || '', status: d.status } },
    h('div.meta', (d.query_id ? 'QUERY: ' : 'GM PROMPT: ') + (d.query || '')), state(d), ta,
    h('div.row',
      h('button.btn.small', { 'data-testid': 'pending-approve-' + d.pending_id, onclick: (e) => approve(el, d, ta, e.currentTarget) }, 'APPROVE'),
      h('button.btn.small', { 'data-testid': 'pending-regenerate-' + d.pending_id, onclick: (e) => { delete ta.dataset.edited; post(`gm/charon/${enc(d.channel)}/regenerate/`, { pending_id: d.pending_id }, 'Drafting again…', e.currentTarget); } }, 'REGENERATE'),
      h('button.btn.small', { 'data-testid': 'pending-show-sent-' + d.pending_id, onclick: () => showSent(d, sent) }, 'SENT TEXT'),
      h('span.spacer'),
      h('button.btn.small.danger', { 'data-testid': 'pending-reject-' + d.pending_id, onclick: (e) => post(`gm/charon/${enc(d.channel)}/reject/`, { pending_id: d.pending_id }, 'Rejected', e.currentTarget) }, 'REJECT')),
    sent);
  return el;
}

function approve(el, d, ta, btn) {
  const edited = ta.value.trim() !== (el.dataset.response || '').trim() || el.dataset.status !== 'READY';
  post(`gm/charon/${enc(d.channel)}/approve/`, edited ? { pending_id: d.pending_id, modified_content: ta.value } : { pending_id: d.pending_id }, 'Sent as CHARON', btn);
}

async function showSent(d, pre) {
  if (!pre.hidden) { pre.hidden = true; return; }
  try {
    const s = await getJSON(`gm/charon/${enc(d.channel)}/pending/${enc(d.pending_id)}/sent/`);
    pre.textContent = s.sent_text || '(nothing sent: ' + (d.reason || 'no model call') + ')';
    pre.hidden = false;
  } catch (e) { toast(e.message, 'error'); }
}
