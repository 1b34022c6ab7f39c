import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/**
 * Files only their owner may read: the case log holds command outputs, host names and notes of
 * incidents. Windows has no POSIX mode bits (its ACLs follow the user profile), so there these
 * are no-ops.
 */
const posix = process.platform !== 'win32';

const octal = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

/**
 * Take group and other permissions off `path` (a directory or a file), never adding any: a
 * tighter mode the user chose (0500, 0400) stays. Returns the line to tell the user when something
 * changed or could not be changed, else null (also when `path` does not exist).
 */
export function tightenMode(path: string): string | null {
  if (!posix) return null;
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    return null;
  }
  if ((mode & 0o077) === 0) return null;
  const tight = mode & 0o700;
  try {
    chmodSync(path, tight);
  } catch (err) {
    return `${path} is readable by other users (${octal(mode)}) and its permissions could not be tightened: ${(err as Error).message}; run chmod ${octal(tight).slice(1)} ${path}`;
  }
  return `tightened permissions of ${path} from ${octal(mode)} to ${octal(tight)}`;
}

/**
 * Create `path` empty with mode 0600 unless it exists. SQLite then opens it, and gives the -wal,
 * -shm and journal files it creates the mode of this file (os_unix.c findCreateFileMode).
 */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}
