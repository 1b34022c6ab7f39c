/**
 * Attacks on the cluster profile's new inputs: the container engine and the Kubernetes namespace
 * reach command lines (`podman exec`, `kubectl -n NS`). The contract refuses anything but a
 * known engine and a DNS-1123 label, with a message naming the field; the CLI names its flag;
 * the case log has a CHECK of its own (db/cluster-profile.test.ts); and should a hostile namespace
 * get past both (a pod list from a node names one too), the engine still passes it as one quoted word.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { discoverPods } from '../../playbooks/engine/pods.js';
import { runPlaybook, type CommandRunner } from '../../playbooks/engine/run.js';
import { main } from '../cli/cli.js';
import { createCore, type Core } from './core.js';
import { tempDir } from './testing/fixtures.js';

const t = tempDir('stackscope-profile-security-');
let core: Core;
beforeAll(() => {
  core = createCore({ dataDir: join(t.path, 'data'), mode: 'browser' });
});
afterAll(async () => {
  await core?.close();
  t.remove();
});

const marker = join(t.path, 'pwned');
const NAMESPACE_RULE = 'must be a Kubernetes namespace: lowercase letters, digits and dashes, starting and ending with a letter or digit';
const hostileNamespaces: Array<[string, string]> = [
  [`openstack; touch ${marker}`, NAMESPACE_RULE],
  [`$(touch ${marker})`, NAMESPACE_RULE],
  [`\`touch ${marker}\``, NAMESPACE_RULE],
  ["openstack' -o json; touch x '", NAMESPACE_RULE],
  ['open\nstack', NAMESPACE_RULE],
  [' openstack', NAMESPACE_RULE],
  ['OpenStack', NAMESPACE_RULE],
  ['-n', NAMESPACE_RULE],
  ['openstack-', NAMESPACE_RULE],
  ['', `must not be empty; namespace: ${NAMESPACE_RULE}`],
  ['a'.repeat(300), 'must be at most 63 characters (a Kubernetes namespace is a DNS-1123 label)'],
];

async function refusal(method: string, input: unknown): Promise<string> {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  return `${r.error.code}: ${r.error.message}`;
}

describe('the contract refuses a hostile profile', () => {
  it.each(hostileNamespaces)('clusters.add and clusters.update refuse the namespace %j', async (namespace, why) => {
    expect(await refusal('clusters.add', { name: 'osh', deployment: 'openstack-helm', namespace })).toBe(`INVALID_INPUT: clusters.add: namespace: ${why}`);
    const ok = await core.dispatch('clusters.add', { name: 'kept', deployment: 'openstack-helm' });
    const id = ok.ok ? (ok.value as { id: number }).id : core.inventory.clusterByName('kept').id;
    expect(await refusal('clusters.update', { id, namespace })).toBe(`INVALID_INPUT: clusters.update: namespace: ${why}`);
    expect(core.inventory.clusterByName('kept').namespace).toBe('openstack');
    expect(core.inventory.list().map((c) => c.name)).toEqual(['kept']);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a container engine that is not docker or podman, and an unknown profile field', async () => {
    for (const containerEngine of ['docker; id', 'nerdctl', 'PODMAN', '']) {
      expect(await refusal('clusters.add', { name: 'k', deployment: 'kolla', containerEngine })).toBe('INVALID_INPUT: clusters.add: containerEngine: must be one of docker, podman');
    }
    expect(await refusal('clusters.add', { name: 'k', deployment: 'kolla', containerRuntime: 'podman' })).toMatch(/^INVALID_INPUT: clusters\.add: .*containerRuntime/);
  });

});

describe('the CLI names the flag', () => {
  const err = vi.spyOn(process.stderr, 'write');
  const out = vi.spyOn(console, 'log');
  afterEach(() => {
    err.mockClear();
    out.mockClear();
  });
  const cli = async (...args: string[]): Promise<{ code: number; stderr: string }> => {
    const code = await main(['node', 'stackscope', '--data-dir', join(t.path, 'cli'), ...args]);
    return { code, stderr: err.mock.calls.map((c) => String(c[0])).join('') };
  };

  it('refuses --namespace with shell syntax or 300 characters, and an unknown --container-engine', async () => {
    expect(await cli('cluster', 'add', 'osh', '--deployment', 'openstack-helm', '--namespace', `x; touch ${marker}`)).toEqual({ code: 2, stderr: `stackscope: --namespace: ${NAMESPACE_RULE}\n` });
    expect((await cli('cluster', 'add', 'osh', '--deployment', 'openstack-helm', '--namespace', 'a'.repeat(300))).stderr).toContain('--namespace: must be at most 63 characters');
    const engine = await cli('cluster', 'add', 'k', '--deployment', 'kolla', '--container-engine', 'docker;id');
    expect(engine.code).toBe(2);
    expect(engine.stderr).toMatch(/--container-engine <engine>' argument 'docker;id' is invalid\. Allowed choices are docker, podman/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('the engine quotes a namespace that got past the contract', () => {
  const ns = `os'; touch ${marker}; '`;
  const bin = join(t.path, 'bin');
  const argsFile = join(t.path, 'kubectl-args');
  beforeAll(() => {
    mkdirSync(bin, { recursive: true });
    // kubectl stand-in: records its argv (one per line), lists one pod in the namespace it was
    // given, and runs the words after `--` of an exec, as kubectl does (no shell in between).
    const pods = (n: string) => JSON.stringify({ items: [{ metadata: { namespace: n, name: 'ovn-ovsdb-nb-0', labels: { application: 'ovn', component: 'ovn-ovsdb-nb' } }, spec: { nodeName: 'ctl-1', containers: [{ name: 'ovsdb' }] }, status: { hostIP: '10.0.0.11', containerStatuses: [{ ready: true }] } }] });
    writeFileSync(join(t.path, 'pods.json'), pods(ns));
    writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nprintf '%s\\n' "$@" >> ${argsFile}\nif [ "$1" = get ]; then cat ${join(t.path, 'pods.json')}; exit; fi\nwhile [ "$1" != -- ]; do shift; done\nshift\nexec "$@"\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
  });
  const runner: CommandRunner = {
    run: async (job) => {
      const r = spawnSync('/bin/sh', ['-c', job.command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      return { step: job.step, node: job.node.name, state: r.status === 0 ? 'succeeded' : 'failed', exitCode: r.status, stdout: r.stdout, stderr: r.stderr, error: null, command: job.command };
    },
  };
  const node = { name: 'ctl-1', host: '10.0.0.11', roles: ['controller' as const] };

  it('in pod discovery and in kubectl exec', async () => {
    const discovery = await discoverPods([node], ns, runner, new AbortController().signal);
    expect(discovery.pods?.map((p) => p.namespace)).toEqual([ns]);
    const playbook = {
      def: { id: 'x', title: { en: 'x', ko: 'x' }, description: { en: 'x', ko: 'x' }, appliesTo: ['openstack-helm' as const], roles: ['controller' as const], params: [], steps: [{ id: 'nb', title: { en: 'nb', ko: 'nb' }, service: 'ovn-nb' as const, run: 'echo reached', on: 'each' as const, timeoutSec: 10, mutating: false, root: false }] },
      file: '(test)',
      analyze: () => [],
    };
    const outcome = await runPlaybook({ playbook, profile: { deployment: 'openstack-helm', containerEngine: 'docker', namespace: ns }, targets: [node], params: {}, runner, concurrency: 1, signal: new AbortController().signal });
    expect(outcome.outputs.find((o) => o.step === 'nb')?.stdout).toBe('reached\n');
    const argv = spawnSync('cat', [argsFile], { encoding: 'utf8' }).stdout.split('\n');
    expect(argv.filter((a) => a === ns)).toHaveLength(3); // get pods -n NS (twice: discovery here and in the run), exec -n NS
    expect(existsSync(marker)).toBe(false);
  });
});
