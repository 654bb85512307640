// GM console, ENCOUNTER tab: the map preview, deck levels, room visibility and NPC portraits.
import { getJSON, postJSON, attempt, toast, h, dataUrl } from '../api.js';
import { EncounterMap, resolveDeck } from '../map.js';
import { $, S, MAP_TYPES, post } from './state.js';
import { drawTokensCard, drawTokensCount, doorClicked, tokenPopup, closePopupIfStale } from './tokens.js';

// ---------------- ENCOUNTER tab ----------------
let gmMap = null, mapKey = '', allDecks = null, allDecksSlug = '';
export function encounterMap() { return gmMap; }
export async function updateEncounter(prev) {
  const pane = $('enc-body');
  const enc = S.view_type === 'ENCOUNTER' && S.location_slug;
  if (!enc) {
    mapKey = ''; gmMap = null; allDecks = null; allDecksSlug = '';
    pane.replaceChildren(h('div.empty-state', { 'data-testid': 'encounter-empty' }, 'Switch to ENCOUNTER and pick a location in the tree.'));
    return;
  }
  const ltype = String(S.location_type || '').toLowerCase();
  if (!MAP_TYPES.has(ltype)) {
    mapKey = ''; gmMap = null;
    pane.replaceChildren(h('div.empty-state', `Displaying system/orbit view for ${S.location_name || S.location_slug} — no room controls.`));
    portraitsCard(pane, true);
    return;
  }
  if (!pane.querySelector('#enc-grid')) {
    // the map is the control and takes the room; everything else scrolls in the side column (issue 17)
    pane.replaceChildren(h('div#enc-grid',
      h('section.card#card-map', h('h3', 'MAP PREVIEW', h('span.hint', 'click a room: reveal/hide · click a door: next state · drag tokens'),
        h('span.hdr-btns',
          h('button.btn.small', { 'data-testid': 'reveal-all', title: 'Reveal every room (A)', onclick: (e) => setAllRooms(true, e.currentTarget) }, 'REVEAL ALL'),
          h('button.btn.small', { 'data-testid': 'hide-all', title: 'Hide every room (X)', onclick: (e) => setAllRooms(false, e.currentTarget) }, 'HIDE ALL'))),
        h('div#gm-map-host')),
      h('div#enc-side',
        h('section.card#card-decks', h('h3', 'DECK LEVEL'), h('div.card-body#deck-btns')),
        h('section.card#card-rooms', h('h3', 'ROOM VISIBILITY'), h('div.card-body#rooms-body')),
        h('section.card#card-portraits', h('h3', 'NPC PORTRAITS'), h('div.card-body#portraits-body')),
        h('section.card#card-tokens', h('h3', 'TOKENS'), h('div.card-body#tokens-body')))));
    gmMap = new EncounterMap($('gm-map-host'), {
      mode: 'gm',
      onDoorClick: doorClicked,
      onRoomClick: (r) => toggleRoom(r.id, (S.encounter_room_visibility || {})[r.id] === false),
      onTokenClick: tokenPopup,
      onTokenMove: async (id, x, y, roomId) => {
        const r = await attempt(() => postJSON('gm/encounter/move-token/', { token_id: id, x, y, room_id: roomId }));
        if (!r) return false;
        if (r.tokens) gmMap.update({ tokens: r.tokens });
        return true;
      },
      onRejectedMove: () => toast('Cell occupied or outside a room', 'error'),
    });
    mapKey = '';
    drawTokensCard();
  }
  if (allDecksSlug !== S.location_slug) {
    allDecksSlug = S.location_slug; allDecks = null;
    getJSON(`gm/encounter-map/${encodeURIComponent(S.location_slug)}/all-decks/`).then(d => { allDecks = d; drawDecks(); drawRooms(); })
      .catch(e => { allDecks = { decks: [] }; toast('Decks: ' + e.message, 'error'); drawDecks(); drawRooms(); });
  }
  const mapObj = S.location_data ? S.location_data.map : null;
  const deck = resolveDeck(mapObj);
  const key = `${S.location_slug}|${(mapObj && mapObj.current_deck_id) || S.encounter_deck_id}|${deck ? deck.deck_id || deck.slug || '' : ''}`;
  if (key !== mapKey) { mapKey = key; gmMap.setDeck(deck, { locationName: S.location_name }); addDeckLabel(deck); }
  gmMap.update({ vis: S.encounter_room_visibility || {}, doors: S.encounter_door_status || {}, tokens: S.encounter_tokens || {} });
  drawDecks(); drawRooms(); portraitsCard(null); drawTokensCount();
  closePopupIfStale();
}
function addDeckLabel(deck) {
  const host = $('gm-map-host');
  host.querySelector('.deck-label')?.remove();
  if (deck) host.appendChild(h('div.deck-label', String(deck.name || S.encounter_deck_name || '').toUpperCase()));
}
function drawDecks() {
  const box = $('deck-btns');
  if (!box) return;
  const mapObj = S.location_data ? S.location_data.map : null;
  if (!mapObj || !mapObj.is_multi_deck) { box.replaceChildren(h('div.muted', 'Single deck map - no level switching available')); return; }
  const decks = (mapObj.manifest && mapObj.manifest.decks) || [];
  const cur = mapObj.current_deck_id || S.encounter_deck_id;
  box.replaceChildren(...decks.map(d => h('button', {
    class: 'btn' + (d.id === cur ? ' active' : ''), 'data-testid': 'deck-btn-' + d.id,
    onclick: (e) => post('gm/encounter/switch-level/', { level: d.level ?? 1, deck_id: d.id }, `Deck → ${d.name || d.id}`, e.currentTarget),
  }, `L${d.level ?? 1} · ${String(d.name || d.id).toUpperCase()}`)));
}
/** The next (1) or previous (-1) deck of a multi-deck map. */
export function switchDeck(dir) {
  const mapObj = S.location_data ? S.location_data.map : null;
  if (!mapObj || !mapObj.is_multi_deck) return;
  const decks = (mapObj.manifest && mapObj.manifest.decks) || [];
  const i = decks.findIndex(d => d.id === (mapObj.current_deck_id || S.encounter_deck_id));
  const d = decks[i + dir];
  if (d) post('gm/encounter/switch-level/', { level: d.level ?? 1, deck_id: d.id }, `Deck → ${d.name || d.id}`);
}
function drawRooms() {
  const box = $('rooms-body');
  if (!box) return;
  if (!allDecks) { box.replaceChildren(h('div.muted', 'Loading rooms...')); return; }
  const vis = S.encounter_room_visibility || {};
  const rows = [];
  for (const d of [...(allDecks.decks || [])].sort((a, b) => (a.level ?? 1) - (b.level ?? 1))) {
    rows.push(h('div.room-hdr', `LEVEL ${d.level ?? 1} - ${String(d.name || d.id).toUpperCase()}`));
    for (const r of [...(d.rooms || [])].sort((a, b) => String(a.name).localeCompare(String(b.name)))) {
      const on = vis[r.id] !== false;
      const st = String(r.status || 'OPERATIONAL').toUpperCase();
      rows.push(h('label', { class: 'room-row' + (on ? '' : ' off') },
        h('span.rn', String(r.name || r.id).toUpperCase()), h('span', { class: 'rst st-' + st }, `[${st}]`),
        h('input', {
          type: 'checkbox', class: 'switch', role: 'switch', checked: on, 'data-testid': 'reveal-' + r.id, 'data-visible': String(on),
          onchange: async (e) => {
            const el = e.currentTarget; const want = el.checked;
            if (!(await toggleRoom(r.id, want))) el.checked = !want;
          },
        })));
    }
  }
  box.replaceChildren(...rows);
}
/** Reveal (true) or hide a room, from its switch, the map or a shortcut; true once the server took it. */
async function toggleRoom(id, visible) {
  const res = await attempt(() => postJSON('gm/encounter/toggle-room/', { room_id: id, visible }));
  if (!res) return false;
  if (res.room_visibility) { S.encounter_room_visibility = res.room_visibility; gmMap && gmMap.update({ vis: res.room_visibility }); drawRooms(); }
  return true;
}
export async function setAllRooms(visible, btn) {
  const ids = (allDecks && allDecks.decks || []).flatMap(d => (d.rooms || []).map(r => r.id));
  const rv = Object.fromEntries(ids.map(id => [id, visible]));
  const res = await post('gm/encounter/room-visibility/', { room_visibility: rv }, visible ? 'All rooms revealed' : 'All rooms hidden', btn);
  if (res && res.room_visibility) { S.encounter_room_visibility = res.room_visibility; gmMap && gmMap.update({ vis: res.room_visibility }); drawRooms(); }
}
function portraitsCard(pane, standalone) {
  let box = $('portraits-body');
  if (standalone && pane) { box = h('div.card-body#portraits-body'); pane.appendChild(h('section.card', h('h3', 'NPC PORTRAITS'), box)); }
  if (!box) return;
  const npcs = Object.values(S.encounter_npc_data || {});
  const active = S.encounter_active_portraits || [];
  box.replaceChildren(...npcs.map(n => {
    const on = active.includes(n.id);
    return h('div.npc-row', n.portrait ? h('img.npc-thumb', { src: dataUrl(n.portrait), alt: '' }) : h('span.npc-thumb.none', '?'), h('span.rn', n.name),
      h('button', { class: 'btn small' + (on ? ' active' : ''), 'data-testid': 'portrait-btn-' + n.id, 'aria-pressed': String(on),
        onclick: (e) => post('gm/encounter/toggle-portrait/', { npc_id: n.id }, on ? 'Portrait dismissed' : 'Portrait shown', e.currentTarget) }, on ? 'DISMISS' : 'SHOW'));
  }));
  if (!npcs.length) box.appendChild(h('div.muted', 'No NPCs with ids in npcs.yaml'));
}
