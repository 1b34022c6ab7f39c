import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { novaCellsTexts } from '../../../main/shared/finding-texts/nova-cells.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding nova-cells emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();
const errors = ["ERROR 1049 (42000): Unknown database 'nova_api'", "'Proxy' object has no attribute 'services'", "ERROR 1045 (28000): Access denied for user 'root'@'localhost'", "ERROR 2002 (HY000): Can't connect to local server", 'something else', ''];

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const failStep = (step: string, e: string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: e } : o)) });
  return [
    input,
    { ...input, outputs: [] },
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })) },
    ...errors.flatMap((e) => [failStep('cell-mappings', e), failStep('compute-services', e)]),
    { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: o.stdout.replace(/^cell\tcell0.*\n/m, '') })) },
  ];
}

describe('nova-cells finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(novaCellsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
