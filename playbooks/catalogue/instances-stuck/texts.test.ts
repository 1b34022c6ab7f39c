import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instancesStuckTexts } from '../../../main/shared/finding-texts/instances-stuck.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/** Every finding instances-stuck emits renders to its stored English and fully to Korean; every message is used. */
const dir = join(import.meta.dirname, 'fixtures');
const used = new Set<string>();
const errors = ["'Proxy' object has no attribute 'servers'", 'Missing value auth-url required for auth plugin password', 'HTTP 401 Unauthorized', 'Unable to establish connection to http://ctl:8774/v2.1', 'something else', ''];
const faults = ['Build of instance x aborted: Failed to allocate the network(s), not rescheduling.', 'Volume y did not finish being created', 'Timed out waiting for a reply to message ID 1', 'qemu unexpectedly closed the monitor'];
const tasks = ['migrating', 'rebooting_hard', 'image_uploading', 'rescuing'];

function variants(input: AnalyzerInput): AnalyzerInput[] {
  const edit = (f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: f(o.stdout) })) });
  return [
    input,
    { ...input, params: { stuck_minutes: 1 } },
    { ...input, outputs: [] },
    { ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' })) },
    ...errors.map((e) => ({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: e })) })),
    ...faults.map((m) => edit((s) => s.replace(/"message": "[^"]*"/g, `"message": "${m}"`))),
    ...tasks.map((t) => edit((s) => s.replace(/"OS-EXT-STS:task_state": "[^"]*"/g, `"OS-EXT-STS:task_state": "${t}"`).replace(/"status": "BUILD"/g, '"status": "ACTIVE"'))),
    edit((s) => s.replace(/"message": "[^"]*"/g, '"message": ""').replace(/"Action": "[^"]*",\n(\s*)"Start Time": "[^"]*",\n(\s*)"Message": "Error"/g, '"Action": "create",\n$1"Start Time": "x",\n$2"Message": null')),
    edit((s) => s.replace(/\n\{\n[\s\S]*$/, '\nNo server with a name or ID of x exists.\n')),
  ];
}

describe('instances-stuck finding texts', () => {
  for (const scenario of readdirSync(dir)) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const input of variants(loadFixture(join(dir, scenario)))) for (const f of analyze(input)) expectFindingTexts(f, scenario, used);
    });
  }

  it('together they use every message of the table', () => {
    expect(Object.keys(instancesStuckTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
