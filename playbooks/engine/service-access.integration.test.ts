/**
 * Service access on the practice lab (openstack-helm flavour): credentials that stay on the nodes
 * and kubectl through the kube-access node.
 * - An admin openrc on controller-1 with the lab's Placement token and endpoint plus a password:
 *   placement-capacity sources it there (the session's own OS_* variables are dropped first, so
 *   the run works only through the file), and the password is nowhere in the data dir.
 * - kube-access node controller-2 with an infra namespace: the pod listings run there, one per
 *   namespace, and the pod steps still answer for their own nodes.
 * - The keystone admin Secret read with the lab's kubectl on the kube-access node: a client step
 *   gets its values in its own shell only; a Secret that is not there is "could not check".
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, Run } from '../../main/contract/types.js';
import { controllers } from '../../main/lab/layout.js';
import { nodeEnv } from '../../main/lab/nodes.js';
import { LAB_CLUSTER } from '../../main/lab/register.js';
import { startTestLab, type TestLab } from '../../main/lab/test-lab.js';
import { exitCodeAnalyzer } from './generic.js';
import type { LoadedPlaybook } from './loader.js';

let t: TestLab;
const salt = Math.random().toString(36).slice(2, 10);
const secrets = { openrc: `s3cret-admin-${salt}-Lb1`, helm: `s3cret-helm-${salt}-Lb2` };
const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

async function update(settings: Record<string, unknown>): Promise<Cluster> {
  const r = await t.core.dispatch('clusters.update', { id: t.core.inventory.clusterByName(LAB_CLUSTER).id, ...settings });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as Cluster;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** A one-step `client: openstack` playbook that says what credentials it got, never their value. */
const whoAmI: LoadedPlaybook = {
  def: {
    id: 'who-am-i',
    title: { en: 'Who am I', ko: 'Who am I' },
    description: { en: 'x', ko: 'x' },
    appliesTo: ['openstack-helm'],
    roles: ['controller'],
    params: [],
    steps: [
      {
        id: 'whoami',
        title: { en: 'Credentials', ko: 'Credentials' },
        service: 'host',
        on: 'one',
        timeoutSec: 30,
        mutating: false,
        root: false,
        client: 'openstack',
        run: `printf 'auth=%s user=%s project=%s token=%s pwsha=%s\\n' "$OS_AUTH_URL" "$OS_USERNAME" "$OS_PROJECT_NAME" "\${OS_TOKEN:-none}" "$(printf %s "$OS_PASSWORD" | sha256sum | cut -c1-16)"`,
      },
    ],
  },
  file: '(test)',
  analyze: exitCodeAnalyzer,
};

async function runLoaded(pb: LoadedPlaybook): Promise<Run> {
  const cluster = t.core.inventory.clusterByName(LAB_CLUSTER);
  const started = t.core.playbooks.startLoaded({ caseId: t.caseId, cluster, params: {}, nodeNames: [], allowMutating: false }, pb);
  await t.core.runs.wait(started.id);
  const r = t.core.repos.runs.get(started.id);
  if (!r) throw new Error('run missing');
  return r;
}

beforeAll(async () => {
  t = await startTestLab({ flavor: 'openstack-helm', computes: 1 });
}, 300_000);

afterAll(async () => t?.close(), 120_000);

describe('service access on the lab', () => {
  it('placement-capacity sources the admin openrc on controller-1, pods are listed and reached through controller-2', async () => {
    const l = t.lab.layout;
    const c1 = controllers(l)[0];
    if (!c1) throw new Error('no controller');
    const env = nodeEnv(l, c1);
    const openrc = join(l.root, 'admin-openrc.sh');
    writeFileSync(
      openrc,
      [
        `export OS_AUTH_TYPE=${env.OS_AUTH_TYPE}`,
        `export OS_TOKEN=${env.OS_TOKEN}`,
        `export OS_ENDPOINT=${env.OS_ENDPOINT}`,
        `export OS_PLACEMENT_API_VERSION=${env.OS_PLACEMENT_API_VERSION}`,
        `export OS_PASSWORD=${secrets.openrc}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    await update({ credentials: { kind: 'openrc', node: c1.name, path: openrc }, kubeAccessNode: 'controller-2', infraNamespaces: ['osh-infra'] });
    const r = await t.runPlaybook('placement-capacity');
    if (!r.run) throw new Error(r.error);
    const steps = r.run.steps;
    const show = JSON.stringify(steps.map((s) => ({ node: s.nodeName, step: s.stepKey, state: s.state, error: s.error })));
    const providers = steps.filter((s) => s.stepKey === 'placement-providers');
    expect(providers.map((s) => [s.nodeName, s.state]), show).toEqual([[c1.name, 'succeeded']]);
    expect(providers[0]?.stdout).toMatch(/== HTTP 200 GET http:\/\/[\d.]+:8778\/resource_providers\n/);
    // One listing per namespace, both from the kube-access node.
    expect(steps.filter((s) => s.stepKey === 'discover-pods').map((s) => [s.nodeName, s.command]), show).toEqual([
      ['controller-2', 'kubectl get pods -n openstack -o json'],
      ['controller-2', 'kubectl get pods -n osh-infra -o json'],
    ]);
    const db = steps.filter((s) => s.stepKey === 'nova-instances');
    expect(db.map((s) => s.state), show).toEqual(['succeeded']);
    expect(db[0]?.command).toMatch(/^kubectl -n openstack exec mariadb-server-/);
    expect(r.state, show).toBe('succeeded');

    // Without the file the step cannot check: the session's own token is not used behind its back.
    await update({ credentials: { kind: 'openrc', node: c1.name, path: join(l.root, 'no-such-openrc') } });
    const missing = await t.runPlaybook('placement-capacity');
    expect(missing.run?.findings.map((f) => f.title)).toContain(`Could not check "Resource providers with inventories, usages and allocations (Placement REST API)" on ${c1.name}: the admin openrc ${join(l.root, 'no-such-openrc')} is missing or not readable by this user on this node`);
  }, 180_000);

  it('reads the keystone admin Secret with kubectl on the kube-access node, into the step shell only', async () => {
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const secret = { OS_AUTH_URL: b64('http://keystone-api.openstack.svc.cluster.local:5000/v3'), OS_USERNAME: b64('admin'), OS_PROJECT_NAME: b64('admin'), OS_PASSWORD: b64(secrets.helm) };
    writeFileSync(join(t.lab.layout.root, 'secrets.json'), JSON.stringify({ 'openstack/keystone-keystone-admin': secret }));
    await update({ credentials: { kind: 'helm-secret', secret: 'keystone-keystone-admin' }, kubeAccessNode: 'controller-2' });
    const r = await runLoaded(whoAmI);
    expect(r.steps.map((s) => [s.nodeName, s.state, s.stdout])).toEqual([['controller-2', 'succeeded', `auth=http://keystone-api.openstack.svc.cluster.local:5000/v3 user=admin project=admin token=none pwsha=${sha(secrets.helm)}\n`]]);
    expect(r.steps[0]?.command).not.toContain(secrets.helm);

    await update({ credentials: { kind: 'helm-secret', secret: 'not-there' } });
    const missing = await runLoaded(whoAmI);
    expect(missing.findings.map((f) => `${f.status} ${f.title}`)).toEqual(['SKIPPED Could not check "Credentials" on controller-2: kubectl on this node cannot read the Secret openstack/not-there']);
  }, 120_000);

  it('leaves no password in the data dir', () => {
    const leaks: string[] = [];
    for (const f of allFiles(t.dataDir)) {
      const bytes = readFileSync(f);
      for (const [k, s] of Object.entries(secrets)) if (bytes.includes(s)) leaks.push(`${k} in ${f}`);
    }
    expect(leaks).toEqual([]);
  });
});
