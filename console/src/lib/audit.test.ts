/** The audit tail as the console words it, entry by entry, to compare with the printed chain. */
import { describe, expect, it } from 'vitest';
import { describeActor, describeEntry, shortHash } from './audit.ts';

describe('the audit tail’s words', () => {
  const entry = { seq: 7, at: '2026-08-28T01:00:00Z', hash: 'abcdef0123456789'.repeat(4) } as const;

  it('names what each entry did, and who did it', () => {
    const drawn = {
      ...entry,
      actor: 'console:Xk3fQ9',
      kind: 'command',
      type: 'school:draw',
      school: '东市街小学',
    } as const;
    expect(describeEntry(drawn)).toEqual({ zh: '分班 · 东市街小学', en: 'draw · 东市街小学' });
    expect(describeEntry({ ...drawn, kind: 'refusal', type: null, school: null })).toEqual({
      zh: '拒绝：?',
      en: 'refused: ?',
    });
    expect(
      describeEntry({ ...drawn, actor: 'controller', kind: 'access', type: 'access:refused', school: null }),
    ).toEqual({ zh: '拒绝登录（汇总）', en: 'refused log-ins (summary)' });
    expect(describeActor(drawn.actor)).toEqual({ zh: '控制台 Xk3f', en: 'console Xk3f' });
    expect(describeActor('cli')).toEqual({ zh: 'cli', en: 'cli' });
    expect(shortHash(entry.hash)).toBe('abcd ef01 2345');
  });
});
