import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { analyze } from './analyzer.js';
import { parseKernelLog } from './parse.js';

/**
 * kernel.sh itself, run with sh as the engine runs it: which source it believes and what it prints.
 * journalctl, dmesg and the log file are stand-ins on PATH (this machine has no journal), each
 * printing what the real tool prints in that situation.
 */
const script = join(import.meta.dirname, 'kernel.sh');
const withTools = standIns('kernel-sh-');

const run = (bin: string): string => {
  const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin; export PATH; . ${script}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('kernel.sh', () => {
  it('reads the journal when it has kernel lines, prints only the matching ones and counts all', () => {
    const bin = withTools({
      journalctl: [
        "printf '%s\\n' '2026-12-05T03:12:44+0000 cmp-1 kernel: eth0: renamed from veth1'",
        "printf '%s\\n' '2026-12-05T03:12:44+0000 cmp-1 kernel: Out of memory: Killed process 48213 (qemu-system-x86) total-vm:1kB'",
        "printf '%s\\n' '2026-12-05T03:13:00+0000 cmp-1 kernel: nf_conntrack: nf_conntrack: table full, dropping packet'",
      ].join('\n'),
      dmesg: 'echo "dmesg must not be read" >&2; exit 3',
    });
    const out = run(bin);
    expect(out).toMatch(/^== now: \d+\n== source: journalctl -k --since "24 hours ago"\n/);
    expect(out).toContain('== read: 3 lines, matched: 2\n');
    expect(out).not.toContain('renamed from veth1');
    const log = parseKernelLog(out);
    expect(log.events.map((e) => e.kind)).toEqual(['oom', 'conntrack']);
  });

  it('falls back to dmesg when the journal has nothing (no journal files, or only its notices)', () => {
    const bin = withTools({
      journalctl: "echo 'No journal files were found.' >&2; echo '-- No entries --'",
      dmesg: "printf '%s\\n' '2026-12-05T09:42:22,123456+00:00 ssbr: port 3(ssv2) entered forwarding state' '2026-12-05T09:43:00,000000+00:00 e1000e 0000:00:1f.6 eno1: NIC Link is Down'",
    });
    const out = run(bin);
    expect(out).toContain('== source: journalctl -k --since "24 hours ago"\n== read: 0 lines, matched: 0\n== source: dmesg --time-format iso\n');
    expect(out).toContain('== read: 2 lines, matched: 1\n');
    expect(parseKernelLog(out).source).toBe('dmesg --time-format iso');
  });

  it('says "none" when no source gives a line, which the analyzer reports as not read', () => {
    const bin = withTools({ journalctl: 'exit 0', dmesg: "echo 'dmesg: read kernel buffer failed: Operation not permitted' >&2; exit 1" });
    const out = run(bin);
    // The last fallback is the real /var/log/kern.log: a machine that has one reads it instead.
    if (existsSync('/var/log/kern.log')) {
      expect(out).toContain('== source: /var/log/kern.log');
      return;
    }
    expect(out.trim().split('\n').at(-1)).toBe('== source: none');
    const fs = analyze({ deployment: 'packages', params: {}, nodes: [{ name: 'n1', roles: ['compute'] }], outputs: [{ step: 'kernel', node: 'n1', state: 'succeeded', exitCode: 0, stdout: out, stderr: '', error: null, command: 'kernel.sh' }] });
    expect(fs.map((f) => [f.check, f.status])).toEqual([['kernel.log', 'SKIPPED']]);
  });
});
