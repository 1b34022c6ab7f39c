import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseVolumes } from './parse.js';

/**
 * volumes.sh itself, run with sh: it prints the node's clock and the volume list, then asks
 * `volume show` for exactly the volumes in a transitional or error state. `openstack` is a
 * stand-in on PATH that answers from the public-backend-down-stuck fixture (cliff's JSON) and
 * records what it was asked.
 */
const script = join(import.meta.dirname, 'volumes.sh');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'public-backend-down-stuck', 'controller', 'volumes.out'), 'utf8');
const section = (head: string): string => fixture.split(/^== /m).find((s) => s.startsWith(head))?.slice(head.length + 1) ?? '';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function run(openstack: string): { out: string; code: number | null; asked: string[] } {
  const bin = mkdtempSync(join(tmpdir(), 'volumes-sh-'));
  dirs.push(bin);
  writeFileSync(join(bin, 'list.json'), section('volume list'));
  for (const id of [...fixture.matchAll(/^== volume show (\S+)$/gm)].map((m) => m[1] ?? '')) writeFileSync(join(bin, `${id}.json`), section(`volume show ${id}`));
  writeFileSync(join(bin, 'openstack'), `#!/bin/sh\necho "$*" >> ${bin}/asked\n${openstack}\n`);
  chmodSync(join(bin, 'openstack'), 0o755);
  const r = spawnSync('sh', [script, '30'], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, BIN: bin } });
  let asked: string[] = [];
  try {
    asked = readFileSync(join(bin, 'asked'), 'utf8').trim().split('\n');
  } catch {
    asked = [];
  }
  return { out: r.stdout, code: r.status, asked };
}

const answers = 'case "$2" in list) cat "$BIN/list.json" ;; show) cat "$BIN/$3.json" ;; esac';

describe('volumes.sh', () => {
  it('shows exactly the volumes in transitional or error states, and the analyzer reads them all', () => {
    const { out, code, asked } = run(answers);
    expect(code).toBe(0);
    expect(asked[0]).toBe('volume list --all-projects --long -f json');
    // attaching, deleting, error and reserved are shown; the available one is not.
    expect(asked.slice(1).map((a) => a.split(' ')[2])).toEqual(['3f1c2b7a-9d4e-4a61-8c2f-7e5b0a9d1c11', '8b2e4d6f-1a3c-4e5b-9d7f-2c4e6a8b0d22', 'd4f6a8c0-2e4b-4d6f-8a0c-3e5b7d9f1a33', 'e5a7c9e1-3f5a-4e7c-9b1d-4f6a8c0e2b44']);
    const v = parseVolumes(out);
    expect(v.now).toBeGreaterThan(1_700_000_000);
    expect(v.listed).toBe(5);
    expect(v.shown.map((s) => s.status)).toEqual(['attaching', 'deleting', 'error', 'reserved']);
  });

  it('stops with the client’s exit code and message when the list fails (no Cinder in the catalog)', () => {
    const { out, code, asked } = run("echo 'public endpoint for volumev3 service in RegionOne region not found' >&2; exit 1");
    expect(code).toBe(1);
    expect(asked).toHaveLength(1);
    expect(out).toMatch(/^== now: \d+\n== volume list\npublic endpoint for volumev3 service in RegionOne region not found\n$/);
  });
});
