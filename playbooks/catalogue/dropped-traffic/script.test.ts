import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatapath } from './parse.js';

/**
 * datapath.sh with sh, as the engine runs it, against stand-in ovs-appctl and ovs-vsctl that print
 * what OVS prints: only drops used in the last minute travel, with the flows that lead to them
 * through recirculation, out of a busy compute's tens of thousands of flows.
 */
const script = join(import.meta.dirname, 'datapath.sh');
let dir = '';

const drop = (id: string, port: number, used: string, packets = 9) => `recirc_id(${id}),in_port(${port}),ct_state(+new-est-rel-rpl-inv+trk),eth(src=fa:16:3e:00:00:0${port}),eth_type(0x0800),ipv4(proto=6,frag=no), packets:${packets}, bytes:540, used:${used}, flags:S, actions:drop`;
const lead = (from: string, to: string, port: number) => `recirc_id(${from}),in_port(${port}),eth(src=fa:16:3e:00:00:0${port},dst=fa:16:3e:00:00:09),eth_type(0x0800),ipv4(src=10.0.0.${port},proto=6,frag=no), packets:9, bytes:540, used:0.4s, flags:S, actions:ct(zone=3),recirc(${to})`;

function stand(flows: string[], failing = false): Record<string, string> {
  writeFileSync(join(dir, 'flows'), `flow-dump from the main thread:\n${flows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'ovs-appctl'),
    `#!/bin/sh\ncase "$2" in\n  dpctl/dump-dps) ${failing ? 'echo "ovs-appctl: cannot connect to \\"/var/run/openvswitch/ovs-vswitchd.1.ctl\\" (No such file or directory)" >&2; exit 1' : 'echo system@ovs-system'} ;;\n  dpctl/show) printf 'system@ovs-system:\\n  port 0: ovs-system (internal)\\n  port 3: tap-a\\n  port 4: tap-b\\n' ;;\n  dpctl/dump-flows) cat "${join(dir, 'flows')}" ;;\nesac\n`,
  );
  writeFileSync(join(dir, 'ovs-vsctl'), '#!/bin/sh\nprintf "tap-a,attached-mac=fa:16:3e:00:00:03 iface-id=a\\nbr-int,\\n"\n');
  for (const f of ['ovs-appctl', 'ovs-vsctl']) chmodSync(join(dir, f), 0o755);
  return { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dropped-traffic-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('datapath.sh', () => {
  it('keeps fresh drops and the chains before them, nothing else of a busy datapath', () => {
    const busy = Array.from({ length: 30_000 }, (_, i) => `recirc_id(0),in_port(${5 + (i % 40)}),eth(src=fa:16:3e:01:${String(i % 90).padStart(2, '0')}:00),eth_type(0x0800),ipv4(src=10.1.${i % 250}.${i % 200},proto=6,frag=no), packets:${i}, bytes:1, used:0.1s, flags:S, actions:ct(zone=2),recirc(0x${(1000 + i).toString(16)})`);
    const flows = [...busy, lead('0', '0x20', 3), lead('0x20', '0x21', 3), drop('0x21', 3, '1.5s'), drop('0x30', 4, '75.0s'), drop('0x31', 4, 'never', 0), drop('0x32', 4, '2.0s', 0)];
    const r = spawnSync('sh', [script], { encoding: 'utf8', env: stand(flows) });
    expect(r.status, r.stderr).toBe(0);
    const d = parseDatapath(r.stdout);
    expect(d.complete).toBe(true);
    expect(d.flows.map((f) => f.line)).toEqual([lead('0', '0x20', 3), lead('0x20', '0x21', 3), drop('0x21', 3, '1.5s')]);
    expect(d.flows.map((f) => f.inPort)).toEqual(['tap-a', 'tap-a', 'tap-a']);
    expect([...d.interfaces.keys()]).toEqual(['tap-a']);
  });

  it('sends at most 200 drops and 2000 lines', () => {
    const flows = Array.from({ length: 5000 }, (_, i) => drop(`0x${(i + 1).toString(16)}`, 4, '0.5s'));
    const r = spawnSync('sh', [script], { encoding: 'utf8', env: stand(flows) });
    expect(parseDatapath(r.stdout).flows).toHaveLength(200);
  });

  it('says when the datapath cannot be asked, and exits 3', () => {
    const r = spawnSync('sh', [script], { encoding: 'utf8', env: stand([], true) });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/^== now \d+ [+-]\d{4}\n== dpctl failed\n$/);
    expect(r.stderr).toMatch(/cannot connect/);
    expect(parseDatapath(r.stdout)).toMatchObject({ complete: false, failed: true });
  });
});
