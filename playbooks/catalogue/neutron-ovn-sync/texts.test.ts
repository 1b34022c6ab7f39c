import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutronOvnSyncTexts } from '../../../main/shared/finding-texts/neutron-ovn-sync.js';
import { loadFixture } from '../../engine/fixtures.js';
import { parsePlaybook } from '../../engine/loader.js';
import { analyzeOutputs } from '../../engine/run.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding neutron-ovn-sync emits (its analyzer's and its log signatures') renders to its stored English and fully to Korean; every message is used. */
const dir = import.meta.dirname;
const parsed = parsePlaybook(readFileSync(join(dir, 'playbook.yaml'), 'utf8'), join(dir, 'playbook.yaml'), 'neutron-ovn-sync');
if (!('def' in parsed)) throw new Error('playbook.yaml does not load');
const def = parsed.def;
const used = new Set<string>();

const replaceIn = (input: AnalyzerInput, step: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, stdout: f(o.stdout) } : o)) });
function variants(input: AnalyzerInput): AnalyzerInput[] {
  const failStep = (step: string, e: string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: e } : o)) });
  const errors = ["ERROR 1045 (28000): Access denied for user 'root'@'localhost'", "ERROR 2002 (HY000): Can't connect to local server through socket '/run/mysqld/mysqld.sock' (2)", 'something else', ''];
  return [
    input,
    { ...input, outputs: [] },
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })) },
    ...errors.flatMap((e) => [failStep('neutron-db', e), failStep('nb-objects', e)]),
    replaceIn(input, 'nb-objects', (s) => s.replace('== exit 0', '== exit 1')),
    // Neutron without OVN; a host silent for minutes, one silent for days; every worker stale; young drift.
    replaceIn(input, 'neutron-db', (s) => s.replace(/^ring\t.*\n/gm, '').replace(/^revisions\t\d+$/m, 'revisions\t0')),
    replaceIn(input, 'neutron-db', (s) => s.replace(/^(ring\t\S+\t\S+\t\S+\t)\d+$/m, '$1400')),
    replaceIn(input, 'neutron-db', (s) => s.replace(/^(ring\t\S+\t\S+\t\S+\t)\d+$/m, '$1400000')),
    replaceIn(input, 'neutron-db', (s) => s.replace(/^(ring\t\S+\t\S+\t\S+\t)\d+$/gm, '$190')),
    replaceIn(input, 'neutron-db', (s) => s.replace(/^(drift\t.*\t)\d+$/gm, '$1120')),
    // A missing Northbound row of every kind, some known to the maintenance task and some not.
    replaceIn(input, 'nb-objects', (s) => s.replace(/^(== (?:Logical_Switch|Logical_Switch_Port|Logical_Router|Port_Group)\n)[^=\n]+\n/gm, '$1')),
    // Every missing port also drifting: all of them known to the maintenance task.
    replaceIn(input, 'neutron-db', (s) => {
      const nb = new Set((input.outputs.find((o) => o.step === 'nb-objects')?.stdout ?? '').split('\n'));
      const missing = [...s.matchAll(/^port\t(\S+)\t/gm)].map((m) => m[1] as string).filter((id) => !nb.has(id));
      return s + missing.map((id) => `drift\tports\t${id}\t1\t2\t900\n`).join('');
    }),
  ];
}

describe('neutron-ovn-sync finding texts', () => {
  for (const scenario of readdirSync(join(dir, 'fixtures'))) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, 'fixtures', scenario)))) for (const f of analyzeOutputs({ def, analyze }, input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(neutronOvnSyncTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
