// GM console: the view buttons, the location tree (with each location's terminals) and the join address.
import { getJSON, toast, h } from '../api.js';
import qrcode from '../vendor/qrcode.mjs';
import { $, S, post } from './state.js';

let locations = [];
// ---------------- view controls ----------------
const VIEWS = [['STANDBY', 'STANDBY'], ['BRIDGE', 'BRIDGE'], ['ENCOUNTER', 'ENCOUNTER'], ['CHARON', 'CHARON_TERMINAL']];
export function drawViewControls() {
  const box = $('view-controls');
  box.replaceChildren(...VIEWS.map(([label, vt]) => h('button', {
    class: 'btn view-btn' + (S && S.view_type === vt ? ' active' : ''), 'data-testid': 'view-btn-' + label, 'aria-pressed': String(!!S && S.view_type === vt),
    onclick: (e) => post('gm/switch-view/', { view_type: vt, location_slug: vt === 'ENCOUNTER' ? (S && S.location_slug) || '' : '' }, `VIEW → ${label}`, e.currentTarget),
  }, label)));
  // people-facing: the view's button label and the location's name, never an id
  const label = S ? (VIEWS.find(([, vt]) => vt === S.view_type) || [S.view_type])[0] : '';
  const place = S && S.location_slug ? String(S.location_name || findLoc(S.location_slug)?.name || S.location_slug).toUpperCase() : '';
  $('cur-view').textContent = S ? `${label}${place ? ' // ' + place : ''}` : '';
}

// ---------------- location tree ----------------
let treeOpen = {};
try { treeOpen = JSON.parse(localStorage.getItem('gm-console-tree') || '{}'); } catch { /* */ }
export async function loadLocations() {
  try { locations = (await getJSON('gm/locations/')).locations || []; } catch (e) { toast('Locations: ' + e.message, 'error'); locations = []; }
  drawTree();
}
export function drawTree() {
  const root = $('tree');
  const enc = S && S.view_type === 'ENCOUNTER';
  const node = (n, depth) => {
    const hasKids = (n.children || []).length || (n.terminals || []).length;
    const open = !!treeOpen[n.slug];
    const sel = S && S.location_slug === n.slug;
    const row = h('div', { class: 'tree-row' + (sel ? ' selected' : ''), style: { paddingLeft: depth * 14 + 'px' } },
      hasKids ? h('button.twisty', { 'aria-label': (open ? 'collapse ' : 'expand ') + (n.name || n.slug), 'aria-expanded': String(open), onclick: () => { treeOpen[n.slug] = !open; localStorage.setItem('gm-console-tree', JSON.stringify(treeOpen)); drawTree(); } }, open ? '−' : '+')
        : h('span.twisty.leaf', { 'aria-hidden': 'true' }, '·'),
      // one click shows the location on every display, from any view (issue 17)
      h('button', {
        class: 'loc-name', 'data-testid': 'loc-' + n.slug, 'aria-current': String(!!(sel && enc)), title: n.has_map ? 'Show this map on the displays' : 'Show this place on the displays',
        onclick: (e) => { if (!(sel && enc)) post('gm/switch-view/', { view_type: 'ENCOUNTER', location_slug: n.slug }, `ENCOUNTER → ${n.name || n.slug}`, e.currentTarget); },
      }, n.name || n.slug),
      h('span.tag', String(n.type || '').toUpperCase()), n.has_map ? h('span.tag.map', 'MAP') : null);
    const kids = [];
    if (open) {
      for (const t of n.terminals || []) {
        const shown = S && S.overlay_location_slug === n.slug && S.overlay_terminal_slug === t.slug;
        kids.push(h('div.tree-row.term', { style: { paddingLeft: (depth + 1) * 14 + 18 + 'px' } },
          h('span.term-ico', '▣'), h('span.term-name', t.name || t.slug), t.owner ? h('span.tag.owner', t.owner) : null,
          h('button', {
            class: 'btn small' + (shown ? ' active' : ''), 'data-testid': `show-terminal-${n.slug}-${t.slug}`, 'aria-pressed': String(!!shown),
            onclick: (e) => post('gm/show-terminal/', shown ? { location_slug: '', terminal_slug: '' } : { location_slug: n.slug, terminal_slug: t.slug }, shown ? 'Terminal hidden' : 'Terminal shown', e.currentTarget),
          }, shown ? 'HIDE' : 'SHOW')));
      }
      for (const c of n.children || []) kids.push(node(c, depth + 1));
    }
    return h('div.tree-node', row, ...kids);
  };
  root.replaceChildren(...locations.map(n => node(n, 0)));
  if (!locations.length) root.appendChild(h('div.muted', '> NO LOCATIONS'));
}
export function findLoc(slug, list = locations) {
  for (const n of list) { if (n.slug === slug) return n; const f = findLoc(slug, n.children || []); if (f) return f; }
  return null;
}

// ---------------- join address + QR ----------------
export async function loadJoin() {
  const box = $('join');
  try {
    const d = await getJSON('gm/join/');
    const urls = d.display_urls || [];
    if (!urls.length) { box.replaceChildren(h('div.muted', 'No LAN address found')); return; }
    const qr = qrcode(0, 'M');
    qr.addData(urls[0]);
    qr.make();
    const qrEl = h('div.qr', { 'data-testid': 'join-qr', title: urls[0] });
    qrEl.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
    box.replaceChildren(qrEl, h('div.join-urls', h('div.lbl', 'DISPLAYS JOIN AT'), ...urls.map((u, i) => h('div', { class: 'join-url' + (i ? ' alt' : ''), 'data-testid': 'join-url-' + i }, u))));
  } catch (e) { box.replaceChildren(h('div.err', 'Join address: ' + e.message)); }
}
