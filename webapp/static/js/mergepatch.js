// JSON Merge Patch (RFC 7396) for the display's stream (`?patch=1`): the server sends, after the first full
// `activeview` event, `activeview-patch` events computed once per change (Jakarta JSON Processing's createMergeDiff).

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The target with the patch applied, as RFC 7396 says: an object merges key by key, null removes the key, anything
 * else (arrays included) replaces. Nothing is changed in place: the parts the patch does not touch are the very same
 * objects as before, so a view can tell what changed by comparing references (`prev.encounter_tokens !== next...`).
 */
export function applyMergePatch(target, patch) {
  if (!isObject(patch)) return patch;
  const base = isObject(target) ? target : {};
  const out = { ...base };
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === null) { delete out[key]; continue; }
    // defineProperty: a key named "__proto__" is data, never the object's prototype
    Object.defineProperty(out, key, { value: applyMergePatch(base[key], value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The id of an `activeview-patch` event must follow the version the display holds; anything else is a gap. */
export function followsVersion(held, id) {
  const next = Number(id);
  return held !== null && Number.isFinite(next) && next === held + 1;
}
