import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../engine/fixtures.js';
import { formatProblem, parsePlaybook } from '../engine/loader.js';
import { analyzeOutputs } from '../engine/run.js';
import { analyzers, catalogueDir } from './index.js';

/**
 * Rules every catalogue playbook keeps, checked over every fixture: the YAML passes the schema,
 * the analyzer does not throw and says something, every evidence line is quoted verbatim from
 * the output it names, and every fixture says where its outputs came from.
 */
const dir = catalogueDir();
const ids = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());

describe('catalogue rules', () => {
  it('has a folder for each registered analyzer and an analyzer for each folder (seven at least)', () => {
    expect(ids.sort()).toEqual(Object.keys(analyzers).sort());
    expect(ids.length).toBeGreaterThanOrEqual(7);
  });

  for (const id of ids) {
    describe(id, () => {
      it('playbook.yaml passes the schema and the loader checks', () => {
        const r = parsePlaybook(readFileSync(join(dir, id, 'playbook.yaml'), 'utf8'), join(dir, id, 'playbook.yaml'), id);
        expect('problems' in r ? r.problems.map(formatProblem) : []).toEqual([]);
      });
      const fixtures = join(dir, id, 'fixtures');
      const scenarios = existsSync(fixtures) ? readdirSync(fixtures) : [];
      it('has fixtures from the lab and from public sources', () => {
        expect(scenarios.length).toBeGreaterThanOrEqual(3);
        const sources = scenarios.map((s) => readFileSync(join(fixtures, s, 'SOURCE.md'), 'utf8'));
        expect(sources.some((s) => /https?:\/\//.test(s))).toBe(true);
      });
      for (const scenario of scenarios) {
        it(`${scenario}: findings quote the output verbatim`, () => {
          const input = loadFixture(join(fixtures, scenario));
          // The analyzer and the playbook's log signatures, as the engine runs them.
          const parsed = parsePlaybook(readFileSync(join(dir, id, 'playbook.yaml'), 'utf8'), join(dir, id, 'playbook.yaml'), id);
          const analyze = analyzers[id];
          const findings = 'def' in parsed && analyze ? analyzeOutputs({ def: parsed.def, analyze }, input) : [];
          expect(findings.length).toBeGreaterThan(0);
          expect(evidenceNotInOutput(input, findings)).toEqual([]);
        });
      }
    });
  }
});
