// The pieces of the BRIDGE star map's scenes (three.js): shared canvas textures, the star field, nebulae, rings.
import * as THREE from 'three';
import { colorOf, num, planetCanvas, glowCanvas, glintCanvas } from './bridgescene.js';

const cached = (make) => { let v = null; return () => (v = v || make()); };
export const glowTexture = cached(() => new THREE.CanvasTexture(glowCanvas()));
export const glintTexture = cached(() => new THREE.CanvasTexture(glintCanvas()));
export function planetTexture(config, name) {
  const tex = new THREE.CanvasTexture(planetCanvas(config, name));
  tex.colorSpace = THREE.SRGBColorSpace;
  return tex;
}

export function vec(v, fallback) {
  return Array.isArray(v) && v.length >= 3 ? v.slice(0, 3).map(x => num(x, 0)) : fallback;
}

export function textureUrl(path) {
  const s = String(path).replace(/^\/+/, '').replace(/^data\//, '');
  return new URL('../../data/' + s.split('/').map(encodeURIComponent).join('/'), import.meta.url).href;
}

export function starField(count, radius) {
  const pos = new Float32Array(count * 3);
  let seed = 7;
  const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  for (let i = 0; i < count; i++) {
    const u = rnd() * 2 - 1, th = rnd() * Math.PI * 2, r = radius * (0.7 + 0.3 * rnd());
    const s = Math.sqrt(1 - u * u);
    pos.set([r * s * Math.cos(th), r * u, r * s * Math.sin(th)], i * 3);
  }
  const geo = new THREE.BufferGeometry();
  geo.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  return new THREE.Points(geo, new THREE.PointsMaterial({ color: 0xbfe0e0, size: 1.6, sizeAttenuation: false, transparent: true, opacity: 0.7, depthWrite: false }));
}

export function nebula(n) {
  // the campaign's particle_count, capped: every particle is a blended quad, and software renderers pay per pixel
  const count = Math.min(300, Math.max(40, num(n.particle_count, 400)));
  const size = num(n.size, 30);
  const center = vec(n.position, [0, 0, 0]);
  const pos = new Float32Array(count * 3);
  let seed = 11 + count;
  const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const gauss = () => (rnd() + rnd() + rnd() - 1.5) / 1.5;
  for (let i = 0; i < count; i++) pos.set([center[0] + gauss() * size, center[1] + gauss() * size * 0.35, center[2] + gauss() * size], i * 3);
  const geo = new THREE.BufferGeometry();
  geo.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  return new THREE.Points(geo, new THREE.PointsMaterial({
    map: glowTexture(), color: colorOf(n.color, 0x2f8f8f), size: size * 0.3, transparent: true,
    opacity: Math.min(0.5, num(n.opacity, 0.25)), blending: THREE.AdditiveBlending, depthWrite: false }));
}

export function ring(inner, outer, color, opacity) {
  const geo = new THREE.RingGeometry(inner, outer, 96, 1);
  const mesh = new THREE.Mesh(geo, new THREE.MeshBasicMaterial({ color: colorOf(color, 0xd8c8b0), side: THREE.DoubleSide, transparent: true, opacity: Math.min(0.9, opacity), depthWrite: false }));
  mesh.rotation.x = -Math.PI / 2;
  return mesh;
}

let ringTex = null;
export function ringTexture() {
  if (ringTex) return ringTex;
  const c = document.createElement('canvas');
  c.width = c.height = 128;
  const g = c.getContext('2d');
  g.strokeStyle = '#ffffff';
  g.lineWidth = 6;
  g.beginPath();
  for (let i = 0; i < 4; i++) { g.moveTo(64 + 52 * Math.cos(i * Math.PI / 2 + 0.25), 64 + 52 * Math.sin(i * Math.PI / 2 + 0.25)); g.arc(64, 64, 52, i * Math.PI / 2 + 0.25, i * Math.PI / 2 + 1.3); }
  g.stroke();
  ringTex = new THREE.CanvasTexture(c);
  return ringTex;
}
