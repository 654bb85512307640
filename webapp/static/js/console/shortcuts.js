// GM console: keyboard shortcuts for the frequent actions, and the `?` overlay that lists them.
import { h } from '../api.js';
import { $, S, post } from './state.js';
import { setAllRooms, switchDeck } from './encounter.js';

const VIEW_KEYS = { 1: ['STANDBY', 'STANDBY'], 2: ['BRIDGE', 'BRIDGE'], 3: ['ENCOUNTER', 'ENCOUNTER'], 4: ['CHARON', 'CHARON_TERMINAL'] };
/** [keys, what it does] as the overlay lists them; the handler below is the truth. */
const LIST = [
  ['1 2 3 4', 'Show STANDBY, BRIDGE, ENCOUNTER (the location last shown), CHARON'],
  ['A', 'Reveal every room of the encounter'],
  ['X', 'Hide every room of the encounter'],
  ['[  ]', 'Previous / next deck'],
  ['Click a room', 'Reveal or hide it'],
  ['Click a door', 'Next state (open, closed, locked); the picker beside it has all'],
  ['Ctrl+Z', 'Undo'], ['Ctrl+Shift+Z', 'Redo'],
  ['Esc', 'Close a popup or this list'],
  ['?', 'Show or hide this list'],
];

const overlay = h('div', { class: 'shortcuts', 'data-testid': 'shortcuts', hidden: true, role: 'dialog', 'aria-label': 'Keyboard shortcuts' },
  h('div.card', h('h3', 'KEYBOARD SHORTCUTS', h('span.hdr-btns', h('button.btn.small', { 'data-testid': 'shortcuts-close', onclick: () => toggle(false) }, 'CLOSE ×'))),
    h('div.card-body', h('table.keys', ...LIST.map(([k, d]) => h('tr', h('th', h('kbd', k)), h('td', d)))))));

function toggle(show = overlay.hidden) { overlay.hidden = !show; }

function typing(t) {
  return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

export function initShortcuts() {
  document.body.appendChild(overlay);
  $('help').addEventListener('click', () => toggle());
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    const k = e.key;
    if (k === '?') { e.preventDefault(); toggle(); return; }
    if (k === 'Escape') { toggle(false); document.querySelector('.popup')?.remove(); return; }
    if (VIEW_KEYS[k]) {
      const [label, vt] = VIEW_KEYS[k];
      e.preventDefault();
      post('gm/switch-view/', { view_type: vt, location_slug: vt === 'ENCOUNTER' ? (S && S.location_slug) || '' : '' }, `VIEW → ${label}`);
      return;
    }
    const enc = S && S.view_type === 'ENCOUNTER' && S.location_slug;
    if (!enc) return;
    if (k === 'a' || k === 'A') { e.preventDefault(); setAllRooms(true); }
    else if (k === 'x' || k === 'X') { e.preventDefault(); setAllRooms(false); }
    else if (k === ']') { e.preventDefault(); switchDeck(1); }
    else if (k === '[') { e.preventDefault(); switchDeck(-1); }
  });
}
