import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rabbitmqClusterTexts } from '../../../main/shared/finding-texts/rabbitmq-cluster.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding rabbitmq-cluster emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const fail = (stderr: string, exitCode: number): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode, stdout: '', stderr })) });
  const alarm = (line: string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace('Alarms\n\n(none)', `Alarms\n\n${line}`) })) });
  return [
    input,
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })) },
    { ...input, outputs: [] },
    fail('Error response from daemon: No such container: rabbitmq', 1),
    fail("Error: unable to perform an operation on node 'rabbit@x'.", 69),
    fail('Error: timed out while waiting for a response from rabbit@x.', 70),
    fail('', 2),
    alarm('Free disk space alarm on node rabbit@x'),
    alarm('File descriptor limit alarm on node rabbit@x'),
    alarm('Some other alarm on node rabbit@x'),
    { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/Total: \d+, limit: \d+/, 'Total: 99, limit: 100').replace(/Sockets: \d+, limit: \d+/, 'Sockets: 99, limit: 100') })) },
    // No descriptor line: not read, said so.
    { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/^stackscope: file descriptors of .*$/m, '') })) },
    // Healed: no alarm, descriptors far from the limit.
    { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/Memory alarm on node \S+/, '(none)').replace(': 870 open', ': 87 open') })) },
    // Only one member of three answers and lists itself running: no majority.
    { ...input, outputs: input.outputs.filter((o) => o.node === 'mq-03').map((o) => ({ ...o, stdout: o.stdout.replace('rabbit@mq-01\nrabbit@mq-03\n\nVersions', 'rabbit@mq-03\n\nVersions') })) },
  ];
}

describe('rabbitmq-cluster finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(rabbitmqClusterTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
