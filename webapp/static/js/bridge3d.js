// The BRIDGE star map in WebGL (three.js from the WebJar, through the page's import map): galaxy, system, orbit.
// Draws what BridgeMap (bridgemap.js) tells it; the GM chooses, so there is no mouse navigation here.
import * as THREE from 'three';
import { colorOf, num, orbitPosition, latLonToVector, planetCanvas, glowCanvas, glintCanvas, TRANSITION_MS, MIN_MOVE_MS } from './bridgescene.js';

const cached = (make) => { let v = null; return () => (v = v || make()); };
const glowTexture = cached(() => new THREE.CanvasTexture(glowCanvas()));
const glintTexture = cached(() => new THREE.CanvasTexture(glintCanvas()));
function planetTexture(config, name) {
  const tex = new THREE.CanvasTexture(planetCanvas(config, name));
  tex.colorSpace = THREE.SRGBColorSpace;
  return tex;
}


export class Bridge3D {
  /** host: the element to fill; labels: the element labels are placed in; onFrame(ms): per-frame timing. */
  constructor(host, { onFrame } = {}) {
    this.host = host;
    this.onFrame = onFrame || (() => {});
    this.renderer = new THREE.WebGLRenderer({ antialias: false, alpha: false, preserveDrawingBuffer: true, powerPreference: 'low-power' });
    this.renderer.setPixelRatio(1);
    this.renderer.setClearColor(0x020606, 1);
    this.canvas = this.renderer.domElement;
    this.canvas.dataset.testid = 'bridge-canvas';
    host.appendChild(this.canvas);
    this.camera = new THREE.PerspectiveCamera(60, 16 / 9, 0.1, 5000);
    this.scene = new THREE.Scene();
    this.labels = [];       // {el, obj, priority, id}
    this.movers = [];       // per-frame updates (orbits, rotation)
    this.clock = new THREE.Clock();
    this.view = { pos: new THREE.Vector3(0, 50, 100), look: new THREE.Vector3() };
    this.from = null;       // camera transition start
    this.to = null;
    this.drift = 0;
    this.resize = this.resize.bind(this);
    this.ro = new ResizeObserver(this.resize);
    this.ro.observe(host);
    this.resize();
    this.alive = true;
    this.frames = 0;
    let last = performance.now();
    const loop = (now) => {
      if (!this.alive) return;
      const spent = now - last;
      last = now;
      const t0 = performance.now();
      this.frame(Math.min(spent, 100) / 1000);
      this.frames++;
      this.onFrame(spent, performance.now() - t0);
      this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  /** Renders k pixels per CSS pixel (0.5: a quarter of the pixels, upscaled by the browser). */
  setResolution(k) {
    this.renderer.setPixelRatio(k);
    this.resize();
  }

  resize() {
    const w = Math.max(1, this.host.clientWidth), hgt = Math.max(1, this.host.clientHeight);
    this.renderer.setSize(w, hgt, false);
    this.canvas.style.width = '100%';
    this.canvas.style.height = '100%';
    this.camera.aspect = w / hgt;
    this.camera.updateProjectionMatrix();
  }

  destroy() {
    this.alive = false;
    cancelAnimationFrame(this.raf);
    this.ro.disconnect();
    this.clear();
    this.renderer.dispose();
    this.canvas.remove();
  }

  clear() {
    this.scene.traverse(o => {
      if (o.geometry) o.geometry.dispose();
      if (o.material) [].concat(o.material).forEach(m => m.dispose()); // shared textures stay
    });
    this.scene = new THREE.Scene();
    this.movers = [];
    this.objects = new Map();
  }

  /** Replaces the scene with one level; labels are returned as {id, name, obj} for the label layer. */
  build(level, data, selection) {
    this.clear();
    const out = level === 'ORBIT' ? this.buildOrbit(data) : level === 'SYSTEM' ? this.buildSystem(data) : this.buildGalaxy(data);
    this.level = level;
    return out;
  }

  /**
   * Animates the camera to the level's view, or to the selected object when there is one, landing at `landAt`
   * (performance.now() time; by default one transition from now): every display lands when the GM's change arrived
   * plus one transition, however long its own scene took to build.
   */
  focus(selectedId, fresh, landAt = performance.now() + TRANSITION_MS) {
    const cam = this.cameraDef || {};
    const base = new THREE.Vector3(...vec(cam.position, [0, 60, 120]));
    const look = new THREE.Vector3(...vec(cam.lookAt, [0, 0, 0]));
    this.camera.fov = num(cam.fov, 60);
    this.camera.updateProjectionMatrix();
    let pos = base, target = look;
    const sel = selectedId && this.objects.get(selectedId);
    if (sel) {
      const p = new THREE.Vector3();
      sel.getWorldPosition(p);
      const dir = base.clone().sub(look).normalize();
      const dist = Math.max(12, base.distanceTo(look) * (this.level === 'GALAXY' ? 0.45 : 0.55));
      target = look.clone().lerp(p, 0.65);
      pos = target.clone().add(dir.multiplyScalar(dist));
    }
    this.selectedId = selectedId || '';
    this.highlight();
    if (fresh) { this.view.pos.copy(pos).sub(target).multiplyScalar(1.7).add(target); this.view.look.copy(target); } // a new level flies in
    const now = performance.now();
    this.from = { pos: this.view.pos.clone(), look: this.view.look.clone(), at: now };
    this.to = { pos, look: target, at: Math.max(now + MIN_MOVE_MS, landAt) };
  }

  highlight() {
    if (!this.marker) return;
    const sel = this.selectedId && this.objects.get(this.selectedId);
    this.marker.visible = !!sel;
    this.markerOf = sel || null;
  }

  frame(dt) {
    const t = this.clock.getElapsedTime();
    for (const m of this.movers) m(t, dt);
    if (this.to) {
      const k = Math.min(1, (performance.now() - this.from.at) / (this.to.at - this.from.at));
      const e = k < 0.5 ? 4 * k * k * k : 1 - Math.pow(-2 * k + 2, 3) / 2;
      this.view.pos.lerpVectors(this.from.pos, this.to.pos, e);
      this.view.look.lerpVectors(this.from.look, this.to.look, e);
      if (k >= 1) this.landed = true;
    }
    // slow drift around the view: a few degrees, never far enough to change what is on screen
    this.drift += dt;
    const off = this.view.pos.clone().sub(this.view.look);
    off.applyAxisAngle(new THREE.Vector3(0, 1, 0), Math.sin(this.drift * 0.05) * 0.12);
    this.camera.position.copy(this.view.look).add(off);
    this.camera.lookAt(this.view.look);
    if (this.markerOf && this.marker) {
      this.markerOf.getWorldPosition(this.marker.position);
      this.marker.quaternion.copy(this.camera.quaternion);
      this.marker.rotateZ(t * 0.6);
    }
    this.renderer.render(this.scene, this.camera);
  }

  /** Screen positions of named objects (CSS pixels), for the label layer; null when behind the camera. */
  project(id) {
    const o = this.objects.get(id);
    if (!o) return null;
    const p = new THREE.Vector3();
    o.getWorldPosition(p);
    p.project(this.camera);
    if (p.z > 1 || p.z < -1) return null;
    return { x: (p.x + 1) / 2 * this.host.clientWidth, y: (1 - p.y) / 2 * this.host.clientHeight };
  }

  addMarker(size) {
    const mat = new THREE.SpriteMaterial({ map: ringTexture(), color: 0xf0b860, transparent: true, depthWrite: false, depthTest: false });
    this.marker = new THREE.Sprite(mat);
    this.marker.scale.setScalar(size);
    this.marker.renderOrder = 10;
    this.scene.add(this.marker);
  }

  // ---------------------------------------------------------------- galaxy
  buildGalaxy(g) {
    this.cameraDef = g.camera || { position: [0, 60, 130], lookAt: [0, 0, 0], fov: 60 };
    const amb = g.ambient_light || {};
    this.scene.add(new THREE.AmbientLight(colorOf(amb.color, 0x406060), num(amb.intensity, 0.5)));
    this.scene.add(starField(2500, 900));
    for (const n of g.nebulae || []) this.scene.add(nebula(n));
    const glow = glowTexture(), glint = glintTexture();
    const bySlug = new Map();
    const labels = [];
    for (const s of g.systems || []) {
      const id = s.location_slug || s.name;
      const group = new THREE.Group();
      group.position.set(...vec(s.position, [0, 0, 0]));
      const size = num(s.size, 1.5);
      const color = colorOf(s.color, 0xffeeaa);
      const halo = new THREE.Sprite(new THREE.SpriteMaterial({ map: glow, color, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false }));
      halo.scale.setScalar(size * 6);
      const spark = new THREE.Sprite(new THREE.SpriteMaterial({ map: glint, color: 0xffffff, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false, opacity: 0.8 }));
      spark.scale.setScalar(size * 9);
      const core = new THREE.Mesh(new THREE.SphereGeometry(size * 0.45, 12, 8), new THREE.MeshBasicMaterial({ color }));
      group.add(halo, spark, core);
      const phase = Math.random() * 6;
      this.movers.push((t) => { spark.material.rotation = t * 0.05 + phase; spark.material.opacity = 0.55 + 0.3 * Math.sin(t * 1.3 + phase); });
      this.scene.add(group);
      this.objects.set(id, group);
      bySlug.set(s.location_slug, group).set(s.name, group);
      if (s.label !== false) labels.push({ id, name: s.name, priority: 2 });
    }
    for (const r of g.routes || []) {
      const a = bySlug.get(r.from_slug) || bySlug.get(r.from), b = bySlug.get(r.to_slug) || bySlug.get(r.to);
      if (!a || !b) continue;
      const geo = new THREE.BufferGeometry().setFromPoints([a.position, b.position]);
      const dashed = /danger|unstable|restricted|smuggl|uncharted/i.test(String(r.route_type || ''));
      const mat = dashed
        ? new THREE.LineDashedMaterial({ color: colorOf(r.color, 0xc46a4a), dashSize: 2, gapSize: 1.5, transparent: true, opacity: 0.8 })
        : new THREE.LineBasicMaterial({ color: colorOf(r.color, 0x3fa3a3), transparent: true, opacity: 0.7 });
      const line = new THREE.Line(geo, mat);
      if (dashed) line.computeLineDistances();
      this.scene.add(line);
    }
    this.addMarker(9);
    return labels;
  }

  // ---------------------------------------------------------------- system
  buildSystem(m) {
    this.cameraDef = m.camera || { position: [0, 110, 110], lookAt: [0, 0, 0], fov: 60 };
    const star = m.star || {};
    const sColor = colorOf(star.color, 0xffeeaa);
    const sSize = num(star.size, 4);
    this.scene.add(new THREE.AmbientLight(0x406060, 0.35));
    const light = new THREE.PointLight(colorOf(star.light_color, 0xffffff), 2.2, 0, 0);
    this.scene.add(light);
    this.scene.add(starField(1500, 1500));
    const sun = new THREE.Mesh(new THREE.SphereGeometry(sSize, 32, 16), new THREE.MeshBasicMaterial({ color: sColor }));
    const corona = new THREE.Sprite(new THREE.SpriteMaterial({ map: glowTexture(), color: sColor, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false }));
    const ci = num(star.corona_intensity, 0.5);
    corona.scale.setScalar(sSize * (4 + 6 * ci));
    this.movers.push((t) => { corona.material.opacity = 0.75 + 0.2 * ci * Math.sin(t * 0.8); });
    this.scene.add(sun, corona);
    this.objects.set('__star', sun);
    const labels = [{ id: '__star', name: star.name || '', priority: 1 }];
    const time = m.time || {};
    const speed = num(time.speed_multiplier, 1);
    const day0 = num(time.current_day, 0);
    for (const b of m.bodies || []) {
      const id = b.location_slug || b.name;
      const r = num(b.orbital_radius, 10);
      const incl = THREE.MathUtils.degToRad(num(b.inclination, 0));
      const orbit = new THREE.LineLoop(new THREE.BufferGeometry().setFromPoints(
        Array.from({ length: 128 }, (_, i) => orbitPosition(r, (i / 128) * 360, incl, THREE))),
        new THREE.LineBasicMaterial({ color: 0x2f6f6f, transparent: true, opacity: 0.55 }));
      this.scene.add(orbit);
      const size = num(b.size, 1);
      const body = new THREE.Group();
      const mesh = new THREE.Mesh(new THREE.SphereGeometry(size, 24, 16), new THREE.MeshStandardMaterial({ color: colorOf(b.color, 0x7fa3a3), roughness: 0.9, metalness: 0 }));
      body.add(mesh);
      if (b.atmosphere_color != null) {
        const atm = new THREE.Mesh(new THREE.SphereGeometry(size * 1.12, 24, 16), new THREE.MeshBasicMaterial({
          color: colorOf(b.atmosphere_color, 0x9fc8b8), transparent: true, opacity: Math.min(0.8, num(b.atmosphere_intensity, num(b.atmosphere_opacity, 0.3))),
          side: THREE.BackSide, blending: THREE.AdditiveBlending, depthWrite: false }));
        body.add(atm);
      }
      if (b.has_rings) body.add(ring(num(b.ring_inner_radius, size * 1.3), num(b.ring_outer_radius, size * 2), b.ring_color, num(b.ring_opacity, 0.6)));
      this.scene.add(body);
      this.objects.set(id, body);
      const period = Math.max(1, num(b.orbital_period, 365));
      const a0 = num(b.orbital_angle, 0);
      const locked = !!b.tidally_locked;
      this.movers.push((t) => {
        const day = day0 + t * speed * 2; // two days a second at speed 1: visible, unhurried
        const ang = a0 + (day / period) * 360;
        body.position.copy(orbitPosition(r, ang, incl, THREE));
        mesh.rotation.y = locked ? -THREE.MathUtils.degToRad(ang) : t * 0.3;
      });
      labels.push({ id, name: b.name, priority: 2 });
    }
    this.addMarker(8);
    return labels;
  }

  // ---------------------------------------------------------------- orbit
  buildOrbit(o) {
    this.cameraDef = o.camera || { position: [0, 28, 48], lookAt: [0, 0, 0], fov: 60 };
    const p = o.planet || {};
    const size = num(p.size, 10);
    this.scene.add(new THREE.AmbientLight(0x557777, 0.45));
    const sun = new THREE.DirectionalLight(0xffffff, 2.4);
    const decl = THREE.MathUtils.degToRad(num(p.sun_declination, 0));
    sun.position.set(Math.cos(decl) * 100, Math.sin(decl) * 100, 40);
    this.scene.add(sun);
    this.scene.add(starField(1500, 1200));
    const tilt = new THREE.Group();
    tilt.rotation.z = THREE.MathUtils.degToRad(num(p.axial_tilt, 0));
    const spin = new THREE.Group();
    tilt.add(spin);
    const material = new THREE.MeshStandardMaterial({ roughness: 0.95, metalness: 0 });
    material.map = planetTexture(p.texture_config || {}, p.name || 'planet');
    if (p.texture) {
      // the campaign's own texture when it has one (served with the campaign's images); the generated one meanwhile
      new THREE.TextureLoader().load(textureUrl(p.texture), (tex) => { tex.colorSpace = THREE.SRGBColorSpace; material.map = tex; material.needsUpdate = true; }, undefined, () => {});
    }
    const globe = new THREE.Mesh(new THREE.SphereGeometry(size, 48, 32), material);
    spin.add(globe);
    const tc = p.texture_config || {};
    if (tc.cloud_layer) {
      const clouds = new THREE.Mesh(new THREE.SphereGeometry(size * 1.015, 48, 32), new THREE.MeshStandardMaterial({
        color: colorOf(tc.cloud_color, 0xcccccc), transparent: true, opacity: num(tc.cloud_opacity, 0.4) * 0.5, depthWrite: false }));
      spin.add(clouds);
      this.movers.push((t) => { clouds.rotation.y = t * 0.01; });
    }
    const rings = p.rings;
    if (rings && (rings.inner_radius || rings.outer_radius || rings.enabled !== false)) {
      tilt.add(ring(num(rings.inner_radius, size * 1.4), num(rings.outer_radius, size * 2.2), rings.color, num(rings.opacity, 0.6)));
    }
    this.scene.add(tilt);
    const rot = num(p.rotation_speed, 0.001);
    this.movers.push((t) => { spin.rotation.y = t * rot * 60; });
    this.objects.set('__planet', globe);
    const labels = [{ id: '__planet', name: p.name || '', priority: 1 }];
    const orbiting = (list, kind) => {
      for (const m of list || []) {
        const id = m.location_slug || m.name;
        const r = num(m.orbital_radius, size * 2);
        const incl = THREE.MathUtils.degToRad(num(m.inclination, 0));
        this.scene.add(new THREE.LineLoop(new THREE.BufferGeometry().setFromPoints(
          Array.from({ length: 96 }, (_, i) => orbitPosition(r, (i / 96) * 360, incl, THREE))),
          new THREE.LineBasicMaterial({ color: kind === 'moon' ? 0x2f6f6f : 0x6f5a2f, transparent: true, opacity: 0.5 })));
        const s = num(m.size, 1);
        const mesh = kind === 'moon'
          ? new THREE.Mesh(new THREE.SphereGeometry(s, 20, 12), new THREE.MeshStandardMaterial({ color: colorOf(m.color, 0x999988), roughness: 1 }))
          : new THREE.Mesh(new THREE.OctahedronGeometry(s, 0), new THREE.MeshStandardMaterial({ color: 0xf0b860, emissive: 0x6a4a10, roughness: 0.4, metalness: 0.6 }));
        this.scene.add(mesh);
        this.objects.set(id, mesh);
        const period = Math.max(1, num(m.orbital_period, 100));
        const a0 = num(m.orbital_angle, 0);
        this.movers.push((t) => {
          mesh.position.copy(orbitPosition(r, a0 + (t * 2 / period) * 360, incl, THREE));
          if (kind !== 'moon') mesh.rotation.y = t * 0.8;
        });
        labels.push({ id, name: m.name, priority: kind === 'moon' ? 2 : 3 });
      }
    };
    orbiting(o.moons, 'moon');
    orbiting(o.orbital_stations, 'station');
    for (const m of o.surface_markers || []) {
      const id = m.location_slug || m.name;
      const pin = new THREE.Mesh(new THREE.ConeGeometry(size * 0.035, size * 0.12, 8), new THREE.MeshBasicMaterial({ color: 0xf0b860 }));
      const at = latLonToVector(num(m.latitude, 0), num(m.longitude, 0), size * 1.03, THREE);
      pin.position.copy(at);
      pin.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), at.clone().normalize());
      spin.add(pin);
      this.objects.set(id, pin);
      labels.push({ id, name: m.name, priority: 3, surface: true });
    }
    this.addMarker(Math.max(4, size * 0.4));
    return labels;
  }
}

function vec(v, fallback) {
  return Array.isArray(v) && v.length >= 3 ? v.slice(0, 3).map(x => num(x, 0)) : fallback;
}

function textureUrl(path) {
  const s = String(path).replace(/^\/+/, '').replace(/^data\//, '');
  return new URL('../../data/' + s.split('/').map(encodeURIComponent).join('/'), import.meta.url).href;
}

function starField(count, radius) {
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

function nebula(n) {
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

function ring(inner, outer, color, opacity) {
  const geo = new THREE.RingGeometry(inner, outer, 96, 1);
  const mesh = new THREE.Mesh(geo, new THREE.MeshBasicMaterial({ color: colorOf(color, 0xd8c8b0), side: THREE.DoubleSide, transparent: true, opacity: Math.min(0.9, opacity), depthWrite: false }));
  mesh.rotation.x = -Math.PI / 2;
  return mesh;
}

let ringTex = null;
function ringTexture() {
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
