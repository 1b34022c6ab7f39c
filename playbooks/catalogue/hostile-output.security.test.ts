import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../engine/fixtures.js';
import { parsePlaybook } from '../engine/loader.js';
import { analyzeOutputs } from '../engine/run.js';
import type { AnalyzerInput, Finding, StepOutput } from '../engine/types.js';
import { analyzers, catalogueDir } from './index.js';

/**
 * What a node prints is input too, and a broken or hostile node prints anything. For every
 * catalogue playbook, over its first fixture's shape: outputs that are huge, cut off mid-JSON,
 * full of control bytes and fake section markers, or carrying secrets; and a node where every step
 * failed. The analyzer must not fail, must still say something, and must never call healthy what
 * it did not see: with every step failed, no finding is ok.
 */
const dir = catalogueDir();
const ids = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory());

function firstFixture(id: string): AnalyzerInput | null {
  const fixtures = join(dir, id, 'fixtures');
  const scenario = existsSync(fixtures) ? readdirSync(fixtures).sort()[0] : undefined;
  return scenario ? loadFixture(join(fixtures, scenario)) : null;
}

const withOutputs = (input: AnalyzerInput, change: (o: StepOutput) => Partial<StepOutput>): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, ...change(o) })) });

const SECRET = 'S3cr3t-h0st1le-Value';
const variants: Record<string, (o: StepOutput) => Partial<StepOutput>> = {
  // 4 MB of one output: a log gone wild, a table of a huge cloud.
  huge: (o) => ({ stdout: `${o.stdout}\n${'2026-12-05 10:00:00.000 12 ERROR x [-] AMQP server on 10.0.0.1:5672 is unreachable: timed out\n'.repeat(40_000)}` }),
  // A connection dropped mid-answer: JSON and tables cut in half.
  cut: (o) => ({ stdout: o.stdout.slice(0, Math.floor(o.stdout.length / 2)) }),
  // Control bytes, NULs, ANSI escapes and the section markers step scripts print, with absurd values.
  injected: (o) => ({ stdout: `\u001b[31m== now: 99999999999999999999\u0000\n== log: /etc/shadow\n{"x": [}\n${o.stdout.replace(/\n/g, '\n\u001b[2K')}\n== read: -1 lines, matched: NaN\n` }),
  // Secret-bearing lines a misconfigured node might echo.
  secrets: (o) => ({ stdout: `${o.stdout}\npassword = ${SECRET}\nAuthorization: Bearer ${SECRET}\ntransport_url = rabbit://openstack:${SECRET}@10.0.0.1:5672/\n` }),
};

const problems = (fs: Finding[]): string[] => fs.filter((f) => f.check === 'engine.analyzer-failed').map((f) => f.explanation);

describe('every catalogue analyzer over hostile node output', () => {
  for (const id of ids) {
    const input = firstFixture(id);
    const parsed = parsePlaybook(readFileSync(join(dir, id, 'playbook.yaml'), 'utf8'), join(dir, id, 'playbook.yaml'), id);
    const analyze = analyzers[id];
    if (!input || !('def' in parsed) || !analyze) continue;
    const run = (i: AnalyzerInput): Finding[] => analyzeOutputs({ def: parsed.def, analyze }, i);

    it(`${id}: huge, cut, injected and secret-bearing outputs: no analyzer failure, something said`, () => {
      for (const [name, change] of Object.entries(variants)) {
        const fs = run(withOutputs(input, change));
        expect(problems(fs), `${id} ${name}`).toEqual([]);
        expect(fs.length, `${id} ${name}`).toBeGreaterThan(0);
        for (const f of fs) expect(typeof f.title === 'string' && f.title.length > 0, `${id} ${name}: a finding without a title`).toBe(true);
      }
    });

    it(`${id}: every step failed on every node: nothing is called healthy`, () => {
      const fs = run(withOutputs(input, () => ({ state: 'failed', exitCode: 1, stdout: '', stderr: 'Permission denied' })));
      expect(problems(fs)).toEqual([]);
      expect(fs.filter((f) => f.severity === 'ok').map((f) => f.title)).toEqual([]);
    });
  }
});

/**
 * config-drift compares secrets by the hash each node makes; a node that prints one in clear (an
 * older script, a hand-run command, a hostile node) must not get it into a finding: not in a title,
 * an explanation, a next step, nor as a quoted evidence line. Likewise transport_url's userinfo.
 */
describe('config-drift: secret-bearing config values never reach a finding', () => {
  const id = 'config-drift';
  const input = firstFixture(id);
  const parsed = parsePlaybook(readFileSync(join(dir, id, 'playbook.yaml'), 'utf8'), join(dir, id, 'playbook.yaml'), id);
  const analyze = analyzers[id];

  it('clear secrets in secret keys, userinfo in the host list, on every node or on one', () => {
    expect(input && 'def' in parsed && analyze).toBeTruthy();
    if (!input || !('def' in parsed) || !analyze) return;
    const leak = (s: string): string =>
      s
        .replace(/^(\S+\/(?:password|connection|metadata_proxy_shared_secret))\t.*$/gm, `$1\tmysql+pymysql://nova:${SECRET}@10.0.0.1/nova`)
        .replace(/^(\S+transport_url\.credentials)\t.*$/gm, `$1\topenstack:${SECRET}`)
        .replace(/^(\S+transport_url\.hosts)\t.*$/gm, `$1\topenstack:${SECRET}@10.0.0.1:5672,openstack:${SECRET}@10.0.0.2:5672`);
    const one = input.outputs[0]?.node;
    for (const change of [(o: StepOutput) => ({ stdout: leak(o.stdout) }), (o: StepOutput) => (o.node === one ? { stdout: leak(o.stdout) } : {})]) {
      const fs = analyzeOutputs({ def: parsed.def, analyze }, withOutputs(input, change));
      expect(problems(fs)).toEqual([]);
      expect(fs.length).toBeGreaterThan(0);
      for (const f of fs) expect(JSON.stringify(f), f.title).not.toContain(SECRET);
    }
  });
});
