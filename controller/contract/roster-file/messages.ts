/**
 * The texts of the roster checks in validate.ts, Chinese first, kept together so a reviewer can read them in one
 * place. Each says what is wrong and, where useful, what to do; the row and column are added by the caller.
 */

import type { Gender } from '../../../engine/roster.ts';
import type { IdCardProblem } from '../../../engine/idcard.ts';
import { excerpt, type RosterIssue } from './issue.ts';
import type { CellProblemKind } from './table.ts';
import { controlCharacterIn, showInvisible } from './values.ts';

export type IssueText = Pick<RosterIssue, 'severity' | 'code' | 'zh' | 'en'>;

/** Where an earlier row with the same value was seen, to name both rows of a duplicate. */
export interface SeenAt {
  readonly row: number;
  readonly name: string;
}

export interface WhitespaceFix {
  readonly row: number;
  readonly before: string;
  readonly after: string;
}

const GENDER_WORDS: Readonly<Record<Gender, { zh: string; en: string }>> = {
  M: { zh: '男', en: 'male' },
  F: { zh: '女', en: 'female' },
};

export const emptyFile: IssueText = {
  severity: 'error',
  code: 'empty-file',
  zh: '文件是空的，没有任何内容。',
  en: 'the file is empty.',
};

export function rowsBeforeHeader(headerRow: number): IssueText {
  const above = headerRow === 2 ? '第 1 行' : `第 1–${headerRow - 1} 行`;
  const aboveEn = headerRow === 2 ? 'row 1 above it is' : `rows 1–${headerRow - 1} above it are`;
  return {
    severity: 'warning',
    code: 'rows-before-header',
    zh: `表头在第 ${headerRow} 行，上面的${above}（标题等）已忽略。`,
    en: `the header is on row ${headerRow}; ${aboveEn} ignored (a title or similar).`,
  };
}

export const noStudents: IssueText = {
  severity: 'error',
  code: 'no-students',
  zh: '表头下面没有任何学生数据。',
  en: 'there are no students below the header.',
};

export function cellProblem(problem: CellProblemKind, text: string): IssueText {
  switch (problem) {
    case 'imprecise-number':
      return {
        severity: 'error',
        code: 'imprecise-number',
        zh: `这个单元格是数字格式，超过 15 位的数字在 Excel 里已丢失末尾几位（现为 ${text}）。请把这一列设为“文本”格式，重新填入完整号码后再导入。`,
        en: `this cell is a number, and Excel keeps only 15 digits, so the end of this long number is lost (now ${text}). Format the column as Text, re-enter the full numbers and import again.`,
      };
    case 'formula-error':
      return {
        severity: 'error',
        code: 'formula-error',
        zh: `这个单元格是出错的公式（${text}），不能当作内容导入。请在 Excel 中改正公式或填入实际内容后再导入。`,
        en: `this cell is a formula that failed (${text}), which cannot be imported as content. Correct the formula in Excel or type the actual value, then import again.`,
      };
    case 'uncached-formula':
      return {
        severity: 'error',
        code: 'uncached-formula',
        zh: '这个单元格是公式，但文件里没有保存计算结果。请用 Excel 打开文件、保存一次后再导入。',
        en: 'this cell is a formula whose result was not saved in the file. Open the file in Excel, save it once and import again.',
      };
  }
}

export function textTooLong(length: number, limit: number): IssueText {
  return {
    severity: 'error',
    code: 'text-too-long',
    zh: `内容太长（${length.toLocaleString('en')} 个字符），这一列最多 ${limit} 个字符。可能是别的内容误粘贴进了这个单元格，请核对。`,
    en: `too long (${length.toLocaleString('en')} characters); this column takes at most ${limit}. Something else may have been pasted into this cell; check it.`,
  };
}

export function controlCharacter(character: string): IssueText {
  const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    severity: 'error',
    code: 'control-character',
    zh: `含有不可见的控制字符（${code}），通常是从其他系统复制时带入的，或文件已损坏。请删除这个单元格的内容后重新输入。`,
    en: `contains an invisible control character (${code}), usually brought along when copying from another system, or a sign of a damaged file. Clear the cell and type it again.`,
  };
}

/** Why a tidied cell cannot be taken as it is: too long, or holding a control character; null when it can. */
export function textProblem(text: string, maxLength: number): IssueText | null {
  if (text.length > maxLength) return textTooLong(text.length, maxLength);
  const control = controlCharacterIn(text);
  return control === null ? null : controlCharacter(control);
}

const PAST_HEADER_SHOWN = 20;

export function cellsPastHeader(lastHeaderColumn: string, text: string): IssueText {
  const shown = excerpt(text, PAST_HEADER_SHOWN);
  return {
    severity: 'error',
    code: 'cells-past-header',
    zh: `表头只到 ${lastHeaderColumn} 列，这一行在它右边还有内容“${shown}”。可能是某个单元格里的逗号没有加引号，使这一行错位；也可能这一列缺少表头。请核对这一行，补上表头或删除多余的内容。`,
    en: `the header ends at column ${lastHeaderColumn}, but this row has "${shown}" to its right: an unquoted comma in a cell may have shifted the row, or the column lacks a header. Check the row, and add a header or delete what is extra.`,
  };
}

export const repeatedHeader: IssueText = {
  severity: 'error',
  code: 'repeated-header',
  zh: '这一行重复了表头（可能是两份名单拼在了一起）。请删除这一行，并核对上下两部分是否都该导入。',
  en: 'this row repeats the header (two rosters pasted together?). Delete it, and check that both parts belong in this import.',
};

export const missingId: IssueText = {
  severity: 'error',
  code: 'missing-id',
  zh: '学号为空。每名学生都要有唯一的学号（学籍号）。',
  en: 'the student id is empty; every student needs a unique id.',
};

export function duplicateId(id: string, earlier: SeenAt, name: string): IssueText {
  return {
    severity: 'error',
    code: 'duplicate-id',
    zh: `学号“${id}”与第 ${earlier.row} 行（${earlier.name}）重复，本行是${name}。学号必须唯一，请核对。`,
    en: `student id "${id}" is also on row ${earlier.row} (${earlier.name}); this row is ${name}. Ids must be unique.`,
  };
}

export const missingName: IssueText = {
  severity: 'error',
  code: 'missing-name',
  zh: '姓名为空。',
  en: 'the name is empty.',
};

export function invalidGender(text: string): IssueText {
  return text === ''
    ? {
        severity: 'error',
        code: 'invalid-gender',
        zh: '性别为空，请填写“男”或“女”。',
        en: 'the gender is empty; write 男 or 女 (M/F).',
      }
    : {
        severity: 'error',
        code: 'invalid-gender',
        zh: `性别“${text}”无法识别，请填写“男”或“女”（也可用 M/F、male/female）。`,
        en: `gender "${text}" is not recognised; write 男 or 女 (or M/F, male/female).`,
      };
}

export function invalidIdCard(reason: IdCardProblem, text: string): IssueText {
  switch (reason) {
    case 'format':
      if (/^\d{15}$/.test(text)) {
        return {
          severity: 'error',
          code: 'invalid-id-card',
          zh: `身份证号“${text}”是 15 位的旧号码。请换成 18 位的居民身份证号（可查户口簿或新证件）。`,
          en: `ID number "${text}" is an old 15-digit number; give the 18-character resident ID number instead (see the household register or a new ID card).`,
        };
      }
      return {
        severity: 'error',
        code: 'invalid-id-card',
        zh: `身份证号“${text}”格式不对（${text.length} 个字符）：应为 18 位，前 17 位是数字，最后一位是数字或 X。`,
        en: `ID number "${text}" is malformed (${text.length} characters): it must be 17 digits followed by a digit or X.`,
      };
    case 'checksum':
      return {
        severity: 'error',
        code: 'id-card-checksum',
        zh: `身份证号“${text}”校验位错误：最后一位与前 17 位对不上，通常是录错了某一位。请对照证件核对。`,
        en: `ID number "${text}" fails its checksum: the last character does not match the first 17, usually a typing mistake. Check it against the ID card.`,
      };
    case 'birthDate':
      return {
        severity: 'error',
        code: 'id-card-birth-date',
        zh: `身份证号“${text}”中的出生日期 ${text.slice(6, 14)} 不是真实的日期。请对照证件核对。`,
        en: `the birth date ${text.slice(6, 14)} inside ID number "${text}" is not a real date. Check it against the ID card.`,
      };
  }
}

export function duplicateIdCard(earlier: SeenAt): IssueText {
  return {
    severity: 'error',
    code: 'duplicate-id-card',
    zh: `身份证号与第 ${earlier.row} 行（${earlier.name}）相同。同一身份证号不能出现两次，请核对是否重复录入。`,
    en: `the same ID number as row ${earlier.row} (${earlier.name}); an ID number cannot appear twice. Check for a duplicated student.`,
  };
}

export function genderMismatch(idCardGender: Gender, genderText: string, genderColumn: string): IssueText {
  const words = GENDER_WORDS[idCardGender];
  return {
    severity: 'error',
    code: 'id-card-gender-mismatch',
    zh: `身份证号第 17 位表示${words.zh}性，但 ${genderColumn} 填的是“${genderText}”。请核对性别或身份证号。`,
    en: `the 17th digit of the ID number says ${words.en}, but ${genderColumn} says "${genderText}". Check the gender or the ID number.`,
  };
}

/** Excel counts days from 1899-12-30; a date cell that lost its date format shows that count. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function invalidBirthDate(text: string): IssueText {
  if (/^\d{5}$/.test(text)) {
    const date = new Date(EXCEL_EPOCH_MS + Number(text) * DAY_MS).toISOString().slice(0, 10);
    return {
      severity: 'error',
      code: 'invalid-birth-date',
      zh: `出生日期“${text}”像是 Excel 的日期序号（${text} 即 ${date}），单元格丢了日期格式。请把这一列设为日期格式并核对后再导入。`,
      en: `birth date "${text}" looks like an Excel date serial (${text} is ${date}) whose cell lost its date format. Format the column as a date, check it and import again.`,
    };
  }
  return {
    severity: 'error',
    code: 'invalid-birth-date',
    zh: `出生日期“${text}”无法识别或不是真实的日期。请写成 2012-05-19、2012/5/19 或 2012年5月19日。`,
    en: `birth date "${text}" is not recognised or not a real date; write it like 2012-05-19, 2012/5/19 or 2012年5月19日.`,
  };
}

export function birthDateMismatch(birthDate: string, idCardBirthDate: string, idCardColumn: string): IssueText {
  return {
    severity: 'error',
    code: 'id-card-birth-date-mismatch',
    zh: `出生日期 ${birthDate} 与 ${idCardColumn} 中的 ${idCardBirthDate} 不一致。请核对。`,
    en: `birth date ${birthDate} differs from ${idCardBirthDate} in ${idCardColumn}. Check which is right.`,
  };
}

export function absentScore(text: string): IssueText {
  return {
    severity: 'warning',
    code: 'missing-score',
    zh: `成绩为“${text}”，按缺失处理（不计为 0 分）。`,
    en: `score "${text}" is taken as missing (not as 0).`,
  };
}

export function invalidFlag(text: string): IssueText {
  return {
    severity: 'error',
    code: 'invalid-flag',
    zh: `“${text}”不是“是”或“否”。平衡列请填 是/否（或 1/0、√/×），不属于可留空。`,
    en: `"${text}" is neither yes nor no. Fill balance columns with 是/否 (or 1/0, √/×); leave blank for no.`,
  };
}

export function invalidScore(text: string, scoresNamed: boolean): IssueText {
  const hint = scoresNamed
    ? { zh: '', en: '' }
    : {
        zh: '如果这一列其实不是成绩，请用成绩列选项指定哪些列是成绩。',
        en: ' If this column is not a score at all, name the score columns explicitly.',
      };
  return {
    severity: 'error',
    code: 'invalid-score',
    zh: `成绩“${text}”不是数字。没有成绩请留空或填“缺考”。${hint.zh}`,
    en: `score "${text}" is not a number; leave it empty or write 缺考 when there is no score.${hint.en}`,
  };
}

const WHITESPACE_EXAMPLES = 3;

const WHITESPACE_SHOWN = 30;

export function whitespace(fixes: readonly WhitespaceFix[]): IssueText {
  const shown = fixes.slice(0, WHITESPACE_EXAMPLES);
  const more = fixes.length > shown.length;
  const before = (fix: WhitespaceFix) => showInvisible(excerpt(fix.before, WHITESPACE_SHOWN));
  const zhExamples = shown.map((fix) => `第 ${fix.row} 行“${before(fix)}”→“${fix.after}”`).join('；');
  const enExamples = shown.map((fix) => `row ${fix.row} "${before(fix)}" → "${fix.after}"`).join('; ');
  return {
    severity: 'warning',
    code: 'whitespace',
    zh: `${fixes.length} 个单元格有多余的空格（含全角空格）或不可见字符，已自动去除：${zhExamples}${more ? ' 等' : ''}。`,
    en: `${fixes.length} cell(s) had stray or full-width spaces or invisible characters, removed: ${enExamples}${more ? ' …' : ''}.`,
  };
}

export function singleSibling(group: string): IssueText {
  return {
    severity: 'warning',
    code: 'single-sibling',
    zh: `多胞胎组“${group}”只有这一名学生，同组应至少两人。请核对组号。`,
    en: `sibling group "${group}" has only this student; a group needs at least two. Check the group label.`,
  };
}

export function singleApartMember(group: string): IssueText {
  return {
    severity: 'warning',
    code: 'single-apart-member',
    zh: `分开组“${group}”只有这一名学生，这个组不起作用。请核对组号。`,
    en: `apart group "${group}" has only this student, so it has no effect. Check the group label.`,
  };
}
