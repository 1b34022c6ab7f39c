import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseController } from './parse.js';

/**
 * controller.sh itself, run with sh as the engine runs it. ovn-appctl is a stand-in on PATH;
 * "ovn-controller" is a real process whose command line carries the --log-file the script must
 * find through the pid file in OVN_RUNDIR and /proc/PID/cmdline.
 */
const script = join(import.meta.dirname, 'controller.sh');
const withTools = standIns('controller-sh-');
let dirs: string[] = [];
let daemons: ChildProcess[] = [];
afterEach(() => {
  for (const d of daemons) d.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
  daemons = [];
});

const tmp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

function daemon(args: string[]): string {
  const dir = tmp('controller-run-');
  // `sleep; :` keeps sh alive (no exec of the last command), so /proc/PID/cmdline is sh's own, with args as $0, $1….
  const p = spawn('sh', ['-c', 'sleep 30; :', ...args], { stdio: 'ignore' });
  daemons.push(p);
  writeFileSync(join(dir, 'ovn-controller.pid'), `${p.pid}\n`);
  return dir;
}

const run = (bin: string, rundir: string): string => {
  const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin OVN_RUNDIR=${rundir}; export PATH OVN_RUNDIR; . ${script}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('controller.sh', () => {
  it('asks for the connection status, then reads the log the daemon writes and keeps the bindings, SB reconnects and slow runs', () => {
    const log = join(tmp('controller-log-'), 'ovn-controller.log');
    writeFileSync(
      log,
      [
        '2026-12-05T07:00:00.001Z|00001|vlog|INFO|opened log file /var/log/ovn/ovn-controller.log',
        '2026-12-05T07:00:00.010Z|00002|reconnect|INFO|unix:/var/run/openvswitch/db.sock: connected',
        '2026-12-05T07:00:00.020Z|00003|reconnect|INFO|tcp:198.18.0.11:6642: connecting...',
        '2026-12-05T07:00:00.030Z|00004|reconnect|INFO|tcp:198.18.0.11:6642: connected',
        '2026-12-05T07:00:01.000Z|00005|binding|INFO|Claiming lport web-1-port for this chassis.',
        '2026-12-05T07:00:01.000Z|00006|binding|INFO|web-1-port: Claiming fa:16:3e:00:00:01 10.0.0.11',
        '2026-12-05T07:00:02.000Z|00007|inc_proc_eng|INFO|node: logical_flow_output, recompute (forced) took 731ms',
        '2026-12-05T07:00:03.000Z|00008|main|INFO|OVNSB commit failed, force recompute next time.',
      ].join('\n') + '\n',
    );
    const out = run(withTools({ 'ovn-appctl': 'echo connected' }), daemon(['--pidfile', `--log-file=${log}`]));
    expect(out).toMatch(/^== now: \d+ [+-]\d{4}\n== connection-status\nconnected\n== exit: 0\n== log: \/.*ovn-controller\.log\n== first: 2026-12-05T07:00:00\.001Z\|00001\|vlog/);
    expect(out).toContain('tcp:198.18.0.11:6642: connected\n');
    expect(out).toContain('Claiming lport web-1-port for this chassis.\n');
    expect(out).not.toContain('db.sock');
    expect(out).not.toContain('Claiming fa:16:3e');
    expect(out).toContain('== last: 2026-12-05T07:00:03.000Z|00008|main|INFO|OVNSB commit failed, force recompute next time.\n== read: 8 lines, matched: 4\n');
    const f = parseController(out);
    // `connecting...` is kept (a reconnect line of the SB) but is no event of its own.
    expect(f.events.map((e) => `${e.kind}:${e.subject}`)).toEqual(['sb-connected:tcp:198.18.0.11:6642', 'claim:web-1-port', 'recompute:logical_flow_output']);
  });

  it('not running: the exit code and what ovn-appctl said, and the log found where the packages keep it or "none"', () => {
    const out = run(withTools({ 'ovn-appctl': 'echo \'ovn-appctl: cannot read pidfile "/var/run/ovn/ovn-controller.pid" (No such file or directory)\' >&2; exit 1' }), '/nonexistent-rundir');
    expect(out).toContain('== connection-status\novn-appctl: cannot read pidfile "/var/run/ovn/ovn-controller.pid" (No such file or directory)\n== exit: 1\n');
    expect(out).toMatch(/== log: (none \(no readable ovn-controller\.log\)|\/var\/log\/\S+\/ovn-controller\.log)\n/);
    expect(parseController(out).statusExit).toBe(1);
  });

  it('a daemon logging only to its console says so', () => {
    const out = run(withTools({ 'ovn-appctl': 'echo connected' }), daemon(['-vconsole:info', '--pidfile']));
    expect(out).toContain('== log: none (ovn-controller runs without --log-file: it logs to its console)\n');
  });
});
