import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

export const DATABASE_FILE = 'ceremony.sqlite';

/**
 * The files the controller keeps in the data directory: the database with its write-ahead log, and the scene
 * (presentation-store.ts). Only these: a data directory that holds other files keeps them as they are.
 */
const DATA_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'presentation.json'];

/** Only the account running the controller may read or write the data: it holds names and ID numbers. */
export const PRIVATE_DIRECTORY = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Makes the data directory (if needed) and its files private, tightening what an older version left readable.
 * SQLite gives its -wal and -shm files the database file's mode, so the database is made before SQLite opens it.
 */
function privateDataDirectory(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIRECTORY });
  restrict(dataDir, PRIVATE_DIRECTORY);
  const database = join(dataDir, DATABASE_FILE);
  if (!existsSync(database)) closeSync(openSync(database, 'a', PRIVATE_FILE));
  for (const file of DATA_FILES.map((name) => join(dataDir, name)).filter((path) => existsSync(path))) {
    restrict(file, PRIVATE_FILE);
  }
}

/** A file system without Unix modes (a FAT USB stick) refuses chmod: there is nothing to tighten, so it runs on. */
function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  }
}

/**
 * The database file is damaged, or no database at all (a disk fault, a bad copy, a hand edit), as SQLite or a stored
 * value that does not parse shows: nothing in it can be trusted, so the controller stops, as for a broken audit
 * chain. A crash never causes it: the WAL survives that.
 */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'DamagedDatabaseError';
  }
}

/**
 * Opens (creating if needed) the ceremony database in `dataDir` and brings its schema up to date. WAL keeps readers
 * off the writer's back; synchronous=FULL makes a committed command survive a power cut, not only a killed process.
 * A structural check of every page (quick_check, milliseconds on a ceremony's few megabytes) refuses a damaged file
 * before anything reads a row of it.
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  privateDataDirectory(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    if (problems.join() !== 'ok') throw damaged(file, problems.slice(0, 3).join('; '));
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) {
      throw damaged(file, (error as Error).message);
    }
    throw error;
  }
}

function damaged(file: string, sqlite: string): DamagedDatabaseError {
  return new DamagedDatabaseError(
    `数据库文件 ${file} 已损坏（SQLite：${sqlite}），控制器不在可疑的数据上运行。请停止使用此数据目录，` +
      '从备份恢复，并与打印的审计链核对',
    `the database file ${file} is damaged (SQLite: ${sqlite}); the controller does not run on doubtful data. Stop ` +
      'using this data directory, restore it from a backup and check it against the printed audit chain',
  );
}

/** Applies each migration newer than the database, each in its own transaction together with its version bump. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `数据库版本 ${current} 比本软件支持的 ${newest} 新，请使用更新的软件 / ` +
        `database schema ${current} is newer than this software supports (${newest})`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
