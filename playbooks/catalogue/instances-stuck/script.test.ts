import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseServers } from './parse.js';

/**
 * servers.sh itself, run with sh: the node's clock, the server list, then ONE interactive
 * `openstack` process fed `server show` + `server event list` for the ERROR servers first, then
 * BUILD and busy ones, at most 10, UUIDs only. `openstack` is a stand-in on PATH that answers
 * the list from a fixture and records its argv and what it read on stdin.
 */
const script = join(import.meta.dirname, 'servers.sh');
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name, name.startsWith('lab') ? 'controller-1' : 'ctl-1', 'servers.out'), 'utf8');
const listOf = (out: string): string => out.split(/^== server list\n/m)[1]?.split(/^== server details/m)[0] ?? '';
const bin = standIns('servers-sh-');

function run(list: string, listExit = 0): { out: string; code: number | null; argv: string[]; stdin: string } {
  const dir = bin({
    openstack: [
      'echo "$*" >> "$BIN/argv"',
      `if [ "$#" -eq 0 ]; then cat >> "$BIN/stdin"; printf '%s\\n' '{' '  "id": "x",' '  "details": "Traceback (most recent call last):\\\\n  File x"' '}'; exit 0; fi`,
      `cat "$BIN/list.json"; exit ${listExit}`,
    ].join('\n'),
  });
  writeFileSync(join(dir, 'list.json'), list);
  const r = spawnSync('sh', [script, '30'], { encoding: 'utf8', env: { PATH: `${dir}:/usr/bin:/bin`, BIN: dir } });
  const read = (f: string): string => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      return '';
    }
  };
  return { out: r.stdout, code: r.status, argv: read('argv').replace(/\n$/, '').split('\n'), stdin: read('stdin') };
}

describe('servers.sh', () => {
  it('asks details, ERROR first, in one interactive openstack process; cuts tracebacks on the node', () => {
    const { out, code, argv, stdin } = run(listOf(fixture('public-stuck-build-delete-retries')));
    expect(code).toBe(0);
    expect(argv).toEqual(['server list --all-projects --long -f json', '']);
    const asked = stdin.trim().split('\n');
    expect(asked.filter((l) => l.startsWith('server show')).map((l) => l.split(' ')[2])).toEqual([
      '3e8f0a5b-7c9d-4f1b-8d4e-6a8c0b2d4f53', // db-3, ERROR
      '1c6d8e3f-5a7b-4d9f-8b2c-4e6a8f0b2d31', // app-2, BUILD
      '2d7e9f4a-6b8c-4e0a-9c3d-5f7b9a1c3e42', // old-vm, deleting
      '4f9a1b6c-8d0e-4a2c-9e5f-7b9d1c3e5a64', // cache-1, BUILD
      '5a0b2c7d-9e1f-4b3d-8f6a-8c0e2d4f6b75', // resize-1, resize_migrating
    ]);
    expect(asked.filter((l) => l.startsWith('server event list'))).toHaveLength(5);
    expect(asked[0]).toBe('server show 3e8f0a5b-7c9d-4f1b-8d4e-6a8c0b2d4f53 -f json -c id -c name -c status -c OS-EXT-STS:task_state -c OS-EXT-STS:vm_state -c OS-EXT-SRV-ATTR:host -c flavor -c created -c updated -c fault');
    expect(out).toContain('  "details": "(traceback left out)"\n');
    expect(out).not.toContain('Traceback');
    const v = parseServers(out);
    expect(v.now).toBeGreaterThan(1_700_000_000);
    expect(v.listed).toHaveLength(6);
    expect(v.asked).toHaveLength(5);
  });

  it('at most 10, and only UUIDs reach the interactive client', () => {
    const rows = Array.from({ length: 14 }, (_, i) => `  {\n    "ID": "${i === 0 ? '!rm -rf x' : `00000000-0000-0000-0000-0000000000${String(i).padStart(2, '0')}`}",\n    "Name": "s${i}",\n    "Status": "${i % 2 ? 'ERROR' : 'BUILD'}",\n    "Task State": null\n  }`);
    const { stdin } = run(`[\n${rows.join(',\n')}\n]\n`);
    const shows = stdin.trim().split('\n').filter((l) => l.startsWith('server show'));
    expect(shows).toHaveLength(10);
    expect(stdin).not.toContain('rm -rf');
    // The seven in ERROR come first.
    expect(shows.slice(0, 7).map((l) => Number(l.split(' ')[2]?.slice(-2)) % 2)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('a healthy list ends the script: no second openstack process', () => {
    const { code, argv, stdin } = run(listOf(fixture('lab-packages-healthy')));
    expect(code).toBe(0);
    expect(argv).toEqual(['server list --all-projects --long -f json']);
    expect(stdin).toBe('');
  });

  it('stops with the client’s exit code and message when the list fails', () => {
    const { out, code, argv } = run('public endpoint for compute service in RegionOne region not found\n', 1);
    expect(code).toBe(1);
    expect(argv).toHaveLength(1);
    expect(out).toMatch(/^== now: \d+\n== server list\npublic endpoint for compute service in RegionOne region not found\n$/);
  });
});
