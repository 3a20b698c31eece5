import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXED_SERVICES, PASSPHRASE, demoRequests, tempDataDir } from '../test/support/demo-ceremony.ts';
import { DEFAULT_OPTIONS } from '../engine/assign/index.ts';
import { entryHash, type HashedFields } from '../engine/ceremony/audit-chain.ts';
import { canonicalJson, sha256Hex } from '../engine/ceremony/canonical.ts';
import { DEMO_DISTRICT } from './cli/demo.ts';
import { checkPassphrase } from './passphrase.ts';
import type { CommandAccepted, OperatorRequest, Result } from './contract/protocol.ts';
import { IntegrityError } from './service.ts';
import { AuditLog } from './storage/audit-log.ts';
import { DATABASE_FILE } from './storage/database.ts';
import { openCeremony } from './ceremony.ts';

const requests = await demoRequests('primary');

async function runAll(dataDir: string, list: readonly OperatorRequest[]) {
  const ceremony = openCeremony(dataDir, FIXED_SERVICES);
  for (const request of list) {
    const result = await ceremony.service.submit(request, 'test');
    if (!result.ok) throw new Error(`${request.type}: ${result.error.en}`);
  }
  return ceremony;
}

const rawEntries = (dataDir: string) => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const rows = db.prepare('SELECT kind, body FROM audit ORDER BY seq').all() as { kind: string; body: string }[];
  db.close();
  return rows;
};

describe('the ceremony service', () => {
  it('runs a whole ceremony and rebuilds exactly the same state from its log on reopening', async () => {
    const dir = tempDataDir();
    const first = await runAll(dir, requests);
    expect(first.service.state.phase).toBe('closed');
    const state = first.service.state;
    first.log.close();
    const reopened = openCeremony(dir, FIXED_SERVICES);
    expect(reopened.service.state).toEqual(state);
    expect(reopened.log.results()).toHaveLength(6);
    reopened.log.close();
  });

  it('keeps the passphrase only as a scrypt hash, and never in the log in clear', async () => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 2));
    expect(await checkPassphrase(PASSPHRASE, service.state.seal!.operatorKey)).toBe(true);
    expect(await checkPassphrase('wrong passphrase', service.state.seal!.operatorKey)).toBe(false);
    log.close();
    expect(JSON.stringify(rawEntries(dir))).not.toContain('notary 2026');
  });

  it('logs a refusal with the request (files by hash) and changes nothing', async () => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 1));
    const before = service.state;
    const result = await service.submit(requests[4]!, 'test');
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong-phase' } });
    expect(service.state).toBe(before);
    log.close();
    const last = rawEntries(dir).at(-1)!;
    expect(last.kind).toBe('refusal');
    const content = await readFile(join(DEMO_DISTRICT, 'primary', '信州区第一小学.csv'));
    expect(JSON.parse(last.body)).toMatchObject({
      request: { type: 'school:import', content: { bytes: content.length, sha256: sha256Hex(content) } },
      refusal: { code: 'wrong-phase' },
    });
  });

  it.each<[string, unknown]>([
    ['an unknown type', { type: 'school:erase', school: '东市街小学' }],
    ['a missing field', { type: 'school:draw', school: '东市街小学' }],
    ['an extra field', { type: 'ceremony:preview', force: true }],
    ['a number for a name', { type: 'school:publish', school: 42 }],
    ['no object at all', 'draw everything'],
  ])('refuses a malformed request (%s) and changes nothing', async (_, raw) => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 1));
    const result = await service.submit(raw, 'test');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(service.state.revision).toBe(1);
    log.close();
  });

  it('refuses an import that disagrees with the sealed figures until a reason is given, and logs both', async () => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 4));
    const text = await readFile(join(DEMO_DISTRICT, 'primary', '茅家岭小学.csv'), 'utf8');
    const shorter = new TextEncoder().encode(text.trimEnd().split('\n').slice(0, -1).join('\n'));
    const request = (reason: string | null): OperatorRequest => ({
      type: 'school:import',
      school: '茅家岭小学',
      fileName: '茅家岭小学.csv',
      content: shorter,
      acceptMismatchReason: reason,
    });
    const refused = await service.submit(request(null), 'test');
    expect(refused).toMatchObject({ ok: false, error: { code: 'import-mismatch' } });
    if (refused.ok) return;
    expect(refused.error.details.map((detail) => detail.zh)).toContain('学生数：申报 118，名单 117');
    const accepted = await service.submit(request('一名学生已转学 / one student moved away'), 'test');
    expect(accepted.ok).toBe(true);
    log.close();
    const kinds = rawEntries(dir).slice(-2);
    expect(kinds.map((entry) => entry.kind)).toEqual(['refusal', 'command']);
    expect(kinds[1]!.body).toContain('一名学生已转学');
  });

  it('refuses an unreadable roster with file, row and column', async () => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 4));
    const content = new TextEncoder().encode('学籍号,姓名,性别\nA1,张三,男\nA2,,女\n');
    const result = await service.submit(
      { type: 'school:import', school: '茅家岭小学', fileName: 'bad.csv', content, acceptMismatchReason: null },
      'test',
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'roster-invalid', details: [{ file: 'bad.csv', row: 3, column: '姓名 (B)' }] },
    });
    log.close();
  });

  it('will not run on a log whose stored results differ from the replay', async () => {
    const dir = tempDataDir();
    const { log } = await runAll(dir, requests.slice(0, 8));
    log.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec(`DROP TRIGGER results_no_update; UPDATE results SET body = replace(body, '"seedHex":"', '"seedHex":"0')`);
    db.close();
    const error: unknown = (() => {
      try {
        openCeremony(dir, FIXED_SERVICES);
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).zh).toContain('信州区第一小学');
    // It names the software the ceremony was sealed with, the usual culprit.
    expect((error as IntegrityError).en).toContain(`build hash ${await FIXED_SERVICES.buildHash()}`);
  });
});

/**
 * Rewrites one entry's body in the database and re-links every entry from it on, as a forger with the file would:
 * the hash chain is intact again, so only the replay's reading of the command can catch it.
 */
function forgeEntry(dataDir: string, seq: number, edit: (body: Record<string, unknown>) => void): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.exec('DROP TRIGGER audit_no_update');
  const rows = db.prepare('SELECT * FROM audit WHERE seq >= ? ORDER BY seq').all(seq) as (HashedFields & {
    body: string;
  })[];
  let prev = (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(seq - 1) as { hash: string }).hash;
  const update = db.prepare('UPDATE audit SET body = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const body = JSON.parse(row.body) as Record<string, unknown>;
    if (row.seq === seq) edit(body);
    const hash = entryHash({ ...row, body, prev_hash: prev });
    update.run(canonicalJson(body), prev, hash, row.seq);
    prev = hash;
  }
  db.close();
}

describe('the start-up replay', () => {
  const openError = (dir: string): unknown => {
    try {
      openCeremony(dir, FIXED_SERVICES).log.close();
    } catch (thrown) {
      return thrown;
    }
    return null;
  };

  it.each<[string, (body: Record<string, unknown>) => void, string]>([
    [
      'a gender that is no gender',
      (body) => {
        const roster = (body['command'] as { roster: { students: Record<string, unknown>[] } }).roster;
        roster.students[0]!['gender'] = 'X';
      },
      'command.roster.students.0.gender',
    ],
    ['a command without its command', (body) => void delete body['command'], 'command'],
    ['a revision as text', (body) => void (body['revision'] = String(body['revision'])), 'revision'],
  ])('names the entry and field of a stored command with %s, re-linked so the chain holds', async (_, edit, field) => {
    const dir = tempDataDir();
    const { log } = await runAll(dir, requests.slice(0, 6));
    log.close();
    const importSeq = rawEntries(dir).findIndex((entry) => entry.body.includes('"type":"school:import"')) + 1;
    forgeEntry(dir, importSeq, edit);
    const reopened = AuditLog.open(dir);
    expect(reopened.verify()).toBeNull();
    reopened.close();
    const error = openError(dir);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).zh).toBe(
      `审计日志第 ${importSeq} 条命令无法重放：不是有效的命令：字段 ${field} 无效`,
    );
    expect((error as IntegrityError).en).toContain(
      `audit log entry ${importSeq} does not replay: not a valid command: ${field}: `,
    );
  });

  it('names a stored command whose contribution was changed and re-linked: the draw no longer replays', async () => {
    const dir = tempDataDir();
    const { log } = await runAll(dir, requests.slice(0, 8));
    log.close();
    const drawSeq = rawEntries(dir).findIndex((entry) => entry.body.includes('"type":"school:draw"')) + 1;
    forgeEntry(dir, drawSeq, (body) => void ((body['command'] as Record<string, unknown>)['contribution'] = 'abc'));
    const error = openError(dir);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).en).toContain(`audit log entry ${drawSeq} does not replay: `);
  });
});

describe('sealed rules', () => {
  it('apply to every draw: bands, extremes and the balance columns each roster is read with', async () => {
    const junior = await demoRequests('junior');
    const rules = { ...DEFAULT_OPTIONS, bands: 4, extremes: 3, names: 'dialect', balance: ['留守儿童'] } as const;
    // Each junior roster gains a 留守儿童 column: every fifth student.
    const withFlag = junior.map((request): OperatorRequest => {
      if (request.type === 'ceremony:seal') return { ...request, rules };
      if (request.type !== 'school:import') return request;
      const lines = new TextDecoder()
        .decode(request.content)
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      const text = lines.map((line, row) => `${line},${row === 0 ? '留守儿童' : row % 5 === 0 ? '是' : '否'}`);
      return { ...request, content: new TextEncoder().encode(text.join('\n')) };
    });
    const { service, log } = await runAll(tempDataDir(), withFlag);
    expect(service.state.seal!.rules).toEqual(rules);
    const drawn = service.state.schools.filter((school) => school.draw !== null);
    expect(drawn.length).toBeGreaterThan(0);
    for (const school of drawn) {
      expect(school.imported!.roster.flags).toEqual(['留守儿童']);
      const { distribution, checks } = school.draw!.report;
      expect(distribution.bands).toHaveLength(4);
      expect(distribution.flags.map((row) => row.label)).toEqual(['留守儿童']);
      expect(checks.filter((check) => !check.ok)).toEqual([]);
    }
    log.close();
  });

  it('refuses rules that are not valid, and changes nothing', async () => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 1));
    const seal = requests[1]!;
    const result = await service.submit({ ...seal, rules: { ...DEFAULT_OPTIONS, bands: -1 } }, 'test');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(service.state.phase).toBe('planning');
    log.close();
  });
});

describe('a full disk', () => {
  it('is told to the operator in both languages; nothing is stored or changed, and the ceremony goes on after', async () => {
    const dir = tempDataDir();
    const { service, log } = await runAll(dir, requests.slice(0, 7));
    const draw = requests[7]!;
    if (draw.type !== 'school:draw') throw new Error(`request 8 is ${draw.type}`);
    const before = service.state;
    const entries = log.entryCount();
    const changes: unknown[] = [];
    service.subscribe((change) => changes.push(change));
    // What better-sqlite3 throws when the disk is full; SQLite has rolled the transaction back by then.
    const append = log.append.bind(log);
    let full = true;
    log.append = (...args) => {
      if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return append(...args);
    };
    const expectDiskFull = (result: Result<CommandAccepted>) => {
      expect(result).toMatchObject({ ok: false, error: { code: 'internal-error' } });
      const { zh, en } = (result as { error: { zh: string; en: string } }).error;
      expect(zh).toMatch(/磁盘已满.*未作任何更改/);
      expect(en).toMatch(/disk .* is full.*nothing was changed/);
    };
    expectDiskFull(await service.submit(draw, 'test'));
    // A refusal that cannot be logged says the same.
    expectDiskFull(await service.submit({ type: 'school:publish', school: draw.school }, 'test'));
    expect(service.state).toBe(before);
    expect(log.entryCount()).toBe(entries);
    expect(changes).toEqual([]);

    full = false;
    expect(await service.submit(draw, 'test')).toMatchObject({ ok: true, value: { revision: before.revision + 1 } });
    expect(changes).toHaveLength(1);
    log.close();
  });
});
