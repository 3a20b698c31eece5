/**
 * The class lists as the provincial smart-education platform imports them: one row per student, columns named as
 * its templates name them (docs/publication-print.md). Full personal data — these files are for the operator only.
 * Students come in the printed lists' order: school in the plan's order, class, then name in zh-CN collation (the
 * engine's `classLists`, engine/ceremony/publication.ts), so a clerk compares the upload with the paper line by line.
 */
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import { GRADE, publishedSchools, type PublishedSchool, type Unavailable } from '../print/published.ts';
import { neutraliseFormula } from '../spreadsheet-safety.ts';

export const PLATFORM_COLUMNS = [
  '学校',
  '年级',
  '班级',
  '班级名称',
  '学籍号',
  '姓名',
  '性别',
  '身份证号',
  '出生日期',
  '毕业学校',
  '教师团队',
] as const;

/** Columns Excel must keep as numbers (the platform sorts by them); every other column is text. */
export const NUMBER_COLUMNS: ReadonlySet<(typeof PLATFORM_COLUMNS)[number]> = new Set(['班级', '教师团队']);

/** One student's row, in `PLATFORM_COLUMNS` order: class and team as numbers (team null until drawn), text made safe. */
export type PlatformRow = readonly (string | number | null)[];

/** Every text cell goes through here: a roster cell such as `=HYPERLINK(…)` must not become a formula. */
const text = neutraliseFormula;

export function platformRows(schools: readonly PublishedSchool[]): PlatformRow[] {
  return schools.flatMap((school) =>
    school.classes.flatMap((list) =>
      list.students.map((student): PlatformRow => [
        text(school.plan.name),
        text(GRADE[school.plan.stage].zh),
        list.classNumber,
        text(`${list.classNumber}班`),
        text(student.id),
        text(student.name),
        student.gender === 'M' ? '男' : '女',
        text(student.idCard ?? ''),
        text(student.birthDate ?? ''),
        text(student.sourceSchool ?? ''),
        list.team,
      ]),
    ),
  );
}

/** Every published school, or why there is nothing to export district-wide yet. */
export function districtSchools(state: CeremonyState): PublishedSchool[] | Unavailable {
  const schools = publishedSchools(state);
  if (schools.length > 0) return schools;
  return {
    reason: 'not-yet',
    zh: '还没有已公示的学校：公示后才能导出全区名单',
    en: 'no school is published yet: the district list can be exported once one is',
  };
}
