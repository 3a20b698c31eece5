/**
 * The verification bundle is public: written from a whole demo ceremony, none of its files may hold a student's name
 * (nor ID number or school student id). Every file is searched for every student of the demo district's rosters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBundle } from '../engine/ceremony/bundle.ts';
import type { Student } from '../engine/roster.ts';
import { VERIFIER_PAGE, writeBundle } from '../controller/bundle-files.ts';
import { DEMO_DISTRICT } from '../controller/cli/demo.ts';
import { readRosterFile } from '../controller/contract/roster-file/index.ts';
import { readWorkbookSheet } from '../controller/contract/roster-file/workbook.ts';
import { openCeremony } from '../controller/ceremony.ts';
import { demoRequests, FIXED_SERVICES, tempDataDir, type DemoStage } from './support/demo-ceremony.ts';

const BUILT_VERIFIER = 'verifier/dist/index.html';

/** Every student of a stage's demo rosters, read from the files as the ceremony reads them. */
async function demoStudents(stage: DemoStage): Promise<Student[]> {
  const dir = join(DEMO_DISTRICT, stage);
  const files = readdirSync(dir).filter((file) => file !== 'plan.csv');
  const rosters = await Promise.all(
    files.map(async (file) => readRosterFile(file, await readFile(join(dir, file)), {}, readWorkbookSheet)),
  );
  return rosters.flatMap(({ roster }) => roster!.students);
}

/** The text of every file of a bundle folder, by path. */
function bundleFiles(dir: string): Map<string, string> {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(paths.map((entry) => [entry.name, readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

describe.each<DemoStage>(['primary', 'junior'])('the bundle of the %s demo ceremony', (stage) => {
  it('holds no student name, ID number or school id in any file, and the ranks in their place', async () => {
    const { service, log } = openCeremony(tempDataDir(), FIXED_SERVICES);
    for (const request of await demoRequests(stage)) expect((await service.submit(request, 'test')).ok).toBe(true);
    const bundle = createBundle(service.state, log.chain())!;
    log.close();
    const dir = join(tempDataDir(), 'bundle');
    await writeBundle(dir, bundle, existsSync(BUILT_VERIFIER) ? BUILT_VERIFIER : null);

    const files = bundleFiles(dir);
    const students = await demoStudents(stage);
    expect(students.length).toBeGreaterThan(500);
    for (const [file, text] of files) {
      for (const student of students) {
        for (const secret of [student.name, student.id, student.idCard ?? student.name]) {
          if (text.includes(secret)) expect.fail(`${file} holds ${secret}`);
        }
      }
    }
    // The search reads what it should: every school's file is there, with a rank and name classes per student.
    for (const school of bundle.schools) {
      const file = files.get(`${school.name}.json`)!;
      const width = String(school.roster.students.length).length;
      expect(file).toContain(`"id": "${String(school.roster.students.length).padStart(width, '0')}"`);
      expect(file).toContain('"nameClasses"');
    }
    expect(files.has(VERIFIER_PAGE)).toBe(existsSync(BUILT_VERIFIER));
  }, 60_000);
});
