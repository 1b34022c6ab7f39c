import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haproxyBackendsTexts } from '../../../main/shared/finding-texts/haproxy-backends.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding haproxy-backends emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const map = (f: (o: AnalyzerInput['outputs'][number]) => AnalyzerInput['outputs'][number]): AnalyzerInput => ({ ...input, outputs: input.outputs.map(f) });
  const noKeepalived = map((o) => (o.step === 'haproxy' ? { ...o, stdout: o.stdout.replace(/^keepalived[\s\S]*?(?=^haproxy pid)/m, '') } : o));
  return [
    input,
    noKeepalived,
    { ...input, outputs: [] },
    map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })),
    map((o) => (o.step === 'haproxy' ? { ...o, stdout: 'stackscope: no haproxy on this node\n' } : o)),
    map((o) => (o.step === 'haproxy' ? { ...o, stdout: 'stackscope: haproxy is configured (/etc/haproxy/haproxy.cfg) but no haproxy process runs on this node\n' } : o)),
    map((o) => (o.step === 'haproxy' && o.node.endsWith('1') ? { ...o, stdout: 'stackscope: haproxy is configured (/etc/haproxy/haproxy.cfg) but no haproxy process runs on this node\n' } : o)),
    map((o) => (o.step === 'haproxy' ? { ...o, state: 'failed' as const, exitCode: 3, stdout: 'haproxy pid 1\n', stderr: 'stackscope: no stats socket in the configuration\n' } : o)),
    map((o) => (o.step === 'haproxy' ? { ...o, state: 'failed' as const, exitCode: 2, stdout: '', stderr: '' } : o)),
    map((o) => (o.step === 'addresses' ? { ...o, stdout: o.stdout.replace(/ \S+\/32/, '') } : o)),
    { ...noKeepalived, outputs: noKeepalived.outputs.map((o) => (o.step === 'addresses' ? { ...o, stdout: o.stdout.replace(/ \S+\/32/, '') } : o)) },
    { ...input, outputs: input.outputs.map((o) => (o.step === 'addresses' && o.node.endsWith('3') ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o.step === 'addresses' ? { ...o, stdout: o.stdout.replace(/ \S+\/32/, '') } : o)) },
  ];
}

describe('haproxy-backends finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(haproxyBackendsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
