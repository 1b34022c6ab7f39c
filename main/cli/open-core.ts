import { isStackscopeError } from '../contract/errors.js';
import { createCore, type Core, type CoreOptions } from '../core/core.js';
import { databaseFile, explainDataDirError } from '../core/paths.js';
import { EXIT, ExitError } from './exit-codes.js';

/**
 * The core over a data dir's case log, for the commands and for browser mode. A data dir or case
 * log that cannot be used (not writable, damaged) is bad input whatever failed underneath: choose
 * another, or repair it.
 */
export function openCore(options: CoreOptions): Core {
  try {
    return createCore(options);
  } catch (err) {
    const explained = explainDataDirError(options.dataDir, err);
    throw new ExitError(EXIT.BAD_INPUT, explained instanceof Error ? explained.message : String(explained));
  }
}

/** `err` says the case log of `dataDir` is damaged (met at a query after start-up). */
export function caseLogDamaged(err: unknown, dataDir: string): boolean {
  return isStackscopeError(err, 'UNAVAILABLE') && err.detail !== undefined && 'file' in err.detail && err.detail.file === databaseFile(dataDir);
}
