import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificatesTexts } from '../../../main/shared/finding-texts/certificates.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding certificates emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();
const text = (input: AnalyzerInput, fn: (t: string, node: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: fn(o.stdout, o.node) })) });

function variants(input: AnalyzerInput): AnalyzerInput[] {
  return [
    input,
    // The same files as OVS/OVN PKI.
    text(input, (t) => t.replace(/^(== file \S+) \S+$/gm, '$1 ovs')),
    // Every certificate far from expiry, and every node's clock years earlier.
    text(input, (t) => t.replace(/^== now \d+$/m, '== now 946684800')),
    // A chain that does not verify (and far from expiry).
    text(input, (t) => t.replace(/^== now \d+$/m, '== now 946684800').replace(/^verify .*$/m, 'verify error 7 at 0 depth lookup: certificate signature failure')),
    // HAProxy serving an older certificate than its file holds.
    text(input, (t) => t.replace(/^== now \d+$/m, '== now 946684800').replace(/(== served [^\n]*\n(?:[^=][^\n]*\n)*?)sha256 Fingerprint=\S+/, '$1sha256 Fingerprint=00:11')),
    // The TLS frontend does not answer.
    text(input, (t) => t.replace(/(== served [^\n]*\n)[\s\S]*?(?=== )/, '$1error connect:errno=111\n')),
    text(input, (t) => t.replace(/^== file (\S+) (\S+)$/m, '== file $1 $2 unreadable')),
    text(input, () => '== now 1709251200\n== end\n'),
    text(input, (t) => t.replace('== end\n', '')),
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'mktemp: failed to create directory\n' })) },
  ];
}

describe('certificates finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const v of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(v)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(certificatesTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
