import { describe, expect, it } from 'vitest';
import { checkPassphrase, hashPassphrase } from './passphrase.ts';

describe('the operator passphrase', () => {
  const stored = hashPassphrase('公证处 notary 2026');

  it('is stored salted and hashed, never in clear', () => {
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored).not.toContain('notary');
    expect(hashPassphrase('公证处 notary 2026')).not.toBe(stored);
  });

  it('accepts the right passphrase only', async () => {
    expect(await checkPassphrase('公证处 notary 2026', stored)).toBe(true);
    expect(await checkPassphrase('公证处 notary 2027', stored)).toBe(false);
    expect(await checkPassphrase('公证处 notary 2026', 'not a hash')).toBe(false);
  });

  it('checks off the event loop: a timer due at once fires before the check is done', async () => {
    const order: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('timer');
        resolve();
      }, 0),
    );
    const check = checkPassphrase('公证处 notary 2027', stored).then(() => order.push('check'));
    await Promise.all([timer, check]);
    expect(order).toEqual(['timer', 'check']);
  });
});
