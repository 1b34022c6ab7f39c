import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyzer.js';
import { parseSysctl } from './parse.js';

/** sysctl.sh itself, run with sh as the engine runs it, on this machine's own /proc (Linux). */
const script = join(import.meta.dirname, 'sysctl.sh');

describe('sysctl.sh', () => {
  it('prints every key this kernel has as `key = value`, the neighbour count, the task count and the namespace', () => {
    const r = spawnSync('sh', ['-c', `. ${script}`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const f = parseSysctl(r.stdout);
    for (const key of ['net.ipv4.ip_forward', 'net.ipv4.neigh.default.gc_thresh3', 'fs.file-nr', 'fs.file-max', 'kernel.pid_max', 'vm.swappiness']) expect(f.values.get(key), key).toMatch(/^\d/);
    // Whole values, not dash's first byte: file-nr has its three fields.
    expect(f.values.get('fs.file-nr')?.split(/\s+/)).toHaveLength(3);
    expect(f.neighHere).not.toBeNull();
    expect(f.tasks).toBeGreaterThan(0);
    expect(f.netns).toMatch(/^net:\[\d+\]$|^\?$/);
    const fs = analyze({ deployment: 'packages', params: {}, nodes: [{ name: 'here', roles: ['compute'] }], outputs: [{ step: 'sysctl', node: 'here', state: 'succeeded', exitCode: 0, stdout: r.stdout, stderr: r.stderr, error: null, command: 'sysctl.sh' }] });
    expect(fs.filter((x) => x.status === 'SKIPPED')).toEqual([]);
  });
});
