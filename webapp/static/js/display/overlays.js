// Display overlays: NPC portraits (ENCOUNTER only) and the CHARON dialog.
import { h, dataUrl } from '../api.js';
import { CharonTerminal } from '../charon.js';
import { $ } from './screen.js';
import { typeTick } from '../sound.js';

// NPC portrait overlay (ENCOUNTER only)
const portOv = $('portraits');
const portraitCards = new Map();   // id → element
export function syncPortraits(p) {
  const active = p.view_type === 'ENCOUNTER' ? (p.encounter_active_portraits || []) : [];
  const npcs = p.encounter_npc_data || {};
  const wanted = active.filter(id => npcs[id]);
  // remove
  for (const [id, el] of portraitCards) {
    if (!wanted.includes(id)) {
      portraitCards.delete(id);
      el.classList.add('leaving');
      el.removeAttribute('data-testid');
      setTimeout(() => { el.remove(); if (!portraitCards.size) portOv.hidden = true; }, 320);
    }
  }
  if (!wanted.length) { if (!portraitCards.size) portOv.dataset.count = '0'; return; }
  portOv.hidden = false;
  let row = portOv.querySelector('.p-row');
  if (!row) { row = h('div.p-row'); portOv.replaceChildren(h('div.p-backdrop'), row); }
  for (const id of wanted) {
    if (portraitCards.has(id)) continue;
    const n = npcs[id];
    const name = String(n.name || id).toUpperCase();
    const nameEl = h('div.p-name', { 'data-testid': 'portrait-name-' + id });
    const img = n.portrait ? h('img', { src: dataUrl(n.portrait), alt: '' }) : h('div.p-none', '?');
    const card = h('div.p-card.phase-flicker', { 'data-testid': 'portrait-' + id, 'data-npc': id }, h('div.p-frame', img), nameEl);
    portraitCards.set(id, card);
    row.appendChild(card);
    const perf = document.body.classList.contains('perf');
    const typeName = () => {
      if (perf) { nameEl.textContent = name; return; }
      let i = 0; const step = () => { i++; typeTick(); nameEl.textContent = name.slice(0, i); if (i < name.length && card.isConnected) setTimeout(step, 55); }; step();
    };
    if (perf) { card.className = 'p-card phase-done'; typeName(); continue; }
    setTimeout(() => { card.classList.replace('phase-flicker', 'phase-wipe'); }, 280);
    setTimeout(() => { card.classList.replace('phase-wipe', 'phase-done'); }, 930);
    setTimeout(typeName, 1130);
  }
  // keep activation order
  for (const id of wanted) { const el = portraitCards.get(id); if (el) row.appendChild(el); }
  portOv.dataset.count = String(wanted.length);
}

// CHARON dialog
const dlg = $('charon-dialog');
let dlgTerm = null;
let dlgClosedHere = false;   // this display's CLOSE, until the GM closes and reopens the dialog
export function syncCharonDialog(p) {
  const open = !!p.charon_dialog_open && p.view_type !== 'CHARON_TERMINAL';
  const ch = p.charon_active_channel || 'story';
  if (!open) { if (dlgTerm) { dlgTerm.destroy(); dlgTerm = null; } dlgClosedHere = false; dlg.hidden = true; dlg.replaceChildren(); return; }
  if (dlgClosedHere) return;
  if (!dlgTerm) {
    const host = h('div.charon-scroll.dlg-scroll');
    // closed on this display only; the GM closes it for every display
    const close = () => { dlg.hidden = true; dlgClosedHere = true; };
    dlg.replaceChildren(h('div.backdrop', { onclick: close }),
      h('div.dlg-box.panel', h('div.panel-title.term-title', h('span', 'CHARON'), h('button.btn.small', { 'data-testid': 'charon-dialog-close', onclick: close }, 'CLOSE ×')), host));
    dlgTerm = new CharonTerminal(host, { channel: ch, testid: 'charon-dialog-terminal' });
  }
  dlg.hidden = false;
  dlgTerm.setChannel(ch);
  dlgTerm.setMode(p.charon_mode);
}

/** A CHARON line for the dialog's conversation, if the dialog is open. */
export function charonDialogEvent(ev) { if (dlgTerm) dlgTerm.applyEvent(ev); }
