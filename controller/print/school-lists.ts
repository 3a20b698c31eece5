/**
 * A school's official lists, as stamped and filed: the class lists (full names, gender, source school; no character of
 * any ID number or student number), the teacher teams once drawn, the fingerprints that tie the paper to the sealed
 * ceremony, signature lines and stamp areas. One HTML document per copy; the four copies differ only in their label.
 */
import { resultFingerprint } from '../../engine/ceremony/publication.ts';
import type { SealRecord } from '../../engine/ceremony/state.ts';
import { formatDate, formatMean } from '../contract/format.ts';
import type { DocumentContext } from './context.ts';
import {
  a4Document,
  checkZh,
  docHead,
  escapeHtml,
  fingerprintBlock,
  label,
  publicValueFingerprints,
  shortHash,
  signatureLines,
  stampAreas,
  table,
  type CopyLabel,
  type Fingerprint,
} from './html.ts';
import { GRADE, type ClassList, type PublishedSchool } from './published.ts';

/** The four recipients the rules name, in the order the copies are numbered. */
export const COPIES: readonly CopyLabel[] = [
  { number: 1, of: 4, zh: '区教育局基础教育科 存', en: 'bureau basic-education office' },
  { number: 2, of: 4, zh: '纪检监督组 存', en: 'discipline inspection group' },
  { number: 3, of: 4, zh: '学校公示（公示栏 / 微信公众号）', en: 'school notice board / WeChat' },
  { number: 4, of: 4, zh: '学校存档', en: 'school archive' },
];

const GENDER = { M: '男', F: '女' } as const;

export function schoolListsDocument(
  school: PublishedSchool,
  seal: SealRecord,
  context: DocumentContext,
  copy: CopyLabel,
): string {
  const { plan, imported, draw } = school;
  const grade = GRADE[plan.stage];
  const students = imported.roster.students;
  const boys = students.filter((student) => student.gender === 'M').length;
  const result = resultFingerprint(draw.classOf);
  const date = formatDate(context.event.date, 'zh');
  const head = docHead(
    {
      event: context.event.title,
      zh: `${plan.name} ${grade.zh}分班名单`,
      en: `Class lists, ${grade.en}`,
      subtitle:
        `${escapeHtml(date)} · 学生 ${students.length} 人（男 ${boys} / 女 ${students.length - boys}）` +
        ` · ${plan.classes} 个班 <span class="en">${students.length} students in ${plan.classes} classes</span>`,
    },
    copy,
  );
  const body = [
    `<section>${head}${summaryTable(school)}${checksList(school)}</section>`,
    ...school.classes.map((list) => classSection(school, list)),
    teachersSection(school),
    `<section class="keep">` +
      `<h2>${label('核验与签字', 'Fingerprints and signatures')}</h2>` +
      fingerprintBlock(fingerprints(school, seal, result)) +
      signatureLines([
        { zh: '公证员', en: 'notary', name: context.event.notary },
        { zh: '学校负责人', en: 'school head', name: '' },
        { zh: '家长代表', en: 'parent representative', name: '' },
        { zh: '家长代表', en: 'parent representative', name: '' },
        { zh: '家长代表', en: 'parent representative', name: '' },
        { zh: '纪检监督', en: 'discipline inspector', name: '' },
      ]) +
      `<p class="note">日期 Date：${escapeHtml(date)}</p>` +
      stampAreas([
        { zh: '区教育局（盖章）', en: 'bureau seal' },
        { zh: '学校（盖章）', en: 'school seal' },
      ]) +
      `</section>`,
  ].join('');
  return a4Document(
    `${plan.name} 分班名单 第 ${copy.number} 份`,
    {
      runningHead: `${context.event.title}\u3000${plan.name} ${grade.zh}分班名单`,
      footerLeft:
        `计划 plan ${shortHash(seal.planHash)} · 承诺 commitment ${shortHash(seal.commitment)} · ` +
        `名单 roster ${shortHash(imported.rosterHash)} · 结果 result ${shortHash(result)}`,
      footerRight: `第 ${copy.number} 份 / 共 ${copy.of} 份`,
    },
    body,
  );
}

function summaryTable(school: PublishedSchool): string {
  const subjects = school.imported.roster.subjects;
  const columns = [
    { zh: '班级', en: 'class' },
    { zh: '人数', en: 'students', number: true },
    { zh: '男', en: 'boys', number: true },
    { zh: '女', en: 'girls', number: true },
    ...subjects.map((subject) => ({ zh: `${subject}均分`, en: 'mean', number: true })),
    { zh: '教师团队', en: 'teacher team', number: true },
  ];
  const rows = school.classes.map((list, index) => [
    `${list.classNumber} 班`,
    String(list.students.length),
    String(list.boys),
    String(list.girls),
    ...subjects.map((_, s) => formatMean(school.draw.report.classes[index]?.subjects[s]?.mean ?? null)),
    list.team === null ? '—' : `${list.team} 号`,
  ]);
  return `<h2>${label('各班概况', 'Classes at a glance')}</h2>${table(columns, rows)}`;
}

function checksList(school: PublishedSchool): string {
  const items = school.draw.report.checks.map(
    (check) => `<li>${checkZh(check)} <span class="en">${escapeHtml(check.en)}</span></li>`,
  );
  return `<h3>${label('均衡核查', 'Balance checks')}</h3><ul class="note">${items.join('')}</ul>`;
}

function classSection(school: PublishedSchool, list: ClassList): string {
  const students = list.students;
  const withSource = students.some((student) => student.sourceSchool !== null);
  // No column of ID numbers or student numbers, not even masked: the lists go on the notice board (docs/decisions/018).
  const columns = [
    { zh: '序号', en: 'no.', number: true },
    { zh: '姓名', en: 'name' },
    { zh: '性别', en: 'gender' },
    ...(withSource ? [{ zh: '毕业学校', en: 'primary school' }] : []),
  ];
  const rows = students.map((student, index) => [
    String(index + 1),
    escapeHtml(student.name),
    GENDER[student.gender],
    ...(withSource ? [escapeHtml(student.sourceSchool ?? '')] : []),
  ]);
  const team = list.team === null ? '' : ` · 教师团队 ${list.team} 号`;
  const caption =
    `${escapeHtml(school.plan.name)} ${list.classNumber} 班 <span class="en">class ${list.classNumber}</span>` +
    `<span class="counts">${students.length} 人：男 ${list.boys} · 女 ${list.girls}${team} ` +
    `<span class="en">${students.length} students: ${list.boys} boys, ${list.girls} girls</span></span>`;
  return `<section class="page">${table(columns, rows, caption)}</section>`;
}

function teachersSection(school: PublishedSchool): string {
  const { teachers } = school;
  if (teachers === null) {
    return (
      `<section class="page"><h2>${label('教师团队', 'Teacher teams')}</h2>` +
      `<p>教师团队尚未抽取；抽取后请重新打印本名单。<span class="en">The teacher teams are not drawn yet; ` +
      `print these lists again once they are.</span></p></section>`
    );
  }
  const how =
    teachers.draw.kind === 'lottery'
      ? `由家长代表随机数 ${escapeHtml(teachers.draw.contribution)} 经系统抽取 ` +
        `<span class="en">drawn by the system from the parent representatives' input</span>`
      : `现场信封抽签，结果由操作员录入 <span class="en">drawn from sealed envelopes on site, recorded by the operator</span>`;
  const rows = teachers.teamOfClass.map((team, index) => [`${index + 1} 班`, `${team} 号`]);
  return (
    `<section class="page keep"><h2>${escapeHtml(school.plan.name)} ${label('教师团队抽取结果', 'Teacher teams')}</h2>` +
    `<p class="facts">${how}</p>` +
    table(
      [
        { zh: '班级', en: 'class' },
        { zh: '教师团队', en: 'teacher team' },
      ],
      rows,
    ) +
    `</section>`
  );
}

function fingerprints(school: PublishedSchool, seal: SealRecord, result: string): Fingerprint[] {
  const { imported, draw, teachers } = school;
  return [
    { zh: '计划哈希', en: 'plan hash', value: seal.planHash },
    { zh: '随机密钥承诺', en: 'commitment to the secret', value: seal.commitment },
    ...publicValueFingerprints(seal),
    { zh: '名单哈希', en: 'roster hash', value: imported.rosterHash },
    { zh: '家长代表随机数', en: "parents' contribution", value: draw.contribution },
    { zh: '分班种子', en: 'draw seed', value: draw.seedHex },
    { zh: '结果指纹', en: 'result fingerprint', value: result },
    ...(teachers?.draw.kind === 'lottery'
      ? [{ zh: '教师团队随机数', en: 'teacher-team contribution', value: teachers.draw.contribution }]
      : []),
  ];
}
