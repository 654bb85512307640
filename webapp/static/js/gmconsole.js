// GM console. SSE is the truth; write responses are applied locally first for snappy feedback.
// The panels live in console/ (one module per concern); this module boots the page, owns the tabs and
// hands every payload to the panels.
import { getJSON, postJSON, toast, h, whoami, redirectToLogin, pageUrl } from './api.js';
import { connectLive, keepAwake } from './live.js';
import { initCharonAi } from './charon-ai.js';
import { $, S, setState } from './console/state.js';
import { drawViewControls, drawTree, loadLocations, loadJoin } from './console/views.js';
import { updateEncounter, encounterMap } from './console/encounter.js';
import { updateCharon, charonEvent, loadCharonChannels } from './console/charon-panel.js';
import { initShortcuts } from './console/shortcuts.js';
import { initMessagesCard, loadMessages, messageDeleted } from './console/admin.js';
import { loadShip, loadPlayers, loadStatus, loadRecipients } from './console/panels.js';
import { BridgePanel } from './gmbridge.js';
import { initSoundPanel, soundPanelUpdate } from './soundpanel.js';

let me = null;
let bridgePanel = null;    // the BRIDGE tab's panel (gmbridge.js)

// ---------------- boot ----------------
(async function boot() {
  try { me = await whoami(); } catch (e) { toast(e.message, 'error'); }
  if (!me || me.role !== 'gm') { redirectToLogin(); return; }
  $('whoami').textContent = me.username.toUpperCase();
  keepAwake();
  initMessagesCard();
  buildTabs();
  initShortcuts();
  loadLocations();
  loadJoin();
  // the GM's own payload and stream: hidden rooms and every token (the displays get only what is revealed)
  try { apply(await getJSON('gm/active-view/')); } catch (e) { toast(e.message, 'error'); }
  connectLive({ threshold: 2, onActiveView: apply, onCharon: charonEvent, onMessageDeleted: messageDeleted, path: 'gm/active-view/stream/', onFail: checkSignedIn });
  initCharonAi();
  initSoundPanel($('sound-panel'));
})();

/**
 * The GM stream is refused once the session is gone (a restart ends every session, a password reset too), and
 * EventSource cannot tell why: when it fails, ask the server who we are; signed out → back through the login.
 */
let checkingLogin = false;
async function checkSignedIn(failures) {
  if (checkingLogin || failures < 2) return;
  checkingLogin = true;
  try {
    const who = await whoami();
    if (!who || who.role !== 'gm') redirectToLogin();
  } catch { /* server unreachable: the stream keeps retrying */ } finally { checkingLogin = false; }
}

$('logout').addEventListener('click', async () => {
  try { await postJSON('auth/logout/', {}); } catch { /* ignore */ }
  location.href = pageUrl('login/');
});

// ---------------- tabs ----------------
const TABS = [['charon', 'CHARON'], ['bridge', 'BRIDGE'], ['encounter', 'ENCOUNTER'], ['ship', 'SHIP STATUS'], ['sound', 'SOUND'], ['broadcast', 'BROADCAST'], ['players', 'PLAYERS'], ['status', 'STATUS']];
let activeTab = localStorage.getItem('gm-tab') || 'encounter';
function buildTabs() {
  const bar = $('tabbar');
  bar.replaceChildren(...TABS.map(([id, label]) => h('button', { class: 'tab' + (id === activeTab ? ' active' : ''), 'data-testid': 'tab-' + id, onclick: () => selectTab(id) }, label)));
  selectTab(activeTab);
}
function selectTab(id) {
  activeTab = id;
  try { localStorage.setItem('gm-tab', id); } catch { /* */ }
  document.querySelectorAll('#tabbar .tab').forEach((b, i) => b.classList.toggle('active', TABS[i][0] === id));
  document.querySelectorAll('.tabpane').forEach(p => { p.hidden = p.id !== 'pane-' + id; });
  if (id === 'ship') loadShip();
  if (id === 'charon') loadCharonChannels();
  if (id === 'players') loadPlayers();
  if (id === 'status') loadStatus();
  if (id === 'broadcast') { loadRecipients(); loadMessages(); }
  if (id === 'encounter' && encounterMap()) encounterMap().render();
}

// ---------------- apply state ----------------
function apply(p) {
  const prev = S;
  setState(p);
  drawViewControls();
  drawTree();
  updateEncounter(prev);
  updateCharon(prev);
  (bridgePanel = bridgePanel || new BridgePanel($('bridge-body'))).update(p); // issue 18: the GM drives the BRIDGE
  soundPanelUpdate(p);
  if (prev && JSON.stringify(prev.ship_system_overrides) !== JSON.stringify(p.ship_system_overrides) && activeTab === 'ship') loadShip();
}
