import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDriftTexts } from '../../../main/shared/finding-texts/config-drift.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding config-drift emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const first = input.outputs[0]?.node;
  const edit = (node: string | undefined, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.node === node ? { ...o, stdout: f(o.stdout) } : o)) });
  return [
    input,
    { ...input, outputs: [] },
    // Cut short: could not check.
    edit(first, (s) => s.replace('== end', '')),
    // Every impact kind, on the first node: messaging, OVN, libvirt, endpoint, other, a secret, a Nova/Neutron/metadata/OVS next step.
    edit(first, (s) =>
      s
        .replace(/^(nova\.DEFAULT\/transport_url\.hosts\t).*$/m, '$1198.18.9.9:5672')
        .replace(/^(nova\.keystone_authtoken\/password\t).*$/m, '$1hash 000000000000')
        .replace(/^(nova\.placement\/region_name\t).*$/m, '$1RegionX')
        .replace(/^(nova\.oslo_messaging_notifications\/driver\t).*$/m, '$1messagingv2')
        .replace(/^(nova\.libvirt\/cpu_mode\t).*$/m, '$1custom')
        .replace(/^(nova\.DEFAULT\/compute_driver\t).*$/m, '$1fake.FakeDriver')
        .replace(/^(neutron\.ovn\/ovn_sb_connection\t).*$/m, '$1tcp:192.0.2.1:6642')
        .replace(/^(metadata\.ovn\/ovn_sb_connection\t).*$/m, '$1tcp:192.0.2.1:6642')
        .replace(/^(ovs\.external_ids\.ovn-remote\t).*$/m, '$1tcp:192.0.2.1:6642')
        .replace(/^(pkg\.python3-oslo\.messaging\t).*$/m, '$114.9.9-1'),
    ),
    // A secret a node printed in clear (never shown), and neutron-server differing where two controllers run it.
    edit(first, (s) => s.replace(/^(nova\.neutron\/password\t).*$/m, '$1cleartext')),
    edit(input.outputs.find((o) => o.stdout.includes('== neutron: pid'))?.node, (s) => s.replace(/^(neutron\.ml2\/mechanism_drivers\t).*$/m, '$1ovn,sriovnicswitch')),
  ];
}

describe('config-drift finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(configDriftTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
