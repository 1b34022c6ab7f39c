import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cephHealthTexts } from '../../../main/shared/finding-texts/ceph-health.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze, knownCodes } from './analyzer.js';

/** Every finding ceph-health emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const fail = (stderr: string, exitCode = 1): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode, stdout: '', stderr })) });
  return [
    input,
    { ...input, outputs: input.outputs.filter((o) => o.step !== 'status') },
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })) },
    { ...input, outputs: [] },
    fail('auth: unable to find a keyring on /etc/ceph/ceph.client.admin.keyring'),
    fail('something else'),
    fail(''),
  ];
}

describe('ceph-health finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('every known code has its meaning, cause and next step, and a HEALTH_WARN with no check renders', () => {
    const input = loadFixture(join(dir, 'public-healthy'));
    const codes = Object.keys(knownCodes).map((c) => `"${c}": {"severity": "HEALTH_WARN", "summary": {"message": "x"}, "detail": []}`);
    const stdout = `{\n"status": "HEALTH_WARN",\n"checks": {\n${codes.join(',\n')}\n}\n}\n`;
    const fs = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'health' ? { ...o, stdout } : o)) });
    expect(fs).toHaveLength(Object.keys(knownCodes).length);
    for (const f of fs) expectFindingTexts(f, 'all codes', used);
    const warnEmpty = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'health' ? { ...o, stdout: '{"status": "HEALTH_WARN", "checks": {}}\n' } : o)) });
    expect(warnEmpty[0]?.severity).toBe('warning');
    for (const f of warnEmpty) expectFindingTexts(f, 'warn, no checks', used);
  });

  it('together they use every message of the table', () => {
    expect(Object.keys(cephHealthTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
