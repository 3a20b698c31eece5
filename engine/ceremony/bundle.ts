/**
 * The verification bundle: everything an outsider needs to re-run a closed ceremony, as plain JSON files. Built here
 * from the ceremony state and the audit chain (pure), written by `sunshine export bundle`, read back by `sunshine
 * verify` and the offline verifier page. Field by field: docs/verification.md.
 */
import { z } from 'zod';
import type { ChainEntry } from './audit-chain.ts';
import { engineRoster } from './canonical.ts';
import { NameClassesSchema, rosterSchema, RulesSchema, StudentSchema, TeacherRecordSchema } from './command-schema.ts';
import type { Plan } from './plan.ts';
import type { AnnouncedValue } from './seed.ts';
import type { CeremonyState, SealedRules, TeacherRecord } from './state.ts';
import type { Roster } from '../roster.ts';

/**
 * v3: rosters with name classes instead of names (v1 and v2 published the names), and the external public value on
 * every certificate, null when the seal named none (v1 had none, v2 had one). A verifier of v1 or v2 refuses a v3
 * bundle by its format instead of misreading its rosters; this one refuses theirs, naming the verifier to use.
 */
export const BUNDLE_FORMAT = 'sunshine-class-draw/bundle/v3';
export const RETIRED_BUNDLE_FORMATS: readonly string[] = [
  'sunshine-class-draw/bundle/v1',
  'sunshine-class-draw/bundle/v2',
];

/** The seal certificate's data plus the secret revealed at the close. */
export interface Certificate {
  readonly format: typeof BUNDLE_FORMAT;
  readonly commitment: string;
  readonly planHash: string;
  readonly buildHash: string;
  readonly rules: SealedRules;
  readonly secretHex: string;
  /** The external public value every seed took; null when the seal named none. */
  readonly publicValue: AnnouncedValue | null;
}

/** One drawn school: the engine's input, the public contribution and what the ceremony recorded. */
export interface BundleSchool {
  readonly name: string;
  readonly rosterHash: string;
  /** The roster as the engine reads it (`engineRoster`): canonical order, ranks for ids, no ID numbers, no names. */
  readonly roster: Roster;
  readonly draw: { readonly contribution: string; readonly seedHex: string; readonly classOf: readonly number[] };
  readonly teachers: TeacherRecord;
}

/**
 * An audit entry as published. `redacted` entries had personal data removed, so their own hash cannot be recomputed
 * (their links still are): an import command's roster (set to null; the engine's part of it is in the school's
 * file and pinned by the seed), a refusal's messages and details (which can quote a roster's cells): its code
 * stays; and the addresses in a summary of refused operator log-ins (`access`): its counts stay.
 */
export interface BundleEntry extends ChainEntry {
  readonly redacted: boolean;
}

export interface Bundle {
  readonly certificate: Certificate;
  readonly plan: Plan;
  readonly schools: readonly BundleSchool[];
  readonly audit: readonly BundleEntry[];
}

/** The bundle of a closed ceremony; null before the close, when the secret must stay hidden. */
export function createBundle(state: CeremonyState, chain: readonly ChainEntry[]): Bundle | null {
  if (state.phase !== 'closed') return null;
  const seal = state.seal!;
  const schools = state.schools.flatMap((school): BundleSchool[] => {
    const { imported, draw, teachers } = school;
    if (imported === null || draw === null || teachers === null) return [];
    const { contribution, seedHex, classOf } = draw;
    return [
      {
        name: school.name,
        rosterHash: imported.rosterHash,
        roster: engineRoster(imported.roster, seal.rules.names),
        draw: { contribution, seedHex, classOf },
        teachers,
      },
    ];
  });
  const { publicValue } = seal;
  return {
    certificate: {
      format: BUNDLE_FORMAT,
      commitment: seal.commitment,
      planHash: seal.planHash,
      buildHash: seal.buildHash,
      rules: seal.rules,
      secretHex: seal.secretHex,
      // A closed ceremony has its value: the close is refused while a named one is missing.
      publicValue: publicValue === null ? null : { ...publicValue, value: publicValue.value! },
    },
    plan: state.plan!,
    schools,
    audit: chain.map(redact),
  };
}

function redact(entry: ChainEntry): BundleEntry {
  const body = entry.body as { command?: { type?: unknown }; refusal?: object };
  if (entry.kind === 'command' && body.command?.type === 'school:import') {
    return { ...entry, body: { ...body, command: { ...body.command, roster: null } }, redacted: true };
  }
  if (entry.kind === 'refusal') {
    // Messages go too, not only details: a draw refused because two siblings share a name names them.
    const refusal = { ...body.refusal, zh: null, en: null, details: null };
    return { ...entry, body: { ...body, refusal }, redacted: true };
  }
  if (entry.kind === 'access') {
    // The devices in the hall that tried are the notary's business, not the public's.
    const { attempts } = entry.body as { attempts?: readonly object[] };
    const anonymous = (attempts ?? []).map((attempt) => ({ ...attempt, address: null }));
    return { ...entry, body: { ...(entry.body as object), attempts: anonymous }, redacted: true };
  }
  return { ...entry, redacted: false };
}

// Runtime shapes of the files, so a verifier names the file and field that is malformed instead of crashing.
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits');
/** A student as the bundle publishes them (`engineRoster`): no name but its classes, no ID number. */
const PublishedStudentSchema = StudentSchema.extend({
  name: z.literal(''),
  nameClasses: NameClassesSchema,
  idCard: z.null(),
});

export const CertificateSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  commitment: hex64,
  planHash: hex64,
  buildHash: hex64,
  rules: RulesSchema,
  secretHex: hex64,
  publicValue: z.strictObject({ source: z.string(), value: z.string() }).nullable(),
});
/** Checked against the plan in the audit chain, which the state machine validates when it replays it. */
export const PlanFileSchema = z.strictObject({ schools: z.array(z.record(z.string(), z.unknown())) });
export const SchoolFileSchema = z.strictObject({
  name: z.string(),
  rosterHash: hex64,
  roster: rosterSchema(PublishedStudentSchema),
  draw: z.strictObject({ contribution: z.string(), seedHex: hex64, classOf: z.array(z.number().int()) }),
  teachers: TeacherRecordSchema,
});
export const AuditFileSchema = z.array(
  z.strictObject({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    kind: z.enum(['command', 'refusal', 'access']),
    body: z.unknown(),
    prev: hex64,
    hash: hex64,
    redacted: z.boolean(),
  }),
);

/** The bundle's files by name: what `export bundle` writes and every verifier reads. */
export const BUNDLE_FILES = { certificate: 'certificate.json', plan: 'plan.json', audit: 'audit.json' } as const;
export const SCHOOLS_FOLDER = 'schools';

/** A school's file name: its name with the characters Windows and Unix file names forbid replaced by "_". */
export function schoolFileName(school: string): string {
  return `${school.replace(/[\\/:*?"<>|]/g, '_')}.json`;
}
