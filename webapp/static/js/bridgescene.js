// What the 3D and the 2D star maps share: number and colour reading of the campaign's YAML-as-JSON, orbit and
// surface geometry, and the canvases textures are drawn from. No three.js here (the 2D map must not load it).

/** How long a camera move between views takes, from the moment a display gets the GM's change. */
export const TRANSITION_MS = 1200;
/** The shortest camera move, for a display that built its scene too slowly to land with the others. */
export const MIN_MOVE_MS = 300;

/** A campaign colour (0xRRGGBB as an integer, "0xRRGGBB", "#rrggbb") as an integer. */
export function colorOf(c, fallback = 0xc9a06a) {
  if (typeof c === 'number' && Number.isFinite(c)) return c & 0xffffff;
  if (typeof c === 'string') {
    const s = c.trim();
    if (/^0x[0-9a-f]{1,6}$/i.test(s)) return parseInt(s.slice(2), 16);
    if (/^#?[0-9a-f]{6}$/i.test(s)) return parseInt(s.replace('#', ''), 16);
  }
  return fallback;
}

export const css = (c, fallback) => '#' + colorOf(c, fallback).toString(16).padStart(6, '0');

export function num(v, fallback) {
  const n = typeof v === 'number' ? v : parseFloat(v);
  return Number.isFinite(n) ? n : fallback;
}

/** A point on a circular orbit of radius r at angle deg (degrees), tilted by incl (radians) about the x axis. */
export function orbitPosition(r, deg, incl, THREE) {
  const a = deg * Math.PI / 180;
  const x = r * Math.cos(a), z = r * Math.sin(a);
  return new THREE.Vector3(x, -z * Math.sin(incl), z * Math.cos(incl));
}

/** Latitude/longitude (degrees) on a sphere of radius r. */
export function latLonToVector(lat, lon, r, THREE) {
  const phi = (90 - lat) * Math.PI / 180, th = (lon + 180) * Math.PI / 180;
  return new THREE.Vector3(-r * Math.sin(phi) * Math.cos(th), r * Math.cos(phi), r * Math.sin(phi) * Math.sin(th));
}

/** A soft round glow (stars, coronae, nebula particles). */
export function glowCanvas() {
  const c = document.createElement('canvas');
  c.width = c.height = 64;
  const g = c.getContext('2d');
  const grad = g.createRadialGradient(32, 32, 0, 32, 32, 32);
  grad.addColorStop(0, 'rgba(255,255,255,1)');
  grad.addColorStop(0.25, 'rgba(255,255,255,0.55)');
  grad.addColorStop(1, 'rgba(255,255,255,0)');
  g.fillStyle = grad;
  g.fillRect(0, 0, 64, 64);
  return c;
}

/** A four-pointed glint across a star. */
export function glintCanvas() {
  const c = document.createElement('canvas');
  c.width = c.height = 128;
  const g = c.getContext('2d');
  for (const [w, h] of [[128, 3], [3, 128]]) {
    const grad = w > h ? g.createLinearGradient(0, 0, 128, 0) : g.createLinearGradient(0, 0, 0, 128);
    grad.addColorStop(0, 'rgba(255,255,255,0)');
    grad.addColorStop(0.5, 'rgba(255,255,255,0.9)');
    grad.addColorStop(1, 'rgba(255,255,255,0)');
    g.fillStyle = grad;
    g.fillRect(64 - w / 2, 64 - h / 2, w, h);
  }
  return c;
}

/**
 * A generated surface from the orbit map's texture_config (primary, secondary and tertiary colours, noise scale):
 * value noise in bands, polar caps in the tertiary colour. Deterministic per planet name, so every display
 * draws the same planet.
 */
export function planetCanvas(tc, name) {
  const W = 256, H = 128;
  const c = document.createElement('canvas');
  c.width = W; c.height = H;
  const g = c.getContext('2d');
  const img = g.createImageData(W, H);
  let seed = 0;
  for (const ch of String(name)) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  const grid = 16, vals = new Float32Array((grid + 1) * (grid + 1));
  for (let i = 0; i < vals.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; vals[i] = (seed >>> 8) / 16777216; }
  const scale = Math.max(0.5, num(tc.noise_scale, 2));
  const noise = (x, y) => {
    const gx = (x * grid) % grid, gy = Math.min(grid - 1, y * grid);
    const x0 = Math.floor(gx), y0 = Math.floor(gy), fx = gx - x0, fy = gy - y0;
    const at = (i, j) => vals[((j % (grid + 1)) * (grid + 1)) + ((i % grid))];
    const sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
    const a = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * sx, b = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * sx;
    return a + (b - a) * sy;
  };
  const rgb = (v) => [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  const p = rgb(colorOf(tc.primary_color, 0x557766)), s = rgb(colorOf(tc.secondary_color, 0x887755)), t = rgb(colorOf(tc.tertiary_color, 0xdddddd));
  for (let y = 0; y < H; y++) {
    const lat = Math.abs(y / H - 0.5) * 2;
    for (let x = 0; x < W; x++) {
      let n = 0, amp = 1, f = scale / 4;
      for (let o = 0; o < 3; o++) { n += noise((x / W) * f % 1, (y / H)) * amp; amp *= 0.5; f *= 2; }
      n /= 1.75;
      const mix = Math.min(1, Math.max(0, (n - 0.35) * 2.2));
      let col = [0, 1, 2].map(k => p[k] + (s[k] - p[k]) * mix);
      if (lat > 0.82) col = t;
      const i = (y * W + x) * 4;
      img.data[i] = col[0]; img.data[i + 1] = col[1]; img.data[i + 2] = col[2]; img.data[i + 3] = 255;
    }
  }
  g.putImageData(img, 0, 0);
  return c;
}

/** True when this browser can give us a WebGL context at all (checked without loading three.js). */
export function webglAvailable() {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') || c.getContext('webgl');
    if (gl) { const lose = gl.getExtension('WEBGL_lose_context'); if (lose) lose.loseContext(); }
    return !!gl;
  } catch { return false; }
}
