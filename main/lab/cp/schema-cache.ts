import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { mysqlSocket } from '../galera.js';
import type { LabNode } from '../layout.js';
import { run, runCommand } from '../proc.js';
import type { LabState } from '../state.js';

/**
 * Schema syncs cached as SQL dumps (issue 16). A cold lab runs each service's own sync
 * (`keystone-manage db_sync`, `nova-manage db sync`, …: mostly Python start-up, 2–4 s each) and
 * dumps the databases it made; a warm lab restores that dump into its Galera (≈ 1 s for all of
 * them). A dump is keyed by the versions of the packages that wrote it, so an upgrade makes a new one.
 *
 * What goes in must hold nothing of one lab: no addresses, passwords or ids a later lab would not
 * share (Keystone endpoints and users are made after the restore; Nova's cell mappings are URL
 * templates). Folders a dump needs (a store, keys) can be kept beside it with `files`.
 *
 * Cache folder: $STACKSCOPE_LAB_CACHE, else $XDG_CACHE_HOME/stackscope/lab, else ~/.cache/stackscope/lab.
 */

/** Bumped when the way dumps are made changes, so older entries are ignored. */
const FORMAT = 1;
const DONE_MARK = '-- Dump completed';

export function labCacheDir(): string {
  if (process.env.STACKSCOPE_LAB_CACHE) return process.env.STACKSCOPE_LAB_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'stackscope', 'lab');
}

/** `package=version` lines of the installed Debian packages (missing ones say so, which keys them too). */
export async function packageVersions(packages: string[]): Promise<string> {
  const r = await runCommand(['dpkg-query', '-W', '-f', '${Package}=${Version}\\n', ...packages]);
  const found = new Map(
    r.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=', 2) as [string, string]),
  );
  return packages.map((p) => `${p}=${found.get(p) || 'absent'}`).join('\n');
}

export interface CachedSchemaOptions {
  /** What the dump is of, e.g. 'keystone' or 'nova' (one entry per key and package versions). */
  key: string;
  /** The databases the sync writes (they must exist, with their grants: serviceDatabase()). */
  databases: string[];
  /** The Debian packages whose versions decide whether a dump still fits (e.g. ['keystone', 'python3-keystone']). */
  packages: string[];
  /** The lab node whose mysqld (Galera member) is restored into and dumped from: the first controller. */
  node: LabNode;
  /** The service's own schema sync, run when there is no usable dump. */
  sync: () => Promise<void>;
  /** Folders stored beside the dump and copied back into the lab on restore, by a name of their own. */
  files?: Record<string, string>;
  log?: (line: string) => void;
}

interface Meta {
  format: number;
  key: string;
  databases: string[];
  versions: string;
  sha256: string;
  files: string[];
  createdAt: string;
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The cache entry's folder for these options (exists or not). */
export async function cacheEntry(o: Pick<CachedSchemaOptions, 'key' | 'databases' | 'packages'>): Promise<{ dir: string; versions: string }> {
  const versions = await packageVersions(o.packages);
  const id = sha256(JSON.stringify({ format: FORMAT, key: o.key, databases: o.databases, versions })).slice(0, 16);
  return { dir: join(labCacheDir(), `${o.key}-${id}`), versions };
}

/** Why an entry cannot be used, or undefined when it is complete and unchanged. */
function entryProblem(dir: string, o: CachedSchemaOptions, versions: string): string | undefined {
  const metaFile = join(dir, 'meta.json');
  if (!existsSync(metaFile)) return 'no meta.json';
  let meta: Meta;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
  } catch (e) {
    return `meta.json unreadable (${(e as Error).message})`;
  }
  if (meta.format !== FORMAT || meta.versions !== versions || meta.databases.join(',') !== o.databases.join(',')) return 'made for other packages or databases';
  const dump = join(dir, 'dump.sql');
  if (!existsSync(dump)) return 'dump.sql missing';
  const data = readFileSync(dump);
  if (sha256(data) !== meta.sha256) return 'dump.sql does not match its checksum (truncated or edited)';
  for (const name of Object.keys(o.files ?? {})) if (!meta.files.includes(name) || !existsSync(join(dir, 'files', name))) return `stored folder ${name} missing`;
  return undefined;
}

const mariadbArgs = (n: LabNode): string[] => [`--socket=${mysqlSocket(n)}`, '--connect-timeout=5'];

/** Empty the databases again (a failed restore may have left half of them); grants on db.* survive. */
async function resetDatabases(n: LabNode, databases: string[]): Promise<void> {
  const q = databases.map((d) => `DROP DATABASE IF EXISTS ${d}; CREATE DATABASE ${d}`).join('; ');
  await run(['mariadb', ...mariadbArgs(n), '-e', q], { netns: n.netns, timeoutMs: 60_000 });
}

/**
 * Restore the databases from the cached dump if there is a usable one, else run the sync and
 * store a dump of what it made. Returns which it was. A damaged entry is reported, removed and
 * made again; a failed write to the cache costs only the next lab's time (the lab goes on).
 */
export async function cachedSchema(o: CachedSchemaOptions): Promise<'warm' | 'cold'> {
  const log = o.log ?? (() => undefined);
  const { dir, versions } = await cacheEntry(o);
  if (existsSync(dir)) {
    const problem = entryProblem(dir, o, versions);
    if (problem === undefined) {
      const dump = readFileSync(join(dir, 'dump.sql'), 'utf8');
      const restore = (): ReturnType<typeof runCommand> => runCommand(['mariadb', ...mariadbArgs(o.node)], { netns: o.node.netns, input: dump, timeoutMs: 120_000 });
      let r = await restore();
      // Galera members joining meanwhile (lab up restores while they do) can make the node refuse
      // statements for a moment (ERROR 1047, a view change): empty the databases and restore again.
      for (let attempt = 1; r.code !== 0 && /ERROR 1047/.test(r.stderr) && attempt <= 5; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
        await resetDatabases(o.node, o.databases).catch(() => undefined);
        r = await restore();
      }
      if (r.code === 0) {
        for (const [name, target] of Object.entries(o.files ?? {})) {
          rmSync(target, { recursive: true, force: true });
          cpSync(join(dir, 'files', name), target, { recursive: true, preserveTimestamps: true });
        }
        return 'warm';
      }
      log(`  schema cache ${dir}: restore failed (${(r.stderr || r.stdout).trim().slice(-300)}); running the ${o.key} sync instead`);
      await resetDatabases(o.node, o.databases);
    } else {
      log(`  schema cache ${dir}: not usable (${problem}); running the ${o.key} sync and storing it again`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  await o.sync();
  try {
    await store(o, dir, versions);
  } catch (e) {
    log(`  schema cache: could not store the ${o.key} dump in ${dir} (${(e as Error).message}); the next lab will sync again`);
  }
  return 'cold';
}

/** Written into a private folder beside the entry and renamed into place: a reader sees all of it or nothing. */
async function store(o: CachedSchemaOptions, dir: string, versions: string): Promise<void> {
  const parent = labCacheDir();
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  const tmp = join(parent, `.tmp-${o.key}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp, { mode: 0o700 });
  try {
    const dump = await run(
      // mariadb-dump has no --connect-timeout; the run's timeout bounds it.
      ['mariadb-dump', `--socket=${mysqlSocket(o.node)}`, '--single-transaction', '--skip-lock-tables', '--skip-add-locks', '--routines', '--triggers', '--databases', ...o.databases],
      { netns: o.node.netns, timeoutMs: 120_000 },
    );
    if (!dump.trimEnd().split('\n').at(-1)?.startsWith(DONE_MARK)) throw new Error('mariadb-dump output is incomplete');
    writeFileSync(join(tmp, 'dump.sql'), dump, { mode: 0o600 });
    const files = Object.entries(o.files ?? {});
    for (const [name, source] of files) cpSync(source, join(tmp, 'files', name), { recursive: true, preserveTimestamps: true });
    const meta: Meta = { format: FORMAT, key: o.key, databases: o.databases, versions, sha256: sha256(dump), files: files.map(([name]) => name), createdAt: new Date().toISOString() };
    writeFileSync(join(tmp, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
    if (existsSync(dir)) return; // another lab stored the same entry meanwhile
    renameSync(tmp, dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Record in the lab state how its schemas came: cold as soon as one sync ran. */
export function noteSchemaStart(state: LabState, how: 'warm' | 'cold'): void {
  state.start = state.start === 'cold' || how === 'cold' ? 'cold' : 'warm';
}
