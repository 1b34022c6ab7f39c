import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rabbitmqQueuesTexts } from '../../../main/shared/finding-texts/rabbitmq-queues.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding rabbitmq-queues emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

const twoSamples = (rows: string[][]): string =>
  [
    ...rows.map(([n, r, u, c]) => `sample 1 vhost=/ queue=${n} ready=${r} unacked=${u} consumers=${c}`),
    'sample 2 after 3010 ms',
    ...rows.map(([n, r, u, c]) => `sample 2 vhost=/ queue=${n} ready=${Number(r) + 1} unacked=${Number(u) + (Number(u) ? 1 : 0)} consumers=${c}`),
    'stackscope: samples done',
  ].join('\n');

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const with1 = (o: Partial<AnalyzerInput['outputs'][number]>): AnalyzerInput => ({ ...input, outputs: input.outputs.slice(0, 1).map((x) => ({ ...x, ...o })) });
  return [
    input,
    { ...input, outputs: [] },
    with1({ state: 'timeout', exitCode: null, error: 'timed out' }),
    with1({ state: 'failed', exitCode: 69, stdout: '', stderr: 'stackscope: no RabbitMQ data in /var/lib/rabbitmq/mnesia: no broker has run on this node\n' }),
    with1({ state: 'failed', exitCode: 69, stdout: '', stderr: "Error: unable to perform an operation on node 'rabbit@x'.\n" }),
    with1({ state: 'failed', exitCode: 75, stdout: '', stderr: 'Error: operation eval on node rabbit@x timed out. Timeout value used: 60000\n' }),
    with1({ state: 'failed', exitCode: 2, stdout: '', stderr: 'something else\n' }),
    with1({ stdout: 'stackscope: list_queues name messages_ready messages_unacknowledged consumers\nconductor\t0\t0\t1\n' }),
    with1({ stdout: twoSamples([['conductor', '2', '0', '0'], ['q-plugin', '20000', '3', '2'], ['notifications.info', '5', '0', '0']]) }),
  ];
}

describe('rabbitmq-queues finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(rabbitmqQueuesTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
