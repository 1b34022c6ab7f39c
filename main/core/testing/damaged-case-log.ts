import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CasesRepo } from '../../../db/cases-repo.js';
import { loadMigrations, migrate, openDatabase } from '../../../db/database.js';

/**
 * A case log as a user has one: created by an older Stackscope (schema 6), migrated since (so a
 * backup was taken), with a few thousand cases. `file` is in `dir`, as `--data-dir dir` finds it.
 */
export function realCaseLog(dir: string): { file: string; backup: string } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'caselog.sqlite');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  migrate(old, loadMigrations().filter((m) => m.version <= 6));
  old.close();
  const db = openDatabase(file);
  const cases = new CasesRepo(db);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) cases.create(`nova-compute on compute-${i} lost its connection to rabbitmq, case ${i}`, 'warning', null);
  })();
  db.close(); // checkpoints: everything is in the main file now
  return { file, backup: `${file}.bak-6` };
}

export type Damage = 'truncated' | 'random bytes' | 'header intact, pages garbage' | 'garbage in the cases table' | 'zero length';
export const damages: Damage[] = ['truncated', 'random bytes', 'header intact, pages garbage', 'garbage in the cases table', 'zero length'];

/** Garbage SQLite cannot mistake for a b-tree page: random bytes with an invalid page type. */
function garbagePage(size: number, typeAt: number): Buffer {
  const page = randomBytes(size);
  page[typeAt] = 0xff;
  return page;
}

/** A copy of the case log `source` (and its backups) in `dir`, damaged the way `kind` says. */
export function damagedCopy(source: { file: string; backup: string }, dir: string, kind: Damage): { file: string; backup: string } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'caselog.sqlite');
  const backup = `${file}.bak-6`;
  copyFileSync(source.backup, backup);
  const bytes = readFileSync(source.file);
  const probe = new Database(source.file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const casePages = (probe.prepare("SELECT pageno FROM dbstat WHERE name = 'cases'").all() as Array<{ pageno: number }>).map((r) => r.pageno);
  probe.close();
  switch (kind) {
    case 'truncated':
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2) + 123));
      break;
    case 'random bytes':
      writeFileSync(file, randomBytes(64 * 1024));
      break;
    case 'header intact, pages garbage': {
      const pages = [garbagePage(pageSize - 100, 0)];
      for (let at = pageSize; at < bytes.length; at += pageSize) pages.push(garbagePage(pageSize, 0));
      writeFileSync(file, Buffer.concat([bytes.subarray(0, 100), ...pages]));
      break;
    }
    case 'garbage in the cases table': {
      const copy = Buffer.from(bytes);
      for (const n of casePages) garbagePage(pageSize, 0).copy(copy, (n - 1) * pageSize);
      writeFileSync(file, copy);
      break;
    }
    case 'zero length':
      writeFileSync(file, '');
      break;
  }
  // As Stackscope keeps them, so what a test sees is about the damage alone.
  for (const f of [file, backup]) chmodSync(f, 0o600);
  return { file, backup };
}
