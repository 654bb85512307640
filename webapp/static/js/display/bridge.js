// Display, BRIDGE: the tabs (star map, personnel, session logs, ship status, CHARON).
import { getJSON, h } from '../api.js';
import { CharonTerminal } from '../charon.js';
import { StarMap } from '../starmap.js';
import { viewEl, setHeader } from './screen.js';
import { personnelPanel, logsPanel, shipPanel } from './bridge-panels.js';

let bridgeData = null;
let shipStatus = null;

async function loadBridge() {
  try {
    bridgeData = await getJSON('campaign/bridge/');
    if (bridgeData && 'ship' in bridgeData) shipStatus = bridgeData.ship;
  } catch (e) {
    bridgeData = bridgeData || { crew: [], npcs: [], sessions: [], ship: null, error: e.message };
  }
  if (shipStatus == null) { try { shipStatus = await getJSON('ship-status/'); } catch { shipStatus = null; } }
  return bridgeData;
}

const BRIDGE_TABS = ['MAP', 'PERSONNEL', 'LOGS', 'STATUS', 'CHARON'];
export function bridgeView(p, isSwitch) {
  setHeader('MOTHERSHIP TERMINAL', '');
  let tab = 'MAP';
  try { tab = (!isSwitch && sessionStorage.getItem('bridgeTab')) || 'MAP'; } catch { /* */ }
  if (!BRIDGE_TABS.includes(tab)) tab = 'MAP';
  const content = h('div.bridge-content', { 'data-testid': 'bridge-content' });
  const tabs = h('nav.bridge-tabs.panel', { 'data-testid': 'bridge-tabs' });
  const root = h('div.bridge', { 'data-testid': 'bridge' }, content, tabs);
  viewEl.replaceChildren(root);
  const charonHost = h('div.bridge-charon.charon-scroll');
  const charon = new CharonTerminal(charonHost, { channel: 'bridge', testid: 'bridge-charon' });
  charon.setMode(p.charon_mode);
  let charonDot = false;
  let star = null;
  let statusPanel = null;

  function drawTabs() {
    tabs.replaceChildren(...BRIDGE_TABS.map(t => h('button', {
      class: 'btn bridge-tab' + (t === tab ? ' active' : ''), 'data-testid': 'bridge-tab-' + t.toLowerCase(),
      onclick: () => select(t),
    }, t, t === 'CHARON' && charonDot ? h('span.dot', { 'data-testid': 'charon-dot' }) : null)));
  }
  function select(t) {
    tab = t;
    try { sessionStorage.setItem('bridgeTab', t); } catch { /* */ }
    if (t === 'CHARON') charonDot = false;
    drawTabs();
    if (star && t !== 'MAP') { star.destroy(); star = null; }
    statusPanel = null;
    content.replaceChildren();
    if (t === 'MAP') { star = new StarMap(content, { interactive: true }); }
    else if (t === 'CHARON') { content.appendChild(charonHost); charon.scroll(); charon.focus(); }
    else if (!bridgeData) { content.appendChild(h('div.loading', '> LOADING...')); loadBridge().then(() => { if (tab === t) select(t); }); }
    else if (t === 'PERSONNEL') content.appendChild(personnelPanel(bridgeData));
    else if (t === 'LOGS') content.appendChild(logsPanel(bridgeData));
    else if (t === 'STATUS') { statusPanel = shipPanel(shipStatus); content.appendChild(statusPanel.el); }
  }
  drawTabs();
  select(tab);
  if (!bridgeData) loadBridge().then(() => { if (tab !== 'MAP' && tab !== 'CHARON') select(tab); });
  return {
    type: 'BRIDGE',
    update(np) { charon.setMode(np.charon_mode); },
    charonEvent(ev) {
      charon.applyEvent(ev);
      if (ev.channel === 'bridge' && tab !== 'CHARON') { charonDot = true; drawTabs(); }
    },
    shipChanged() { if (statusPanel) { const old = statusPanel; statusPanel = shipPanel(shipStatus, old.snapshot); old.el.replaceWith(statusPanel.el); } },
    destroy() { if (star) star.destroy(); },
  };
}


/** The ship's status changed (the GM's overrides): the STATUS tab redraws with it. */
export function setShipStatus(s) { shipStatus = s; }
