/** What the console tells the operator to do after each refusal, and which refusals make it fetch a fresh snapshot. */
import { describe, expect, it } from 'vitest';
import { adviceFor, isStale, LOCAL_ERRORS, type ConsoleError } from './errors.ts';

const refusal = (code: ConsoleError['code']): ConsoleError => ({ code, zh: '拒绝', en: 'refused', details: [] });

describe('refusal advice', () => {
  it.each<ConsoleError['code']>(['wrong-phase', 'already-drawn', 'not-imported', 'unknown-school', 'school-skipped'])(
    'treats %s as the console’s picture being old: it resyncs and says so',
    (code) => {
      expect(isStale(refusal(code))).toBe(true);
      expect(adviceFor(refusal(code)).zh).toContain('已按控制器的最新状态刷新');
    },
  );

  it.each<ConsoleError['code']>(['roster-invalid', 'import-mismatch', 'no-answer', 'offline', 'wrong-passphrase'])(
    'does not resync after %s, which an old picture does not explain',
    (code) => {
      expect(isStale(refusal(code))).toBe(false);
      expect(adviceFor(refusal(code)).zh).not.toContain('已按控制器的最新状态刷新');
    },
  );

  it('says, in both languages, what to do after each failure the console meets on its own', () => {
    for (const [code, error] of Object.entries(LOCAL_ERRORS)) {
      expect(error.code).toBe(code);
      expect(error.zh).not.toBe('');
      expect(error.en).not.toBe('');
      const advice = adviceFor(error);
      expect(advice.zh).not.toBe('');
      expect(advice.en).not.toBe('');
    }
    // Without an answer the command may have run: the operator must look before repeating it.
    expect(adviceFor(LOCAL_ERRORS['no-answer']).en).toContain('before repeating');
  });
});
