// CHARON conversation terminal: player lines "> ", CHARON lines typed out with a "_" cursor.
// Conversation is fetched once (GET api/charon/<channel>/conversation/) and then kept current by
// the SSE "charon" event, which carries one new line ({channel, message, previous_id}) or
// {channel, cleared: true}; a line that does not follow the last one shown means one was missed,
// and the conversation is fetched again — no polling.
import { typeTick } from './sound.js';
import { getJSON, postJSON, toast, h } from './api.js';

const TYPE_MS = 25;

export class CharonTerminal {
  constructor(host, { channel = 'story', testid = 'charon-terminal' } = {}) {
    this.host = host;
    this.channel = channel;
    this.mode = 'DISPLAY';
    this.messages = [];
    this.rendered = new Set();
    this.pendingQuery = null;
    this.typing = Promise.resolve();
    this.root = h('div.charon-term', { 'data-testid': testid, 'data-channel': channel });
    this.log = h('div.charon-log', { 'data-testid': 'charon-log' });
    this.processing = h('div.charon-line.processing', { hidden: true });
    this.cursor = h('div.charon-line.idle', h('span.blink', '_'));
    this.input = h('input.charon-input', { type: 'text', maxlength: '500', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'charon-input', 'aria-label': 'Query CHARON' });
    this.form = h('form.charon-form', { hidden: true, 'data-testid': 'charon-form' }, h('span.prompt', '> '), this.input);
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.submit(); });
    this.root.append(this.log, this.processing, this.cursor, this.form);
    host.appendChild(this.root);
    this.load();
  }

  async load() {
    try {
      const d = await getJSON(`charon/${encodeURIComponent(this.channel)}/conversation/`);
      if (d && d.mode) this.setMode(d.mode);
      this.setMessages((d && d.messages) || [], false);
    } catch (e) {
      this.log.appendChild(h('div.charon-line.err', '> LINK TO CHARON UNAVAILABLE'));
    }
  }

  setChannel(ch) {
    if (ch === this.channel) return;
    this.channel = ch;
    this.root.dataset.channel = ch;
    this.messages = []; this.rendered.clear(); this.log.replaceChildren(); this.pendingQuery = null;
    this.processing.hidden = true;
    this.load();
  }

  setMode(mode) {
    this.mode = mode === 'QUERY' ? 'QUERY' : 'DISPLAY';
    this.form.hidden = this.mode !== 'QUERY';
    this.cursor.hidden = this.mode === 'QUERY';
    this.root.dataset.mode = this.mode;
  }

  /** SSE "charon" event: one new line, or the conversation emptied. */
  applyEvent(ev) {
    if (!ev || ev.channel !== this.channel) return;
    if (ev.cleared) { this.setMessages([], false); return; }
    const m = ev.message;
    if (!m || this.rendered.has(m.message_id)) return;
    const last = this.messages.length ? this.messages[this.messages.length - 1].message_id : null;
    if ((ev.previous_id || null) !== last) { this.load(); return; } // missed a line: fetch the conversation
    this.setMessages([...this.messages, m], true);
  }

  setMessages(list, animate) {
    const ids = new Set(list.map(m => m.message_id));
    // cleared / replaced conversation → start over
    if ([...this.rendered].some(id => !ids.has(id))) { this.rendered.clear(); this.log.replaceChildren(); }
    this.messages = list;
    for (const m of list) {
      if (this.rendered.has(m.message_id)) continue;
      this.rendered.add(m.message_id);
      const isUser = m.role === 'user';
      const line = h('div.charon-line', { class: 'charon-line ' + (isUser ? 'user' : 'charon'), 'data-testid': 'charon-msg-' + m.message_id, 'data-role': m.role });
      this.log.appendChild(line);
      if (isUser) {
        line.textContent = '> ' + (m.content || '');
        if (this.pendingQuery && this.pendingQuery.el && this.pendingQuery.text === m.content) { this.pendingQuery.el.remove(); this.pendingQuery.el = null; }
      } else {
        if (this.pendingQuery) { if (this.pendingQuery.el) this.pendingQuery.el.remove(); this.pendingQuery = null; this.processing.hidden = true; }
        if (animate && !document.body.classList.contains('perf')) this.typeOut(line, m.content || '');
        else line.textContent = m.content || '';
      }
    }
    this.scroll();
  }

  typeOut(el, text) {
    this.typing = this.typing.then(() => new Promise((resolve) => {
      const cur = h('span.blink', '_');
      let i = 0;
      const step = () => {
        const n = Math.min(text.length, i + Math.max(1, Math.ceil(text.length / 400)));
        el.textContent = text.slice(0, n);
        el.appendChild(cur);
        typeTick();
        i = n;
        this.scroll();
        if (i >= text.length) { cur.remove(); resolve(); } else setTimeout(step, TYPE_MS);
      };
      step();
    }));
  }

  scroll() { const sc = this.root.closest('.charon-scroll') || this.root; sc.scrollTop = sc.scrollHeight; }

  async submit() {
    const q = this.input.value.trim();
    if (!q) return;
    this.input.value = '';
    const el = h('div.charon-line.user.pending', '> ' + q);
    this.log.appendChild(el);
    this.pendingQuery = { text: q, el };
    this.processing.textContent = 'Processing...';
    this.processing.hidden = false;
    this.scroll();
    try {
      await postJSON(`charon/${encodeURIComponent(this.channel)}/submit/`, { query: q });
    } catch (e) {
      this.processing.hidden = true;
      el.remove(); this.pendingQuery = null;
      toast(e.message, 'error');
    }
  }

  focus() { if (!this.form.hidden) this.input.focus(); }
  destroy() { this.root.remove(); }
}
