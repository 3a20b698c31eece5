/** From a grid of cells to a validated roster, with every problem located by row and column. */

import { parseIdCard } from '../../engine/idcard.ts';
import type { Gender, Roster, Student } from '../../engine/roster.ts';
import {
  chooseScoreColumns,
  findHeaderRow,
  isBlankRow,
  layoutColumns,
  type ColumnLayout,
  type RosterField,
  type ScoreColumn,
} from './columns.ts';
import { columnLabel, type RosterIssue } from './issue.ts';
import type { Table } from './table.ts';
import { groupLabel, halfWidth, parseBirthDate, parseGender, parseScore, splitGroups, tidyCell } from './values.ts';
import type { CellProblemKind } from './xlsx.ts';

export interface RosterValidation {
  /** Null whenever there is an error; warnings alone leave a usable roster. */
  readonly roster: Roster | null;
  readonly issues: readonly RosterIssue[];
}

/** `scoreNames` names the score columns; null means every other all-numeric column. */
export function validateTable(table: Table, scoreNames: readonly string[] | null): RosterValidation {
  const { rows } = table;
  const headerIndex = findHeaderRow(rows);
  if (headerIndex === null) return { roster: null, issues: [emptyFileIssue] };
  const header = rows[headerIndex] ?? [];
  const headerRow = headerIndex + 1;
  const issues: RosterIssue[] = [];

  if (rows.slice(0, headerIndex).some((row) => !isBlankRow(row))) issues.push(rowsBeforeHeaderIssue(headerRow));

  const { layout, issues: layoutIssues } = layoutColumns(header, headerRow);
  issues.push(...layoutIssues);
  const dataRowIndexes: number[] = [];
  rows.forEach((row, index) => {
    if (index > headerIndex && !isBlankRow(row, layout.rowNumberColumns)) dataRowIndexes.push(index);
  });
  if (dataRowIndexes.length === 0) issues.push(noStudentsIssue(headerRow));
  const dataRows = dataRowIndexes.map((index) => rows[index] ?? []);
  const { scores, issues: scoreIssues } = chooseScoreColumns(header, headerRow, layout, dataRows, scoreNames);
  issues.push(...scoreIssues);

  // Without a sound header every row would repeat the same complaint.
  if (hasError(issues)) return { roster: null, issues };

  const students = readStudents(table, header, layout, scores, scoreNames !== null, dataRowIndexes, issues);
  const roster = hasError(issues) ? null : { subjects: scores.map((score) => score.subject), students };
  return { roster, issues };
}

function hasError(issues: readonly RosterIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Excel has at most 16,384 columns, so this numbers every cell uniquely without building strings. */
function cellKey(rowIndex: number, column: number): number {
  return rowIndex * 16_384 + column;
}

interface SeenAt {
  readonly row: number;
  readonly name: string;
}

interface WhitespaceFix {
  readonly row: number;
  readonly before: string;
  readonly after: string;
}

function readStudents(
  table: Table,
  header: readonly string[],
  layout: ColumnLayout,
  scores: readonly ScoreColumn[],
  scoresNamed: boolean,
  dataRowIndexes: readonly number[],
  issues: RosterIssue[],
): Student[] {
  const { fields } = layout;
  const cellProblems = new Map<number, CellProblemKind>(
    table.cellProblems.map((problem) => [cellKey(problem.rowIndex, problem.columnIndex), problem.kind]),
  );
  const whitespaceFixes = new Map<number, WhitespaceFix[]>();
  const seenIds = new Map<string, SeenAt>();
  const seenIdCards = new Map<string, SeenAt>();
  const siblingRows = new Map<string, number[]>();
  const apartRows = new Map<string, number[]>();
  const students: Student[] = [];

  const label = (column: number): string => columnLabel(header[column] ?? '', column);
  const fieldLabel = (field: RosterField): string | null => {
    const column = fields[field];
    return column === null ? null : label(column);
  };
  const report = (issue: Omit<RosterIssue, 'column'>, column: number | null): void => {
    issues.push({ ...issue, column: column === null ? null : label(column) });
  };

  /** The tidied text of a cell; '' when the column is absent; null when the cell is unusable (already reported). */
  const read = (rowIndex: number, column: number | null): string | null => {
    if (column === null) return '';
    const raw = table.rows[rowIndex]?.[column] ?? '';
    const problem = cellProblems.size === 0 ? undefined : cellProblems.get(cellKey(rowIndex, column));
    if (problem !== undefined) {
      report(cellProblemIssue(problem, rowIndex + 1, raw), column);
      return null;
    }
    const text = tidyCell(raw);
    // A cell of nothing but spaces is simply empty; whatever that means is reported on its own.
    if (text !== raw && text !== '') {
      const fixes = whitespaceFixes.get(column) ?? [];
      fixes.push({ row: rowIndex + 1, before: raw, after: text });
      whitespaceFixes.set(column, fixes);
    }
    return text;
  };

  for (const rowIndex of dataRowIndexes) {
    const row = rowIndex + 1;
    const id = read(rowIndex, fields.id);
    const name = read(rowIndex, fields.name);
    const genderText = read(rowIndex, fields.gender);
    const idCardText = read(rowIndex, fields.idCard);
    const birthDateText = read(rowIndex, fields.birthDate);
    const siblingText = read(rowIndex, fields.siblingGroup);
    const apartText = read(rowIndex, fields.apartGroups);
    const sourceSchool = read(rowIndex, fields.sourceSchool);

    if (id === '') {
      report({ severity: 'error', code: 'missing-id', row, ...missingIdMessage() }, fields.id);
    } else if (id !== null) {
      const earlier = seenIds.get(id);
      if (earlier === undefined) seenIds.set(id, { row, name: name ?? '' });
      else
        report({ severity: 'error', code: 'duplicate-id', row, ...duplicateIdMessage(id, earlier, name) }, fields.id);
    }

    if (name === '') report({ severity: 'error', code: 'missing-name', row, ...missingNameMessage() }, fields.name);

    const gender = genderText === null ? null : parseGender(genderText);
    if (genderText !== null && gender === null) {
      report({ severity: 'error', code: 'invalid-gender', row, ...invalidGenderMessage(genderText) }, fields.gender);
    }

    let idCard: string | null = null;
    let idCardBirthDate: string | null = null;
    if (idCardText !== null && idCardText !== '') {
      const parsed = parseIdCard(halfWidth(idCardText));
      if (!parsed.ok) {
        report({ severity: 'error', row, ...invalidIdCardMessage(parsed.reason, idCardText) }, fields.idCard);
      } else {
        idCard = parsed.idCard;
        idCardBirthDate = parsed.birthDate;
        const earlier = seenIdCards.get(idCard);
        if (earlier === undefined) seenIdCards.set(idCard, { row, name: name ?? '' });
        else {
          report(
            { severity: 'error', code: 'duplicate-id-card', row, ...duplicateIdCardMessage(earlier) },
            fields.idCard,
          );
        }
        if (gender !== null && gender !== parsed.gender) {
          const message = genderMismatchMessage(parsed.gender, genderText ?? '', fieldLabel('gender'));
          report({ severity: 'error', code: 'id-card-gender-mismatch', row, ...message }, fields.idCard);
        }
      }
    }

    let birthDate: string | null = null;
    if (birthDateText !== null && birthDateText !== '') {
      birthDate = parseBirthDate(birthDateText);
      if (birthDate === null) {
        const message = invalidBirthDateMessage(birthDateText);
        report({ severity: 'error', code: 'invalid-birth-date', row, ...message }, fields.birthDate);
      } else if (idCardBirthDate !== null && birthDate !== idCardBirthDate) {
        const message = birthDateMismatchMessage(birthDate, idCardBirthDate, fieldLabel('idCard'));
        report({ severity: 'error', code: 'id-card-birth-date-mismatch', row, ...message }, fields.birthDate);
      }
    }

    const siblingGroup = siblingText === null ? null : groupLabel(siblingText);
    if (siblingGroup !== null) siblingRows.set(siblingGroup, [...(siblingRows.get(siblingGroup) ?? []), row]);
    const apartGroups = apartText === null ? [] : splitGroups(apartText);
    for (const group of apartGroups) apartRows.set(group, [...(apartRows.get(group) ?? []), row]);

    const studentScores = scores.map(({ index }) => {
      const text = read(rowIndex, index);
      if (text === null) return null;
      const score = parseScore(text);
      switch (score.kind) {
        case 'number':
          return score.value;
        case 'blank':
          return null;
        case 'absent':
          report({ severity: 'warning', code: 'missing-score', row, ...absentScoreMessage(text) }, index);
          return null;
        case 'invalid':
          report({ severity: 'error', code: 'invalid-score', row, ...invalidScoreMessage(text, scoresNamed) }, index);
          return null;
      }
    });

    if (id && name && gender !== null) {
      students.push({
        id,
        name,
        gender,
        birthDate: birthDate ?? idCardBirthDate,
        idCard,
        siblingGroup,
        apartGroups,
        sourceSchool: sourceSchool || null,
        scores: studentScores,
      });
    }
  }

  for (const [column, fixes] of whitespaceFixes) {
    report({ severity: 'warning', code: 'whitespace', row: null, ...whitespaceMessage(fixes) }, column);
  }
  for (const [group, [row, ...others]] of siblingRows) {
    if (row !== undefined && others.length === 0) {
      report({ severity: 'warning', code: 'single-sibling', row, ...singleSiblingMessage(group) }, fields.siblingGroup);
    }
  }
  for (const [group, [row, ...others]] of apartRows) {
    if (row !== undefined && others.length === 0) {
      const message = singleApartMemberMessage(group);
      report({ severity: 'warning', code: 'single-apart-member', row, ...message }, fields.apartGroups);
    }
  }
  return students;
}

type Message = Pick<RosterIssue, 'zh' | 'en'>;

const GENDER_WORDS: Readonly<Record<Gender, { zh: string; en: string }>> = {
  M: { zh: '男', en: 'male' },
  F: { zh: '女', en: 'female' },
};

const emptyFileIssue: RosterIssue = {
  severity: 'error',
  code: 'empty-file',
  row: null,
  column: null,
  zh: '文件是空的，没有任何内容。',
  en: 'the file is empty.',
};

function rowsBeforeHeaderIssue(headerRow: number): RosterIssue {
  const above = headerRow === 2 ? '第 1 行' : `第 1–${headerRow - 1} 行`;
  const aboveEn = headerRow === 2 ? 'row 1' : `rows 1–${headerRow - 1}`;
  return {
    severity: 'warning',
    code: 'rows-before-header',
    row: null,
    column: null,
    zh: `表头在第 ${headerRow} 行，上面的${above}（标题等）已忽略。`,
    en: `the header is on row ${headerRow}; ${aboveEn} above it (a title or similar) are ignored.`,
  };
}

function noStudentsIssue(headerRow: number): RosterIssue {
  return {
    severity: 'error',
    code: 'no-students',
    row: headerRow,
    column: null,
    zh: '表头下面没有任何学生数据。',
    en: 'there are no students below the header.',
  };
}

function cellProblemIssue(problem: CellProblemKind, row: number, text: string): Omit<RosterIssue, 'column'> {
  switch (problem) {
    case 'imprecise-number':
      return {
        severity: 'error',
        code: 'imprecise-number',
        row,
        zh: `这个单元格是数字格式，超过 15 位的数字在 Excel 里已丢失末尾几位（现为 ${text}）。请把这一列设为“文本”格式，重新填入完整号码后再导入。`,
        en: `this cell is a number, and Excel keeps only 15 digits, so the end of this long number is lost (now ${text}). Format the column as Text, re-enter the full numbers and import again.`,
      };
    case 'uncached-formula':
      return {
        severity: 'error',
        code: 'uncached-formula',
        row,
        zh: '这个单元格是公式，但文件里没有保存计算结果。请用 Excel 打开文件、保存一次后再导入。',
        en: 'this cell is a formula whose result was not saved in the file. Open the file in Excel, save it once and import again.',
      };
  }
}

function missingIdMessage(): Message {
  return {
    zh: '学号为空。每名学生都要有唯一的学号（学籍号）。',
    en: 'the student id is empty; every student needs a unique id.',
  };
}

function duplicateIdMessage(id: string, earlier: SeenAt, name: string | null): Message {
  return {
    zh: `学号“${id}”与第 ${earlier.row} 行（${earlier.name}）重复，本行是${name ?? ''}。学号必须唯一，请核对。`,
    en: `student id "${id}" is also on row ${earlier.row} (${earlier.name}); this row is ${name ?? ''}. Ids must be unique.`,
  };
}

function missingNameMessage(): Message {
  return { zh: '姓名为空。', en: 'the name is empty.' };
}

function invalidGenderMessage(text: string): Message {
  return text === ''
    ? { zh: '性别为空，请填写“男”或“女”。', en: 'the gender is empty; write 男 or 女 (M/F).' }
    : {
        zh: `性别“${text}”无法识别，请填写“男”或“女”（也可用 M/F、male/female）。`,
        en: `gender "${text}" is not recognised; write 男 or 女 (or M/F, male/female).`,
      };
}

function invalidIdCardMessage(
  reason: 'format' | 'checksum' | 'birthDate',
  text: string,
): Message & Pick<RosterIssue, 'code'> {
  switch (reason) {
    case 'format':
      return {
        code: 'invalid-id-card',
        zh: `身份证号“${text}”格式不对（${text.length} 个字符）：应为 18 位，前 17 位是数字，最后一位是数字或 X。`,
        en: `ID number "${text}" is malformed (${text.length} characters): it must be 17 digits followed by a digit or X.`,
      };
    case 'checksum':
      return {
        code: 'id-card-checksum',
        zh: `身份证号“${text}”校验位错误：最后一位与前 17 位对不上，通常是录错了某一位。请对照证件核对。`,
        en: `ID number "${text}" fails its checksum: the last character does not match the first 17, usually a typing mistake. Check it against the ID card.`,
      };
    case 'birthDate':
      return {
        code: 'id-card-birth-date',
        zh: `身份证号“${text}”中的出生日期 ${text.slice(6, 14)} 不是真实的日期。请对照证件核对。`,
        en: `the birth date ${text.slice(6, 14)} inside ID number "${text}" is not a real date. Check it against the ID card.`,
      };
  }
}

function duplicateIdCardMessage(earlier: SeenAt): Message {
  return {
    zh: `身份证号与第 ${earlier.row} 行（${earlier.name}）相同。同一身份证号不能出现两次，请核对是否重复录入。`,
    en: `the same ID number as row ${earlier.row} (${earlier.name}); an ID number cannot appear twice. Check for a duplicated student.`,
  };
}

function genderMismatchMessage(idCardGender: Gender, genderText: string, genderColumn: string | null): Message {
  const words = GENDER_WORDS[idCardGender];
  return {
    zh: `身份证号第 17 位表示${words.zh}性，但 ${genderColumn ?? '性别'} 填的是“${genderText}”。请核对性别或身份证号。`,
    en: `the 17th digit of the ID number says ${words.en}, but ${genderColumn ?? 'gender'} says "${genderText}". Check the gender or the ID number.`,
  };
}

function invalidBirthDateMessage(text: string): Message {
  return {
    zh: `出生日期“${text}”无法识别或不是真实的日期。请写成 2012-05-19、2012/5/19 或 2012年5月19日。`,
    en: `birth date "${text}" is not recognised or not a real date; write it like 2012-05-19, 2012/5/19 or 2012年5月19日.`,
  };
}

function birthDateMismatchMessage(birthDate: string, idCardBirthDate: string, idCardColumn: string | null): Message {
  return {
    zh: `出生日期 ${birthDate} 与 ${idCardColumn ?? '身份证号'} 中的 ${idCardBirthDate} 不一致。请核对。`,
    en: `birth date ${birthDate} differs from ${idCardBirthDate} in ${idCardColumn ?? 'the ID number'}. Check which is right.`,
  };
}

function absentScoreMessage(text: string): Message {
  return {
    zh: `成绩为“${text}”，按缺失处理（不计为 0 分）。`,
    en: `score "${text}" is taken as missing (not as 0).`,
  };
}

function invalidScoreMessage(text: string, scoresNamed: boolean): Message {
  const hint = scoresNamed
    ? { zh: '', en: '' }
    : {
        zh: '如果这一列其实不是成绩，请用成绩列选项指定哪些列是成绩。',
        en: ' If this column is not a score at all, name the score columns explicitly.',
      };
  return {
    zh: `成绩“${text}”不是数字。没有成绩请留空或填“缺考”。${hint.zh}`,
    en: `score "${text}" is not a number; leave it empty or write 缺考 when there is no score.${hint.en}`,
  };
}

const WHITESPACE_EXAMPLES = 3;

function whitespaceMessage(fixes: readonly WhitespaceFix[]): Message {
  const shown = fixes.slice(0, WHITESPACE_EXAMPLES);
  const more = fixes.length > shown.length;
  const zhExamples = shown.map((fix) => `第 ${fix.row} 行“${fix.before}”→“${fix.after}”`).join('；');
  const enExamples = shown.map((fix) => `row ${fix.row} "${fix.before}" → "${fix.after}"`).join('; ');
  return {
    zh: `${fixes.length} 个单元格有多余的空格（含全角空格），已自动去除：${zhExamples}${more ? ' 等' : ''}。`,
    en: `${fixes.length} cell(s) had stray or full-width spaces, removed: ${enExamples}${more ? ' …' : ''}.`,
  };
}

function singleSiblingMessage(group: string): Message {
  return {
    zh: `多胞胎组“${group}”只有这一名学生，同组应至少两人。请核对组号。`,
    en: `sibling group "${group}" has only this student; a group needs at least two. Check the group label.`,
  };
}

function singleApartMemberMessage(group: string): Message {
  return {
    zh: `分开组“${group}”只有这一名学生，这个组不起作用。请核对组号。`,
    en: `apart group "${group}" has only this student, so it has no effect. Check the group label.`,
  };
}
