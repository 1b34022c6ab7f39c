import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { analyze } from './analyzer.js';
import { parseVswitchd } from './parse.js';

/**
 * vswitchd.sh itself, run with sh as the engine runs it. ovs-appctl is a stand-in on PATH printing
 * what the real one prints; "ovs-vswitchd" is a real process whose command line carries the
 * --log-file the script must find (through the pid file in OVS_RUNDIR and /proc/PID/cmdline).
 */
const script = join(import.meta.dirname, 'vswitchd.sh');
const withTools = standIns('vswitchd-sh-');
let dirs: string[] = [];
let daemons: ChildProcess[] = [];
afterEach(() => {
  for (const d of daemons) d.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
  daemons = [];
});

/** A run dir with the pid file of a live process whose argv says `args` (like ovs-vswitchd's). */
function daemon(args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'vswitchd-run-'));
  dirs.push(dir);
  // `sleep; :` keeps sh alive (no exec of the last command), so /proc/PID/cmdline is sh's own, with args as $0, $1….
  const p = spawn('sh', ['-c', 'sleep 30; :', ...args], { stdio: 'ignore' });
  daemons.push(p);
  writeFileSync(join(dir, 'ovs-vswitchd.pid'), `${p.pid}\n`);
  return dir;
}

const dpctl = (lost: string): string =>
  `case "$3" in upcall/show) printf '%s\\n' 'netdev@ovs-netdev:' '  flows         : (current 4) (avg 4) (max 9) (limit 10000)' '  dump duration : 1ms' '' '  4: (keys 2)' ;; ` +
  `dpctl/show) printf '%s\\n' 'netdev@ovs-netdev:' "  lookups: hit:120 missed:31 lost:${lost}" '  flows: 4' '  masks: hit:200 total:2 hit/pkt:1.32' '  port 0: ovs-netdev (tap)' ;; esac`;

const run = (bin: string, rundir: string): string => {
  const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin OVS_RUNDIR=${rundir}; export PATH OVS_RUNDIR; . ${script}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('vswitchd.sh', () => {
  it("reads the daemon's own --log-file after its rotated .1, keeps only the lines that matter, and a datapath with nothing lost is looked at once", () => {
    const logDir = mkdtempSync(join(tmpdir(), 'vswitchd-log-'));
    dirs.push(logDir);
    const log = join(logDir, 'ovs-vswitchd.log');
    writeFileSync(`${log}.1`, '2026-12-04T09:00:00.001Z|00001|vlog|INFO|opened log file\n2026-12-04T10:00:00.000Z|00002|timeval|WARN|Unreasonably long 1200ms poll interval (900ms user, 300ms system)\n');
    writeFileSync(log, '2026-12-05T00:00:00.001Z|00003|bridge|INFO|bridge br-int: added interface tap1 on port 3\n2026-12-05T01:00:00.000Z|00004|bridge|WARN|could not open network device tap9 (No such device)\n2026-12-05T02:00:00.000Z|00005|connmgr|INFO|br-int<->unix#3: 2 flow_mods in the last 0 s (2 adds)\n');
    const out = run(withTools({ 'ovs-appctl': dpctl('0') }), daemon([`--log-file=${log}`, '--pidfile']));
    expect(out).toMatch(/^== now: \d+ [+-]\d{4}\n== log: \/.*ovs-vswitchd\.log\n== first: 2026-12-04T09:00:00\.001Z\|00001\|vlog\|INFO\|opened log file\n/);
    expect(out).toContain('|timeval|WARN|Unreasonably long 1200ms poll interval');
    expect(out).toContain('could not open network device tap9 (No such device)');
    expect(out).not.toContain('added interface tap1');
    expect(out).toContain('== last: 2026-12-05T02:00:00.000Z|00005|connmgr|INFO|br-int<->unix#3: 2 flow_mods in the last 0 s (2 adds)\n== read: 5 lines, matched: 2\n');
    expect(out).toContain('== upcall/show\nnetdev@ovs-netdev:\n  flows         : (current 4) (avg 4) (max 9) (limit 10000)\n  dump duration : 1ms\n== dpctl/show\n');
    expect(out).not.toContain('port 0:');
    expect(out).not.toContain('again');
    const f = parseVswitchd(out);
    expect(f.events.map((e) => e.kind)).toEqual(['poll', 'missing-device']);
    expect([f.appctlExit, f.dpctl[0]?.lost, f.flows[0]?.limit]).toEqual([0, 0, 10000]);
  });

  it('looks at the datapath a second time when it has lost upcalls, to tell a growing counter from an old one', () => {
    const state = mkdtempSync(join(tmpdir(), 'vswitchd-count-'));
    dirs.push(state);
    // Each dpctl/show reports 7 more lost than the one before.
    const counter = join(state, 'n');
    writeFileSync(counter, '10\n');
    const appctl = `n=$(cat ${counter}); if [ "$3" = dpctl/show ]; then echo $((n + 7)) > ${counter}; fi\n${dpctl('$n')}`;
    const out = run(withTools({ 'ovs-appctl': appctl }), daemon(['--log-file=/nonexistent/ovs-vswitchd.log']));
    expect(out).toContain('== log: none (no readable ovs-vswitchd.log at /nonexistent/ovs-vswitchd.log)\n');
    expect(out).toContain('  lookups: hit:120 missed:31 lost:10\n  flows: 4\n== exit: 0\n== dpctl/show again\nnetdev@ovs-netdev:\n  lookups: hit:120 missed:31 lost:17\n');
    const f = parseVswitchd(out);
    expect([f.dpctl[0]?.lost, f.dpctlAgain[0]?.lost]).toEqual([10, 17]);
  });

  it('says so when vswitchd logs only to its console, and a daemon that does not answer is critical', () => {
    const appctl = 'echo "ovs-appctl: cannot connect to \\"/run/openvswitch/ovs-vswitchd.1.ctl\\" (Connection refused)" >&2; exit 1';
    const out = run(withTools({ 'ovs-appctl': appctl }), daemon(['-vconsole:info', '--mlockall']));
    expect(out).toContain('== log: none (ovs-vswitchd runs without --log-file: it logs to its console)\n');
    expect(out).toContain('== exit: 1\n');
    const fs = analyze({ deployment: 'openstack-helm', params: {}, nodes: [{ name: 'c1', roles: ['compute'] }], outputs: [{ step: 'vswitchd', node: 'c1', state: 'succeeded', exitCode: 0, stdout: out, stderr: '', error: null, command: 'vswitchd.sh' }] });
    expect(fs.map((f) => [f.check, f.severity, f.status])).toEqual([
      ['ovs-vswitchd.not-answering', 'critical', 'FAILED'],
      ['ovs-vswitchd.log', 'info', 'SKIPPED'],
    ]);
    expect(fs[0]?.evidence[0]?.lines).toEqual(['ovs-appctl: cannot connect to "/run/openvswitch/ovs-vswitchd.1.ctl" (Connection refused)']);
  });

  it('without a pid file it looks where packages and Kolla keep the log', () => {
    const out = run(withTools({ 'ovs-appctl': dpctl('0') }), '/nonexistent-rundir');
    if (existsSync('/var/log/kolla/openvswitch/ovs-vswitchd.log') || existsSync('/var/log/openvswitch/ovs-vswitchd.log')) {
      expect(out).toMatch(/== log: \/var\/log\/(kolla\/)?openvswitch\/ovs-vswitchd\.log\n/);
      return;
    }
    expect(out).toContain('== log: none (no readable ovs-vswitchd.log)\n');
  });
});
