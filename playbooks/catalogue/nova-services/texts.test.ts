import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { novaServicesTexts } from '../../../main/shared/finding-texts/nova-services.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, StepOutput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding nova-services emits, over every captured scenario (and the same outputs with a
 * service's state changed, a step missing, or the service list failing with each known error),
 * carries its texts as messages: they render to exactly the English it stores, and fully to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);

const edits: Array<[string, Array<[RegExp, string]>]> = [
  ['all down', [[/"State": "up"/g, '"State": "down"']]],
  ['all disabled', [[/"Status": "enabled"/g, '"Status": "disabled"']]],
  ['all up and enabled', [[/"Status": "disabled"/g, '"Status": "enabled"'], [/"State": "down"/g, '"State": "up"']]],
  ['no compute', [[/"nova-compute"/g, '"nova-computer"']]],
  ['NoValidHost alone', [[/Filter (\w+) returned 0 hosts/g, 'NoValidHost'], [/Got no allocation candidates from the Placement API/g, 'NoValidHost']]],
];
const listErrors = ['Missing value auth-url required for auth plugin password', 'public endpoint for compute service not found', 'HTTP 401 Unauthorized', 'Unable to establish connection to http://nova:8774', 'something else went wrong', ''];

function variants(input: AnalyzerInput): Array<[string, AnalyzerInput]> {
  const steps = [...new Set(input.outputs.map((o) => o.step))];
  const edit = (chain: Array<[RegExp, string]>, t: string): string => chain.reduce((x, [re, to]) => x.replace(re, to), t);
  return [
    ['as captured', input],
    ...steps.map((s): [string, AnalyzerInput] => [`without ${s}`, { ...input, outputs: input.outputs.filter((o) => o.step !== s) }]),
    ...steps.map((s): [string, AnalyzerInput] => [`${s} timed out`, { ...input, outputs: input.outputs.map((o) => (o.step === s ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) }]),
    ...edits.map(([name, chain]): [string, AnalyzerInput] => [name, { ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: edit(chain, o.stdout) })) }]),
    ...listErrors.map((err): [string, AnalyzerInput] => [
      `list fails: ${err}`,
      { ...input, outputs: input.outputs.map((o) => (o.step === 'compute-services' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: err } : o)) },
    ]),
  ];
}

/** Every message id the findings used, however deep. */
const used = new Set<string>();


describe('nova-services finding texts', () => {
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const [name, input] of variants(loadFixture(join(dir, scenario)))) {
        for (const deployment of deployments) {
          for (const f of analyze({ ...input, deployment })) {
            expectFindingTexts(f, `${scenario} (${name})`, used);
            if (f.text) seen.add(f.text.title.id);
            for (const m of [f.text?.likelyCause, f.text?.nextStep]) if (m) seen.add(m.id);
          }
        }
      }
    });
  }

  it('outputs of two scenarios combined, and logs with every error kind, render too', () => {
    const down = loadFixture(join(dir, 'public-compute-down'));
    const sched = loadFixture(join(dir, 'public-scheduler-filter')).outputs.find((o) => o.step === 'scheduler-log');
    expect(sched).toBeDefined();
    if (!sched) return;
    const onDown = (o: StepOutput): StepOutput => ({ ...o, node: 'chlr2noa01' });
    const services = down.outputs.find((o) => o.step === 'compute-services')?.stdout ?? '';
    const kindLines = [
      '2022-02-09 23:00:13.000 53085 ERROR oslo.messaging._drivers.impl_rabbit [-] AMQP server on rabbit-1:5672 is unreachable: timed out',
      '2022-02-09 23:00:14.000 53085 ERROR nova.compute.manager [-] DBConnectionError: (pymysql.err.OperationalError) (2003, "Can\'t connect to MySQL server")',
      '2022-02-09 23:00:15.000 53085 ERROR nova.virt.libvirt.driver [-] Connection to libvirt lost: 1',
      '2022-02-09 23:00:16.000 53085 ERROR nova.compute.manager [-] [Errno 111] Connection refused',
    ];
    const kinds = kindLines.join('\n');
    const logs = (fn: (node: string, t: string) => string): StepOutput[] =>
      down.outputs.filter((o) => o.step === 'compute-log').map((o) => ({ ...o, state: 'succeeded' as const, exitCode: 0, error: null, stdout: fn(o.node, o.stdout) }));
    const others = down.outputs.filter((o) => o.step !== 'compute-log' && o.step !== 'scheduler-log' && o.step !== 'compute-services');
    const list = (edit: (t: string) => string): StepOutput[] => down.outputs.filter((o) => o.step === 'compute-services').map((o) => ({ ...o, stdout: edit(services) }));
    const inputs: Array<[string, StepOutput[]]> = [
      ['down computes and a ComputeFilter NoValidHost', [...others, ...list((t) => t), ...logs((_n, t) => t), onDown(sched)]],
      ['every error kind, a quiet log, forced down', [...others, ...list((t) => t.replace(/"Forced Down": false/g, '"Forced Down": true').replace(/"Updated At": "[^"]*"/g, '"Updated At": null')), ...logs((n, t) => (n === 'chlr2cdn03' ? `${t}${kinds}\n` : 'INFO nova.compute.manager [-] started\n'))]],
      ['every error kind on computes Nova lists up, an empty log', [...others, ...list((t) => t.replace(/"State": "down"/g, '"State": "up"')), ...logs((n, t) => (n === 'chlr2cdn03' ? `${t}${kinds}\n` : '-- No entries --\n'))]],
      ['disabled automatically', [...others, ...list((t) => t.replace(/"Status": "enabled",\n(\s*)"State": "up",\n(\s*)"Updated At": ("[^"]*"),\n(\s*)"Disabled Reason": null/, '"Status": "disabled",\n$1"State": "up",\n$2"Updated At": $3,\n$4"Disabled Reason": "AUTO: Connection to libvirt lost: 1"'))]],
      ...kindLines.map((line, i): [string, StepOutput[]] => [`error kind ${i + 1} alone`, [...others, ...list((t) => t), ...logs((n, t) => (n === 'chlr2cdn03' ? `${line}\n` : t))]]),
      ['another filter', [...others, ...list((t) => t), onDown({ ...sched, stdout: sched.stdout.replaceAll('ComputeFilter', 'AggregateInstanceExtraSpecsFilter') })]],
      ['a filter result that names no filter', [...others, ...list((t) => t), onDown({ ...sched, stdout: "2021-09-17 23:48:48.263 2570 INFO nova.filters [req-1 - - - -] Filtering removed all hosts for the request with instance ID '4f75fd35'. Filter results: []\n" })]],
    ];
    for (const [name, outputs] of inputs) {
      for (const f of analyze({ ...down, outputs })) {
        expectFindingTexts(f, name, used);
        if (f.text) seen.add(f.text.title.id);
      }
    }
  });

  it('the scenarios reach every kind of finding and every hint', () => {
    const ids = ['down.title', 'disabled.title', 'no-compute.title', 'ok.title', 'filtered.title', 'no-candidates.title', 'no-valid-host.title', 'log-errors.title', 'logs.skipped.title', 'list.skipped.title'];
    for (const hint of ['no-credentials', 'no-endpoint', 'rejected', 'unreachable']) ids.push(`list.cause.${hint}`);
    for (const id of ids) expect([...seen], id).toContain(`nova-services.${id}`);
  });

  it('a down compute says in Korean what its log shows, with the log quoted as it is', () => {
    const f = analyze(loadFixture(join(dir, 'public-compute-down'))).find((x) => x.check === 'nova.service-down' && x.evidence.length > 1);
    expect(f).toBeDefined();
    if (!f) return;
    const ko = localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko');
    expect(ko.title).toMatch(/^\S+의 nova-compute이\(가\) down 상태$/);
    expect(ko.explanation).toContain('nova-compute 로그에 나타난 문제: ');
    expect(ko.explanation).not.toMatch(/Its nova-compute log/);
  });

  it('together they use every message of the table', () => {
    expect(Object.keys(novaServicesTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
