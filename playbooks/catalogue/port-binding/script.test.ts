import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parsePorts } from './parse.js';

/**
 * ports.sh itself, run with sh: the two lists, then shows for exactly what needs a closer look. The
 * `openstack` stand-in answers from the lab-instance-error-port-binding capture (cliff's JSON, with
 * the server's fault "details" as Nova prints it: the whole traceback on one line) and records
 * what it was asked.
 */
const script = join(import.meta.dirname, 'ports.sh');
const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'lab-instance-error-port-binding', 'controller-1', 'ports.out'), 'utf8');
const section = (head: string): string => fixture.split(/^== /m).find((s) => s.startsWith(head))?.slice(head.length + 1) ?? '';
const tools = standIns('ports-sh-');
const SERVER = '97b49519-014e-46bb-b096-9589bbf7f493';
const PORT = '72524657-e5a0-4fa1-9dba-71bfc52e1404';
const NET = 'd1f9de68-06e7-4503-8e22-20129f5bdc15';

function run(answers: Record<string, string>): { out: string; code: number | null; asked: string[] } {
  const bin = tools({ openstack: 'echo "$*" >> "$BIN/asked"\nkey=$(printf %s "$1-$2-$3" | tr -c "a-z0-9-" _)\nif [ -f "$BIN/$key" ]; then cat "$BIN/$key"; else echo "no answer for $*" >&2; exit 1; fi' });
  for (const [key, text] of Object.entries(answers)) writeFileSync(join(bin, key.replace(/[^a-z0-9-]/g, '_')), text);
  const r = spawnSync('sh', [script], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, BIN: bin } });
  let asked: string[] = [];
  try {
    asked = readFileSync(join(bin, 'asked'), 'utf8').trim().split('\n');
  } catch {
    asked = [];
  }
  return { out: r.stdout, code: r.status, asked };
}

const withDetails = section(`server show ${SERVER}`).replace('"(traceback left out)"', '"Traceback (most recent call last):\\n  File \\"/usr/lib/python3/dist-packages/nova/compute/manager.py\\", line 2521"');

describe('ports.sh', () => {
  it('shows the ERROR server, the port its fault names and that port’s network, and the analyzer reads them all', () => {
    const { out, code, asked } = run({
      'server-list---all-projects': section('server list'),
      'port-list---device-owner': section('port list'),
      [`server-show-${SERVER}`]: withDetails,
      [`port-show-${PORT}`]: section(`port show ${PORT}`),
      [`network-show-${NET}`]: section(`network show ${NET}`),
    });
    expect(code).toBe(0);
    expect(asked.map((a) => a.split(' ').slice(0, 3).join(' '))).toEqual(['server list --all-projects', 'port list --device-owner', `server show ${SERVER}`, `port show ${PORT}`, `network show ${NET}`]);
    expect(out).toBe(fixture);
    const f = parsePorts(out);
    expect(f.serverShows[0]?.faultPort).toBe(PORT);
    expect(f.networks.get(NET)?.physnet).toBe('physnet2');
  });

  it('a healthy cloud costs the two lists and nothing else', () => {
    const { code, asked } = run({ 'server-list---all-projects': '[]\n', 'port-list---device-owner': '[\n  {\n    "ID": "p1",\n    "Name": "",\n    "Status": "ACTIVE"\n  }\n]\n' });
    expect(code).toBe(0);
    expect(asked).toHaveLength(2);
  });

  it('stops with the client’s exit code and message when the server list fails', () => {
    const { out, code, asked } = run({});
    expect(code).toBe(1);
    expect(asked).toHaveLength(1);
    expect(out).toBe('== server list\nno answer for server list --all-projects --long -f json -c ID -c Name -c Status -c Host\n');
  });
});
