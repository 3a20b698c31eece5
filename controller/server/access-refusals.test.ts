import { describe, expect, it } from 'vitest';
import { AccessRefusals } from './access-refusals.ts';

const at = (second: number) => new Date(Date.UTC(2026, 7, 28, 1, 0, second));

describe('AccessRefusals', () => {
  it('sums a burst up by address, channel and reason, and starts afresh after', () => {
    const refusals = new AccessRefusals();
    expect(refusals.take()).toBeNull();
    expect(refusals.add({ address: '192.168.1.23', channel: 'socket', reason: 'wrong-setup-code' }, at(1))).toBe(true);
    expect(refusals.add({ address: '192.168.1.23', channel: 'socket', reason: 'wrong-setup-code' }, at(2))).toBe(false);
    refusals.add({ address: '192.168.1.23', channel: 'socket', reason: 'too-many-attempts' }, at(3));
    refusals.add({ address: '192.168.1.40', channel: 'http', reason: 'wrong-passphrase' }, at(9));
    expect(refusals.take()).toEqual({
      type: 'access:refused',
      from: at(1).toISOString(),
      to: at(9).toISOString(),
      total: 4,
      attempts: [
        { address: '192.168.1.23', channel: 'socket', reason: 'wrong-setup-code', count: 2 },
        { address: '192.168.1.23', channel: 'socket', reason: 'too-many-attempts', count: 1 },
        { address: '192.168.1.40', channel: 'http', reason: 'wrong-passphrase', count: 1 },
      ],
    });
    expect(refusals.take()).toBeNull();
    expect(refusals.add({ address: '192.168.1.23', channel: 'socket', reason: 'wrong-setup-code' }, at(30))).toBe(true);
  });

  it('gathers the addresses beyond the first hundred under *, so a summary stays small', () => {
    const refusals = new AccessRefusals();
    for (let index = 0; index < 150; index += 1) {
      refusals.add(
        { address: `10.0.${index >> 8}.${index & 255}`, channel: 'socket', reason: 'wrong-passphrase' },
        at(1),
      );
    }
    const summary = refusals.take()!;
    expect(summary.total).toBe(150);
    expect(summary.attempts).toHaveLength(101);
    expect(summary.attempts.at(-1)).toEqual({ address: '*', channel: 'socket', reason: 'wrong-passphrase', count: 50 });
  });
});
