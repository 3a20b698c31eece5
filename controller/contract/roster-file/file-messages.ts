/**
 * The texts of the problems with a file as a whole — its format, its text encoding, its sheets — Chinese first, kept
 * together as messages.ts keeps those of the cells. The caller names the file; these say what is wrong and what to do.
 */

import type { RosterIssue, RosterIssueCode } from './issue.ts';

/** How an encoding read a file: the share of common characters in what it read, or null for invalid bytes. */
export interface EncodingTrial {
  readonly encoding: string;
  readonly commonShare: number | null;
}

const SAVE_AS_UTF8 = {
  zh: '请用 Excel 打开文件，核对内容后“另存为” CSV UTF-8（逗号分隔）或 Excel 工作簿（.xlsx），再导入。',
  en: 'Open it in Excel, check it, and "Save As" CSV UTF-8 (comma delimited) or Excel Workbook (.xlsx), then import that.',
};

function fileIssue(
  severity: RosterIssue['severity'],
  code: RosterIssueCode,
  zh: string,
  en: string,
  row: number | null = null,
): RosterIssue {
  return { severity, code, row, column: null, zh, en };
}

/** At most `shown` numbers, then "…": "第 3、5、9 行等" / "rows 3, 5, 9 …". */
function lineList(lines: readonly number[], shown = 5): { zh: string; en: string } {
  const more = lines.length > shown;
  const listed = lines.slice(0, shown);
  return {
    zh: `第 ${listed.join('、')} 行${more ? '等' : ''}`,
    en: `${lines.length === 1 ? 'line' : 'lines'} ${listed.join(', ')}${more ? ' …' : ''}`,
  };
}

export const encodingIssues = {
  binary: (): RosterIssue =>
    fileIssue(
      'error',
      'unreadable-text',
      '这不是 Excel 工作簿，也不是 UTF-8、GBK、Big5 或 UTF-16 编码的文本表格。请用 Excel 另存为 .xlsx 或 CSV 后再导入。',
      'this is neither an Excel workbook nor a text table in UTF-8, GBK, Big5 or UTF-16. Save it from Excel as .xlsx or CSV and import that.',
    ),

  brokenUtf16: (): RosterIssue =>
    fileIssue(
      'error',
      'unreadable-text',
      `文件开头标明是 UTF-16 编码，但内容不是完整的 UTF-16 文本（可能被截断或损坏）。${SAVE_AS_UTF8.zh}`,
      `the file starts with a UTF-16 byte-order mark but is not complete UTF-16 text (cut short or damaged). ${SAVE_AS_UTF8.en}`,
    ),

  utf16WithoutBom: (encoding: string): RosterIssue =>
    fileIssue(
      'warning',
      'unusual-encoding',
      `文件是没有字节顺序标记（BOM）的 ${encoding} 文本，已按 ${encoding} 读取。请核对姓名是否正确。`,
      `the file is ${encoding} text without a byte-order mark; read as ${encoding}. Check that the names are right.`,
    ),

  truncated: (line: number): RosterIssue =>
    fileIssue(
      'error',
      'truncated-text',
      `文件在第 ${line} 行的一个字中间结束，内容不完整（可能没有复制或下载完）。请重新导出或复制完整的文件后再导入。`,
      `the file ends in the middle of a character on line ${line}, so it is incomplete (a copy or download cut short). Export or copy the whole file again and import that.`,
      line,
    ),

  mixed: (utf8Lines: readonly number[], otherLines: readonly number[]): RosterIssue => {
    const utf8 = lineList(utf8Lines);
    const other = lineList(otherLines);
    return fileIssue(
      'error',
      'mixed-encoding',
      `文件混用了不同的文字编码：${utf8.zh}是 UTF-8，${other.zh}不是（可能是从不同来源复制拼接的）。${SAVE_AS_UTF8.zh}`,
      `the file mixes text encodings: ${utf8.en} UTF-8, ${other.en} not (pieced together from different sources?). ${SAVE_AS_UTF8.en}`,
      // The odd ones out are where to look.
      (utf8Lines.length < otherLines.length ? utf8Lines[0] : otherLines[0]) ?? null,
    );
  },

  unknown: (tried: readonly EncodingTrial[]): RosterIssue => {
    const zh = tried.map(({ encoding, commonShare }) =>
      commonShare === null
        ? `${encoding}（含有无效字节）`
        : `${encoding}（常用字只占 ${Math.round(commonShare * 100)}%）`,
    );
    const en = tried.map(({ encoding, commonShare }) =>
      commonShare === null
        ? `${encoding} (invalid bytes)`
        : `${encoding} (only ${Math.round(commonShare * 100)}% common characters)`,
    );
    return fileIssue(
      'error',
      'unknown-encoding',
      `无法确定文件的文字编码：已尝试 UTF-8（不是）、${zh.join('、')}，读出来都不像正常的中文，导入会得到乱码姓名。${SAVE_AS_UTF8.zh}`,
      `cannot tell the file's text encoding: tried UTF-8 (it is not), ${en.join(', ')}; none reads as ordinary Chinese, so the names would be garbled. ${SAVE_AS_UTF8.en}`,
    );
  },

  big5: (): RosterIssue =>
    fileIssue(
      'warning',
      'unusual-encoding',
      '文件是繁体中文 Big5 编码（不是 UTF-8 或 GBK），已按 Big5 读取，姓名保留文件中的繁体字。请核对姓名；最好用 Excel 另存为 CSV UTF-8 后再导入。',
      'the file is in Big5 (traditional Chinese), not UTF-8 or GBK; read as Big5, names kept in the traditional characters of the file. Check the names; better, save it from Excel as CSV UTF-8 and import that.',
    ),

  bomMismatch: (encoding: string): RosterIssue =>
    fileIssue(
      'warning',
      'unusual-encoding',
      `文件开头标明是 UTF-8（BOM），但内容是 ${encoding} 编码，已按 ${encoding} 读取。请核对姓名是否正确。`,
      `the file starts with a UTF-8 byte-order mark but is ${encoding} text; read as ${encoding}. Check that the names are right.`,
    ),
};

export interface SheetName {
  readonly sheet: string;
  readonly hidden: boolean;
}

function sheetList(sheets: readonly SheetName[]): { zh: string; en: string } {
  return {
    zh: sheets.map(({ sheet, hidden }) => `“${sheet}”${hidden ? '（隐藏）' : ''}`).join('、'),
    en: sheets.map(({ sheet, hidden }) => `"${sheet}"${hidden ? ' (hidden)' : ''}`).join(', '),
  };
}

const SHEET_OPTION = {
  zh: '（命令行 sunshine assign 可用 --sheet 工作表名 指定要读的工作表）',
  en: ' (on the command line, sunshine assign takes --sheet NAME)',
};

export const fileFormatIssues = {
  legacy: (): RosterIssue =>
    fileIssue(
      'error',
      'legacy-xls',
      '这是旧版 Excel 97-2003（.xls）文件或加密的工作簿，无法直接读取。请在 Excel 中“另存为” Excel 工作簿（.xlsx）或 CSV UTF-8（如有密码请先取消）后再导入。',
      'this is a legacy Excel 97-2003 (.xls) file or an encrypted workbook, which cannot be read. In Excel, "Save As" Excel Workbook (.xlsx) or CSV UTF-8 (removing any password first) and import that.',
    ),

  pdf: (): RosterIssue =>
    fileIssue(
      'error',
      'unreadable-text',
      '这是 PDF 文件，不是表格文件，无法读取名单。请从学籍系统导出 Excel（.xlsx）或 CSV 文件再导入。',
      'this is a PDF file, not a table file, so no roster can be read from it. Export the roster from the school system as Excel (.xlsx) or CSV and import that.',
    ),

  /** Many school systems export an HTML or XML page named .xls; Excel opens it, but it is not a table file. */
  markup: (): RosterIssue =>
    fileIssue(
      'error',
      'unreadable-text',
      '这是网页（HTML/XML）格式的导出文件，不是真正的表格文件。请用 Excel 打开后另存为 .xlsx 或 CSV 再导入。',
      'this is an HTML/XML export, not a real table file. Open it in Excel and save it as .xlsx or CSV, then import that.',
    ),

  extensionMismatch: (fileName: string, actual: 'csv' | 'xlsx'): RosterIssue =>
    actual === 'xlsx'
      ? fileIssue(
          'warning',
          'extension-mismatch',
          `文件“${fileName}”的扩展名不是 .xlsx，但内容是 Excel 工作簿，已按 .xlsx 读取。`,
          `"${fileName}" is not named .xlsx but is an Excel workbook; read as .xlsx.`,
        )
      : fileIssue(
          'warning',
          'extension-mismatch',
          `文件“${fileName}”的扩展名是 Excel 的，但内容是文本表格，已按 CSV 读取。`,
          `"${fileName}" is named like an Excel file but holds a text table; read as CSV.`,
        ),

  sheetOptionIgnored: (sheetName: string): RosterIssue =>
    fileIssue(
      'warning',
      'sheet-option-ignored',
      `CSV 文件没有工作表，指定的工作表“${sheetName}”已忽略。`,
      `a CSV file has no sheets; the sheet "${sheetName}" given is ignored.`,
    ),

  /** exceljs's own reason is left out: it names its internals ("reading 'col'"), which helps no one at the hall. */
  tooManyColumns: (row: number, maxColumns: number): RosterIssue =>
    fileIssue(
      'error',
      'too-many-columns',
      `这一行超过了 Excel 的上限 ${maxColumns.toLocaleString('en')} 列，不像名单表格（可能分隔符不对，或不是表格文件）。请用 Excel 打开核对后另存为 CSV 或 .xlsx。`,
      `this line has more than Excel's ${maxColumns.toLocaleString('en')} columns, so it is not a roster table (a wrong delimiter, or not a table file). Open the file in Excel, check it and save it as CSV or .xlsx.`,
      row,
    ),

  unreadable: (): RosterIssue =>
    fileIssue(
      'error',
      'unreadable-workbook',
      '无法读取这个 Excel 文件：它可能已损坏、不完整，或由其他程序以 Excel 不常用的方式写成。请用 Excel 打开后另存为 .xlsx 或 CSV UTF-8 再导入。',
      'cannot read this Excel file: it may be damaged, incomplete, or written by another program in a way Excel itself does not write. Open it in Excel, save it as .xlsx or CSV UTF-8 and import that.',
    ),

  /** `kind` is what the archive turned out to hold, when it says. */
  notAWorkbook: (kind: 'xlsb' | 'ods' | 'workbook-without-sheets' | null): RosterIssue => {
    switch (kind) {
      case 'xlsb':
        return fileIssue(
          'error',
          'not-a-workbook',
          '这是 Excel 二进制工作簿（.xlsb），不是 Excel 工作簿（.xlsx），无法读取。请在 Excel 中另存为 .xlsx 或 CSV UTF-8 后再导入。',
          'this is an Excel Binary Workbook (.xlsb), not an Excel workbook (.xlsx), and cannot be read. Save it from Excel as .xlsx or CSV UTF-8 and import that.',
        );
      case 'ods':
        return fileIssue(
          'error',
          'not-a-workbook',
          '这是 OpenDocument 表格（.ods），不是 Excel 工作簿（.xlsx），无法读取。请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 或 CSV UTF-8 后再导入。',
          'this is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx), and cannot be read. Save it as .xlsx or CSV UTF-8 (WPS, LibreOffice or Excel) and import that.',
        );
      case 'workbook-without-sheets':
        return fileIssue(
          'error',
          'not-a-workbook',
          '这个 Excel 文件里没有任何工作表（可能只有图表），读不出表格。请把名单放在普通工作表中，另存为 .xlsx 后再导入。',
          'this Excel file has no worksheets (charts only?), so there is no table to read. Put the roster on an ordinary worksheet, save it as .xlsx and import that.',
        );
      case null:
        return fileIssue(
          'error',
          'not-a-workbook',
          '这是一个压缩包（ZIP），不是 Excel 工作簿（.xlsx），可能是改了扩展名的 Word 文档或压缩文件。请用 Excel 打开名单后另存为 .xlsx 或 CSV UTF-8 再导入。',
          'this is a ZIP archive, not an Excel workbook (.xlsx): perhaps a Word document or a compressed folder renamed. Open the roster in Excel, save it as .xlsx or CSV UTF-8 and import that.',
        );
    }
  },

  unknownSheet: (sheetName: string, sheets: readonly SheetName[]): RosterIssue => {
    const list = sheetList(sheets);
    return fileIssue(
      'error',
      'unknown-sheet',
      `找不到工作表“${sheetName}”。这个文件的工作表有：${list.zh}。`,
      `there is no sheet "${sheetName}"; this workbook has: ${list.en}.`,
    );
  },

  emptySheet: (sheetName: string, sheets: readonly SheetName[]): RosterIssue => {
    const list = sheetList(sheets);
    return fileIssue(
      'error',
      'empty-sheet',
      `读取的工作表“${sheetName}”是空的。这个文件的工作表有：${list.zh}。请把名单放在第一个工作表，或删除空的工作表${SHEET_OPTION.zh}。`,
      `sheet "${sheetName}", the one read, is empty; this workbook has: ${list.en}. Put the roster on the first sheet or delete the empty one${SHEET_OPTION.en}.`,
    );
  },

  sheetChosen: (first: string, chosen: string): RosterIssue =>
    fileIssue(
      'warning',
      'sheet-chosen',
      `第一个工作表“${first}”中没有表头，已改为读取唯一有表头的工作表“${chosen}”。请确认读的是正确的名单。`,
      `the first sheet "${first}" has no header, so the one sheet with a header, "${chosen}", was read instead. Check that it is the right roster.`,
    ),

  ambiguousSheet: (first: string, candidates: readonly SheetName[], sheets: readonly SheetName[]): RosterIssue => {
    const found = sheetList(candidates);
    const list = sheetList(sheets);
    return fileIssue(
      'error',
      'ambiguous-sheet',
      `第一个工作表“${first}”中没有表头，而有表头的工作表不止一个：${found.zh}，无法确定读哪一个（这个文件的工作表有：${list.zh}）。请把要导入的名单放在第一个工作表，或删除其他工作表${SHEET_OPTION.zh}。`,
      `the first sheet "${first}" has no header, and several sheets do: ${found.en}, so which to read is unclear (this workbook has: ${list.en}). Put the roster to import on the first sheet or delete the others${SHEET_OPTION.en}.`,
    );
  },

  hiddenSheetsIgnored: (hidden: readonly SheetName[]): RosterIssue => {
    const list = sheetList(hidden);
    return fileIssue(
      'warning',
      'hidden-sheet-ignored',
      `隐藏的工作表 ${list.zh} 中也有表格，没有读取。如果名单在那里，请取消隐藏并把它放在第一个工作表。`,
      `the hidden sheet(s) ${list.en} hold a table too and were not read. If the roster is there, unhide it and make it the first sheet.`,
    );
  },
};
