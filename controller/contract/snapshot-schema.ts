/**
 * What the controller broadcasts, as zod schemas: the snapshot, the update after a command and the step times. The
 * apps check every one on arrival (`live-client.ts`), as the controller checks what they send: types do not check
 * the wire. Each schema is tied to its type in `protocol.ts` below, so the two cannot drift apart (docs/decisions/004).
 */
import { z } from 'zod';
import { RulesSchema, type CeremonyTimes, type SchoolView, type Snapshot, type Update } from './protocol.ts';
import type { BalanceReport, CheckId } from '../../engine/assign/metrics.ts';
import type { Relaxation } from '../../engine/assign/index.ts';
import type { DeclaredFigures } from '../../engine/ceremony/plan.ts';
import { PHASES, SCHOOL_STATUSES, type CeremonyEvent } from '../../engine/ceremony/state.ts';

const count = z.number().int().min(0);
const classNumber = z.number().int().min(1);
const textPair = { zh: z.string(), en: z.string() };

const FIGURES = ['students', 'boys', 'girls', 'multiples'] as const satisfies readonly (keyof DeclaredFigures)[];
const MismatchSchema = z.object({ figure: z.enum(FIGURES), declared: count, actual: count });
const RevealSchema = z.object({ student: count, classNumber });

const RELAXED_RULES = [
  'gender',
  'sourceSchool',
  'band',
  'top',
  'bottom',
  'flag',
  'sameSound',
] as const satisfies readonly Relaxation['rule'][];

const CHECK_IDS = [
  'size-spread',
  'cap',
  'boys-spread',
  'girls-spread',
  'siblings',
  'apart-groups',
  'same-name',
  'same-sound',
  'source-school-spread',
  'band-spread',
  'top-share',
  'bottom-share',
  'flag-spread',
] as const satisfies readonly CheckId[];

const CountRowSchema = z.object({ label: z.string(), perClass: z.array(count) });

const BalanceReportSchema = z.object({
  classes: z.array(
    z.object({
      classNumber,
      size: count,
      boys: count,
      girls: count,
      subjects: z.array(z.object({ mean: z.number().nullable(), sd: z.number().nullable(), count })),
      meanBirthDate: z.string().nullable(),
      meanBirthDay: z.number().nullable(),
    }),
  ),
  subjects: z.array(z.object({ subject: z.string(), meanRange: z.number(), sdRange: z.number(), missing: count })),
  birthDateMeanRangeDays: z.number().nullable(),
  distribution: z.object({
    rankedBy: z.string().nullable(),
    bands: z.array(CountRowSchema),
    top: CountRowSchema.nullable(),
    bottom: CountRowSchema.nullable(),
    flags: z.array(CountRowSchema),
  }),
  checks: z.array(
    z.object({ id: z.enum(CHECK_IDS), ok: z.boolean(), value: z.number(), limit: z.number(), ...textPair }),
  ),
  soundAlikePairs: z.array(z.object({ a: z.string(), b: z.string(), classA: classNumber, classB: classNumber })),
});

const SchoolViewSchema = z.object({
  name: z.string(),
  stage: z.enum(['primary', 'junior']),
  classes: count,
  cap: count,
  capOverrideReason: z.string().nullable(),
  declared: z.object({ students: count, boys: count, girls: count, multiples: count }),
  status: z.enum(SCHOOL_STATUSES),
  roster: z
    .object({
      fileName: z.string(),
      rosterHash: z.string(),
      mismatches: z.array(MismatchSchema),
      acceptedReason: z.string().nullable(),
      students: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          gender: z.enum(['M', 'F']),
          sourceSchool: z.string().nullable(),
          siblingGroup: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  draw: z
    .object({
      contribution: z.string(),
      seedHex: z.string(),
      classOf: z.array(classNumber),
      reveal: z.array(RevealSchema),
      relaxations: z.array(z.object({ rule: z.enum(RELAXED_RULES), ...textPair })),
      report: BalanceReportSchema,
    })
    .nullable(),
  teachers: z
    .object({
      draw: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('lottery'), contribution: z.string() }),
        z.object({ kind: z.literal('envelopes'), teamOfClass: z.array(classNumber) }),
      ]),
      teamOfClass: z.array(classNumber),
    })
    .nullable(),
});

export const SnapshotSchema = z.object({
  revision: count,
  phase: z.enum(PHASES),
  seal: z
    .object({
      commitment: z.string(),
      planHash: z.string(),
      rules: RulesSchema,
      buildHash: z.string(),
      secretHex: z.string().optional(),
      publicValue: z.object({ source: z.string(), value: z.string().nullable() }).nullable(),
    })
    .nullable(),
  schools: z.array(SchoolViewSchema),
});

const school = z.string();

export const CeremonyEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan:set'), schools: count, planHash: z.string() }),
  z.object({
    type: z.literal('ceremony:sealed'),
    commitment: z.string(),
    planHash: z.string(),
    buildHash: z.string(),
    publicValueSource: z.string().nullable(),
  }),
  z.object({ type: z.literal('ceremony:public-value-entered'), source: z.string(), value: z.string() }),
  z.object({ type: z.literal('ceremony:previewed') }),
  z.object({ type: z.literal('ceremony:unsealed') }),
  z.object({
    type: z.literal('school:imported'),
    school,
    students: count,
    rosterHash: z.string(),
    mismatches: z.array(MismatchSchema),
    acceptedReason: z.string().nullable(),
  }),
  z.object({
    type: z.literal('school:drawn'),
    school,
    contribution: z.string(),
    seedHex: z.string(),
    reveal: z.array(RevealSchema),
  }),
  z.object({ type: z.literal('school:published'), school }),
  z.object({ type: z.literal('school:teachers-drawn'), school, teamOfClass: z.array(classNumber) }),
  z.object({ type: z.literal('ceremony:closed'), secretHex: z.string() }),
]);

export const UpdateSchema = z.object({
  revision: count,
  events: z.array(CeremonyEventSchema),
  snapshot: SnapshotSchema,
});

const doneAt = z.string().nullable();

export const CeremonyTimesSchema = z.object({
  sealedAt: doneAt,
  previewedAt: doneAt,
  unsealedAt: doneAt,
  closedAt: doneAt,
  schools: z.record(
    z.string(),
    z.object({ importedAt: doneAt, drawnAt: doneAt, publishedAt: doneAt, teachersDrawnAt: doneAt }),
  ),
});

/** The type with `readonly` taken off: on the wire nothing is readonly. */
type Writable<T> = T extends readonly (infer Item)[]
  ? Writable<Item>[]
  : T extends object
    ? { -readonly [Key in keyof T]: Writable<T[Key]> }
    : T;
/** True when every value of one is a value of the other, both ways: the schema accepts exactly the type. */
type Same<Schema extends z.ZodType, Type> = [Writable<z.output<Schema>>] extends [Writable<Type>]
  ? [Writable<Type>] extends [Writable<z.output<Schema>>]
    ? true
    : false
  : false;
// These lines stop compiling when a schema and the type it checks drift apart.
const schemasMatchTypes: [
  Same<typeof SnapshotSchema, Snapshot>,
  Same<typeof SchoolViewSchema, SchoolView>,
  Same<typeof BalanceReportSchema, BalanceReport>,
  Same<typeof CeremonyEventSchema, CeremonyEvent>,
  Same<typeof UpdateSchema, Update>,
  Same<typeof CeremonyTimesSchema, CeremonyTimes>,
] = [true, true, true, true, true, true];
void schemasMatchTypes;
