import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../../main/core/redact.js';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { csvFields } from './parse.js';

/**
 * A port's name is whatever a tenant typed, and a datapath's flows are as many as its traffic
 * makes: names with control bytes, quotes, commas and shell stay text; a cut output never counts
 * as read; a huge compute is read whole; what a port's record carries is quoted only as stored.
 */
const load = (s: string): AnalyzerInput => loadFixture(join(import.meta.dirname, 'fixtures', s));
const edit = (input: AnalyzerInput, step: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, stdout: f(o.stdout) } : o)) });
const csvJson = (s: string): string => `"${JSON.stringify(s).replace(/"/g, '""')}"`;

describe('dropped-traffic with hostile output', () => {
  it('a port name with ANSI escapes, quotes, commas, a newline and shell text is carried as text, quoted only from the output', () => {
    const name = 'x\u001b[31m "db", $(reboot)`id`;\n== end';
    const input = edit(load('lab-helm-full-ssh-dropped'), 'ports', (s) => s.replace('""db-1-port""', csvJson(name).slice(1, -1)));
    const fs = analyze(input);
    expect(fs.map((f) => f.title)).toEqual([`Traffic from web-1-port (10.0.0.10) to ${name} (10.0.0.12) (TCP) is being dropped on compute-1: 7 packets, the last 0.1 s ago`]);
    expect(evidenceNotInOutput(input, fs)).toEqual([]);
  });

  it('an "== end" inside a line, then the output cut, is not a datapath read: not checked, never ok', () => {
    const input = edit(load('lab-helm-full-healthy'), 'datapath', (s) => s.replace(/== interfaces[\s\S]*$/, 'recirc_id(0),in_port(5),eth(src=fa:16:3e:10:00:01) == end, packets:1, bytes:1, used:0.1s, actions:drop\n'));
    const fs = analyze(input);
    expect(fs.map((f) => [f.title, f.status])).toEqual([['Dropped traffic not checked on compute-1, compute-2', 'SKIPPED']]);
  });

  it('a record that is not CSV, or whose fields are not OVSDB JSON, is no port', () => {
    expect(csvFields('"a,b')).toBeNull();
    expect(csvFields('"a"x,b')).toBeNull();
    expect(csvFields('"a""b",,c')).toEqual(['a"b', '', 'c']);
    const input = edit(load('lab-helm-full-ssh-dropped'), 'ports', (s) => s.replace(/^.*web-1-port.*$/m, '"""30c21b17""","""""","{not json","[]"'));
    // web-1's port unreadable: the drop is no longer between two known ports.
    expect(analyze(input).map((f) => f.severity)).toEqual(['ok']);
  });

  it('reads a huge compute whole: 60,000 drop chains over 20,000 ports (20,000 pairs), ten named and the rest counted', () => {
    const ports = Array.from({ length: 20_000 }, (_, i) => {
      const mac = `fa:16:3e:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
      return [`p${i}`, '', `${mac} 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, ['map', [['neutron:port_name', `vm-${i}`]]]].map((v) => `"${JSON.stringify(v).replace(/"/g, '""')}"`).join(',');
    });
    const macOf = (i: number): string => `fa:16:3e:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
    const flows = Array.from({ length: 60_000 }, (_, i) => `recirc_id(0),in_port(5),eth(src=${macOf(i % 20_000)},dst=${macOf((i + 1) % 20_000)}),eth_type(0x0800),ipv4(proto=17,frag=no),udp(dst=${1000 + (i % 5000)}), packets:${(i % 9) + 1}, bytes:1, used:0.5s, actions:drop`);
    const input: AnalyzerInput = {
      deployment: 'packages',
      params: {},
      nodes: [{ name: 'cmp-1', roles: ['compute'] }, { name: 'ctl-1', roles: ['controller'] }],
      outputs: [
        { step: 'datapath', node: 'cmp-1', state: 'succeeded', exitCode: 0, stdout: `== now 1796400000\n== drops system@ovs-system\n${flows.join('\n')}\n== interfaces\n== end\n`, stderr: '', error: null, command: 'datapath.sh' },
        { step: 'ports', node: 'ctl-1', state: 'succeeded', exitCode: 0, stdout: `${ports.join('\n')}\n== end\n`, stderr: '', error: null, command: 'ovn-nbctl' },
      ],
    };
    const fs = analyze(input);
    expect(fs.filter((f) => f.check === 'dropped-traffic.between')).toHaveLength(10);
    expect(fs.find((f) => f.check === 'dropped-traffic.more')?.title).toMatch(/^19990 more pairs of ports have traffic dropped between them/);
  });

  it('a secret a tenant put into a port name is quoted only as the case log stores it: redacted', () => {
    const input = edit(load('lab-helm-full-ssh-dropped'), 'ports', (s) => redactText(s.replace('""db-1-port""', '""db password=Hunter2-Secret""')));
    const fs = analyze(input);
    expect(JSON.stringify(fs)).not.toContain('Hunter2-Secret');
    expect(evidenceNotInOutput(input, fs)).toEqual([]);
  });
});
