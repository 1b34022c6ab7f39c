import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { damagedCopy, damages, realCaseLog } from '../core/testing/damaged-case-log.js';
import { scratchDir } from '../core/testing/scratch.js';

// What `stackscope` leaves on disk, seen with stat as another user would find it, and what it says
// when the case log on disk is damaged.

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'stackscope.js');
const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** The CLI as a user runs it, under the usual umask 022 (so SQLite's and Node's defaults would be 0644/0755). */
function cli(dataDir: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('sh', ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, bin, '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const dir = scratchDir;

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
});

describe('files other users cannot read', () => {
  it('creates a new data dir 0700 and the case log 0600, silently', () => {
    const data = join(dir(), 'home', 'stackscope');
    const r = cli(data, ['case', 'new', 'rabbitmq partition']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(mode(data)).toBe('700');
    expect(mode(join(data, 'caselog.sqlite'))).toBe('600');
  });

  it('tightens an existing 0755 data dir and says so once', () => {
    const data = join(dir(), 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    const first = cli(data, ['cases', 'list']);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`stackscope: tightened permissions of ${data} from 0755 to 0700\n`);
    expect(mode(data)).toBe('700');
    expect(cli(data, ['cases', 'list'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('never loosens a data dir the user made tighter', () => {
    const data = join(dir(), 'data');
    mkdirSync(data, { mode: 0o700 });
    cli(data, ['cases', 'list']);
    chmodSync(data, 0o500); // read-only for its owner: root still writes, anyone else gets a clear error
    const r = cli(data, ['cases', 'list']);
    expect(r.stderr).not.toMatch(/tightened|permissions of/);
    expect(mode(data)).toBe('500');
  });

  it('writes report exports and the outputs attachment 0600, also over an existing 0644 file', () => {
    const data = join(dir(), 'data');
    expect(cli(data, ['case', 'new', 'galera lost quorum']).code).toBe(0);
    const out = join(dir(), 'exports');
    mkdirSync(out);
    const md = join(out, 'case-1.md');
    writeFileSync(md, 'an older export\n', { mode: 0o644 });
    chmodSync(md, 0o644);
    const r = cli(data, ['report', '1', '--format', 'md', '--out', md, '--with-outputs']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('galera lost quorum');
    expect([md, `${md}.outputs.json`].map(mode)).toEqual(['600', '600']);
    const json = join(out, 'case-1.json');
    expect(cli(data, ['report', '1', '--format', 'json', '--out', json]).code).toBe(0);
    expect(mode(json)).toBe('600');
  });

  it('leaves the mode of a pipe it writes a report into alone', async () => {
    const data = join(dir(), 'data');
    expect(cli(data, ['case', 'new', 'to a pipe']).code).toBe(0);
    const d = dir();
    const fifo = join(d, 'report.fifo');
    const received = join(d, 'received.md');
    execFileSync('mkfifo', ['-m', '0644', fifo]);
    // The reader writes to a file, not back to this process: the CLI below runs synchronously.
    const reader = spawn('sh', ['-c', 'exec cat "$0" > "$1"', fifo, received], { stdio: 'ignore' });
    const done = new Promise<void>((resolve) => reader.once('close', () => resolve()));
    onTestFinished(() => {
      reader.kill('SIGKILL');
    });
    const r = cli(data, ['report', '1', '--format', 'md', '--out', fifo]);
    if (r.code !== 0) reader.kill('SIGKILL'); // the pipe was never opened for writing: nothing will end cat
    await done;
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(received, 'utf8')).toContain('to a pipe');
    expect(mode(fifo)).toBe('644');
  });
});

describe('a damaged case log', () => {
  for (const kind of damages) {
    it(`${kind}: cases list ${kind === 'zero length' ? 'starts a new case log' : 'exits 2 naming the file and the backup, without a stack trace'}`, () => {
      const t = dir();
      const copy = damagedCopy(realCaseLog(join(t, 'real')), join(t, 'data'), kind);
      const r = cli(join(t, 'data'), ['cases', 'list']);
      if (kind === 'zero length') return expect(r).toMatchObject({ code: 0, stdout: 'No cases yet.\n' });
      expect(r.code).toBe(2); // main/cli/cli.ts: 2 = an error before anything ran
      expect(r.stderr).toMatch(new RegExp(`^stackscope: the case log ${copy.file} (is not a SQLite database|is damaged) \\(corrupt or truncated; SQLite says: [^)]+\\): move it aside, with its -wal and -shm files, and start again; the backup taken before the last migration is ${copy.backup} \\(copy it to ${copy.file} to go back to it\\)\\n$`));
      expect(r.stdout).toBe('');
    });
  }
});
