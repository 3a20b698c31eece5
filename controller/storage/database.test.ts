import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log.ts';
import { DamagedDatabaseError, DATABASE_FILE, migrate, openDatabase } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'sunshine-db-'));

describe('the ceremony database', () => {
  it('numbers its migrations 1, 2, 3 … with no gap', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('opens in WAL mode at the newest schema, and reopening changes nothing', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const again = openDatabase(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    again.close();
  });

  it('migration 001 creates the audit and results tables with their append-only triggers', () => {
    const db = openDatabase(tempDir());
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name").all();
    expect(names.map((row) => (row as { name: string }).name)).toEqual([
      'audit',
      'audit_no_delete',
      'audit_no_update',
      'results',
      'results_no_delete',
      'results_no_update',
    ]);
    db.close();
  });

  it('migration 002 admits access entries, keeping every entry, result, hash and trigger of a version-1 log', () => {
    const dir = tempDir();
    const old = openDatabase(dir, MIGRATIONS.slice(0, 1));
    const insert = old.prepare(
      'INSERT INTO audit (seq, at, actor, kind, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(1, '2026-08-20T09:00:00.000Z', 'cli', 'command', '{"revision":1}', '0'.repeat(64), 'a'.repeat(64));
    insert.run(2, '2026-08-20T09:01:00.000Z', 'cli', 'refusal', '{"refusal":{}}', 'a'.repeat(64), 'b'.repeat(64));
    old
      .prepare('INSERT INTO results (school, kind, audit_seq, body) VALUES (?, ?, ?, ?)')
      .run('甲', 'students', 1, '[]');
    expect(() => insert.run(3, 'x', 'controller', 'access', '{}', 'b'.repeat(64), 'c'.repeat(64))).toThrow(/CHECK/);
    const before = old.prepare('SELECT * FROM audit ORDER BY seq').all();
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT * FROM audit ORDER BY seq').all()).toEqual(before);
    expect(db.prepare('SELECT school, kind, audit_seq FROM results').all()).toEqual([
      { school: '甲', kind: 'students', audit_seq: 1 },
    ]);
    expect(() => db.prepare("UPDATE audit SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM results').run()).toThrow(/append-only/);
    expect(() => db.prepare('INSERT INTO results VALUES (?, ?, ?, ?)').run('乙', 'students', 99, '[]')).toThrow(
      /FOREIGN KEY/,
    );
    db.close();

    const log = AuditLog.open(dir);
    const access = log.append({ at: '2026-08-20T09:02:00.000Z', actor: 'controller', kind: 'access', body: {} });
    expect(access.kind).toBe('access');
    expect(log.commands().map((entry) => entry.seq)).toEqual([1]);
    log.close();
  });

  it('applies a new migration once, in a transaction: a failing one leaves the version as it was', () => {
    const db = openDatabase(tempDir());
    const broken = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE x (a); SELECT * FROM nowhere;',
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database made by newer software', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(dir)).toThrow(/数据库版本 99/);
  });

  it('refuses, in both languages, a file that is not a database', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), 'not a database, only text'.repeat(200));
    expect(() => openDatabase(dir)).toThrow(DamagedDatabaseError);
    expect(() => openDatabase(dir)).toThrow(/已损坏.*file is not a database.*is damaged/s);
  });

  it('refuses a damaged page that reading the rows would never touch: the results index', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO audit VALUES (1, 'now', 'cli', 'command', '{}', 'p', 'h')").run();
    db.prepare("INSERT INTO results VALUES ('甲', 'students', 1, '{}')").run();
    const { rootpage } = db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_results_1'")
      .get() as {
      rootpage: number;
    };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0, (rootpage - 1) * pageSize, rootpage * pageSize);
    writeFileSync(file, bytes);
    expect(() => openDatabase(dir)).toThrow(DamagedDatabaseError);
  });
});
