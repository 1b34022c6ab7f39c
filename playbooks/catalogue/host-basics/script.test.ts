import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseHost } from './parse.js';

/**
 * host.sh itself, run with sh as the engine runs it. The procfs figures are this machine's own;
 * ps, df and systemctl are stand-ins on PATH where a test needs a state this machine is not in.
 * systemd does not run here: the test that needs it runs a copy of the script whose systemd test
 * (`[ -d /run/systemd/system ]`) points at a temporary folder instead.
 */
const script = join(import.meta.dirname, 'host.sh');
const withTools = standIns('host-sh-');
let temps: string[] = [];
afterEach(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
  temps = [];
});

const run = (bin: string | null, file = script): string => {
  const path = bin ? `${bin}:/usr/bin:/bin` : '/usr/local/bin:/usr/bin:/bin';
  const r = spawnSync('sh', ['-c', `PATH=${path}; export PATH; . ${file}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
const input = (stdout: string): AnalyzerInput => ({ deployment: 'packages', params: {}, nodes: [{ name: 'n1', roles: ['controller'] }], outputs: [{ step: 'host', node: 'n1', state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: 'host.sh' }] });

describe('host.sh', () => {
  it('on this machine: every section, / always asked, figures the parser reads', () => {
    const out = run(null);
    const h = parseHost(out);
    expect(h.bootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.cores).toBeGreaterThan(0);
    expect(h.load?.line).toMatch(/^== loadavg: [\d.]+ [\d.]+ [\d.]+ /);
    expect(h.mem?.totalKb).toBeGreaterThan(0);
    expect(h.dirs[0]).toBe('/');
    expect(h.disk.find((d) => d.mount === '/')?.pct).toBeGreaterThanOrEqual(0);
    expect(h.procs?.total).toBeGreaterThan(0);
    expect(h.sections.at(-1)).toBe('== systemd: not running');
  });

  it('names up to five D-state and zombie processes with their pids, counting all', () => {
    const bin = withTools({ ps: "printf '%s\\n' 'Ss 1 init' 'D 10 jbd2/sda1-8' 'D 11 qemu-system-x86' 'Z 12 sh' 'R+ 13 ps' 'Z 14 sh' 'Z 15 sh' 'Z 16 sh' 'Z 17 sh' 'Z 18 sh'" });
    const h = parseHost(run(bin));
    expect(h.procs).toEqual({ total: 10, d: 2, z: 6, line: 'total 10 D 2 Z 6', named: ['D: jbd2/sda1-8(10) qemu-system-x86(11)', 'Z: sh(12) sh(14) sh(15) sh(16) sh(17)'] });
  });

  it('a df that fails on a mount leaves its words for the analyzer, which says disk was not read', () => {
    const bin = withTools({ df: "echo 'df: /var/log: Stale file handle' >&2; exit 1" });
    const out = run(bin);
    expect(out).toContain('df: /var/log: Stale file handle');
    const fs = analyze(input(out));
    expect(fs.filter((f) => f.status === 'SKIPPED').map((f) => f.title)).toEqual(['Could not read disk on n1']);
  });

  it('where systemd runs, lists the failed units with systemctl and its exit', () => {
    const sd = mkdtempSync(join(tmpdir(), 'host-sh-systemd-'));
    temps.push(sd);
    const copy = join(sd, 'host.sh');
    writeFileSync(copy, readFileSync(script, 'utf8').replaceAll('/run/systemd/system', sd));
    const bin = withTools({ systemctl: "[ \"$*\" = '--failed --no-legend --plain --no-pager' ] || exit 9; echo 'nova-compute.service loaded failed failed OpenStack Compute'" });
    const out = run(bin, copy);
    expect(out).toContain('== systemctl --failed\nnova-compute.service loaded failed failed OpenStack Compute\n== systemctl exit: 0\n');
    expect(analyze(input(out)).find((f) => f.check === 'host.failed-units')?.title).toBe('n1: 1 failed systemd unit(s) (nova-compute.service)');
  });
});
