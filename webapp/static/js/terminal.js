// Shared display (TVs, tablets, phones). Follows only the SSE stream; no polling.
// Each view and overlay is a module in display/; this module picks the view for each payload.
import { getJSON, applyPerfMode } from './api.js';
import { connectLive, keepAwake } from './live.js';
import { viewEl, setHeader } from './display/screen.js';
import { standbyView } from './display/standby.js';
import { encounterView } from './display/encounter.js';
import { bridgeView, setShipStatus } from './display/bridge.js';
import { charonView } from './display/charon-view.js';
import { syncTerminalOverlay } from './display/terminal-overlay.js';
import { syncPortraits, syncCharonDialog, charonDialogEvent } from './display/overlays.js';
import { mountSoundControls, soundConnected, soundForPayload } from './sound.js';

const KNOWN_VIEWS = new Set(['STANDBY', 'ENCOUNTER', 'BRIDGE', 'CHARON_TERMINAL']);

applyPerfMode();
keepAwake();
mountSoundControls();

let state = null;          // last payload
let current = null;        // current view controller {type, update(payload), destroy()}

// ---------------- dispatcher ----------------
function viewKind(vt) { return KNOWN_VIEWS.has(vt) ? vt : 'OTHER'; }

function apply(p) {
  const prev = state;
  state = p;
  const vt = String(p.view_type || 'STANDBY');
  document.body.dataset.viewType = vt;
  viewEl.dataset.viewType = vt;
  const kind = viewKind(vt);
  const switched = !current || current.type !== kind || (kind === 'OTHER' && prev && prev.view_type !== vt);

  // Entering or leaving CHARON_TERMINAL opens or closes the dialog on the server, once for all displays.

  if (switched) {
    if (current) current.destroy();
    if (kind === 'STANDBY') { setHeader(null); current = standbyView('MOTHERSHIP', null); }
    else if (kind === 'ENCOUNTER') current = encounterView(p);
    else if (kind === 'BRIDGE') current = bridgeView(p, !!prev);
    else if (kind === 'CHARON_TERMINAL') current = charonView(p);
    else { setHeader('MOTHERSHIP TERMINAL', 'STATION ACCESS'); current = standbyView('MOTHERSHIP', 'STATION ACCESS', `VIEW "${vt}" UNAVAILABLE`); current.type = 'OTHER'; }
  } else {
    current.update(p);
  }

  // ship overrides changed → one re-fetch (event-driven)
  if (prev && JSON.stringify(prev.ship_system_overrides || {}) !== JSON.stringify(p.ship_system_overrides || {})) {
    getJSON('ship-status/').then(s => { setShipStatus(s); if (current && current.shipChanged) current.shipChanged(); }).catch(() => {});
  }
  syncTerminalOverlay(p);
  syncPortraits(p);
  syncCharonDialog(p);
  soundForPayload(p, prev);
}

connectLive({
  threshold: 5,
  patch: true,   // activeview-patch events, applied by live.js (mergepatch.js)
  onActiveView: apply,
  onOpen: soundConnected,
  onCharon: (ev) => {
    if (current && current.charonEvent) current.charonEvent(ev);
    charonDialogEvent(ev);
  },
});
