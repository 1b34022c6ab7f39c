/**
 * Debian package versions (`[epoch:]upstream[-revision]`) compared the way dpkg does
 * (deb-version(7), dpkg's lib/dpkg/version.c): the epoch as a number, then upstream and revision
 * each by the "verrevcmp" walk: runs of non-digits compared character by character, where `~`
 * sorts before everything (even the end of the string) and letters before other characters, then
 * runs of digits compared as numbers. So 1.0~rc1 < 1.0 < 1.0-0ubuntu1 < 1.0+dfsg < 1:0.1.
 */

export interface DebianVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

const VALID = /^(?:(\d{1,9}):)?([0-9][A-Za-z0-9.+~-]*?)(?:-([A-Za-z0-9.+~]+))?$/;

/** The parts of a version, or null when it is not one (empty, bad characters, an epoch that is not a number). */
export function parseDebianVersion(text: string): DebianVersion | null {
  const v = text.trim();
  if (!v || v.length > 256) return null;
  const m = VALID.exec(v);
  if (!m || m[2]?.endsWith('-')) return null;
  // The last hyphen splits upstream from the revision (a revision has none); a colon is the epoch's only.
  return { epoch: Number(m[1] ?? 0), upstream: m[2] as string, revision: m[3] ?? '' };
}

/** dpkg's order of one character in a non-digit run: `~` first, then the end, then letters, then the rest. */
function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** dpkg's verrevcmp over one part (upstream or revision). */
function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(isDigit(a[i]) ? undefined : a[i]);
      const bc = order(isDigit(b[j]) ? undefined : b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = (a.charCodeAt(i) as number) - (b.charCodeAt(j) as number);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` (dpkg --compare-versions). */
export function compareDebianVersions(a: DebianVersion, b: DebianVersion): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  return compareFragment(a.upstream, b.upstream) || compareFragment(a.revision, b.revision);
}

/** Compare two version strings; throws on a string that is not a version (callers parse first). */
export function compareVersionText(a: string, b: string): number {
  const pa = parseDebianVersion(a);
  const pb = parseDebianVersion(b);
  if (!pa || !pb) throw new Error(`not a Debian version: ${JSON.stringify(pa ? b : a)}`);
  return compareDebianVersions(pa, pb);
}

/**
 * Whether `version` belongs to the release line `line`: the line is the start of the version up to
 * a component boundary (`3:25` holds `3:25.1.1-0ubuntu1` and `3:25`, not `3:250.1`; `12.13` holds
 * `12.13.0-0ubuntu1.2~cloud0`). A line without an epoch holds only versions without one.
 */
export function inReleaseLine(version: string, line: string): boolean {
  const v = version.trim();
  if (!v.startsWith(line)) return false;
  const next = v[line.length];
  return next === undefined || !/[0-9A-Za-z]/.test(next);
}
