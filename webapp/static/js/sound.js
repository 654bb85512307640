// Sound on a display: the GM's alerts, the ambience of the view shown and the UI sounds, all from the
// activeview payload (its `sound` key and the changes between two payloads).
// - Which screens play: a display opened as a speaker (`?speaker=1`, e.g. the TV) plays by default; any other
//   device is silent until someone turns sound on for it. Each device remembers its choice and its volume
//   (localStorage). `?speaker=0` forgets the mark.
// - Autoplay rules: when the browser keeps audio suspended, an "ENABLE SOUND" button asks for the one tap;
//   an alert arriving meanwhile makes it blink: never a silent failure.
// - Every alert also shows on screen (a brief visual cue), whether the device plays sound or not.
// - The first payload of each connection is a baseline: an alert already in it (fired before this display
//   connected, or before a restart) is never replayed.
import { h } from './api.js';
import { Synth } from './synth.js';

const PREFS = 'charon.sound';
const CUE_MS = 3500;
const LABELS = {
  klaxon: 'KLAXON', 'proximity-alarm': 'PROXIMITY ALARM', decompression: 'DECOMPRESSION', 'hull-breach': 'HULL BREACH',
  'charon-chime': 'CHARON', 'door-slam': 'DOOR SLAM', 'motion-tracker-ping': 'MOTION DETECTED',
};

let synth = null;          // created once sound is on for this device
let prefs = loadPrefs();
let baseline = true;       // the next payload starts a connection
let seenAlert = 0;
let ambience = { name: 'silence', level: 0 };
let cueTimer = null;
let lastTick = 0;
let controls = null;

function loadPrefs() {
  let stored = {};
  try { stored = JSON.parse(localStorage.getItem(PREFS) || '{}') || {}; } catch { stored = {}; }
  const mark = new URLSearchParams(location.search).get('speaker');
  if (mark === '1' || mark === 'true') stored.speaker = true;
  if (mark === '0' || mark === 'false') { stored.speaker = false; delete stored.on; }
  const out = { speaker: !!stored.speaker, on: typeof stored.on === 'boolean' ? stored.on : !!stored.speaker,
    volume: Number.isFinite(stored.volume) ? Math.max(0, Math.min(1, stored.volume)) : 0.8 };
  savePrefs(out);
  return out;
}

function savePrefs(p) {
  try { localStorage.setItem(PREFS, JSON.stringify(p)); } catch { /* private mode: this page only */ }
}

/** Creates the audio graph on first use; returns null where Web Audio is missing. */
function graph() {
  if (!synth) {
    try { synth = new Synth(); } catch (e) { console.error('no Web Audio here', e); return null; }
    synth.setVolume(prefs.volume);
    synth.ctx.addEventListener('statechange', render);
    applyAmbience();
  }
  return synth;
}

/** on | off | blocked (the browser waits for a tap) | unsupported. */
function status() {
  if (!prefs.on) return 'off';
  const s = graph();
  if (!s) return 'unsupported';
  return s.running ? 'on' : 'blocked';
}

function tryResume() {
  const s = graph();
  if (s && !s.running) s.resume().catch(() => {}).finally(render);
}

function render() {
  const st = status();
  document.body.dataset.sound = st;
  if (!controls) return;
  controls.toggle.textContent = prefs.on ? 'SOUND ON' : 'SOUND OFF';
  controls.toggle.setAttribute('aria-pressed', String(prefs.on));
  controls.volume.hidden = !prefs.on;
  controls.volume.value = String(Math.round(prefs.volume * 100));
  controls.enable.hidden = st !== 'blocked';
}

/** A muted device plays no loop at all (nothing to hear, nothing to compute). */
function applyAmbience() {
  if (synth) synth.setAmbience(prefs.on ? ambience.name : 'silence', ambience.level);
}

function setOn(on) {
  prefs = { ...prefs, on };
  savePrefs(prefs);
  if (on) tryResume(); // inside the click: the browser lets audio start
  if (synth) synth.setVolume(on ? prefs.volume : 0);
  applyAmbience();
  render();
}

/** The small corner control (mute, volume) and the one-tap button autoplay rules need. */
export function mountSoundControls(parent = document.body) {
  const toggle = h('button.btn.small.sound-toggle', { 'data-testid': 'sound-toggle', type: 'button', onclick: () => setOn(!prefs.on) });
  const volume = h('input.sound-volume', { 'data-testid': 'sound-volume', type: 'range', min: '0', max: '100', 'aria-label': 'Volume',
    oninput: (e) => { prefs = { ...prefs, volume: Number(e.target.value) / 100 }; savePrefs(prefs); if (synth) synth.setVolume(prefs.volume); } });
  const enable = h('button.btn.sound-enable', { 'data-testid': 'sound-enable', type: 'button', onclick: tryResume }, '\u25B6 ENABLE SOUND');
  controls = { toggle, volume, enable };
  parent.append(h('div.sound-controls', { 'data-testid': 'sound-controls' }, toggle, volume), enable);
  // any first tap on the page also counts as the permission to play
  document.addEventListener('pointerdown', () => { if (prefs.on) tryResume(); }, { passive: true });
  render();
  if (prefs.on) tryResume();
}

/** A new connection: its first payload is a baseline (no alert replayed). */
export function soundConnected() { baseline = true; }

function showCue(name, sequence) {
  let cue = document.querySelector('[data-testid="alert-cue"]');
  if (!cue) {
    cue = h('div.alert-cue', { 'data-testid': 'alert-cue', role: 'alert', 'aria-live': 'assertive' });
    document.body.appendChild(cue);
  }
  const label = LABELS[name] || String(name).replace(/^audio\//, '').replace(/\.[a-z0-9]+$/i, '').toUpperCase();
  cue.replaceChildren(h('span.alert-cue-icon', { 'aria-hidden': 'true' }, '\u26A0'), h('span.alert-cue-text', label));
  cue.dataset.sound = name;
  cue.dataset.sequence = String(sequence);
  cue.dataset.shownAt = String(performance.now());
  cue.dataset.shownEpoch = String(Date.now()); // wall clock: displays on one machine can be compared
  cue.hidden = false;
  cue.classList.remove('flash'); void cue.offsetWidth; cue.classList.add('flash'); // restart the animation
  clearTimeout(cueTimer);
  cueTimer = setTimeout(() => { cue.hidden = true; }, CUE_MS);
}

function playAlert(name) {
  const st = status();
  if (st === 'on') synth.alert(name);
  else if (st === 'blocked' && controls) { controls.enable.classList.remove('attention'); void controls.enable.offsetWidth; controls.enable.classList.add('attention'); }
}

function ui(name) { if (controls && status() === 'on') synth.uiSound(name); } // displays only, not the console

/** A typewriter tick (throttled: a fast typist is a rattle, not a buzz). */
export function typeTick() {
  const now = performance.now();
  if (now - lastTick < 35) return;
  lastTick = now;
  ui('tick');
}

/** Everything a payload changes for the ear: call with each activeview payload and the previous one. */
export function soundForPayload(p, prev) {
  const s = p.sound || {};
  const alert = s.alert || null;
  const seq = alert ? Number(alert.sequence) : 0;
  const first = baseline;
  baseline = false;
  if (!first && alert && seq !== seenAlert) {
    showCue(alert.name, seq); // the cue first: it must show even if audio fails
    playAlert(alert.name);
  }
  seenAlert = seq;
  ambience = { name: s.ambience || 'silence', level: Number(s.level ?? 0) };
  applyAmbience();
  if (!first && prev) uiSoundsFor(prev, p);
}

function uiSoundsFor(prev, p) {
  if (prev.view_type !== p.view_type) { ui('view-change'); return; }
  const panel = (x) => (x.overlay_terminal_slug ? 1 : 0) + (x.charon_dialog_open ? 1 : 0) + (x.encounter_active_portraits || []).length;
  const opened = panel(p) - panel(prev);
  if (opened > 0) ui('panel-open'); else if (opened < 0) ui('panel-close');
  if (p.view_type !== 'ENCOUNTER' || prev.location_slug !== p.location_slug) return;
  const before = prev.encounter_door_status || {};
  for (const [id, st] of Object.entries(p.encounter_door_status || {})) {
    if (before[id] && before[id] !== st) { ui(st === 'LOCKED' ? 'door-locked' : st === 'OPEN' ? 'door-open' : 'panel-close'); break; }
  }
  const was = prev.encounter_tokens || {};
  const moved = Object.entries(p.encounter_tokens || {}).some(([id, t]) => was[id] && (was[id].x !== t.x || was[id].y !== t.y));
  if (moved) ui('token-moved');
}

/** For tests and diagnostics: the page's audio graph (null until sound is on for this device). */
export function soundProbe() {
  return { status: status(), analyser: synth ? synth.analyser : null, context: synth ? synth.ctx : null };
}
