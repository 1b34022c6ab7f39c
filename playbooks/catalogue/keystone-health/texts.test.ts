import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { keystoneHealthTexts } from '../../../main/shared/finding-texts/keystone-health.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, StepOutput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding keystone-health emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

const edit = (input: AnalyzerInput, step: string, fn: (o: StepOutput) => StepOutput): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? fn(o) : o)) });
const text = (input: AnalyzerInput, step: string, fn: (t: string) => string): AnalyzerInput => edit(input, step, (o) => ({ ...o, stdout: fn(o.stdout) }));

function variants(input: AnalyzerInput): AnalyzerInput[] {
  return [
    input,
    { ...input, outputs: input.outputs.filter((o) => o.step !== 'tokens') },
    { ...input, outputs: input.outputs.filter((o) => o.step !== 'keys') },
    edit(input, 'tokens', (o) => ({ ...o, state: 'failed', exitCode: 2, stdout: '', stderr: 'sh: 1: curl: not found\n' })),
    text(input, 'tokens', (t) => t.replace(/^issue vip \d+$/m, 'issue vip 503')),
    text(input, 'tokens', (t) => t.replace(/^issue vip \d+$/m, 'issue vip 401').replace(/^issue (\S+) 201$/gm, 'issue $1 401')),
    text(input, 'tokens', (t) => t.replace(/^(issue (?!vip)\S+) 201$/m, '$1 000')),
    text(input, 'tokens', (t) => t.replace(/^(issue (?!vip)\S+) 201$/m, '$1 500')),
    text(input, 'tokens', (t) => t.replace(/^== nodes[\s\S]*$/m, '== nodes none\n')),
    text(input, 'tokens', () => '== vip none\n== nodes no-credentials\n'),
    text(input, 'tokens', (t) => t.replace(/^(check \S+ on \S+) 200$/m, '$1 401')),
    text(input, 'keys', (t) => t.replace(/^== fernet (\S+)$/m, '== fernet $1 unreadable').replace(/^key .*\n/gm, '')),
    text(input, 'keys', () => '== conf /etc/keystone/keystone.conf missing\n== fernet /etc/keystone/fernet-keys missing\n== log none\n'),
    // Only an older key differs on one node: the primaries are shared.
    edit(input, 'keys', (o) => (o.node === input.nodes[0]?.name ? { ...o, stdout: o.stdout.replace(/^key 0 \S+$/m, 'key 0 0000000000000000').replace(/^(key 1) \S+$/m, '$1 1111111111111111').replace(/^(key 2 \S+)$/m, '$1') } : o)),
  ];
}

/** Two nodes whose primary is shared but whose secondary key differs (a warning, not a critical). */
const secondaryOnly = (input: AnalyzerInput): AnalyzerInput => ({
  ...input,
  outputs: input.outputs.map((o, i) =>
    o.step === 'keys' ? { ...o, stdout: `== conf /etc/keystone/keystone.conf\n== fernet /etc/keystone/fernet-keys\nkey 0 aaaa000000000000\nkey 1 ${i === 0 ? 'bbbb000000000000' : 'cccc000000000000'}\nkey 2 dddd000000000000\n== log none\n` } : o,
  ),
});

describe('keystone-health finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      const input = loadFixture(join(dir, scenario));
      for (const v of [...variants(input), secondaryOnly(input)]) {
        for (const deployment of deployments) for (const f of analyze({ ...v, deployment })) expectFindingTexts(f, scenario, used);
      }
    });
  }

  it('a single Keystone node renders too', () => {
    const input = loadFixture(join(dir, readdirSync(dir)[0] ?? ''));
    const one = input.nodes[0]?.name;
    for (const f of analyze({ ...input, outputs: input.outputs.filter((o) => o.node === one) })) expectFindingTexts(f, 'one node', used);
  });

  it('together they use every message of the table', () => {
    expect(Object.keys(keystoneHealthTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
