/**
 * Canonical JSON and hashes: the byte strings that get hashed into the seal, the seeds and the audit chain. Anyone
 * re-implementing the verification must produce exactly these bytes, so the rules are few and fixed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { compareIds } from '../assign/distribution.ts';
import { nameClassesOf, type NameSeparation } from '../names.ts';
import type { Roster } from '../roster.ts';
import type { Plan } from './plan.ts';

/** JSON with object keys sorted by code unit, no whitespace; only plain data (no undefined, NaN or Infinity). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no ${typeof value}`);
}

export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/**
 * The roster in its canonical order: students sorted by id (code-unit order, never locale order). The draw runs on
 * this order, so the file's row order cannot influence a result and the roster hash pins the engine's input exactly.
 */
export function canonicalRoster(roster: Roster): Roster {
  const students = [...roster.students].sort((a, b) => compareIds(a.id, b.id));
  return { subjects: [...roster.subjects], flags: [...roster.flags], students };
}

/**
 * The roster as the draw reads it, and as the verification bundle publishes it: canonical order; no ID numbers (the
 * engine never reads them; the birth date and gender taken from them stay); no birth dates when the roster has
 * scores (the engine balances birth dates only where there are no scores); each student id replaced by its rank in
 * that order, zero-padded (`001`, `002` …); each name replaced by its name classes under the sealed `names` rule
 * (`nameClassesOf`). The engine uses ids only to order students and names only to compare their keys, so the draw is
 * the very same, while the school's ids — which often embed the ID number — and the names of minors stay out of the
 * bundle. Applied to its own output it gives that output again, so a verifier recomputes the hash from the bundle.
 */
export function engineRoster(roster: Roster, names: NameSeparation): Roster {
  const canonical = canonicalRoster(roster);
  const width = String(canonical.students.length).length;
  const classes = nameClassesOf(canonical.students, names);
  const students = canonical.students.map((student, index) => ({
    ...student,
    id: String(index + 1).padStart(width, '0'),
    name: '',
    nameClasses: classes[index]!,
    idCard: null,
    birthDate: canonical.subjects.length > 0 ? null : student.birthDate,
  }));
  return { ...canonical, students };
}

/** What a school's seed commits to: the engine's input exactly, so a verifier can recompute it from the bundle. */
export function rosterHash(roster: Roster, names: NameSeparation): string {
  return publishedRosterHash(engineRoster(roster, names));
}

/** The hash of a roster exactly as published, which must be `rosterHash` of the roster it was published from. */
export function publishedRosterHash(published: Roster): string {
  return sha256Hex(canonicalJson(published));
}

export function planHash(plan: Plan): string {
  return sha256Hex(canonicalJson(plan));
}
