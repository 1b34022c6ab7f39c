import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialsRefusal, CREDENTIALS_EXIT } from './credentials.js';
import { formatProblem, parsePlaybook, type LoadedPlaybook } from './loader.js';
import type { ClusterProfile } from './profile.js';
import { runPlaybook, type CommandJob, type CommandRunner, type TargetNode } from './run.js';
import type { Finding } from './types.js';

/**
 * Where steps run when secrets stay on one node: a `client: openstack` step on the node with the
 * credentials (even one the playbook does not target), pod steps through the kube-access node
 * (one listing per namespace, infra pods found too), kolla DB steps only where passwords.yml is.
 * The runner records each job and answers the pod listing as kubectl would.
 */
const t = (s: string): string => `{ en: "${s}", ko: "${s}" }`;
function load(steps: string[], appliesTo = '[kolla, openstack-helm, packages]'): LoadedPlaybook {
  const text = `id: sa\ntitle: ${t('SA')}\ndescription: ${t('SA')}\nappliesTo: ${appliesTo}\nroles: [controller]\nparams: []\nsteps:\n${steps.map((s) => `  - ${s}`).join('\n')}\n`;
  const parsed = parsePlaybook(text, 'sa.yaml');
  if ('problems' in parsed) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return { def: parsed.def, file: 'sa.yaml', analyze: () => [] };
}

const nodes: TargetNode[] = [
  { name: 'ctl-1', host: '10.0.0.1', roles: ['controller'] },
  { name: 'ctl-2', host: '10.0.0.2', roles: ['controller'] },
  { name: 'ctl-3', host: '10.0.0.3', roles: ['controller'] },
  { name: 'deploy', host: '10.0.0.9', roles: ['storage'] },
];
const targets = nodes.filter((n) => n.roles.includes('controller'));

const pod = (ns: string, name: string, app: string, component: string, host: string, container: string) => ({
  metadata: { namespace: ns, name, labels: { application: app, component } },
  spec: { nodeName: host, containers: [{ name: container }] },
  status: { hostIP: '', containerStatuses: [{ ready: true }] },
});
const listings: Record<string, unknown[]> = {
  openstack: [pod('openstack', 'placement-api-0', 'placement', 'api', 'ctl-1', 'placement-api')],
  'osh-infra': [pod('osh-infra', 'mariadb-server-0', 'mariadb', 'server', 'ctl-2', 'mariadb'), pod('osh-infra', 'mariadb-server-1', 'mariadb', 'server', 'ctl-3', 'mariadb')],
};

async function plan(profile: ClusterProfile, pb: LoadedPlaybook): Promise<{ jobs: CommandJob[]; findings: Finding[] }> {
  const jobs: CommandJob[] = [];
  const runner: CommandRunner = {
    run: async (job) => {
      jobs.push(job);
      const ns = /^kubectl get pods -n (\S+) -o json$/.exec(job.command)?.[1];
      const stdout = ns ? JSON.stringify({ items: listings[ns] ?? [] }) : 'ok\n';
      return { step: job.step, node: job.node.name, state: 'succeeded', exitCode: 0, stdout, stderr: '', error: null, command: job.command };
    },
  };
  const outcome = await runPlaybook({ playbook: pb, profile, targets, nodes, params: {}, runner, concurrency: 1, signal: new AbortController().signal });
  return { jobs, findings: outcome.findings };
}

const where = (jobs: CommandJob[]): string[] => jobs.map((j) => `${j.step}@${j.node.name}${j.via ? ` via ${j.via.name}` : ''}`);

describe('service access: where steps run', () => {
  it('refuses client: openstack on anything but the host', () => {
    const text = `id: sa\ntitle: ${t('SA')}\ndescription: ${t('SA')}\nappliesTo: [kolla]\nroles: [controller]\nparams: []\nsteps:\n  - { id: c, title: ${t('C')}, service: database, client: openstack, run: "openstack server list" }\n`;
    const parsed = parsePlaybook(text, 'sa.yaml');
    expect('problems' in parsed && parsed.problems.map(formatProblem)).toEqual(['sa.yaml:8:70: step "c" says client: openstack, which runs on the host: give it service: host']);
  });

  it('runs a client step on the node with the openrc, even one the playbook does not target', async () => {
    const pb = load([`{ id: c, title: ${t('C')}, service: host, on: one, client: openstack, run: "openstack server list" }`]);
    const { jobs } = await plan({ deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack', credentials: { kind: 'openrc', node: 'deploy', path: '/etc/kolla/admin-openrc.sh' } }, pb);
    expect(where(jobs)).toEqual(['c@deploy']);
    expect(jobs[0]?.command).toMatch(/^set \+x\n.*\nf=\/etc\/kolla\/admin-openrc.sh\n[\s\S]*\nopenstack server list$/);
    // No node named: the step's own nodes, as before; packages: the session's environment.
    const own = await plan({ deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' }, pb);
    expect(where(own.jobs)).toEqual(['c@ctl-1']);
    expect(own.jobs[0]?.command).toContain('[ -n "$OS_TOKEN$OS_AUTH_URL$OS_CLOUD" ] ||');
  });

  it('says could not check when the credentials node is not in the cluster', async () => {
    const pb = load([`{ id: c, title: ${t('C')}, service: host, on: one, client: openstack, run: "openstack server list" }`]);
    const { jobs, findings } = await plan({ deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack', credentials: { kind: 'openrc', node: 'gone', path: '/etc/kolla/admin-openrc.sh' } }, pb);
    expect(jobs).toEqual([]);
    expect(findings.map((f) => `${f.status} ${f.title}`)).toEqual(['SKIPPED Could not check "C": gone, where the admin credentials are, is not a node of this cluster']);
  });

  it('lists pods per namespace from the kube-access node and reaches each node\'s pod through it', async () => {
    const pb = load([`{ id: db, title: ${t('DB')}, service: database, on: each, run: "mysql -e 'SELECT 1'" }`, `{ id: pl, title: ${t('PL')}, service: placement, on: one, logs: { tail: 5 } }`]);
    const { jobs, findings } = await plan({ deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack', infraNamespaces: ['osh-infra'], kubeAccessNode: 'deploy' }, pb);
    expect(where(jobs)).toEqual(['discover-pods@deploy', 'discover-pods@deploy', 'db@ctl-2 via deploy', 'db@ctl-3 via deploy', 'pl@ctl-1 via deploy']);
    expect(jobs.find((j) => j.step === 'db')?.command).toMatch(/^kubectl -n osh-infra exec mariadb-server-0 -c mariadb -- sh -c /);
    // The database runs on ctl-2 and ctl-3: ctl-1 has none, which is not a problem nor anything unchecked (run.test.ts).
    expect(findings.map((f) => f.title)).toEqual([]);
    // Without a kube-access node: the targets list and exec themselves, as before.
    const plain = await plan({ deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack', infraNamespaces: ['osh-infra'] }, pb);
    expect(where(plain.jobs)).toEqual(['discover-pods@ctl-1', 'discover-pods@ctl-1', 'db@ctl-2', 'db@ctl-3', 'pl@ctl-1']);
  });

  it('reads the keystone Secret on the kube-access node with kubectl, one key per call, never a value in argv', async () => {
    const pb = load([`{ id: c, title: ${t('C')}, service: host, on: one, client: openstack, run: "openstack server list" }`]);
    const { jobs } = await plan({ deployment: 'openstack-helm', containerEngine: 'docker', namespace: 'openstack', kubeAccessNode: 'ctl-3' }, pb);
    expect(where(jobs)).toEqual(['c@ctl-3']);
    expect(jobs[0]?.command).toContain("v=$(kubectl -n openstack get secret keystone-keystone-admin -o 'jsonpath={.data.OS_PASSWORD}' 2>/dev/null | base64 -d 2>/dev/null); if [ -n \"$v\" ]; then OS_PASSWORD=$v; export OS_PASSWORD; fi");
  });

  it('runs a kolla DB step only on the node with passwords.yml; the others say where the password is', async () => {
    const pb = load([`{ id: db, title: ${t('DB')}, service: database, on: each, run: "mysql -e 'SELECT 1'" }`], '[kolla]');
    const { jobs, findings } = await plan({ deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack', kollaPasswords: { node: 'ctl-2', path: '/etc/kolla/passwords.yml' } }, pb);
    expect(where(jobs)).toEqual(['db@ctl-2']);
    expect(jobs[0]?.command).toContain("| docker exec -i mariadb sh -c 'set +x\numask 077\nd=$(mktemp -d)");
    expect(findings.map((f) => `${f.status} ${f.title}`)).toEqual([
      'SKIPPED Could not check "DB" on ctl-1: the database password is in /etc/kolla/passwords.yml on ctl-2',
      'SKIPPED Could not check "DB" on ctl-3: the database password is in /etc/kolla/passwords.yml on ctl-2',
    ]);
  });

  it('reads the prelude\'s refusal only with its exit code and marker line', () => {
    expect(credentialsRefusal(CREDENTIALS_EXIT, 'stackscope-credentials: the admin openrc /x is missing\n')).toBe('the admin openrc /x is missing');
    expect(credentialsRefusal(1, 'stackscope-credentials: the admin openrc /x is missing\n')).toBeNull();
    expect(credentialsRefusal(CREDENTIALS_EXIT, 'some other failure\n')).toBeNull();
  });
  it('says withoutCatalog goes with client: openstack', () => {
    const text = `id: sa\ntitle: ${t('SA')}\ndescription: ${t('SA')}\nappliesTo: [kolla]\nroles: [controller]\nparams: []\nsteps:\n  - { id: c, title: ${t('C')}, service: host, withoutCatalog: true, run: "curl -s x" }\n`;
    const parsed = parsePlaybook(text, 'sa.yaml');
    expect('problems' in parsed && parsed.problems.map(formatProblem)).toEqual(['sa.yaml:8:74: step "c" says withoutCatalog but calls no client: it goes with client: openstack']);
    // Only a boolean: a string that looks like one, or carries shell, is refused at load.
    for (const value of ['"true; touch /tmp/pwned"', "'yes'", '1', `"${'x'.repeat(100_000)}"`]) {
      const hostile = parsePlaybook(text.replace('service: host, withoutCatalog: true', `service: host, client: openstack, withoutCatalog: ${value}`), 'sa.yaml');
      expect('problems' in hostile && hostile.problems.map(formatProblem), value.slice(0, 40)).toEqual([expect.stringMatching(/^sa\.yaml:8:\d+: steps\.0\.withoutCatalog must be boolean$/)]);
    }
  });

  it('refuses a catalog step when the credentials are a token pinned to one endpoint, before the client runs; a withoutCatalog step runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-catalog-'));
    try {
      const profile: ClusterProfile = { deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' };
      const catalog = (await plan(profile, load([`{ id: c, title: ${t('C')}, service: host, on: one, client: openstack, run: "echo client ran" }`]))).jobs[0]?.command ?? '';
      const own = (await plan(profile, load([`{ id: c, title: ${t('C')}, service: host, on: one, client: openstack, withoutCatalog: true, run: "echo client ran" }`]))).jobs[0]?.command ?? '';
      const sh = (command: string, env: Record<string, string>) => {
        const r = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...env } });
        return { status: r.status, stdout: r.stdout, refusal: credentialsRefusal(r.status, r.stderr), stderr: r.stderr };
      };
      // A hostile endpoint value is only tested for being empty: never run, never quoted back.
      const pinned = { OS_AUTH_TYPE: 'admin_token', OS_TOKEN: 's3cret-token', OS_ENDPOINT: '$(touch pwned)`touch pwned2`' };
      const refused = sh(catalog, pinned);
      expect([refused.status, refused.stdout, refused.refusal]).toEqual([CREDENTIALS_EXIT, '', 'the credentials are a token pinned to one endpoint (OS_ENDPOINT), with no Keystone catalog to find the API this step asks']);
      expect(refused.stderr).not.toMatch(/s3cret|touch/);
      expect(sh(catalog, { OS_TOKEN: 's3cret-token', OS_URL: 'http://192.0.2.1:8774' }).status).toBe(CREDENTIALS_EXIT);
      expect(existsSync(join(dir, 'pwned')) || existsSync(join(dir, 'pwned2'))).toBe(false);
      // Keystone (an auth URL or a cloud) has a catalog, even when an endpoint is also pinned.
      expect(sh(catalog, { ...pinned, OS_AUTH_URL: 'http://192.0.2.1:5000/v3' }).stdout).toBe('client ran\n');
      expect(sh(catalog, { OS_CLOUD: 'admin' }).stdout).toBe('client ran\n');
      expect(sh(own, pinned).stdout).toBe('client ran\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a settled not-checked (no catalog) ends a one step on the first node and keeps the run complete; a sudo refusal tries the next node and leaves it incomplete', async () => {
    const pb = load([`{ id: c, title: ${t('C')}, service: host, on: one, client: openstack, run: "openstack server list" }`]);
    const profile: ClusterProfile = { deployment: 'packages', containerEngine: 'docker', namespace: 'openstack' };
    const attempt = (settled: boolean) => {
      const tried: string[] = [];
      const runner: CommandRunner = {
        run: async (job) => {
          tried.push(job.node.name);
          return { step: job.step, node: job.node.name, state: 'error', exitCode: CREDENTIALS_EXIT, stdout: '', stderr: '', error: 'could not check', command: job.command, notChecked: { why: settled ? 'no catalog' : 'sudo needs a password', nextStep: 'x', ...(settled ? { settled: true } : {}) } };
        },
      };
      return runPlaybook({ playbook: pb, profile, targets, nodes, params: {}, runner, concurrency: 1, signal: new AbortController().signal }).then((o) => ({ tried, complete: o.complete, skipped: o.findings.filter((f) => f.status === 'SKIPPED').map((f) => `${f.severity}: ${f.title}`) }));
    };
    // Settled: info (the cluster's setup, like a service it does not run), still not checked.
    expect(await attempt(true)).toEqual({ tried: ['ctl-1'], complete: true, skipped: ['info: Could not check "C" on ctl-1: no catalog'] });
    const refused = await attempt(false);
    expect(refused.tried).toEqual(['ctl-1', 'ctl-2', 'ctl-3']);
    expect(refused.complete).toBe(false);
    expect(refused.skipped).toEqual(['ctl-1', 'ctl-2', 'ctl-3'].map((n) => `warning: Could not check "C" on ${n}: sudo needs a password`));
  });
});
