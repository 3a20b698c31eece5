/** What clients may see of the ceremony state: no secret before the close, no passphrase hash, no ID numbers in clear. */
import type { CeremonyState } from '../engine/ceremony/state.ts';
import { maskId, maskName } from './mask.ts';
import type { SchoolView, Snapshot } from './contract/protocol.ts';

/** Displays and consoles show names in full (the rules require the roster on screen); public pages mask them. */
export type NameVisibility = 'clear' | 'masked';

export function toSnapshot(state: CeremonyState, names: NameVisibility): Snapshot {
  const showName = names === 'clear' ? (name: string) => name : maskName;
  const schools = state.schools.map((school, index): SchoolView => {
    const plan = state.plan!.schools[index]!;
    const { imported, draw } = school;
    return {
      name: school.name,
      stage: plan.stage,
      classes: plan.classes,
      cap: plan.cap,
      capOverrideReason: plan.capOverrideReason,
      declared: { students: plan.students, boys: plan.boys, girls: plan.girls, multiples: plan.multiples },
      status: school.status,
      roster:
        imported === null
          ? null
          : {
              fileName: imported.fileName,
              rosterHash: imported.rosterHash,
              mismatches: imported.mismatches,
              acceptedReason: imported.acceptedReason,
              students: imported.roster.students.map((student) => ({
                id: maskId(student.id),
                name: showName(student.name),
                gender: student.gender,
                idCard: student.idCard === null ? null : maskId(student.idCard),
                siblingGroup: names === 'clear' ? student.siblingGroup : null,
              })),
            },
      draw:
        draw === null
          ? null
          : {
              ...draw,
              report: {
                ...draw.report,
                // The pairs name students by id, which often embeds the ID number: masked like the roster's ids.
                soundAlikePairs: draw.report.soundAlikePairs.map((pair) => ({
                  ...pair,
                  a: maskId(pair.a),
                  b: maskId(pair.b),
                })),
              },
            },
      teachers: school.teachers,
    };
  });
  const { seal } = state;
  return {
    revision: state.revision,
    phase: state.phase,
    seal:
      seal === null
        ? null
        : {
            commitment: seal.commitment,
            planHash: seal.planHash,
            rules: seal.rules,
            buildHash: seal.buildHash,
            publicValue: seal.publicValue,
            // Revealed at the close and never before: until every school is drawn, the secret would let someone
            // foresee a draw from its contribution.
            ...(state.phase === 'closed' ? { secretHex: seal.secretHex } : {}),
          },
    schools,
  };
}
