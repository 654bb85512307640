// Display, ENCOUNTER: the location's map (deck card and legend) or, for a system or an orbit, the star map.
import { h } from '../api.js';
import { EncounterMap, resolveDeck } from '../map.js';
import { BridgeMap } from '../bridgemap.js';
import { encounterBridge, locationInfo } from '../bridgeview.js';
import { viewEl, setHeader } from './screen.js';

const MAP_TYPES = new Set(['station', 'ship', 'base', 'deck', 'room', 'level', 'section']);

export function encounterView(p) {
  const root = h('div.encounter', { 'data-testid': 'encounter' });
  viewEl.replaceChildren(root);
  let kind = null;   // 'map' | 'space'
  let map = null, star = null;
  let key = null;
  let deckGeometry = null;   // the shown deck as last received, to notice newly revealed rooms
  let shownDeck = null;
  const deckCard = h('div.deck-card.panel', { 'data-testid': 'deck-indicator', hidden: true });
  let deckCardShown = null;
  const legend = buildLegend();

  function update(p) {
    const ltype = String(p.location_type || '').toLowerCase();
    const isMap = MAP_TYPES.has(ltype);
    const locName = p.location_name || p.location_slug || '';
    setHeader(p.location_slug ? String(locName).toUpperCase() : 'DEEP SPACE', '', { typed: true });
    if (isMap) {
      const mapObj = p.location_data ? p.location_data.map : null;
      const deck = resolveDeck(mapObj);
      const k = `map|${p.location_slug}|${(mapObj && mapObj.current_deck_id) || p.encounter_deck_id || ''}|${deck ? (deck.deck_id || deck.slug || deck.name || '') : 'none'}`;
      if (kind !== 'map') {
        kind = 'map';
        if (star) { star.destroy(); star = null; }
        root.replaceChildren();
        const host = h('div.map-host');
        root.append(host, deckCard, legend);
        map = new EncounterMap(host, {
          // Token moves are the GM's (the server refuses them from displays).
          mode: 'display', playerDrag: false,
        });
        key = null;
      }
      // the server sends only the revealed rooms: the same deck changes as the GM reveals them
      // the map keeps clear of the side column (deck card, legend): neither ever covers a room; set before the
      // map is drawn, which sizes itself (a phone's first zoom) to the room it has
      legend.hidden = !(deck && deck.rooms);
      deckCard.hidden = !((Number(p.encounter_total_decks) || 1) > 1);
      root.classList.toggle('has-legend', !legend.hidden);
      root.classList.toggle('has-decks', !deckCard.hidden);
      // a patched state keeps the very deck object while the deck is unchanged: no need to serialize it again
      const geometry = deck && deck === shownDeck ? deckGeometry : (deck ? JSON.stringify(deck) : '');
      shownDeck = deck;
      if (k !== key) { key = k; deckGeometry = geometry; map.setDeck(deck, { locationName: locName }); }
      else if (geometry !== deckGeometry) { deckGeometry = geometry; map.refreshDeck(deck, { locationName: locName }); }
      map.update({ vis: p.encounter_room_visibility || {}, doors: p.encounter_door_status || {}, tokens: p.encounter_tokens || {} });
      const total = Number(p.encounter_total_decks) || 1;
      deckCard.hidden = !(total > 1);
      // drawn again only when it changes: a token move must not cost the page a layout pass
      const card = [p.encounter_level ?? 1, total, String(p.encounter_deck_name || '').toUpperCase()];
      if (card.join('|') !== deckCardShown) {
        deckCardShown = card.join('|');
        deckCard.replaceChildren(
          h('div.panel-title', 'DECK'),
          h('div.deck-num', h('b', { 'data-testid': 'deck-level' }, String(card[0])), h('span', ' / ' + total)),
          h('div.deck-name', { 'data-testid': 'deck-name' }, card[2]));
      }

    } else {
      const k = `space|${p.location_slug}`;
      if (kind !== 'space') {
        kind = 'space';
        root.replaceChildren();
        map = null;
        star = new BridgeMap(root);
      }
      if (k !== key) {
        key = k;
        // issue 18: a system shows its system map, a planet or moon its orbit map, with the location's info panel
        star.setSubtitle(p.location_slug ? `${String(locName).toUpperCase()}${ltype && ltype !== 'unknown' ? ' // ' + ltype.toUpperCase() : ''}` : '');
        star.show(encounterBridge(p), locationInfo(p));
      }
    }
  }
  update(p);
  return { type: 'ENCOUNTER', update, destroy() { if (star) star.destroy(); } };
}

function buildLegend() {
  const sw = (cls, extra = '') => `<svg viewBox="0 0 40 16" class="lg-sw"><rect x="1" y="1" width="38" height="14" class="${cls}"/>${extra}</svg>`;
  const el = h('div.legend.panel', { 'data-testid': 'map-legend' });
  el.innerHTML = `<button class="panel-title lg-toggle" data-testid="legend-toggle" aria-expanded="true">LEGEND</button><div class="panel-body">
    <div class="lg-h">DOORS</div>
    <div class="lg-row">${sw('lg-standard', '<line x1="20" y1="1" x2="20" y2="15" stroke="#0a0a0a" stroke-width="2"/>')} STANDARD</div>
    <div class="lg-row">${sw('lg-airlock', '<rect x="6" y="4" width="28" height="8" fill="none" stroke="#0a0a0a" stroke-width="2"/>')} AIRLOCK</div>
    <div class="lg-row">${sw('lg-blast', '<path d="M3 2 L37 14 M37 2 L3 14" stroke="#0a0a0a" stroke-width="2"/>')} BLAST DOOR</div>
    <div class="lg-row">${sw('lg-emergency', '<line x1="12" y1="8" x2="28" y2="8" stroke="#0a0a0a" stroke-width="2"/>')} EMERGENCY</div>
    <div class="lg-h">STATUS</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="1" y="1" width="38" height="14" fill="#0a0a0a" stroke="#c9a06a" stroke-width="2"/><circle cx="20" cy="7" r="2.5" fill="#c9a06a"/></svg> LOCKED</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="2" y="2" width="36" height="12" fill="#0a0a0a" stroke="#e05050" stroke-width="3"/></svg> SEALED</div>
    <div class="lg-h">POINTS OF INTEREST</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><path d="M20 2 L27 14 L13 14 Z" fill="#c9a06a"/></svg> OBJECTIVE</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="15" y="3" width="10" height="10" fill="#7fa3a3"/></svg> ITEM</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><path d="M20 2 L27 14 L13 14 Z" fill="#c46a6a"/></svg> HAZARD</div>
    <div class="lg-row"><svg viewBox="0 0 40 16" class="lg-sw"><rect x="13" y="3" width="14" height="9" fill="none" stroke="#c9a06a" stroke-width="2"/></svg> TERMINAL</div>
  </div>`;
  // collapsible; folded at first on a phone, where the map needs the whole width
  const toggle = el.querySelector('.lg-toggle');
  const fold = (folded) => { el.classList.toggle('collapsed', folded); toggle.setAttribute('aria-expanded', String(!folded)); };
  toggle.addEventListener('click', () => fold(!el.classList.contains('collapsed')));
  fold(matchMedia('(max-width: 700px)').matches);
  return el;
}
