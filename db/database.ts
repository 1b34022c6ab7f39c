import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StackscopeError } from '../main/contract/errors.js';
import { createPrivateFile, tightenMode } from './private-files.js';
import { moveOutputIntoBlocks } from './output-blocks-upgrade.js';

export type Db = Database.Database;

/** Where the numbered migrations live: next to this file in the source tree, copied beside the bundle. */
function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'migrations'), join(here, '..', 'db', 'migrations'), join(here, '..', '..', 'db', 'migrations')]) {
    try {
      if (readdirSync(candidate).some((f) => f.endsWith('.sql'))) return candidate;
    } catch {
      // try the next layout
    }
  }
  throw new Error(`database migrations not found near ${here}`);
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number.parseInt(f, 10), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/**
 * A migration that rebuilds a table other tables reference starts with this line: it runs with
 * foreign keys off, or dropping the old table would fire their ON DELETE actions (see 008).
 */
const FOREIGN_KEYS_OFF = /^-- stackscope-migrate: foreign_keys=off$/m;

/** Work in code that runs right after a migration's SQL, in its transaction. */
const migrationSteps: Record<number, (db: Db) => void> = { 7: moveOutputIntoBlocks };

/** Apply every migration newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: Db, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const m of migrations) {
    if (m.version <= current) continue;
    const keysOff = FOREIGN_KEYS_OFF.test(m.sql);
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    // PRAGMA foreign_keys is a no-op inside a transaction: switch it before BEGIN, back after COMMIT.
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        // Data a migration's SQL cannot move by itself (007: outputs cut into blocks of lines).
        migrationSteps[m.version]?.(db);
        if (keysOff) {
          const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
          if (broken.length > 0) {
            const first = broken[0] as { table: string; rowid: number; parent: string };
            throw new Error(`migration ${m.name} would leave ${broken.length} broken reference(s), e.g. ${first.table} row ${first.rowid} → ${first.parent}; nothing was changed`);
          }
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (keysOff && keysWereOn) db.pragma('foreign_keys = ON');
    }
    applied++;
  }
  return applied;
}

/** How many backups taken before migrations are kept beside the case log (the newest ones). */
const keptBackups = 3;

/** The backups kept beside the case log, newest schema version first: FILE.bak-VERSION. */
export function caseLogBackups(file: string): string[] {
  const prefix = `${basename(file)}.bak-`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
    .sort((a, b) => Number(b.slice(prefix.length)) - Number(a.slice(prefix.length)))
    .map((n) => join(dirname(file), n));
}

/** A consistent copy of the case log at schema `version` (VACUUM INTO reads one snapshot, WAL included). */
function backUp(db: Db, file: string, version: number, next: number): string {
  const target = `${file}.bak-${version}`;
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    createPrivateFile(partial); // VACUUM INTO writes into an empty file and keeps its mode
    db.exec(`VACUUM INTO '${partial.replace(/'/g, "''")}'`);
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    if (damaged(err)) throw err;
    throw new Error(`cannot back up the case log ${file} to ${target} before migrating it to version ${next}: ${(err as Error).message}; nothing was migrated (free disk space, about the size of the case log, and start again)`);
  }
  for (const old of caseLogBackups(file).slice(keptBackups)) rmSync(old, { force: true });
  return target;
}

/** SQLite's answer for a file that is not a database or whose pages do not make sense. */
function damaged(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/**
 * A damaged case log named, with what to do; any other error is returned as it is. Damage shows
 * wherever SQLite first reads the bad page (at open, or at a later query), so every boundary that
 * reports errors passes them through here.
 */
export function explainCaseLogError(file: string, err: unknown): unknown {
  if (!damaged(err)) return err;
  const [backup] = caseLogBackups(file);
  const what = (err as { code: string }).code === 'SQLITE_NOTADB' ? 'is not a SQLite database' : 'is damaged';
  const restore = backup
    ? `the backup taken before the last migration is ${backup} (copy it to ${file} to go back to it)`
    : 'no backup of it was kept (one is taken before each migration)';
  return new StackscopeError(
    'UNAVAILABLE',
    `the case log ${file} ${what} (corrupt or truncated; SQLite says: ${(err as Error).message}): move it aside, with its -wal and -shm files, and start again; ${restore}`,
    { file, ...(backup ? { backup } : {}) },
  );
}

export interface OpenOptions {
  /** Told once about permissions that were tightened (stderr, or the app's log). */
  notice?: (line: string) => void;
}

/**
 * Open (creating if needed) the case log: WAL, foreign keys, migrations applied after a backup.
 * Its files are private to the user (0600, -wal and -shm included); a damaged file is named.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Before SQLite opens it: the -wal and -shm files it creates take the database file's mode.
  try {
    createPrivateFile(file);
  } catch (err) {
    throw new Error(`cannot create case log ${file}: ${(err as Error).message}; check the permissions of ${dirname(file)}`);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    const notice = tightenMode(f);
    if (notice) options.notice?.(notice);
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    const explained = explainCaseLogError(file, err);
    throw explained !== err ? explained : new Error(`cannot open case log ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable against application crashes in WAL mode; only an OS crash can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Read the schema now, so a damaged first page is reported here rather than at the first query.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const migrations = loadMigrations();
    const current = db.pragma('user_version', { simple: true }) as number;
    const next = migrations.find((m) => m.version > current);
    // A case log with a schema has data worth keeping; a new one (version 0) has nothing to back up.
    if (next && current > 0) backUp(db, file, current, next.version);
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw explainCaseLogError(file, err);
  }
  return db;
}
