/** docs/verification.md's worked examples are executed: every value is recomputed from the ones above it. */
import { readFileSync } from 'node:fs';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { createBundle } from '../engine/ceremony/bundle.ts';
import { canonicalJson } from '../engine/ceremony/canonical.ts';
import { resultFingerprint } from '../engine/ceremony/publication.ts';
import { commitment, deriveSeed, type AnnouncedValue, type SeedInputs } from '../engine/ceremony/seed.ts';
import type { CeremonyState } from '../engine/ceremony/state.ts';
import { dialectNameKey, exactNameKey, nameClassesOf, soundNameKey } from '../engine/names.ts';
import { parseSeedHex, randomStream, shuffleInPlace } from '../engine/random.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir } from './support/demo-ceremony.ts';

/** The `name: value` lines of the text block after `<!-- example:<marker> -->`. */
function example(marker: string): Record<string, string> {
  const doc = readFileSync(new URL('../docs/verification.md', import.meta.url), 'utf8');
  const block = new RegExp(`<!-- example:${marker} -->\\s*\`\`\`text\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (block === null) throw new Error(`docs/verification.md has no example:${marker} block`);
  const lines = block[1]!.trim().split('\n');
  return Object.fromEntries(
    lines.map((line): [string, string] => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
  );
}

/** The documented message layout, written again independently of seed.ts: 4-byte big-endian length, then UTF-8. */
function framed(fields: readonly string[]): string {
  return fields
    .map((field) => {
      const bytes = utf8ToBytes(field);
      return bytes.length.toString(16).padStart(8, '0') + bytesToHex(bytes);
    })
    .join('');
}

/** The closed demo ceremony (primary), with the public value if one is given, exactly as the examples were made. */
async function demoCeremony(publicValue: AnnouncedValue | null): Promise<CeremonyState> {
  const { service, log } = openCeremony(tempDataDir(), FIXED_SERVICES);
  for (const request of await demoRequests('primary', publicValue)) {
    expect((await service.submit(request, 'test')).ok, request.type).toBe(true);
  }
  log.close();
  return service.state;
}

describe('the worked example name-classes of docs/verification.md', () => {
  const values = example('name-classes');
  const names = values['names']!.split(' ');

  /** The documented numbering, written again independently of names.ts: 1, 2 … by first appearance. */
  const numbered = (keys: readonly string[]) => keys.map((key) => [...new Set(keys)].indexOf(key) + 1).join(' ');

  it('numbers the exact, sound and dialect keys by first appearance, as the engine publishes them', () => {
    const soundKeys = names.map(soundNameKey);
    expect(numbered(names.map(exactNameKey))).toBe(values['exact']);
    expect(numbered(soundKeys)).toBe(values['sound']);
    expect(numbered(soundKeys.map(dialectNameKey))).toBe(values['dialect']);
    const students = names.map((name) => ({ name }));
    const [exact, sound, dialect] = (['exact', 'sound', 'dialect'] as const).map((line) =>
      values[line]!.split(' ').map(Number),
    );
    expect(nameClassesOf(students, 'exact')).toEqual(exact!.map((exactClass) => ({ exact: exactClass })));
    const withSecond = (key: 'sound' | 'dialect', second: readonly number[]) =>
      exact!.map((exactClass, index) => ({ exact: exactClass, [key]: second[index] }));
    expect(nameClassesOf(students, 'sound')).toEqual(withSecond('sound', sound!));
    expect(nameClassesOf(students, 'dialect')).toEqual(withSecond('dialect', dialect!));
  });
});

describe('the worked example roster of docs/verification.md', () => {
  const values = example('roster');

  it('is the roster the demo ceremony publishes for that school, and its hash', async () => {
    const state = await demoCeremony(null);
    expect(state.seal!.rules.names).toBe(values['names']);
    const school = createBundle(state, [])!.schools.find((candidate) => candidate.name === values['school'])!;
    expect(String(school.roster.students.length)).toBe(values['students']);
    expect(canonicalJson(school.roster.students[0])).toBe(values['firstStudent']);
    expect(bytesToHex(sha256(utf8ToBytes(canonicalJson(school.roster))))).toBe(values['rosterHash']);
    expect(school.rosterHash).toBe(values['rosterHash']);
  });
});

describe.each([
  { marker: 'seed', label: 'sunshine-class-draw/seed/students/v1' },
  { marker: 'public-value', label: 'sunshine-class-draw/seed/students+public-value/v1' },
])('the worked example $marker of docs/verification.md', ({ marker, label }) => {
  const values = example(marker);
  const publicValue =
    values['publicValueSource'] === undefined
      ? null
      : { source: values['publicValueSource'], value: values['publicValue']! };
  const inputs: SeedInputs = {
    secretHex: values['secret']!,
    planHash: values['planHash']!,
    school: values['school']!,
    rosterHash: values['rosterHash']!,
    contribution: values['contribution']!,
    publicValue,
  };

  it('recomputes the commitment, the message bytes, the seeds and the teacher teams', () => {
    expect(commitment(inputs.secretHex)).toBe(values['commitment']);
    const { planHash, school, rosterHash, contribution } = inputs;
    const publicFields = publicValue === null ? [] : [publicValue.source, publicValue.value];
    const message = framed([label, planHash, school, rosterHash, contribution, ...publicFields]);
    expect(message).toBe(values['message']);
    expect(bytesToHex(hmac(sha256, hexToBytes(inputs.secretHex), hexToBytes(message)))).toBe(values['seed']);
    expect(bytesToHex(deriveSeed('students', inputs))).toBe(values['seed']);
    expect(bytesToHex(deriveSeed('teachers', inputs))).toBe(values['teachersSeed']);
    const teams = Array.from({ length: Number(values['classes']) }, (_, index) => index + 1);
    const stream = randomStream(parseSeedHex(values['teachersSeed']!)!, 'ceremony/teachers/v1');
    expect(shuffleInPlace(teams, stream).join(' ')).toBe(values['teamOfClass']);
  });

  it('is what the demo ceremony really records for that school', async () => {
    const { seal, schools } = await demoCeremony(publicValue);
    const school = schools.find((candidate) => candidate.name === inputs.school)!;
    expect([seal!.secretHex, seal!.commitment, seal!.planHash, seal!.publicValue]).toEqual([
      inputs.secretHex,
      values['commitment'],
      inputs.planHash,
      publicValue,
    ]);
    expect(school.imported!.rosterHash).toBe(inputs.rosterHash);
    expect(school.draw!.seedHex).toBe(values['seed']);
    expect(school.teachers!.teamOfClass.join(' ')).toBe(values['teamOfClass']);
    // The result fingerprint as documented (SHA-256 of classOf's compact JSON), and as the lists and verify print it.
    const { classOf } = school.draw!;
    expect(bytesToHex(sha256(utf8ToBytes(JSON.stringify(classOf))))).toBe(values['resultFingerprint']);
    expect(resultFingerprint(classOf)).toBe(values['resultFingerprint']);
  });
});
