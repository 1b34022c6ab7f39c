import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import type { Cluster, Run } from '../contract/types.js';
import type { Core } from './core.js';
import { sshWorld, tempDir, type SshWorld } from './testing/fixtures.js';

/**
 * A cluster's stored profile decides how steps reach a service, end to end: contract → inventory
 * → playbook service → engine → a real sshd. A kolla cluster says podman, so its steps run
 * `podman exec CONTAINER …` and its logs `podman logs`; changed to docker, they run docker.
 * No container engine runs here, so the node's PATH (sshd SetEnv) starts with stand-ins that
 * keep the `exec CONTAINER CMD…` contract and print which engine and container were asked.
 */
const tmp = tempDir('stackscope-profile-');
let w: SshWorld | undefined;
let core: Core;
let cluster: Cluster;
let caseId: number;

const t = (s: string): string => `{ en: "${s}", ko: "${s}" }`;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function runIn(): Promise<Run> {
  const { runId } = await call<{ runId: number }>('playbooks.run', { caseId, clusterId: cluster.id, playbookId: 'reach', params: { word: "it's; id" } });
  await core.runs.wait(runId);
  return call<Run>('runs.get', { runId });
}

beforeAll(async () => {
  const root = tmp.path;
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const engine of ['docker', 'podman']) {
    writeFileSync(join(bin, engine), `#!/bin/sh\ncase $1 in\nexec) echo "${engine} exec into $2"; shift 2; exec "$@" ;;\nlogs) echo "${engine} logs of $4 (last $3)" ;;\n*) exit 64 ;;\nesac\n`);
    chmodSync(join(bin, engine), 0o755);
  }
  const catalogue = join(root, 'catalogue');
  mkdirSync(join(catalogue, 'reach'), { recursive: true });
  writeFileSync(
    join(catalogue, 'reach', 'playbook.yaml'),
    `id: reach\ntitle: ${t('Reach')}\ndescription: ${t('One step in a service, one log')}\nappliesTo: [kolla]\nroles: [controller]\nparams:\n  - { name: word, type: string, required: true, description: ${t('Any text')} }\nsteps:\n  - { id: nb, title: ${t('NB')}, service: ovn-nb, run: "printf '%s\\\\n' {{word}}" }\n  - { id: mq-log, title: ${t('RabbitMQ log')}, service: rabbitmq, logs: { tail: 5 } }\n`,
  );
  w = await sshWorld({ catalogue: loadCatalogue(catalogue, {}, exitCodeAnalyzer) });
  core = w.core;
  const sshd = await w.startServer('profile', { extraConfig: [`SetEnv PATH=${bin}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin`] });
  cluster = await call<Cluster>('clusters.add', { name: 'kolla-podman', deployment: 'kolla', containerEngine: 'podman' });
  const node = await call<{ id: number }>('nodes.add', { clusterId: cluster.id, name: 'ctl-1', host: sshd.host, port: sshd.port, user: process.env.USER ?? 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey } });
  const probe = await call<{ fingerprint: string }>('hostKeys.probe', { nodeId: node.id });
  await call('hostKeys.trust', { nodeId: node.id, fingerprint: probe.fingerprint });
  caseId = (await call<{ id: number }>('cases.create', { title: 'profile', severity: 'info', clusterId: cluster.id })).id;
}, 60_000);

afterAll(async () => {
  await w?.close();
  tmp.remove();
});

describe('the cluster profile reaches the node', () => {
  it('stores the profile: podman as asked, the namespace by default', () => {
    expect(cluster).toMatchObject({ deployment: 'kolla', containerEngine: 'podman', namespace: 'openstack' });
    expect(core.inventory.profile(cluster)).toEqual({
      deployment: 'kolla',
      containerEngine: 'podman',
      namespace: 'openstack',
      infraNamespaces: [],
      kubeAccessNode: null,
      // Nothing said: kolla's admin openrc where kolla-ansible writes it, on the step's own controller.
      credentials: { kind: 'openrc', node: null, path: '/etc/kolla/admin-openrc.sh' },
      kollaPasswords: null,
    });
  });

  it('runs a kolla step with podman exec and reads its log with podman logs', async () => {
    const run = await runIn();
    const nb = run.steps.find((s) => s.stepKey === 'nb');
    const log = run.steps.find((s) => s.stepKey === 'mq-log');
    expect(nb?.command).toBe(`podman exec ovn_nb_db sh -c 'printf '\\''%s\\n'\\'' '\\''it'\\''\\'\\'''\\''s; id'\\'''`);
    expect(nb?.stdout).toBe("podman exec into ovn_nb_db\nit's; id\n");
    expect(log?.command).toBe('podman logs --tail 5 rabbitmq 2>&1');
    expect(log?.stdout).toBe('podman logs of rabbitmq (last 5)\n');
    expect(run.state).toBe('succeeded');
  });

  it('follows a change of engine: the same cluster on docker runs docker', async () => {
    cluster = await call<Cluster>('clusters.update', { id: cluster.id, containerEngine: 'docker' });
    expect(cluster.containerEngine).toBe('docker');
    const run = await runIn();
    expect(run.steps.map((s) => s.command.split(' ').slice(0, 2).join(' '))).toEqual(['docker exec', 'docker logs']);
    expect(run.steps.find((s) => s.stepKey === 'nb')?.stdout).toBe("docker exec into ovn_nb_db\nit's; id\n");
  });
});
