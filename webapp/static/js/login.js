import { postJSON, pageUrl, CTX, applyPerfMode } from './api.js';
applyPerfMode();
const form = document.getElementById('login-form');
const err = document.getElementById('login-error');
const btn = document.getElementById('login-submit');

/** `next` only if it is a same-origin relative path (no scheme, no '//' host, no backslash tricks). */
export function safeNext(raw) {
  if (!raw || typeof raw !== 'string') return null;
  if (!raw.startsWith('/') && !raw.startsWith('./') && !raw.startsWith('../') && !/^[\w-]/.test(raw)) return null;
  if (raw.startsWith('//') || raw.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(raw)) return null;
  try {
    const u = new URL(raw, location.href);
    if (u.origin !== location.origin) return null;
    if (!u.href.startsWith(CTX)) return null; // stay inside the application
    return u.href;
  } catch { return null; }
}

// Why the login page opened instead of the page that sent us here (a code, never text from the URL).
const REASONS = { ended: 'Your login has ended (logged out, password changed, or idle too long). Log in to go on.' };
const reason = REASONS[new URLSearchParams(location.search).get('reason')];
const reasonLine = document.getElementById('login-reason');
if (reason && reasonLine) { reasonLine.textContent = reason; reasonLine.hidden = false; }

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  err.textContent = '';
  btn.disabled = true;
  try {
    const r = await postJSON('auth/login/', { username: form.username.value.trim(), password: form.password.value });
    const next = safeNext(new URLSearchParams(location.search).get('next'));
    location.href = next || pageUrl(r && r.role === 'gm' ? 'gmconsole/' : 'messages/');
  } catch (ex) {
    err.textContent = ex.message || 'Login failed';
    form.password.select();
  } finally { btn.disabled = false; }
});
