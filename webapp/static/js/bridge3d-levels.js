// The BRIDGE star map's three levels in three.js, each built into a Bridge3D (bridge3d.js): its scene, the per-frame
// movers, the named objects the camera and labels find, the camera the level asks for. Each returns its labels.
import * as THREE from 'three';
import { colorOf, num, orbitPosition, latLonToVector } from './bridgescene.js';
import { glowTexture, glintTexture, planetTexture, textureUrl, starField, nebula, ring, vec } from './bridge3d-parts.js';

// The galaxy: stars, nebulae, routes.
export function buildGalaxy(bridge, g) {
  bridge.cameraDef = g.camera || { position: [0, 60, 130], lookAt: [0, 0, 0], fov: 60 };
  const amb = g.ambient_light || {};
  bridge.scene.add(new THREE.AmbientLight(colorOf(amb.color, 0x406060), num(amb.intensity, 0.5)));
  bridge.scene.add(starField(2500, 900));
  for (const n of g.nebulae || []) bridge.scene.add(nebula(n));
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
    bridge.movers.push((t) => { spark.material.rotation = t * 0.05 + phase; spark.material.opacity = 0.55 + 0.3 * Math.sin(t * 1.3 + phase); });
    bridge.scene.add(group);
    bridge.objects.set(id, group);
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
    bridge.scene.add(line);
  }
  bridge.addMarker(9);
  return labels;
}

// One system: the star, its light and corona, bodies on their orbits.
export function buildSystem(bridge, m) {
  bridge.cameraDef = m.camera || { position: [0, 110, 110], lookAt: [0, 0, 0], fov: 60 };
  const star = m.star || {};
  const sColor = colorOf(star.color, 0xffeeaa);
  const sSize = num(star.size, 4);
  bridge.scene.add(new THREE.AmbientLight(0x406060, 0.35));
  const light = new THREE.PointLight(colorOf(star.light_color, 0xffffff), 2.2, 0, 0);
  bridge.scene.add(light);
  bridge.scene.add(starField(1500, 1500));
  const sun = new THREE.Mesh(new THREE.SphereGeometry(sSize, 32, 16), new THREE.MeshBasicMaterial({ color: sColor }));
  const corona = new THREE.Sprite(new THREE.SpriteMaterial({ map: glowTexture(), color: sColor, transparent: true, blending: THREE.AdditiveBlending, depthWrite: false }));
  const ci = num(star.corona_intensity, 0.5);
  corona.scale.setScalar(sSize * (4 + 6 * ci));
  bridge.movers.push((t) => { corona.material.opacity = 0.75 + 0.2 * ci * Math.sin(t * 0.8); });
  bridge.scene.add(sun, corona);
  bridge.objects.set('__star', sun);
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
    bridge.scene.add(orbit);
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
    bridge.scene.add(body);
    bridge.objects.set(id, body);
    const period = Math.max(1, num(b.orbital_period, 365));
    const a0 = num(b.orbital_angle, 0);
    const locked = !!b.tidally_locked;
    bridge.movers.push((t) => {
      const day = day0 + t * speed * 2; // two days a second at speed 1: visible, unhurried
      const ang = a0 + (day / period) * 360;
      body.position.copy(orbitPosition(r, ang, incl, THREE));
      mesh.rotation.y = locked ? -THREE.MathUtils.degToRad(ang) : t * 0.3;
    });
    labels.push({ id, name: b.name, priority: 2 });
  }
  bridge.addMarker(8);
  return labels;
}

// One body's orbit: the planet, its moons, stations and surface sites.
export function buildOrbit(bridge, o) {
  bridge.cameraDef = o.camera || { position: [0, 28, 48], lookAt: [0, 0, 0], fov: 60 };
  const p = o.planet || {};
  const size = num(p.size, 10);
  bridge.scene.add(new THREE.AmbientLight(0x557777, 0.45));
  const sun = new THREE.DirectionalLight(0xffffff, 2.4);
  const decl = THREE.MathUtils.degToRad(num(p.sun_declination, 0));
  sun.position.set(Math.cos(decl) * 100, Math.sin(decl) * 100, 40);
  bridge.scene.add(sun);
  bridge.scene.add(starField(1500, 1200));
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
    bridge.movers.push((t) => { clouds.rotation.y = t * 0.01; });
  }
  const rings = p.rings;
  if (rings && (rings.inner_radius || rings.outer_radius || rings.enabled !== false)) {
    tilt.add(ring(num(rings.inner_radius, size * 1.4), num(rings.outer_radius, size * 2.2), rings.color, num(rings.opacity, 0.6)));
  }
  bridge.scene.add(tilt);
  const rot = num(p.rotation_speed, 0.001);
  bridge.movers.push((t) => { spin.rotation.y = t * rot * 60; });
  bridge.objects.set('__planet', globe);
  const labels = [{ id: '__planet', name: p.name || '', priority: 1 }];
  const orbiting = (list, kind) => {
    for (const m of list || []) {
      const id = m.location_slug || m.name;
      const r = num(m.orbital_radius, size * 2);
      const incl = THREE.MathUtils.degToRad(num(m.inclination, 0));
      bridge.scene.add(new THREE.LineLoop(new THREE.BufferGeometry().setFromPoints(
        Array.from({ length: 96 }, (_, i) => orbitPosition(r, (i / 96) * 360, incl, THREE))),
        new THREE.LineBasicMaterial({ color: kind === 'moon' ? 0x2f6f6f : 0x6f5a2f, transparent: true, opacity: 0.5 })));
      const s = num(m.size, 1);
      const mesh = kind === 'moon'
        ? new THREE.Mesh(new THREE.SphereGeometry(s, 20, 12), new THREE.MeshStandardMaterial({ color: colorOf(m.color, 0x999988), roughness: 1 }))
        : new THREE.Mesh(new THREE.OctahedronGeometry(s, 0), new THREE.MeshStandardMaterial({ color: 0xf0b860, emissive: 0x6a4a10, roughness: 0.4, metalness: 0.6 }));
      bridge.scene.add(mesh);
      bridge.objects.set(id, mesh);
      const period = Math.max(1, num(m.orbital_period, 100));
      const a0 = num(m.orbital_angle, 0);
      bridge.movers.push((t) => {
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
    bridge.objects.set(id, pin);
    labels.push({ id, name: m.name, priority: 3, surface: true });
  }
  bridge.addMarker(Math.max(4, size * 0.4));
  return labels;
}
