// GM console, shared state: the last payload (S, read by every panel), element lookup and the GM's write helper.
import { attempt, postJSON } from '../api.js';

export const MAP_TYPES = new Set(['station', 'ship', 'base', 'deck', 'room', 'level', 'section']);
export const $ = (id) => document.getElementById(id);
/** The last active-view payload (the GM's whole picture); panels mutate its fields after a write's answer. */
export let S = null;
export function setState(p) { S = p; }
export const post = (path, body, okMsg, btn) => attempt(() => postJSON(path, body), { ok: okMsg, button: btn });
