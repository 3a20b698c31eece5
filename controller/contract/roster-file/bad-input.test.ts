/**
 * The bad-input corpus read by the roster reader: every case of `test/support/bad-input-cases.ts`, refused with
 * exactly the errors expected or accepted with exactly the warnings expected, each message clear in Chinese and then
 * English. `test/bad-input-corpus.test.ts` pushes the refused ones through a ceremony's import.
 */
import { describe, expect, it } from 'vitest';
import { ROSTER_CASES, type Located } from '../../../test/support/bad-input-cases.ts';
import { expectClearMessage } from '../../../test/support/clear-message.ts';
import { formatIssue, readRosterFile, type RosterIssue } from './index.ts';
import { readWorkbookSheet } from './workbook.ts';

function located(issues: readonly RosterIssue[]): Located[] {
  return issues.map(({ code, row, column }) => ({ code, row, column }));
}

/** The expected fields only: a case that leaves out row or column does not check it. */
function expected(issues: readonly RosterIssue[], wanted: readonly Located[]): Located[] {
  return issues.map(({ code, row, column }, index) => {
    const want = wanted[index];
    return {
      code,
      ...(want?.row === undefined ? {} : { row }),
      ...(want?.column === undefined ? {} : { column }),
    };
  });
}

describe('the bad-input corpus, read by the roster reader', () => {
  it('has at least 60 cases, each named once', () => {
    expect(ROSTER_CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ROSTER_CASES.map((rosterCase) => rosterCase.title)).size).toBe(ROSTER_CASES.length);
  });

  it.each(ROSTER_CASES.map((rosterCase) => [rosterCase.title, rosterCase] as const))(
    '%s',
    async (_title, rosterCase) => {
      const options = rosterCase.sheet === undefined ? {} : { sheet: rosterCase.sheet };
      const bytes = await rosterCase.bytes();
      const { roster, issues } = await readRosterFile(rosterCase.fileName, bytes, options, readWorkbookSheet);
      for (const issue of issues) expectClearMessage(formatIssue(issue), issue.zh, issue.en);
      const errors = issues.filter((issue) => issue.severity === 'error');
      const warnings = issues.filter((issue) => issue.severity === 'warning');

      if ('refused' in rosterCase) {
        expect(roster).toBeNull();
        expect(expected(errors, rosterCase.refused)).toEqual(rosterCase.refused);
        if (rosterCase.zh !== undefined) expect(errors[0]?.zh).toMatch(rosterCase.zh);
        return;
      }
      expect(located(errors)).toEqual([]);
      expect(expected(warnings, rosterCase.warned)).toEqual(rosterCase.warned);
      expect(roster).not.toBeNull();
      rosterCase.check?.(roster!, issues.map(formatIssue).join('\n'));
    },
  );
});
