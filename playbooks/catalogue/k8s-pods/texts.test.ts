import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { k8sPodsTexts } from '../../../main/shared/finding-texts/k8s-pods.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput } from '../../engine/types.js';
import { expectFindingTexts } from '../texts-check.js';
import { analyze } from './analyzer.js';

/**
 * Every finding k8s-pods emits, over every captured scenario (and the same outputs with a pod's
 * state changed, or a step missing, to reach the other findings), carries its texts as messages:
 * they render to exactly the English it stores, and fully to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);

/** The same outputs with a state changed (step, then edits of its output): other findings from real output shapes. */
const edits: Array<[string, string, Array<[RegExp, string]>]> = [
  ['config error', 'pods', [[/"CrashLoopBackOff"/g, '"CreateContainerConfigError"']]],
  ['container creating', 'pods', [[/"CrashLoopBackOff"/g, '"ContainerCreating"']]],
  ['waiting for another reason', 'pods', [[/"CrashLoopBackOff"/g, '"Weird"']]],
  ['waiting without a reason', 'pods', [[/"reason": "CrashLoopBackOff"/g, '"note": "CrashLoopBackOff"']]],
  ['pod failed', 'pods', [[/"phase": "Running"/g, '"phase": "Failed"']]],
  ['pod evicted from a Job', 'pods', [[/"phase": "Running"/g, '"phase": "Failed", "reason": "Evicted"'], [/"kind": "(ReplicaSet|StatefulSet|DaemonSet)"/g, '"kind": "Job"']]],
  ['one pod completed', 'pods', [[/"phase": "Running"/, '"phase": "Succeeded"']]],
  ['container not ready', 'pods', [[/"ready": true/g, '"ready": false']]],
  ['unschedulable', 'pods', [[/("type": "PodScheduled",\s*"status": )"True"/g, '$1"False"']]],
  ['pod not ready', 'pods', [[/("type": "Ready",\s*"status": )"True"/g, '$1"False"']]],
  ['no node', 'pods', [[/"nodeName"/g, '"nodeNameUnset"']]],
  ['no earlier run', 'pods', [[/"lastState"/g, '"lastStateUnset"']]],
  ['no memory limit', 'pods', [[/"limits"/g, '"limitsUnset"']]],
  ['running containers waiting', 'pods', [[/"running": \{/g, '"waiting": {"reason": "CrashLoopBackOff", ']]],
  ['running containers waiting, no reason', 'pods', [[/"running": \{/g, '"waiting": {']]],
  ['init container restarted', 'pods', [[/"restartCount": 0/g, '"restartCount": 1']]],
  ['no namespace section', 'pods', [[/^### namespace .*$/gm, 'error: you must be logged in to the server']]],
  ['namespace without message', 'pods', [[/^(### namespace .*)\n[^]*$/m, '$1\n']]],
  ['empty crash log', 'crash-logs', [[/^(?!###).*\n/gm, '']]],
  ['crash log without a known cause', 'crash-logs', [[/Access denied for user/g, 'Unexpected trouble for user'], [/Shutdown complete/g, 'ERROR stopped'], [/failed to open netns/g, 'failed badly']]],
  ['database unreachable', 'crash-logs', [[/Access denied for user/g, "Can't connect to MySQL server"], [/Shutdown complete/g, "Can't connect to MySQL server"]]],
  ['rabbitmq unreachable', 'crash-logs', [[/Access denied for user/g, 'AMQP server on rabbit:5672 is unreachable'], [/failed to open netns/g, 'MessagingTimeout']]],
  ['connection refused', 'crash-logs', [[/Access denied for user/g, 'Connection refused'], [/failed to open netns/g, 'ECONNREFUSED']]],
  ['cannot exec', 'crash-logs', [[/Access denied for user/g, 'No such file or directory'], [/failed to open netns/g, 'exec format error']]],
  ['waiting on a dependency while crashing', 'crash-logs', [[/Access denied for user/g, 'Resolving dependency Job x in namespace y failed'], [/failed to open netns/g, 'Resolving dependency Service x in namespace y failed']]],
  ['waiting on a Service', 'crash-logs', [[/Resolving dependency Job/g, 'Resolving dependency Service']]],
  ['dependency without a reason', 'crash-logs', [[/failed: .*$/gm, 'failed:']]],
  ['init log names no dependency', 'crash-logs', [[/Resolving dependency/g, 'Looking for']]],
];
function variants(input: AnalyzerInput): Array<[string, AnalyzerInput]> {
  const steps = [...new Set(input.outputs.map((o) => o.step))];
  return [
    ['as captured', input],
    ...steps.map((s): [string, AnalyzerInput] => [`without ${s}`, { ...input, outputs: input.outputs.filter((o) => o.step !== s) }]),
    ...edits.map(([name, step, chain]): [string, AnalyzerInput] => [
      name,
      { ...input, outputs: input.outputs.map((o) => (o.step === step ? { ...o, stdout: chain.reduce((t, [re, to]) => t.replace(re, to), o.stdout) } : o)) },
    ]),
  ];
}

/** Every message id the findings used, however deep. */
const used = new Set<string>();


describe('k8s-pods finding texts', () => {
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      for (const [name, input] of variants(loadFixture(join(dir, scenario)))) {
        for (const deployment of deployments) {
          for (const f of analyze({ ...input, deployment })) {
            expectFindingTexts(f, `${scenario} (${name})`, used);
            if (f.text) seen.add(f.text.title.id);
          }
        }
      }
    });
  }

  it('findings about events and namespaces, from outputs of two scenarios combined, render too', () => {
    const healthy = loadFixture(join(dir, 'lab-healthy'));
    const events = loadFixture(join(dir, 'public-crashloop-events')).outputs.find((o) => o.step === 'warning-events');
    expect(events).toBeDefined();
    if (!events) return;
    const others = healthy.outputs.filter((o) => o.step !== 'warning-events');
    const inputs: AnalyzerInput[] = [
      { ...healthy, outputs: [...others, events] },
      { ...healthy, outputs: [...others, { ...events, stdout: events.stdout.replace(/"count": \d+/g, '"count": 1') }] },
      { ...healthy, outputs: [...others, { ...events, stdout: '### namespace openstack\n{"apiVersion": "v1", "items": [], "kind": "List"}\n' }] },
      { ...healthy, outputs: [...others.map((o) => (o.step === 'pods' ? { ...o, stdout: '### namespace openstack\n{"apiVersion": "v1", "items": [], "kind": "List"}\n' } : o)), events] },
      { ...healthy, outputs: healthy.outputs.map((o) => (o.step === 'pods' ? { ...o, stdout: '### namespace openstack\nThe connection to the server localhost:8080 was refused\n', state: 'failed' as const, exitCode: 1 } : o)) },
      { ...healthy, outputs: healthy.outputs.map((o) => (o.step === 'pods' ? { ...o, state: 'timeout' as const, exitCode: null, error: 'timed out' } : o)) },
    ];
    for (const input of inputs) for (const f of analyze(input)) {
      expectFindingTexts(f, 'combined', used);
      if (f.text) seen.add(f.text.title.id);
    }
    for (const id of ['events.title', 'events.none.title', 'ns-empty.title', 'list.ns-failed.title', 'events.ns-failed.title']) expect([...seen], id).toContain(`k8s-pods.${id}`);
  });

  it('the scenarios reach every kind of pod finding', () => {
    const ids = ['crashloop.title', 'oom.title', 'init.title.deps', 'image-pull.title', 'config.title', 'not-running.title', 'waiting.title', 'not-ready.title', 'pod-not-ready.title', 'restarts.title', 'failed.title', 'unschedulable.title', 'ns-ok.title', 'list.skipped.title', 'events.skipped.title'];
    for (const id of ids) expect([...seen], id).toContain(`k8s-pods.${id}`);
  });

  it('a crash names its cause in Korean, with the quoted log line and the commands kept as they are', () => {
    const f = analyze(loadFixture(join(dir, 'lab-crashloop'))).find((x) => x.check === 'k8s.crashloop');
    expect(f).toBeDefined();
    if (!f) return;
    const ko = localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko');
    expect(ko.title).toBe("placement-api-5d8c7b9f6c-m4kqz (controller-1 노드): placement-api 컨테이너가 CrashLoopBackOff 상태 — Access denied for user 'placement'@'198.18.3.11'");
    expect(ko.likelyCause).toContain('오류 1045');
    expect(ko.nextStep).toContain('kubectl -n openstack logs placement-api-5d8c7b9f6c-m4kqz -c placement-api --previous --tail 200');
  });

  it('together they use every message of the table', () => {
    expect(Object.keys(k8sPodsTexts).filter((id) => !used.has(id))).toEqual([]);
  });
});
