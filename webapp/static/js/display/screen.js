// Display: the page's fixed parts shared by every view: the view's element and the typed header.
import { typeTick } from '../sound.js';
export const $ = (id) => document.getElementById(id);
export const viewEl = $('view');
const hdr = $('hdr'), hdrTitle = $('hdr-title'), hdrSub = $('hdr-sub');

let typeTimer = null;
// a text node replaced by the same text still costs the page a style and layout pass (each event of a view)
function setText(el, text) { if (el.textContent !== text) el.textContent = text; }

export function setHeader(title, sub, { typed = false } = {}) {
  // Same title still shown (or still being typed): keep it. Every event of a view calls this, and
  // restarting the typing animation made the header flicker on each GM action.
  if (title != null && typed && !hdr.hidden && hdrTitle.dataset.full === title) { setText(hdrSub, sub || ''); return; }
  clearTimeout(typeTimer);
  if (title == null) { hdr.hidden = true; return; }
  hdr.hidden = false;
  hdrSub.textContent = sub || '';
  hdrTitle.dataset.full = title;
  if (!typed || document.body.classList.contains('perf')) { hdrTitle.textContent = title; return; }
  let i = 0;
  hdrTitle.textContent = '';
  const step = () => { i++; typeTick(); hdrTitle.textContent = title.slice(0, i); if (i < title.length) typeTimer = setTimeout(step, 50); };
  step();
}
