/**
 * A small ceremony on disk for the print and export tests, run through the controller's service as the console runs
 * it: 东湖小学 (primary, 3 classes) published with its teacher teams, 西山中学 (junior, 4 classes) drawn but not yet
 * published — or everything closed. One 东湖小学 student is named like a spreadsheet formula.
 */
import { main } from '../controller/cli/main.ts';
import type { OperatorRequest } from '../controller/contract/protocol.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { CONTRIBUTION, DISPLAY_EVENT, testSchool, type TestSchool } from './display-harness.ts';
import { FIXED_SERVICES, PASSPHRASE, tempDataDir } from './support/demo-ceremony.ts';
import type { CommandResult } from './support/sunshine-cli.ts';

/** What Excel would run as a formula if an export wrote it as is. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example/","点我")';

/** 东湖小学 with its first student renamed to `FORMULA_NAME` in the roster file (quoted as CSV requires). */
function withFormulaName(school: TestSchool): TestSchool {
  const first = school.roster.students[0]!;
  const quoted = `"${FORMULA_NAME.replaceAll('"', '""')}"`;
  const content = new TextDecoder().decode(school.file.content).replace(`,${first.name},`, `,${quoted},`);
  return { ...school, file: { ...school.file, content: new TextEncoder().encode(content) } };
}

export const EAST = withFormulaName(testSchool('东湖小学', 23, 3, false));
export const WEST = testSchool('西山中学', 31, 4, true);

export type Progress = 'east-published' | 'closed';

/** A data directory holding the ceremony up to `progress`, with the event information a console would have set. */
export async function ceremonyOnDisk(progress: Progress): Promise<string> {
  const dataDir = tempDataDir();
  const ceremony = openCeremony(dataDir, FIXED_SERVICES);
  ceremony.presentations.set({ ...ceremony.presentations.presentation, event: DISPLAY_EVENT });
  const schools = [EAST, WEST];
  const teams = (school: TestSchool): OperatorRequest => ({
    type: 'school:teachers',
    school: school.plan.name,
    draw: { kind: 'lottery', contribution: CONTRIBUTION },
  });
  const requests: OperatorRequest[] = [
    { type: 'plan:set', plan: { schools: schools.map((school) => school.plan) } },
    { type: 'ceremony:seal', passphrase: PASSPHRASE },
    { type: 'ceremony:preview' },
    { type: 'ceremony:unseal' },
    ...schools.flatMap((school): OperatorRequest[] => [
      { type: 'school:import', school: school.plan.name, ...school.file, acceptMismatchReason: null },
      { type: 'school:draw', school: school.plan.name, contribution: CONTRIBUTION },
    ]),
    { type: 'school:publish', school: EAST.plan.name },
    teams(EAST),
    ...(progress === 'closed'
      ? [{ type: 'school:publish', school: WEST.plan.name } as const, teams(WEST), { type: 'ceremony:close' } as const]
      : []),
  ];
  try {
    for (const request of requests) {
      const reply = await ceremony.service.submit(request, 'test');
      if (!reply.ok) throw new Error(`${request.type} refused: ${reply.error.en}`);
    }
  } finally {
    ceremony.log.close();
  }
  return dataDir;
}

/** Runs a `sunshine` command in this process (as bin/sunshine.js would, without starting Node again). */
export async function sunshineHere(...argv: string[]): Promise<CommandResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
