/** Why an assignment cannot be made: said in Chinese first, English too, naming the students involved. */
export interface AssignError {
  readonly code:
    | 'no-students'
    | 'bad-classes'
    | 'over-capacity'
    | 'sibling-group-too-large'
    | 'apart-group-too-large'
    | 'same-name-too-many'
    | 'siblings-must-be-apart'
    | 'no-feasible-placement'
    | 'missing-balance-column';
  readonly zh: string;
  readonly en: string;
}

export class AssignInfeasible extends Error {
  constructor(readonly detail: AssignError) {
    super(`${detail.zh} / ${detail.en}`);
    this.name = 'AssignInfeasible';
  }
}

export function infeasible(code: AssignError['code'], zh: string, en: string): never {
  throw new AssignInfeasible({ code, zh, en });
}
