// Which star map an ENCOUNTER in space shows (issue 18.4, ui-behaviour §3.1): a system its system map, a planet its
// orbit map, a moon its planet's orbit map with the moon selected; anything else the galaxy with its system selected.
// A map the campaign does not have falls back one level up (BridgeMap.show).

const PLANETS = /planet|giant|world|dwarf/;

export function encounterBridge(p) {
  const type = String(p.location_type || '').toLowerCase();
  const ld = p.location_data || {};
  const system = ld.system_slug || '';
  if (type === 'system') return { map_level: 'SYSTEM', system_slug: p.location_slug, body_slug: '', selected: '' };
  if (type === 'moon') return { map_level: 'ORBIT', system_slug: system, body_slug: ld.parent_slug || '', selected: p.location_slug };
  if (PLANETS.test(type)) return { map_level: 'ORBIT', system_slug: system, body_slug: p.location_slug, selected: '' };
  return { map_level: 'GALAXY', system_slug: system, body_slug: '', selected: '' };
}

/** The location's own info panel: its name, type and description (shown while no other object is selected). */
export function locationInfo(p) {
  if (!p.location_slug) return null;
  const ld = p.location_data || {};
  return { name: p.location_name || p.location_slug, type: p.location_type || '', description: ld.description || p.location_description || '', slug: p.location_slug };
}
