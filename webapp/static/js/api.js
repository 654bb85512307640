// Shared helpers: context-relative URLs, JSON fetch with server error text, CSRF, toasts.
// Every URL is derived from this module's own URL (<ctx>/static/js/api.js), so the app
// works under any context path and never references the server root.

/** <ctx>/ as an absolute URL string (ends with '/'). */
export const CTX = new URL('../../', import.meta.url).href;
/** <ctx>/api/ */
export const API = new URL('api/', CTX).href;

/** Resolve an API path like 'active-view/stream/' against <ctx>/api/. */
export function apiUrl(path) {
  return new URL(String(path).replace(/^\/+/, '').replace(/^api\//, ''), API).href;
}

/** URL of a page of the app, e.g. pageUrl('login/'). */
export function pageUrl(path) { return new URL(String(path).replace(/^\/+/, ''), CTX).href; }

/**
 * Map a campaign data path to <ctx>/data/<relative>.
 * Accepts '/data/campaign/x.png', 'data/campaign/x.png', 'campaign/x.png', 'galaxy/…/map/deck.png'.
 * Absolute http(s)/data:/blob: URLs are returned unchanged; empty → ''.
 */
export function dataUrl(p) {
  if (!p) return '';
  const s = String(p).trim();
  if (/^(https?:|data:|blob:)/i.test(s)) return s;
  const rel = s.replace(/^\/+/, '').replace(/^data\//, '');
  return new URL('data/' + rel.split('/').map(encodeURIComponent).join('/'), CTX).href;
}

let csrfToken = null;
export function setCsrf(t) { csrfToken = t || null; }
export function getCsrf() { return csrfToken; }

export class ApiError extends Error {
  constructor(message, status, body) { super(message); this.status = status; this.body = body; }
}

// A page that was signed in registers what to do when its login has really ended (any 401).
let unauthorizedHandler = null;
export function onUnauthorized(fn) { unauthorizedHandler = fn; }

async function handle(res) {
  if (res.status === 401 && unauthorizedHandler) unauthorizedHandler();
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!res.ok) {
    const msg = (body && (body.error || body.message)) || `${res.status} ${res.statusText || 'error'}`;
    throw new ApiError(msg, res.status, body);
  }
  return body;
}

export async function getJSON(path, opts = {}) {
  let res;
  try {
    res = await fetch(apiUrl(path), { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store', ...opts });
  } catch (e) { throw new ApiError('Network error: ' + (e && e.message || e), 0, null); }
  return handle(res);
}

export async function postJSON(path, body = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(apiUrl(path), { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body ?? {}) });
  } catch (e) { throw new ApiError('Network error: ' + (e && e.message || e), 0, null); }
  return handle(res);
}

// ---------- toasts ----------
let toastBox = null;
export function toast(msg, kind = 'info', ms) {
  if (!toastBox) {
    toastBox = document.createElement('div');
    toastBox.className = 'toasts';
    toastBox.setAttribute('data-testid', 'toasts');
    toastBox.setAttribute('aria-live', 'polite');
    // a page may keep a lane for them in its layout (the GM console's header), so a toast never covers a control
    (document.querySelector('[data-toast-lane]') || document.body).appendChild(toastBox);
  }
  const t = document.createElement('div');
  t.className = 'toast ' + kind;
  t.setAttribute('data-testid', kind === 'error' ? 'toast-error' : 'toast');
  t.textContent = msg;
  toastBox.appendChild(t);
  setTimeout(() => t.remove(), ms || (kind === 'error' ? 6000 : 2500));
  return t;
}

/** Run an async action; on failure toast the server's error text. Returns result or undefined. */
export async function attempt(fn, { ok, button } = {}) {
  if (button) { button.classList.add('busy'); button.disabled = true; }
  try {
    const r = await fn();
    if (ok) toast(typeof ok === 'function' ? ok(r) : ok, 'ok');
    return r;
  } catch (e) {
    toast(e && e.message ? e.message : String(e), 'error');
    return undefined;
  } finally {
    if (button) { button.classList.remove('busy'); button.disabled = false; }
  }
}

// ---------- tiny DOM helper ----------
/** h('div.cls#id', {attrs}, ...children) */
export function h(tag, attrs, ...children) {
  const m = /^([a-z0-9-]+)?((?:[.#][\w-]+)*)$/i.exec(tag) || [];
  const el = document.createElement(m[1] || 'div');
  (m[2] || '').replace(/([.#])([\w-]+)/g, (_, t, v) => { if (t === '.') el.classList.add(v); else el.id = v; });
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) { children.unshift(attrs); attrs = null; }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  appendAll(el, children);
  return el;
}
function appendAll(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) appendAll(el, c);
    else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Performance mode: ?perf=1 (stored), ?perf=0 clears. Adds body.perf. */
export function applyPerfMode() {
  const q = new URLSearchParams(location.search).get('perf');
  try {
    if (q === '1') localStorage.setItem('performanceMode', '1');
    else if (q === '0') localStorage.removeItem('performanceMode');
  } catch { /* storage unavailable */ }
  let on = q === '1';
  try { on = on || localStorage.getItem('performanceMode') === '1'; } catch { /* */ }
  document.body.classList.toggle('perf', on);
  return on;
}

/** Format an ISO-ish date 'YYYY-MM-DD[T ]HH:MM[:SS]' as 'MM/DD/YYYY, HH:MM' without timezone shifts. */
export function fmtDate(s) {
  if (!s) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(String(s));
  if (!m) return String(s);
  return `${m[2]}/${m[3]}/${m[1]}` + (m[4] ? `, ${m[4]}:${m[5]}` : '');
}
export function fmtTime(s) {
  const m = /[T ](\d{2}):(\d{2})/.exec(String(s || ''));
  return m ? `${m[1]}:${m[2]}` : '';
}

/** Current auth: {username, role, csrf_token} or null on 401/403. */
export async function whoami() {
  try {
    const me = await getJSON('auth/me/');
    if (me && me.csrf_token) setCsrf(me.csrf_token);
    return me;
  } catch (e) {
    if (e.status === 401 || e.status === 403) return null;
    throw e;
  }
}
export function redirectToLogin() {
  const next = location.pathname + location.search;
  location.href = pageUrl('login/') + '?next=' + encodeURIComponent(next);
}
