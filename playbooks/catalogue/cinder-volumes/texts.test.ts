import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cinderVolumesTexts } from '../../../main/shared/finding-texts/cinder-volumes.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding cinder-volumes emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();
const errors = ['Missing value auth-url required for auth plugin password', 'HTTP 401 Unauthorized', 'Unable to establish connection to http://ctl:8776/v3', 'something else', ''];

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, params: { stuck_minutes: 1 } },
    { ...input, outputs: [] },
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })) },
    ...errors.map((e) => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: e })) })),
    edit((s) => s.replace(/"State": "up"/g, '"State": "down"').replace(/"cinder-backup"/g, '"cinder-api"')),
    edit((s) => s.replace(/"Status": "enabled"/g, '"Status": "disabled"').replace(/"Disabled Reason": "[^"]*"/g, '"Disabled Reason": null')),
    edit((s) => s.replace(/"Status": "enabled",\n(\s*)"State": "up"/g, '"Status": "disabled",\n$1"State": "down"')),
    edit((s) => s.replace(/"status": "[^"]*"/g, '"status": "extending"').replace(/"os-vol-host-attr:host": "[^"]*"/g, '"os-vol-host-attr:host": null').replace(/"name": "[^"]*"/g, '"name": ""')),
    edit((s) => s.replace(/"status": "[^"]*"/g, '"status": "creating"')),
  ];
}

describe('cinder-volumes finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(cinderVolumesTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
