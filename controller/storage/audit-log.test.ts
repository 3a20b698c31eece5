import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../engine/ceremony/audit-chain.ts';
import { AuditLog } from './audit-log.ts';
import { DamagedDatabaseError, DATABASE_FILE } from './database.ts';

function filledLog() {
  const dir = mkdtempSync(join(tmpdir(), 'sunshine-audit-'));
  const log = AuditLog.open(dir);
  const at = '2026-08-20T09:00:00.000Z';
  log.append({ at, actor: 'cli', kind: 'command', body: { revision: 1, command: { type: 'ceremony:preview' } } });
  log.append({ at, actor: 'cli', kind: 'refusal', body: { request: { type: 'x' }, refusal: { code: 'wrong-phase' } } });
  log.append(
    { at, actor: 'cli', kind: 'command', body: { revision: 2, command: { type: 'school:draw', school: '甲' } } },
    [{ school: '甲', kind: 'students', body: { classOf: [1, 2, 1] } }],
  );
  log.append({ at, actor: 'cli', kind: 'command', body: { revision: 3, command: { type: 'ceremony:close' } } });
  return { dir, log };
}

/** Opens the file behind the log's back, as someone tampering with it would. */
function tamper(dir: string, sql: string): void {
  const db = new Database(join(dir, DATABASE_FILE));
  db.exec(sql);
  db.close();
}

describe('the audit log', () => {
  it('chains each entry to the one before and verifies intact', () => {
    const { log } = filledLog();
    expect(log.verify()).toBeNull();
    expect(log.entryCount()).toBe(4);
    expect(log.commands().map((entry) => entry.seq)).toEqual([1, 3, 4]);
    expect(log.results()).toEqual([{ school: '甲', kind: 'students', body: { classOf: [1, 2, 1] } }]);
    log.close();
  });

  it.each([
    ['UPDATE audit SET actor = ? WHERE seq = 2', ['x']],
    ['DELETE FROM audit WHERE seq = 4', []],
    ["UPDATE results SET body = '{}'", []],
    ['DELETE FROM results', []],
  ])('is append-only: %s fails', (sql, parameters) => {
    const { dir, log } = filledLog();
    log.close();
    const db = new Database(join(dir, DATABASE_FILE));
    expect(() => db.prepare(sql).run(...parameters)).toThrow(/append-only/);
    db.close();
  });

  it('refuses a second result of the same kind for a school', () => {
    const { log } = filledLog();
    const entry = { at: 'now', actor: 'cli', kind: 'command' as const, body: {} };
    expect(() => log.append(entry, [{ school: '甲', kind: 'students', body: {} }])).toThrow(/UNIQUE/);
    // The failed append left no entry behind: one transaction.
    expect(log.entryCount()).toBe(4);
    log.close();
  });

  it.each([
    ['a changed field', "UPDATE audit SET actor = 'someone' WHERE seq = 3", 3, /does not match its hash/],
    ['a replaced hash', "UPDATE audit SET hash = 'ab' WHERE seq = 2", 2, /does not match its hash/],
    ['edited bytes that are no JSON', 'UPDATE audit SET body = substr(body, 2) WHERE seq = 1', 1, /not valid JSON/],
    ['re-spaced JSON', "UPDATE audit SET body = replace(body, ':', ': ') WHERE seq = 4", 4, /not canonical/],
    ['a removed entry', 'DELETE FROM audit WHERE seq = 2', 3, /entry 2 is missing/],
    ['two removed entries', 'DELETE FROM audit WHERE seq IN (1, 2)', 3, /entries 1 to 2 are missing/],
  ])('names the first broken entry after %s', (_, sql, seq, why) => {
    const { dir, log } = filledLog();
    log.close();
    tamper(dir, `DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ${sql}`);
    const reopened = AuditLog.open(dir);
    const broken = reopened.verify();
    expect(broken?.seq).toBe(seq);
    expect(broken?.en).toMatch(why);
    expect(broken?.zh).toMatch(/[\u4e00-\u9fff]/);
    reopened.close();
  });

  it('exposes a forged entry whose own hash was recomputed: the next entry no longer links to it', () => {
    const { dir, log } = filledLog();
    log.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_no_update');
    const row = db.prepare('SELECT * FROM audit WHERE seq = 2').get() as Parameters<typeof entryHash>[0];
    const forged = { ...row, actor: 'forger', body: JSON.parse(row.body as string) as unknown };
    db.prepare('UPDATE audit SET actor = ?, hash = ? WHERE seq = 2').run('forger', entryHash(forged));
    db.close();
    const reopened = AuditLog.open(dir);
    const broken = reopened.verify();
    expect(broken?.seq).toBe(3);
    expect(broken?.en).toMatch(/hash of the previous entry/);
    reopened.close();
  });

  it('refuses, in both languages, a stored result that is no longer JSON', () => {
    const { dir, log } = filledLog();
    log.close();
    tamper(dir, 'DROP TRIGGER results_no_update; UPDATE results SET body = substr(body, 2)');
    const reopened = AuditLog.open(dir);
    expect(() => reopened.results()).toThrow(DamagedDatabaseError);
    expect(() => reopened.results()).toThrow(/“甲”.*not valid JSON/s);
    reopened.close();
  });
});
