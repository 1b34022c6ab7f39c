import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingMessage } from '../../../main/contract/types.js';
import { deployments } from '../../../main/contract/types.js';
import { placementTexts } from '../../../main/shared/finding-texts/placement.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, StepOutput } from '../../engine/types.js';
import { expectFindingTexts, messageIds } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding placement-capacity emits, over every captured scenario with several flavors (and
 * the same outputs with a step missing or failing, and a cloud of 25 providers built from the
 * healthy one), carries its texts as messages: they render to exactly the English it stores, and
 * fully to Korean. Together they use every message of the table.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);
const flavors: Array<AnalyzerInput['params'] | null> = [null, {}, { vcpu: 1000 }, { memory_mb: 10_000_000 }, { vcpu: 3, memory_mb: 1 }, { disk_gb: 100_000 }, { vcpu: 1, memory_mb: 64, disk_gb: 1 }];

const withStep = (input: AnalyzerInput, step: string, patch: Partial<StepOutput>): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, ...patch } : o)) });

const PROVIDERS = 'placement-providers';
const NOVA = 'nova-instances';
const LIST_URL = 'http://198.18.2.11:8778/resource_providers';
/** The same outputs edited the way other clouds answer: other findings from real output shapes. */
const edits: Array<[string, string, (stdout: string) => string]> = [
  ['HTTP 403', PROVIDERS, (t) => t.replace(/== HTTP 200 GET (\S+\/resource_providers)\n/, '== HTTP 403 GET $1\n')],
  ['HTTP 404', PROVIDERS, (t) => t.replace(/== HTTP 200 GET (\S+\/resource_providers)\n/, '== HTTP 404 GET $1\n')],
  ['HTTP 503', PROVIDERS, () => `<html><body><h1>503 Service Unavailable</h1>\n</body></html>\n\n== HTTP 503 GET ${LIST_URL}\n`],
  ['HTTP 500 quoting Galera', PROVIDERS, () => `{"errors": [{"status": 500, "detail": "(pymysql.err.InternalError) (1047, 'WSREP has not yet prepared node for application use')"}]}\n== HTTP 500 GET ${LIST_URL}\n`],
  ['no provider', PROVIDERS, () => `{"resource_providers": []}\n== HTTP 200 GET ${LIST_URL}\n`],
  ['inventories HTTP 500', PROVIDERS, (t) => t.replace(/== HTTP 200 GET (\S+\/inventories)\n/, '== HTTP 500 GET $1\n')],
  ['inventories missing', PROVIDERS, (t) => t.replace(/^.*\n== HTTP 200 GET \S+\/inventories\n/m, '')],
  ['no inventory', PROVIDERS, (t) => t.replace(/"inventories": \{.*\}\}$/gm, '"inventories": {}}').replace(/"usages": \{[^}]*\}/g, '"usages": {}')],
  ['usage of classes without inventory', PROVIDERS, (t) => t.replace(/"usages": \{/g, '"usages": {"PCPU": 2, "CUSTOM_X": 1, ')],
  ['min_unit 2', PROVIDERS, (t) => t.replace(/"min_unit": 1/g, '"min_unit": 2')],
  ['allocations unread', PROVIDERS, (t) => t.replace(/== HTTP 200 GET (\S+\/allocations)\n/, '== HTTP 500 GET $1\n')],
  ['candidates failed', PROVIDERS, (t) => t.replace(/== HTTP 200 GET (\S+\/allocation_candidates)/, '== HTTP 500 GET $1')],
  ['no live instance', NOVA, () => 'no table nova.migrations: migration consumers not checked\n'],
  ['an instance gone from the table', NOVA, (t) => t.replace(/^live\t.*\n/m, '')],
  ['migrations read', NOVA, (t) => t.replace(/^no table nova\.migrations.*\n/m, '')],
  ['an instance migrating', NOVA, (t) => t.replace(/^live\t/m, 'migration\t')],
  ['no Nova API database', NOVA, (t) => t.replace(/^flavor\t.*\n|^flavors read.*\n/gm, '').concat('no table nova_api.flavors: flavors not checked\n')],
  ['flavors only by extra specs or of no size', NOVA, (t) => t.replace(/^flavor\t.*\n|^flavors read.*\n/gm, '').concat('flavor\tp1\tpinned\t64\t1024\t1\t0\t0\t1\nflavor\tz0\tzero\t0\t0\t0\t0\t0\t0\nflavors read: 2\n')],
  ['a flavor stopped by its disk alone', NOVA, (t) => t.replace(/^flavors read: \d+\n/m, 'flavor\td1\tm1.disky\t1\t512\t900000\t0\t0\t0\nflavors read: 9\n')],
  ['six flavors that never fit', NOVA, (t) => t.replace(/^flavors read: \d+\n/m, `${Array.from({ length: 6 }, (_, i) => `flavor\tb${i}\tbig.${i}\t${1000 + i}\t99999999\t1\t0\t0\t0\n`).join('')}flavors read: 9\n`)],
];

function variants(input: AnalyzerInput): Array<[string, AnalyzerInput]> {
  const steps = [...new Set(input.outputs.map((o) => o.step))];
  return [
    ['as captured', input],
    ...steps.map((s): [string, AnalyzerInput] => [`without ${s}`, { ...input, outputs: input.outputs.filter((o) => o.step !== s) }]),
    ...steps.map((s): [string, AnalyzerInput] => [`${s} failed`, withStep(input, s, { state: 'failed', exitCode: 1, stdout: '', stderr: "ERROR 2002: Can't connect to MySQL server\n" })]),
    ...edits.map(([name, step, edit]): [string, AnalyzerInput] => [name, { ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, stdout: edit(o.stdout) } : o)) }]),
  ];
}

/** A cloud of 25 providers: the healthy fixture's compute-1 repeated (as the analyzer test builds it). */
function bigCloud(healthy: AnalyzerInput): AnalyzerInput {
  const out = healthy.outputs.find((o) => o.step === 'placement-providers') as StepOutput;
  const rest = out.stdout.split('\n').slice(1);
  const block = rest.slice(1, 7).join('\n');
  const uuid = '0539e053-d3e8-5e3c-a385-fe28ea4edc27';
  const uuids = Array.from({ length: 25 }, (_, i) => `0539e053-d3e8-5e3c-a385-${String(i).padStart(12, '0')}`);
  const providers = uuids.map((u, i) => `{"uuid": "${u}", "name": "compute-${i + 1}", "generation": 1, "parent_provider_uuid": null, "root_provider_uuid": "${u}"}`);
  const stdout = [`{"resource_providers": [${providers.join(', ')}]}`, rest[0], ...uuids.map((u) => block.replaceAll(uuid, u))].join('\n') + '\n';
  return withStep(healthy, 'placement-providers', { stdout });
}



describe('placement-capacity finding texts', () => {
  const used = new Set<string>();
  const check = (input: AnalyzerInput, where: string): void => {
    for (const deployment of deployments) {
      for (const f of analyze({ ...input, deployment })) {
        expectFindingTexts(f, where);
        for (const m of [f.text?.title, f.text?.explanation, f.text?.likelyCause, f.text?.nextStep] as Array<FindingMessage | undefined>) messageIds(m, used);
      }
    }
  };
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const [name, input] of variants(loadFixture(join(dir, scenario)))) {
        for (const params of flavors) check(params ? { ...input, params } : input, `${scenario} (${name}, ${JSON.stringify(params)})`);
      }
    });
  }

  it('a cloud of 25 providers, with and without a flavor that fits nowhere', () => {
    const cloud = bigCloud(loadFixture(join(dir, 'healthy')));
    for (const params of [{}, { vcpu: 1000 }, { vcpu: 1000, memory_mb: 1 }] as Array<AnalyzerInput['params']>) check({ ...cloud, params }, `25 providers ${JSON.stringify(params)}`);
    // Half the providers with many CPUs: memory alone stops the flavor there, CPU and memory elsewhere.
    let n = 0;
    const mixed = withStep(cloud, PROVIDERS, { stdout: (cloud.outputs.find((o) => o.step === PROVIDERS)?.stdout ?? '').replace(/"VCPU": \{"total": 8, "reserved": 0, "min_unit": 1, "max_unit": 8/g, (m) => (n++ % 2 ? m : '"VCPU": {"total": 800, "reserved": 0, "min_unit": 1, "max_unit": 800')) });
    check({ ...mixed, params: { vcpu: 100, memory_mb: 100_000 } }, '25 providers, two kinds');
  });

  it('a resource class named like an Object property is just an unknown class, in both languages', () => {
    const healthy = loadFixture(join(dir, 'healthy'));
    const stdout = (healthy.outputs.find((o) => o.step === PROVIDERS)?.stdout ?? '').replace(/"usages": \{/g, '"usages": {"constructor": 1, "toString": 2, "__proto__": 3, ');
    const fs = analyze(withStep(healthy, PROVIDERS, { stdout }));
    const over = fs.filter((f) => f.check === 'placement.over-capacity');
    expect(over.map((f) => f.title.split(':')[0])).toEqual(expect.arrayContaining(['Over capacity for constructor on resource provider compute-1', 'Over capacity for toString on resource provider compute-1']));
    for (const f of over) {
      expectFindingTexts(f, 'odd class');
      expect(f.likelyCause).toContain('the inventory the service owning this provider reports');
      expect(localizeFinding({ ...f, skippedReason: null }, 'ko').likelyCause).toContain('이 provider를 소유한 서비스가 보고하는 인벤토리');
    }
  });

  it('together they use every message of the table', () => {
    expect(Object.keys(placementTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
