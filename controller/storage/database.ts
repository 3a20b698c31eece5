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
 * Opens (creating if needed) the ceremony database in `dataDir` and brings its schema up to date. WAL keeps readers
 * off the writer's back; synchronous=FULL makes a committed command survive a power cut, not only a killed process.
 */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  privateDataDirectory(dataDir);
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
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
