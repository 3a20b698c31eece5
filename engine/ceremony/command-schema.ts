/**
 * The runtime shapes of the engine's own data as it is stored and published: the ceremony's commands (and the plan,
 * rules, rosters and teacher draws inside them), so a command read back from the controller's log or from a bundle's
 * audit chain is checked field by field before `transition` sees it, never cast. Shapes only: what the values mean
 * (a valid plan, a contribution, a roster matching its figures) the state machine itself judges, with its reasons.
 */
import { z } from 'zod';

const nameClass = z.number().int().min(1);
/** One shape per `names` rule (`NameClasses`): the exact class, and the sound or dialect class that rule compares. */
export const NameClassesSchema = z.union([
  z.strictObject({ exact: nameClass }),
  z.strictObject({ exact: nameClass, sound: nameClass }),
  z.strictObject({ exact: nameClass, dialect: nameClass }),
]);

export const StudentSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  nameClasses: NameClassesSchema.optional(),
  gender: z.enum(['M', 'F']),
  birthDate: z.string().nullable(),
  idCard: z.string().nullable(),
  siblingGroup: z.string().nullable(),
  apartGroups: z.array(z.string()),
  sourceSchool: z.string().nullable(),
  scores: z.array(z.number().nullable()),
  flags: z.array(z.boolean()),
});

export function rosterSchema<Student extends z.ZodType>(student: Student) {
  return z.strictObject({ subjects: z.array(z.string()), flags: z.array(z.string()), students: z.array(student) });
}

export const RulesSchema = z.strictObject({
  siblings: z.enum(['together', 'apart']),
  names: z.enum(['exact', 'sound', 'dialect']),
  bands: z.number().int().min(0),
  rankBy: z.string().nullable(),
  extremes: z.number().int().min(0),
  balance: z.array(z.string()),
});

const teams = z.array(z.number().int());
export const TeacherDrawSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lottery'), contribution: z.string() }),
  z.strictObject({ kind: z.literal('envelopes'), teamOfClass: teams }),
]);
export const TeacherRecordSchema = z.strictObject({ draw: TeacherDrawSchema, teamOfClass: teams });

const PlanSchema = z.strictObject({
  schools: z.array(
    z.strictObject({
      name: z.string(),
      stage: z.enum(['primary', 'junior']),
      classes: z.number(),
      cap: z.number(),
      students: z.number(),
      boys: z.number(),
      girls: z.number(),
      multiples: z.number(),
      capOverrideReason: z.string().nullable(),
    }),
  ),
});

const school = z.string();

/**
 * A command as stored or published. The bundle publishes an import without its roster (null): the school's file holds
 * the engine's part of it, which the replay puts back (`replay.ts`).
 */
export const StoredCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('plan:set'), plan: PlanSchema }),
  z.strictObject({
    type: z.literal('ceremony:seal'),
    secretHex: z.string(),
    rules: RulesSchema,
    buildHash: z.string(),
    operatorKey: z.string(),
    publicValueSource: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('ceremony:enter-public-value'), value: z.string() }),
  z.strictObject({ type: z.literal('ceremony:preview') }),
  z.strictObject({ type: z.literal('ceremony:unseal') }),
  z.strictObject({
    type: z.literal('school:import'),
    school,
    fileName: z.string(),
    roster: rosterSchema(StudentSchema).nullable(),
    acceptMismatchReason: z.string().nullable(),
  }),
  z.strictObject({ type: z.literal('school:draw'), school, contribution: z.string() }),
  z.strictObject({ type: z.literal('school:publish'), school }),
  z.strictObject({ type: z.literal('school:teachers'), school, draw: TeacherDrawSchema }),
  z.strictObject({ type: z.literal('ceremony:close') }),
]);
export type StoredCommand = z.infer<typeof StoredCommandSchema>;

/** An accepted command's log entry: the command and the revision it brought the ceremony to. */
export const CommandEntryBodySchema = z.strictObject({
  revision: z.number().int().min(1),
  command: StoredCommandSchema,
});
