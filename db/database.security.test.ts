import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StackscopeError } from '../main/contract/errors.js';
import { createCore } from '../main/core/core.js';
import { damagedCopy, damages, realCaseLog } from '../main/core/testing/damaged-case-log.js';
import { tempDir } from '../main/core/testing/fixtures.js';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { CasesRepo } from './cases-repo.js';
import { caseLogBackups, loadMigrations, migrate, type Db } from './database.js';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

// The usual umask, so a file created with the default 0644/0755 would show it.
let umask = 0;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

const dir = scratchDir;
const open = (file: string, notices: string[] = []): Db => scratchCaseLog(file, { notice: (l) => notices.push(l) });

describe('case log files other users cannot read', () => {
  it('creates the case log, its WAL and shared-memory files 0600 in a new 0700 folder', () => {
    const file = join(dir(), 'new', 'data', 'caselog.sqlite');
    const db = open(file);
    new CasesRepo(db).create('galera down on db-2', 'critical', null);
    expect(mode(join(file, '..'))).toBe('700');
    expect([file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual(['600', '600', '600']);
  });

  it('tightens a case log and the -wal and -shm files an older version left 0644, saying so once', () => {
    const file = join(dir(), 'caselog.sqlite');
    const older = new Database(file); // as before: SQLite's default 0644 under umask 022
    older.pragma('journal_mode = WAL');
    migrate(older);
    new CasesRepo(older).create('kept', 'info', null); // -wal and -shm stay while it is open
    expect([file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual(['644', '644', '644']);
    const notices: string[] = [];
    const db = open(file, notices);
    expect([file, `${file}-wal`, `${file}-shm`].map(mode)).toEqual(['600', '600', '600']);
    expect(notices).toEqual([file, `${file}-wal`, `${file}-shm`].map((f) => `tightened permissions of ${f} from 0644 to 0600`));
    expect(new CasesRepo(db).list().map((c) => c.title)).toEqual(['kept']);
    db.close();
    older.close();
    const again: string[] = [];
    open(file, again);
    expect(again).toEqual([]);
  });

  it('takes group and other bits off, and never adds any', () => {
    const file = join(dir(), 'caselog.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o640);
    open(file).close();
    expect(mode(file)).toBe('600');
    const readOnly = join(dir(), 'ro.sqlite');
    writeFileSync(readOnly, '');
    chmodSync(readOnly, 0o444);
    const notices: string[] = [];
    try {
      open(readOnly, notices).close();
    } catch {
      // not root: a read-only file cannot take the WAL; its mode is what this test is about
    }
    expect(mode(readOnly)).toBe('400');
  });
});

describe('a backup before each migration', () => {
  function atVersion6(file: string): void {
    const old = new Database(file);
    migrate(old, loadMigrations().filter((m) => m.version <= 6));
    // As that version wrote it (today's repository expects today's schema).
    old.prepare("INSERT INTO cases (title, severity, opened_at) VALUES ('before the upgrade', 'warning', '2026-01-02T03:04:05.000Z')").run();
    old.close();
  }

  it('copies a case log with data to FILE.bak-VERSION (0600) before migrating it, and keeps the last three', () => {
    const d = dir();
    const file = join(d, 'caselog.sqlite');
    atVersion6(file);
    for (const v of [2, 3, 4, 5]) writeFileSync(`${file}.bak-${v}`, 'an older backup');
    const db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...loadMigrations().map((m) => m.version)));
    const backup = `${file}.bak-6`;
    expect(caseLogBackups(file)).toEqual([backup, `${file}.bak-5`, `${file}.bak-4`]);
    expect(existsSync(`${file}.bak-3`) || existsSync(`${file}.bak-2`) || existsSync(`${backup}.partial`)).toBe(false);
    expect(mode(backup)).toBe('600');
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(6);
    expect(copy.prepare('SELECT title FROM cases').all()).toEqual([{ title: 'before the upgrade' }]);
    copy.close();
  });

  it('takes none for a new case log or one already up to date', () => {
    const file = join(dir(), 'caselog.sqlite');
    open(file).close();
    open(file).close();
    expect(caseLogBackups(file)).toEqual([]);
  });
});

describe('a damaged case log is named, with what to do', () => {
  let source: { file: string; backup: string };
  beforeAll(() => {
    const t = tempDir();
    source = realCaseLog(join(t.path, 'real'));
    return t.remove;
  });

  for (const kind of damages) {
    it(`${kind}: the error names the file and the backup, at open or at the first query that meets it`, async () => {
      const copy = damagedCopy(source, join(dir(), 'data'), kind);
      let failure: unknown;
      let surfaced: 'at open' | 'at a query' = 'at open';
      try {
        const core = createCore({ dataDir: join(copy.file, '..'), mode: 'browser', notice: () => undefined });
        surfaced = 'at a query';
        try {
          const r = await core.dispatch('cases.list', {});
          if (!r.ok) failure = new StackscopeError(r.error.code, r.error.message);
          else if (kind === 'zero length') expect(r.value).toEqual([]); // SQLite takes an empty file for a new database
        } finally {
          await core.close();
        }
      } catch (err) {
        failure = err;
      }
      if (kind === 'zero length') return expect(failure).toBeUndefined();
      expect(failure).toBeInstanceOf(StackscopeError);
      const { code, message } = failure as StackscopeError;
      expect(code).toBe('UNAVAILABLE');
      // Start-up does not read the cases table: that damage first shows at the query, in browser mode or the app.
      if (kind === 'garbage in the cases table') expect(surfaced).toBe('at a query');
      expect(message).toMatch(new RegExp(`^the case log ${copy.file} (is not a SQLite database|is damaged) \\(corrupt or truncated; SQLite says: [^)]+\\): move it aside`));
      expect(message).toContain(`the backup taken before the last migration is ${copy.backup}`);
    });
  }

  it('says when no backup exists', () => {
    const file = join(dir(), 'caselog.sqlite');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'this is not a database, it is a text file that someone saved over the case log\n'.repeat(100));
    expect(() => open(file)).toThrow(`the case log ${file} is not a SQLite database (corrupt or truncated; SQLite says: file is not a database): move it aside, with its -wal and -shm files, and start again; no backup of it was kept (one is taken before each migration)`);
  });
});
