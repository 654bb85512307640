// Display, STANDBY: the title, and status fragments typed at random places around it.
import { h, getJSON } from '../api.js';
import { viewEl } from './screen.js';

const FRAGMENTS = ['> SYSTEM ONLINE', '> LIFE SUPPORT: NOMINAL', '> AWAITING INPUT', '> SCANNING SECTOR...', '> CRYO POD 3: STABLE',
  '> NAV BEACON ACQUIRED', '> REACTOR OUTPUT 98.7%', '> HULL INTEGRITY CHECK... OK', '> COMMS: LISTENING', '> CHARON INTERFACE READY',
  '> DRIVE COOLANT 71%', '> NO CONTACTS ON SCOPE', '> MOTION TRACKER: IDLE', '> ATMOSPHERE 20.9% O2'];

export function standbyView(label, sub, note) {
  const title = h('div.sb-title', { 'data-testid': 'standby-title' }, label);
  const subtitle = h('div.sb-sub', { 'data-testid': 'standby-sub' }, sub || '');
  // no subtitle given: the campaign's own title (never a fixed one, never "null")
  if (sub == null) getJSON('campaign/title/').then(d => { subtitle.textContent = String((d && d.title) || '').toUpperCase(); }).catch(() => {});
  const center = h('div.sb-center', title, subtitle, note ? h('div.sb-note', { 'data-testid': 'fallback-note' }, note) : null);
  const root = h('div.standby.crt-flicker', { 'data-testid': 'standby' }, center);
  viewEl.replaceChildren(root);
  const timers = [];
  const frags = [];
  const glitch = () => {
    title.classList.add('glitch');
    timers.push(setTimeout(() => title.classList.remove('glitch'), 350));
  };
  const gi = setInterval(glitch, 7000);
  const spawn = () => {
    if (document.hidden || document.body.classList.contains('perf') && frags.length >= 2) return;
    if (frags.length >= 4) { const old = frags.shift(); old.remove(); }
    const text = FRAGMENTS[Math.floor(Math.random() * FRAGMENTS.length)];
    const el = h('div.sb-frag', { style: { visibility: 'hidden' } });
    root.appendChild(el);
    el.textContent = text + '_';
    const W = root.clientWidth, H = root.clientHeight;
    const fw = el.offsetWidth, fh = el.offsetHeight;
    el.textContent = '';
    const c = center.getBoundingClientRect(), r0 = root.getBoundingClientRect();
    const avoid = { l: c.left - r0.left - 30, t: c.top - r0.top - 30, r: c.right - r0.left + 30, b: c.bottom - r0.top + 30 };
    const m = Math.max(16, W * 0.04);
    let pos = null;
    for (let k = 0; k < 25 && !pos; k++) {
      const x = m + Math.random() * Math.max(1, W - fw - 2 * m), y = m + Math.random() * Math.max(1, H - fh - 2 * m);
      const box = { l: x, t: y, r: x + fw, b: y + fh };
      const hit = (o) => !(box.r < o.l || box.l > o.r || box.b < o.t || box.t > o.b);
      if (hit(avoid)) continue;
      if (frags.some(f => hit({ l: f.offsetLeft - 10, t: f.offsetTop - 10, r: f.offsetLeft + f.offsetWidth + 10, b: f.offsetTop + f.offsetHeight + 10 }))) continue;
      pos = { x, y };
    }
    if (!pos) { el.remove(); return; }
    el.style.left = pos.x + 'px'; el.style.top = pos.y + 'px'; el.style.visibility = 'visible';
    frags.push(el);
    let i = 0;
    const type = () => { i++; el.textContent = text.slice(0, i) + '_'; if (i < text.length) timers.push(setTimeout(type, 45)); else timers.push(setTimeout(() => { el.classList.add('fade'); }, 4500)); };
    type();
  };
  const si = setInterval(spawn, 2600);
  timers.push(setTimeout(spawn, 400));
  return {
    type: 'STANDBY',
    update() {},
    destroy() { clearInterval(gi); clearInterval(si); timers.forEach(clearTimeout); },
  };
}
