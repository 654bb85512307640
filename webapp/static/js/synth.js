// The table's sounds, synthesized with the Web Audio API: oscillators, noise, filters and envelopes, so no
// file is downloaded and nothing needs a licence. A campaign's own audio files (audio/*.ogg|mp3|wav, served by
// /data/) play through the same graph. Everything ends in one master gain and one AnalyserNode before the speakers.
import { dataUrl } from './api.js';

/** One audio graph: master (device volume) → analyser → speakers; alerts, ambience and UI sounds feed the master. */
export class Synth {
  constructor() {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    this.ctx = new Ctx();
    this.master = this.ctx.createGain();
    this.analyser = this.ctx.createAnalyser();
    this.analyser.fftSize = 2048;
    this.master.connect(this.analyser).connect(this.ctx.destination);
    this.ambienceBus = this.gain(0, this.master);
    this.ui = this.gain(0.35, this.master);
    this.ambience = null;   // {name, stop()}
    this.files = new Map(); // campaign file → Promise<AudioBuffer>
    const len = this.ctx.sampleRate * 2;
    this.noise = this.ctx.createBuffer(1, len, this.ctx.sampleRate);
    const d = this.noise.getChannelData(0);
    for (let i = 0; i < len; i++) d[i] = Math.random() * 2 - 1;
  }

  get running() { return this.ctx.state === 'running'; }
  resume() { return this.ctx.resume(); }
  setVolume(v) { this.master.gain.setTargetAtTime(v, this.ctx.currentTime, 0.02); }

  // ---------------------------------------------------------------- building blocks
  gain(value, to) { const g = this.ctx.createGain(); g.gain.value = value; if (to) g.connect(to); return g; }

  osc(type, freq, to, start, stop) {
    const o = this.ctx.createOscillator();
    o.type = type; o.frequency.setValueAtTime(freq, start);
    o.connect(to); o.start(start); if (stop !== undefined) o.stop(stop); // loops run until stopped
    return o;
  }

  noiseSource(to, start, stop, loop = false) {
    const n = this.ctx.createBufferSource();
    n.buffer = this.noise; n.loop = loop || stop - start > 2;
    n.connect(to); n.start(start); if (stop !== undefined) n.stop(stop);
    return n;
  }

  filter(type, freq, q, to) {
    const f = this.ctx.createBiquadFilter();
    f.type = type; f.frequency.value = freq; if (q !== undefined) f.Q.value = q;
    f.connect(to);
    return f;
  }

  /** A gain with an attack-hold-release envelope: starts now-ish, so sound comes out at once. */
  envelope(to, start, attack, hold, release, peak = 1) {
    const g = this.gain(0, to);
    g.gain.setValueAtTime(0, start);
    g.gain.linearRampToValueAtTime(peak, start + attack);
    g.gain.setValueAtTime(peak, start + attack + hold);
    g.gain.exponentialRampToValueAtTime(0.0001, start + attack + hold + release);
    return g;
  }

  // ---------------------------------------------------------------- alerts
  /** Plays an alert now; returns false for a name it does not know. */
  alert(name) {
    const t = this.ctx.currentTime + 0.005;
    const out = this.gain(0.8, this.master);
    const play = ALERTS[name];
    if (play) { play(this, t, out); return true; }
    if (name.startsWith('audio/')) { this.file(name).then(buf => { const s = this.ctx.createBufferSource(); s.buffer = buf; s.connect(out); s.start(); }).catch(() => {}); return true; }
    return false;
  }

  file(name) {
    if (!this.files.has(name)) {
      this.files.set(name, fetch(dataUrl('/data/' + name)).then(r => { if (!r.ok) throw new Error(r.status); return r.arrayBuffer(); })
        .then(b => this.ctx.decodeAudioData(b)));
    }
    return this.files.get(name);
  }

  // ---------------------------------------------------------------- ambience
  /** Cross-fades to the named loop at level 0-100 (silence or level 0: nothing). */
  setAmbience(name, level) {
    const t = this.ctx.currentTime;
    this.ambienceBus.gain.setTargetAtTime(Math.max(0, Math.min(100, level)) / 100 * 0.5, t, 0.3);
    if (this.ambience && this.ambience.name === name) return;
    if (this.ambience) { const old = this.ambience; old.fade.gain.setTargetAtTime(0, t, 0.4); setTimeout(() => old.stop(), 2500); }
    this.ambience = null;
    if (!name || name === 'silence') return;
    const fade = this.gain(0, this.ambienceBus);
    fade.gain.setTargetAtTime(1, t, 0.5);
    const nodes = [];
    const loop = AMBIENCES[name];
    if (loop) loop(this, fade, nodes);
    else if (name.startsWith('audio/')) {
      this.file(name).then(buf => { const s = this.ctx.createBufferSource(); s.buffer = buf; s.loop = true; s.connect(fade); s.start(); nodes.push(s); }).catch(() => {});
    }
    this.ambience = { name, fade, stop() { nodes.forEach(n => { try { n.stop(); } catch { /* not started */ } }); fade.disconnect(); } };
  }

  // ---------------------------------------------------------------- UI sounds
  uiSound(name) {
    const play = UI[name];
    if (play) play(this, this.ctx.currentTime + 0.002, this.ui);
  }
}

const ALERTS = {
  // two-tone warble, three times
  klaxon(s, t, out) {
    const lp = s.filter('lowpass', 2200, 1, out);
    for (let i = 0; i < 3; i++) {
      const g = s.envelope(lp, t + i * 0.7, 0.01, 0.55, 0.12, 0.6);
      const o = s.osc('sawtooth', 420, g, t + i * 0.7, t + i * 0.7 + 0.7);
      o.frequency.linearRampToValueAtTime(620, t + i * 0.7 + 0.3);
      o.frequency.linearRampToValueAtTime(420, t + i * 0.7 + 0.6);
    }
  },
  // fast high beeps, closing in
  'proximity-alarm'(s, t, out) {
    for (let i = 0; i < 10; i++) {
      const at = t + i * (0.22 - i * 0.012);
      s.osc('square', 1320, s.envelope(out, at, 0.004, 0.06, 0.03, 0.35), at, at + 0.12);
    }
  },
  // a rushing hiss whose pitch falls as the air leaves
  decompression(s, t, out) {
    const g = s.envelope(out, t, 0.02, 1.6, 1.2, 0.9);
    const bp = s.filter('bandpass', 5000, 0.8, g);
    bp.frequency.exponentialRampToValueAtTime(250, t + 2.8);
    s.noiseSource(bp, t, t + 3);
  },
  // a deep boom, metal groan and a hiss
  'hull-breach'(s, t, out) {
    const boom = s.osc('sine', 90, s.envelope(out, t, 0.005, 0.1, 1.2, 1), t, t + 1.5);
    boom.frequency.exponentialRampToValueAtTime(30, t + 1.2);
    s.noiseSource(s.filter('lowpass', 400, 0.7, s.envelope(out, t, 0.005, 0.05, 0.8, 0.9)), t, t + 1);
    const groan = s.osc('sawtooth', 70, s.filter('lowpass', 300, 6, s.envelope(out, t + 0.3, 0.3, 0.6, 0.8, 0.25)), t + 0.3, t + 2.2);
    groan.frequency.linearRampToValueAtTime(52, t + 2);
    s.noiseSource(s.filter('highpass', 3000, 0.5, s.envelope(out, t + 0.4, 0.2, 1.4, 1, 0.35)), t + 0.4, t + 3.2);
  },
  // CHARON's three soft bell tones
  'charon-chime'(s, t, out) {
    [659.25, 830.61, 987.77].forEach((f, i) => {
      const at = t + i * 0.18;
      s.osc('sine', f, s.envelope(out, at, 0.005, 0.05, 1.4, 0.45), at, at + 1.6);
      s.osc('sine', f * 2.01, s.envelope(out, at, 0.005, 0.02, 0.6, 0.12), at, at + 0.8);
    });
  },
  // a heavy bulkhead thud
  'door-slam'(s, t, out) {
    const thud = s.osc('sine', 110, s.envelope(out, t, 0.002, 0.04, 0.5, 1), t, t + 0.7);
    thud.frequency.exponentialRampToValueAtTime(38, t + 0.4);
    s.noiseSource(s.filter('lowpass', 900, 1, s.envelope(out, t, 0.002, 0.03, 0.25, 0.8)), t, t + 0.4);
    s.noiseSource(s.filter('bandpass', 2500, 8, s.envelope(out, t + 0.05, 0.01, 0.1, 0.6, 0.15)), t + 0.05, t + 0.8);
  },
  // the motion tracker's rising ping, with its echo
  'motion-tracker-ping'(s, t, out) {
    [0, 0.9].forEach((d, i) => {
      const o = s.osc('sine', 1900, s.envelope(out, t + d, 0.004, 0.08, 0.5, i ? 0.3 : 0.6), t + d, t + d + 0.7);
      o.frequency.linearRampToValueAtTime(2150, t + d + 0.09);
    });
  },
};

const AMBIENCES = {
  // the ship's drive: low saw harmonics under a lowpass, breathing slowly
  'engine-hum'(s, out, nodes) {
    const lp = s.filter('lowpass', 180, 2, out);
    const t = s.ctx.currentTime;
    [55, 110.5, 165].forEach((f, i) => nodes.push(s.osc('sawtooth', f, s.gain(0.5 / (i + 1), lp), t)));
    const lfo = s.osc('sine', 0.15, s.gain(40, lp.frequency), t);
    nodes.push(lfo, s.noiseSource(s.filter('lowpass', 120, 0.5, s.gain(0.25, out)), t, undefined, true));
  },
  // two detuned low tones beating against each other, and a filtered wind
  'tension-drone'(s, out, nodes) {
    const t = s.ctx.currentTime;
    [73.4, 77.8, 146.2].forEach(f => nodes.push(s.osc('triangle', f, s.gain(0.3, out), t)));
    const bp = s.filter('bandpass', 400, 3, s.gain(0.5, out));
    nodes.push(s.noiseSource(bp, t, undefined, true), s.osc('sine', 0.07, s.gain(250, bp.frequency), t));
  },
  // CHARON's data stream: chattering band-passed noise
  'data-noise'(s, out, nodes) {
    const t = s.ctx.currentTime;
    const gate = s.gain(0.2, out);
    nodes.push(s.noiseSource(s.filter('bandpass', 3200, 4, gate), t, undefined, true));
    nodes.push(s.osc('square', 7, s.gain(0.15, gate.gain), t), s.osc('sine', 880, s.gain(0.02, out), t));
  },
  // the room tone of a sleeping ship: almost nothing
  'near-silence'(s, out, nodes) {
    const t = s.ctx.currentTime;
    nodes.push(s.noiseSource(s.filter('lowpass', 200, 0.5, s.gain(0.06, out)), t, undefined, true));
  },
};

const UI = {
  tick(s, t, out) { s.osc('square', 1800, s.envelope(out, t, 0.001, 0.004, 0.02, 0.25), t, t + 0.04); },
  'panel-open'(s, t, out) { const o = s.osc('sine', 380, s.envelope(out, t, 0.01, 0.08, 0.08, 0.5), t, t + 0.2); o.frequency.exponentialRampToValueAtTime(900, t + 0.12); },
  'panel-close'(s, t, out) { const o = s.osc('sine', 900, s.envelope(out, t, 0.01, 0.08, 0.08, 0.5), t, t + 0.2); o.frequency.exponentialRampToValueAtTime(380, t + 0.12); },
  'view-change'(s, t, out) {
    s.noiseSource(s.filter('bandpass', 2000, 1, s.envelope(out, t, 0.005, 0.12, 0.1, 0.4)), t, t + 0.3);
    const o = s.osc('triangle', 220, s.envelope(out, t, 0.01, 0.1, 0.15, 0.4), t, t + 0.3); o.frequency.exponentialRampToValueAtTime(660, t + 0.15);
  },
  'token-moved'(s, t, out) { s.osc('sine', 620, s.envelope(out, t, 0.003, 0.03, 0.08, 0.45), t, t + 0.15); },
  'door-open'(s, t, out) {
    const bp = s.filter('bandpass', 600, 2, s.envelope(out, t, 0.02, 0.2, 0.2, 0.6));
    bp.frequency.exponentialRampToValueAtTime(2400, t + 0.35);
    s.noiseSource(bp, t, t + 0.5);
  },
  'door-locked'(s, t, out) {
    [0, 0.14].forEach(d => s.osc('square', 196, s.filter('lowpass', 800, 1, s.envelope(out, t + d, 0.003, 0.05, 0.05, 0.4)), t + d, t + d + 0.12));
    s.noiseSource(s.filter('lowpass', 500, 1, s.envelope(out, t + 0.3, 0.002, 0.02, 0.12, 0.6)), t + 0.3, t + 0.5);
  },
};

/** What the GM may name, for the console (the server's catalogue is the authority). */
export const ALERT_NAMES = Object.keys(ALERTS);
export const AMBIENCE_NAMES = Object.keys(AMBIENCES);
