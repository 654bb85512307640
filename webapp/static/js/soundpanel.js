// The GM console's SOUND card: fire an alert on every display, choose each view's ambience, set its level.
// Every control is one GM write; the stream's payload (its `sound` key) is the truth the card shows.
import { getJSON, postJSON, attempt, h } from './api.js';

const VIEWS = ['STANDBY', 'ENCOUNTER', 'BRIDGE', 'CHARON_TERMINAL'];
let body = null;
let catalogue = null;
let levelInput = null, levelValue = null;
const ambienceSelects = new Map();
let lastSound = null;

const post = (path, data, ok, btn) => attempt(() => postJSON(path, data), { ok, button: btn });

/** Builds the card in `el` from the server's catalogue (built-in sounds and the campaign's audio files). */
export async function initSoundPanel(el) {
  body = el;
  try { catalogue = await getJSON('gm/sound/'); } catch (e) { el.replaceChildren(h('div.muted', 'Sound unavailable: ' + e.message)); return; }
  const alerts = h('div.row.sound-alerts', h('span.lbl', 'ALERT'),
    ...Object.entries(catalogue.alerts).map(([name, label]) => alertButton(name, label)),
    ...catalogue.campaign_files.map(f => alertButton(f, f.replace(/^audio\//, '').toUpperCase())));
  const loops = [...catalogue.ambiences, ...catalogue.campaign_files];
  const ambience = h('div.row.sound-ambience', h('span.lbl', 'AMBIENCE'), ...VIEWS.map(view => {
    const select = h('select', { 'data-testid': 'sound-ambience-' + view, 'aria-label': view + ' ambience',
      onchange: (e) => post('gm/sound/ambience/', { view_type: view, ambience: e.target.value }, `${view}: ${e.target.value}`) },
    ...loops.map(n => h('option', { value: n }, n.toUpperCase())));
    ambienceSelects.set(view, select);
    return h('label.sound-view', h('span.muted.small', view.replace('_TERMINAL', '')), select);
  }));
  levelValue = h('span.sound-level-value', { 'data-testid': 'sound-level-value' });
  levelInput = h('input', { type: 'range', min: '0', max: '100', step: '5', 'data-testid': 'sound-level', 'aria-label': 'Ambience level',
    oninput: () => { levelValue.textContent = levelInput.value; },
    onchange: () => post('gm/sound/level/', { level: Number(levelInput.value) }) });
  const level = h('div.row', h('span.lbl', 'LEVEL'), levelInput, levelValue,
    h('button.btn.small', { 'data-testid': 'sound-silence', onclick: (e) => post('gm/sound/level/', { level: 0 }, 'Ambience silenced', e.currentTarget) }, 'SILENCE'));
  el.replaceChildren(alerts, ambience, level,
    h('div.muted.small', 'Displays opened with ?speaker=1 play sound; every display shows an alert on screen.'));
  if (lastSound) showSound(lastSound);
}

function alertButton(name, label) {
  return h('button.btn.small.sound-alert', { 'data-testid': 'sound-alert-' + name, title: name,
    onclick: (e) => post('gm/sound/alert/', { sound: name }, label + ' sent', e.currentTarget) }, label);
}

/** Shows the state of the GM's payload (`sound.ambience_by_view`, `sound.level`). */
export function soundPanelUpdate(p) {
  if (!p || !p.sound) return;
  lastSound = p.sound;
  if (body && levelInput) showSound(p.sound);
}

function showSound(s) {
  const byView = s.ambience_by_view || {};
  for (const [view, select] of ambienceSelects) {
    if (byView[view] && document.activeElement !== select) select.value = byView[view];
  }
  if (document.activeElement !== levelInput) { levelInput.value = String(s.level ?? 0); levelValue.textContent = String(s.level ?? 0); }
}
