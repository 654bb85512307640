// Display, BRIDGE: the tabs (star map, personnel, session logs, ship status, CHARON).
import { getJSON, h } from '../api.js';
import { CharonTerminal } from '../charon.js';
import { BridgeMap } from '../bridgemap.js';
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
  // issue 17.4/18.3: the GM chooses the tab and the selections (payload key `bridge`); every display follows
  let bridge = p.bridge || {};
  let tab = BRIDGE_TABS.includes(bridge.tab) ? bridge.tab : 'MAP';
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
    if (t === 'CHARON') charonDot = false;
    drawTabs();
    if (star && t !== 'MAP') { star.destroy(); star = null; }
    statusPanel = null;
    content.replaceChildren();
    if (t === 'MAP') { if (!star) star = new BridgeMap(content); else content.appendChild(star.root); star.show(bridge); }
    else if (t === 'CHARON') { content.appendChild(charonHost); charon.scroll(); charon.focus(); }
    else if (!bridgeData) { content.appendChild(h('div.loading', '> LOADING...')); loadBridge().then(() => { if (tab === t) select(t); }); }
    else if (t === 'PERSONNEL') content.appendChild(personnelPanel(bridgeData, bridge.person));
    else if (t === 'LOGS') content.appendChild(logsPanel(bridgeData, bridge.log));
    else if (t === 'STATUS') { statusPanel = shipPanel(shipStatus); content.appendChild(statusPanel.el); }
  }
  drawTabs();
  select(tab);
  if (!bridgeData) loadBridge().then(() => { if (tab !== 'MAP' && tab !== 'CHARON') select(tab); });
  return {
    type: 'BRIDGE',
    update(np) {
      charon.setMode(np.charon_mode);
      const next = np.bridge || {};
      if (JSON.stringify(next) === JSON.stringify(bridge)) return;
      const before = bridge;
      bridge = next;
      if (next.tab !== tab || (tab === 'PERSONNEL' && next.person !== before.person) || (tab === 'LOGS' && next.log !== before.log)) select(BRIDGE_TABS.includes(next.tab) ? next.tab : 'MAP');
      else if (tab === 'MAP' && star) star.show(bridge);
    },
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
