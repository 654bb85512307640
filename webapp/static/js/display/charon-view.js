// Display, CHARON_TERMINAL: the full-screen CHARON conversation of the story channel.
import { h } from '../api.js';
import { CharonTerminal } from '../charon.js';
import { viewEl, setHeader } from './screen.js';

export function charonView(p) {
  setHeader(null);
  const host = h('div.charon-full.charon-scroll', { 'data-testid': 'charon-view' });
  const frame = h('div.charon-frame.panel', h('div.panel-title', 'CHARON // SHIP INTELLIGENCE'), host);
  viewEl.replaceChildren(h('div.charon-screen', frame));
  const term = new CharonTerminal(host, { channel: 'story', testid: 'charon-terminal' });
  term.setMode(p.charon_mode);
  setTimeout(() => term.focus(), 50);
  return { type: 'CHARON_TERMINAL', update(np) { term.setMode(np.charon_mode); }, charonEvent(ev) { term.applyEvent(ev); }, destroy() {} };
}
