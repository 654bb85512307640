// Live state over Server-Sent Events, shared by every page.
// - named events: activeview (full payload), keepalive ({interval_ms}), message, charon
// - `patch: true` asks for `?patch=1`: after the first full state, activeview-patch events (JSON Merge Patch) are
//   applied here and the handler gets the whole new state, as with full events; a gap in the ids reconnects (full state)
// - every state handled (parse, patch, handler) is measured as the Performance measure `charon-activeview`
// - watchdog: no event/keepalive for 2×interval → close + reopen
// - consecutive failures → banner "Connection lost — retrying..." after `threshold`
// - body.dataset.connection = "live" | "lost"; body.dataset.version = last event id/version
import { apiUrl } from './api.js';
import { applyMergePatch, followsVersion } from './mergepatch.js';

const RETRY_MS = 2500;
const DEFAULT_INTERVAL = 30000;
const STREAM_PATH = 'active-view/stream/';
const MEASURE = 'charon-activeview';
const MAX_MEASURES = 500;

/**
 * The stream to follow: `active-view/stream/`, or, for the browser tests, another path under the API
 * given as `?stream=<path>` (e.g. `?stream=test-control/silent-stream/`, a test-only stream that goes
 * quiet without closing). Only plain relative paths are accepted, so it never leaves this server's API.
 */
function streamPath(path) {
  const q = new URLSearchParams(location.search).get('stream');
  return q && /^[a-z0-9][a-z0-9_\-/]*$/i.test(q) ? q : path;
}

/** `path`: the displays follow the public stream (what players may see); the GM console passes its own. */
export function connectLive({ threshold = 5, onActiveView, onMessage, onMessageDeleted, onCharon, onOpen, onFail, path = STREAM_PATH, patch = false } = {}) {
  let es = null;
  let state = null;      // the last state handled, and its version (patches apply to it)
  let version = null;
  let measures = 0;
  let failures = 0;
  let interval = DEFAULT_INTERVAL;
  let watchdog = null;
  let retryTimer = null;
  let stopped = false;

  const banner = document.createElement('div');
  banner.className = 'conn-banner';
  banner.setAttribute('data-testid', 'connection-banner');
  banner.setAttribute('role', 'status');
  banner.textContent = 'Connection lost \u2014 retrying...';
  banner.hidden = true;
  document.body.appendChild(banner);
  document.body.dataset.connection = 'lost';

  function setLive(live) {
    document.body.dataset.connection = live ? 'live' : 'lost';
    if (live) banner.hidden = true;
  }

  function armWatchdog() {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      // Silent stream (proxy, sleeping laptop, dropped listener): reconnect now.
      fail(true);
    }, interval * 2);
  }

  function parse(e) {
    try { return JSON.parse(e.data); } catch { return null; }
  }

  function open() {
    clearTimeout(retryTimer);
    if (stopped) return;
    if (es) { try { es.close(); } catch { /* */ } }
    const url = apiUrl(streamPath(path));
    state = null; version = null;
    es = new EventSource(patch ? url + (url.includes('?') ? '&' : '?') + 'patch=1' : url);
    armWatchdog();
    es.addEventListener('open', () => {
      failures = 0;
      setLive(true);
      armWatchdog();
      onOpen && onOpen();
    });
    es.addEventListener('activeview', (e) => {
      const start = performance.now();
      armWatchdog();
      setLive(true);
      failures = 0;
      const data = parse(e);
      if (!data) return;
      handle(data, e.lastEventId, start);
    });
    es.addEventListener('activeview-patch', (e) => {
      const start = performance.now();
      armWatchdog();
      if (!followsVersion(version, e.lastEventId)) { open(); return; }   // a gap: start again from a full state
      const diff = parse(e);
      if (!diff) { open(); return; }
      handle(applyMergePatch(state, diff), e.lastEventId, start);
    });
    es.addEventListener('keepalive', (e) => {
      const d = parse(e);
      if (d && Number(d.interval_ms) > 0) interval = Number(d.interval_ms);
      armWatchdog();
    });
    es.addEventListener('message', (e) => {
      armWatchdog();
      const d = parse(e);
      if (d && onMessage) { try { onMessage(d); } catch (err) { console.error(err); } }
    });
    es.addEventListener('message-deleted', (e) => {
      armWatchdog();
      const d = parse(e);
      if (d && onMessageDeleted) { try { onMessageDeleted(d); } catch (err) { console.error(err); } }
    });
    es.addEventListener('charon', (e) => {
      armWatchdog();
      const d = parse(e);
      if (d && onCharon) { try { onCharon(d); } catch (err) { console.error(err); } }
    });
    es.addEventListener('error', () => fail(false));
  }

  function handle(data, id, start) {
    state = data;
    version = id !== undefined && id !== '' && Number.isFinite(Number(id)) ? Number(id) : null;
    const v = id || data.version;
    if (v !== undefined && v !== '') document.body.dataset.version = String(v);
    try { onActiveView && onActiveView(data, id); } catch (err) { console.error('activeview handler failed', err); }
    if (++measures > MAX_MEASURES) { performance.clearMeasures(MEASURE); measures = 1; }
    performance.measure(MEASURE, { start, end: performance.now() });
  }

  function fail(immediate) {
    if (stopped) return;
    clearTimeout(watchdog);
    if (es) { try { es.close(); } catch { /* */ } es = null; }
    failures += 1;
    document.body.dataset.connection = 'lost';
    if (failures >= threshold) banner.hidden = false;
    try { onFail && onFail(failures); } catch (err) { console.error(err); }
    clearTimeout(retryTimer);
    retryTimer = setTimeout(open, immediate ? 0 : RETRY_MS);
  }

  open();
  return {
    close() { stopped = true; clearTimeout(watchdog); clearTimeout(retryTimer); if (es) es.close(); },
    reconnect() { failures = 0; open(); },
    get failures() { return failures; },
  };
}

/** Keep the screen awake where the Wake Lock API exists; re-acquire when the page becomes visible. */
export function keepAwake() {
  if (!('wakeLock' in navigator)) return;
  let lock = null;
  const acquire = async () => {
    if (document.visibilityState !== 'visible' || lock) return;
    try {
      lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => { lock = null; });
    } catch { lock = null; /* needs a user gesture / secure context on some browsers */ }
  };
  document.addEventListener('visibilitychange', acquire);
  // some browsers require a user gesture: retry on the first interaction
  document.addEventListener('pointerdown', acquire, { passive: true });
  acquire();
}
