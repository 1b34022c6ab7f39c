import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kollaContainersTexts } from '../../../main/shared/finding-texts/kolla-containers.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding kolla-containers emits, over every scenario and the same outputs with a
 * container's state edited (to reach the other findings from real output shapes), renders to its
 * stored English and fully to Korean; together they use every message of the table.
 */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

const edit = (input: AnalyzerInput, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });

function variants(input: AnalyzerInput): AnalyzerInput[] {
  return [
    input,
    edit(input, (s) => s.replace(/ status=running health=healthy restarts=0 oom=false exit=0/, ' status=exited health=unhealthy restarts=0 oom=false exit=0')),
    edit(input, (s) => s.replace(/ status=running health=healthy restarts=0 oom=false exit=0/, ' status=exited health=unhealthy restarts=0 oom=false exit=1')),
    edit(input, (s) => s.replace(/ status=running health=healthy restarts=0 oom=false exit=0/, ' status=exited health=unhealthy restarts=0 oom=false exit=137')),
    edit(input, (s) => s.replace(/ status=running health=(\w+) restarts=0/, ' status=running health=$1 restarts=2')),
    edit(input, (s) => s.replace(/ status=running health=healthy/, ' status=running health=starting')),
    edit(input, (s) => s.replace(/ status=running health=healthy restarts=0 oom=false/, ' status=running health=healthy restarts=1 oom=true')),
    edit(input, (s) => s.replace(/^(== log \S+) \/.*$/m, '$1 (no log file under /var/log/kolla/ for it)')),
    edit(input, (s) => s.replace(/== inspect[\s\S]*$/, '== inspect\n== end\n')),
    edit(input, () => '== none\ndocker: not installed\npodman: not installed\n'),
    edit(input, () => 'something else\n'),
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed', exitCode: 1, stdout: '', stderr: 'sudo: a password is required\n' })) },
    { ...input, outputs: [] },
  ];
}

describe('kolla-containers finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(kollaContainersTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
