import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { analyze } from './analyzer.js';

/**
 * What the OVN databases and the nodes print is input: a router or chassis name is whatever a
 * tenant or an operator typed. Injected section markers must not make a half-read table look whole
 * or a gateway look bound; names with control bytes or shell text stay text; a huge cloud's tables
 * are read whole; a secret a node echoes is never quoted.
 */
const load = (s: string): AnalyzerInput => loadFixture(join(import.meta.dirname, 'fixtures', s));
const edit = (input: AnalyzerInput, step: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, stdout: f(o.stdout) } : o)) });

describe('ovn-gateway with hostile output', () => {
  it('an "== end" before the last table, then the output cut: the Southbound counts as not read, never ok', () => {
    const input = edit(load('lab-packages-healthy'), 'sb-gateways', (s) => s.replace('== Port_Binding', '== end\n== Port_Binding').replace(/== end\n$/, ''));
    const fs = analyze(input);
    expect(fs.map((f) => [f.check, f.status])).toEqual([['ovn-gateway.sb', 'SKIPPED']]);
  });

  it('a router name with ANSI escapes and shell text is carried as text, quoted only from the output', () => {
    const name = 'x\u001b[31m$(reboot)`id`;rm -rf /';
    const input = edit(load('lab-packages-bfd-down'), 'nb-gateways', (s) => s.replace('"neutron:router_name"=router1', `"neutron:router_name"="${name.replace(/"/g, '\\"')}"`));
    const fs = analyze(input);
    const unbound = fs.find((f) => f.check === 'ovn-gateway.unbound');
    expect(unbound?.title).toBe(`Router ${name}: its external gateway is active on no chassis`);
    expect(evidenceNotInOutput(input, fs)).toEqual([]);
  });

  it('reads a cloud of 3000 router gateways and 500 chassis whole, and names them in one finding', () => {
    const input = load('lab-packages-healthy');
    const sb = input.outputs.find((o) => o.step === 'sb-gateways')?.stdout ?? '';
    const ports: string[] = [];
    const gws: string[] = [];
    const bindings: string[] = [];
    for (let i = 0; i < 3000; i++) {
      ports.push(`_uuid               : p${i}\nname                : lrp-${i}\nnetworks            : ["172.24.${i % 250}.1/24"]\ngateway_chassis     : [g${i}]\nha_chassis_group    : []\n`);
      gws.push(`_uuid               : g${i}\nchassis_name        : compute-1\npriority            : 1\n`);
      bindings.push(`logical_port        : cr-lrp-${i}\nchassis             : ${/_uuid {15}: (\S+)\nname {16}: compute-1/.exec(sb)?.[1]}\nup                  : true\n`);
    }
    const chassis = Array.from({ length: 500 }, (_, i) => `_uuid               : c${i}\nname                : node-${i}\nhostname            : node-${i}\nother_config        : {}\nexternal_ids        : {}\n`).join('\n');
    const big = edit(
      edit(input, 'nb-gateways', (s) => s.replace('== Logical_Router\n', `${ports.join('\n')}\n== Logical_Router\n`).replace('== HA_Chassis_Group\n', `${gws.join('\n')}\n== HA_Chassis_Group\n`)),
      'sb-gateways',
      (s) => s.replace('== Encap\n', `\n${chassis}\n== Encap\n`).replace('== end\n', `\n${bindings.join('\n')}\n== end\n`),
    );
    const fs = analyze(big);
    expect(fs.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
    const single = fs.find((f) => f.check === 'ovn-gateway.no-failover');
    expect(single?.title).toBe('3001 router gateway(s) with a single gateway chassis: no failover');
    expect(single?.explanation).toContain(' and 2996 more.');
  });

  it('a secret a node echoes next to its BFD state is not quoted', () => {
    const secret = 'S3cr3t-h0st1le-Value';
    const input = edit(load('lab-packages-bfd-down'), 'bfd', (s) => `${s}\npassword = ${secret}\ntransport_url = rabbit://openstack:${secret}@10.0.0.1:5672/\n`);
    const fs = analyze(input);
    expect(JSON.stringify(fs)).not.toContain(secret);
    expect(fs.find((f) => f.check === 'ovn-gateway.bfd-down')?.evidence.flatMap((e) => e.lines).every((l) => l.startsWith('name') || l.startsWith('options') || l.startsWith('bfd_status'))).toBe(true);
    expect(fs.map((f) => f.check)).toContain('ovn-gateway.unbound');
  });
});
