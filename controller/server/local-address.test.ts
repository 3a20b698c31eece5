import { describe, expect, it } from 'vitest';
import { isLocalConnection, plainAddress } from './local-address.ts';

describe('isLocalConnection', () => {
  const SERVER = '::ffff:192.168.1.20';

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])(
    'takes %s, without forwarding headers, for this machine',
    (address) => {
      expect(isLocalConnection(address, SERVER, {})).toBe(true);
    },
  );

  it('takes a connection from the very address it reached for this machine (it connected to its LAN address)', () => {
    expect(isLocalConnection('192.168.1.20', SERVER, {})).toBe(true);
    expect(isLocalConnection('::ffff:127.0.0.2', '127.0.0.2', {})).toBe(true);
  });

  it.each(['192.168.1.23', '::ffff:192.168.1.23', '127.0.0.2', 'fe80::1', undefined])(
    'takes %s for another',
    (address) => {
      expect(isLocalConnection(address, SERVER, {})).toBe(false);
      expect(isLocalConnection(address, '127.0.0.1', {})).toBe(false);
    },
  );

  it.each(['forwarded', 'x-forwarded-for', 'x-real-ip'])('takes a connection with %s for a proxied one', (header) => {
    expect(isLocalConnection('127.0.0.1', '127.0.0.1', { [header]: '192.168.1.23' })).toBe(false);
    expect(isLocalConnection('192.168.1.20', SERVER, { [header]: '192.168.1.23' })).toBe(false);
  });
});

describe('plainAddress', () => {
  it('names an IPv4 address the same however it came in', () => {
    expect(plainAddress('::ffff:192.168.1.23')).toBe('192.168.1.23');
    expect(plainAddress('192.168.1.23')).toBe('192.168.1.23');
    expect(plainAddress('fe80::1')).toBe('fe80::1');
    expect(plainAddress(undefined)).toBe('unknown');
  });
});
