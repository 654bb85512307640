// The encounter map's tokens: a token whose data did not change keeps its node; a move only translates it.
import { dataUrl } from './api.js';
import { s, title, tokenVisibleToPlayers } from './map-shapes.js';

/**
 * Tokens: a token whose data did not change keeps its node; a token that only moved keeps it too, translated (the
 * most frequent event at the table: no new nodes, no new clip path); a changed one gets a new node in place, a gone
 * one is removed. `rebuild` starts again from an empty layer (after the whole map was drawn again).
 */
export function drawTokens(map, rebuild = false) {
  if (!map.svg) return;
  const gm = map.isGM(), vis = map.state.vis, L = map.layers;
  if (rebuild || !map.tokenNodes) { map.tokenNodes = new Map(); L.tokens.replaceChildren(); }
  const seen = new Set();
  for (const [id, tok0] of Object.entries(map.state.tokens || {})) {
    if (!tok0) continue;
    const pm = map.pendingMoves.get(id);
    const tok = pm ? { ...tok0, x: pm.x, y: pm.y } : tok0;
    if (!gm && !tokenVisibleToPlayers(tok, vis)) continue;
    seen.add(id);
    const key = JSON.stringify(tok);
    const had = map.tokenNodes.get(id);
    if (had && had.key === key) continue;
    const look = JSON.stringify({ ...tok, x: 0, y: 0 });   // all but the place: the same look is only moved
    if (had && had.look === look) { place(map, had.node, tok); map.tokenNodes.set(id, { key, look, node: had.node, tok }); continue; }
    if (had) map.dropClip(id);
    const node = tokenNode(map, id, tok);
    if (had) had.node.replaceWith(node); else L.tokens.appendChild(node);
    map.tokenNodes.set(id, { key, look, node, tok });
  }
  for (const [id, had] of map.tokenNodes) {
    if (!seen.has(id)) { had.node.remove(); map.dropClip(id); map.tokenNodes.delete(id); }
  }
}

/** Puts the token's node at its cell: the node is drawn around (0, 0) and translated to the cell's centre. */
function place(map, g, tok) {
  const u = map.unit;
  const cx = (Number(tok.x) + 0.5) * u, cy = (Number(tok.y) + 0.5) * u;
  g.dataset.cx = cx; g.dataset.cy = cy;
  g.setAttribute('transform', `translate(${cx} ${cy})`);
  g.setAttribute('data-x', tok.x); g.setAttribute('data-y', tok.y);
}

function tokenNode(map, id, tok) {
  const u = map.unit;
  const cx = 0, cy = 0, r = u * 0.4;
  const status = Array.isArray(tok.status) ? tok.status.map(String) : [];
  const type = String(tok.type || 'object').toLowerCase();
  const g = s('g', {
    class: `token k-${type} ${status.map(x => 'st-' + x).join(' ')}`,
    'data-testid': 'token-' + id, 'data-status': status.join(','),
    'data-type': type, 'data-name': tok.name || '', 'data-room': tok.room_id || '',
  });
  place(map, g, tok);
  g.appendChild(s('circle', { class: 'token-body', cx, cy, r }));
  if (tok.image_url) {
    const cid = map.clipId(id);
    map.defs.appendChild(s('clipPath', { id: cid }, s('circle', { cx, cy, r: r - 2 })));
    const img = s('image', { href: dataUrl(tok.image_url), x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, 'clip-path': `url(#${cid})`, preserveAspectRatio: 'xMidYMid slice' });
    g.appendChild(img);
  } else {
    const fs = Math.max(r, map.minLabel || 0);
    const t = s('text', { class: 'token-initial', x: cx, y: cy + fs * 0.36, 'text-anchor': 'middle', 'font-size': fs });
    t.textContent = String(tok.name || '?').trim().charAt(0).toUpperCase() || '?';
    g.appendChild(t);
  }
  if (status.includes('panicked')) g.appendChild(s('circle', { class: 'mark-panicked', cx, cy, r: r + 5 }));
  if (status.includes('wounded')) g.appendChild(s('circle', { class: 'mark-wounded', cx: cx + r * 0.72, cy: cy - r * 0.72, r: u * 0.1 }));
  if (status.includes('stunned')) g.appendChild(s('circle', { class: 'mark-stunned', cx: cx - r * 0.72, cy: cy - r * 0.72, r: u * 0.09 }));
  if (status.includes('dead')) {
    const d = r * 0.6;
    g.appendChild(s('path', { class: 'mark-dead', d: `M${cx - d} ${cy - d} L${cx + d} ${cy + d} M${cx + d} ${cy - d} L${cx - d} ${cy + d}` }));
  }
  g.appendChild(title(`${tok.name || id} (${type})`));
  // the token as drawn now: a move keeps this node
  g.addEventListener('pointerdown', (e) => map.tokenPointerDown(e, id, (map.tokenNodes.get(id) || { tok }).tok, g));
  return g;
}
