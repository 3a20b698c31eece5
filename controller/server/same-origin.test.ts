import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from './same-origin.ts';

describe("a handshake's Origin", () => {
  it.each([
    ['http://192.168.1.10:8080', '192.168.1.10:8080'],
    ['https://results.example.org', 'results.example.org'],
    ['http://LOCALHOST:8080', 'localhost:8080'],
    ['http://localhost:8080', 'LocalHost:8080'],
    ['http://[::1]:8080', '[::1]:8080'],
    // The default port is left out of one and written in the other.
    ['http://hall.local', 'hall.local:80'],
  ])('%s is the server reached at %s', (origin, host) => {
    expect(isOwnOrigin(origin, host)).toBe(true);
  });

  it.each([
    ['http://evil.example', '192.168.1.10:8080'],
    ['http://192.168.1.10:8081', '192.168.1.10:8080'],
    ['http://192.168.1.10', '192.168.1.10:8080'],
    ['http://192.168.1.10.evil.example:8080', '192.168.1.10:8080'],
    ['null', '192.168.1.10:8080'],
    ['file://', 'localhost:8080'],
    ['chrome-extension://abcdef', 'localhost:8080'],
    ['http://localhost:8080', undefined],
    ['http://localhost:8080', 'bad host:8080'],
  ])('%s is not the server reached at %s', (origin, host) => {
    expect(isOwnOrigin(origin, host)).toBe(false);
  });
});
