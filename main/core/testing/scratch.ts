import { onTestFinished } from 'vitest';
import { openDatabase, type Db, type OpenOptions } from '../../../db/database.js';
import { tempDir } from './fixtures.js';

// Vitest only (the e2e specs import fixtures.ts, never this): things a test makes that go away
// when that test ends, so test files do not each keep their own cleanup lists.

/** A temp folder, removed when the current test ends. */
export function scratchDir(): string {
  const t = tempDir();
  onTestFinished(t.remove);
  return t.path;
}

/** A case log opened (created, migrated) at `file`, closed when the current test ends. */
export function scratchCaseLog(file: string, options: OpenOptions = {}): Db {
  const db = openDatabase(file, options);
  onTestFinished(() => {
    if (db.open) db.close();
  });
  return db;
}
