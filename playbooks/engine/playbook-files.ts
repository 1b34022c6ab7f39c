/**
 * Reading a playbook folder's files: `playbook.yaml` and the step scripts beside it (`script:
 * trace.sh`), each with the same limits, so a huge or odd file is a load problem and never stops
 * the catalogue from loading.
 */
import { readFileSync, statSync } from 'node:fs';
import { scriptPlaceholders } from './shell.js';

/** Far above any real playbook; reading and parsing a bigger file costs every command seconds. */
export const MAX_PLAYBOOK_BYTES = 1024 * 1024;

/** "ENOENT: no such file or directory, scandir '/x'" → "no such file or directory". */
export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code && e.syscall ? e.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '') : e.message;
}

/**
 * A regular file of at most MAX_PLAYBOOK_BYTES, or why not (a sentence about `file`, which the
 * caller names); null when there is no such file. `kind` says what the file should have been.
 * Other errors (permissions, I/O) are thrown for the caller to report.
 */
export function readLimited(file: string, kind: string): { text: string } | { problem: string } | null {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { problem: `is not a regular file; ${kind}` };
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (size > MAX_PLAYBOOK_BYTES) {
    return { problem: `is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PLAYBOOK_BYTES / 1024 / 1024} MB limit for a playbook; not loaded (shorten it or move it out of the folder)` };
  }
  return { text: readFileSync(file, 'utf8') };
}

/** 1-based line and column of `offset` in `text`. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: offset - nl };
}

/**
 * Why a step script's text cannot be used, each with its place in the script: a `{{name}}` there
 * would reach the shell as text (nothing replaces it), and a script gets its parameters as "$1"….
 */
export function scriptProblems(text: string, paramNames: string[]): Array<{ line: number; col: number; message: string }> {
  return scriptPlaceholders(text).map((p) => {
    const n = paramNames.indexOf(p.name);
    const instead = n >= 0 ? `"$${n + 1}" is ${p.name}: assign it first (${p.name}=$${n + 1}) and use "$${p.name}"` : `the playbook declares no parameter "${p.name}"`;
    return { ...lineCol(text, p.at), message: `{{${p.name}}} is not replaced in a script file: a script gets the parameters as "$1"…"$n" in the order params declares them; ${instead}` };
  });
}
