// The BRIDGE star map in WebGL (three.js from the WebJar, through the page's import map): galaxy, system, orbit.
// Draws what BridgeMap (bridgemap.js) tells it; the GM chooses, so there is no mouse navigation here. This module is
// the renderer, the camera and its moves; the levels are built by bridge3d-levels.js from bridge3d-parts.js.
import * as THREE from 'three';
import { num, TRANSITION_MS, MIN_MOVE_MS } from './bridgescene.js';
import { ringTexture, vec } from './bridge3d-parts.js';
import { buildGalaxy, buildSystem, buildOrbit } from './bridge3d-levels.js';

export class Bridge3D {
  /** host: the element to fill; labels: the element labels are placed in; onFrame(cpu): the ms each frame took to draw. */
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
      this.onFrame(performance.now() - t0);
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
    const out = level === 'ORBIT' ? buildOrbit(this, data) : level === 'SYSTEM' ? buildSystem(this, data) : buildGalaxy(this, data);
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
}
