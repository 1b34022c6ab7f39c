/**
 * Service credentials stay on the nodes, end to end over a real sshd: a `client: openstack` step
 * sources an admin openrc (one that runs `set -x` and echoes its own password), or names a cloud
 * of a clouds.yaml; a kolla DB step reads database_password from passwords.yml and hands it to
 * mysql through a 0600 defaults file in the container. The stand-ins on the node's PATH
 * (`openstack`, `docker`, `mysql`) report what they were given without the value (its length, a
 * hash) and whether any process's argv held it at that moment. Afterwards none of the secrets is
 * anywhere in the data dir (SQLite, its WAL, logs) or in a report export; the defaults file is
 * gone. Hostile settings (quotes, newlines, $(), `;`, relative and overlong paths, bad names) are
 * refused by the contract; what it accepts reaches the shell quoted.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientPrelude } from '../../playbooks/engine/credentials.js';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import type { Cluster, Run, RunFinding } from '../contract/types.js';
import { redactText } from './redact.js';
import { sshWorld, tempDir, type SshWorld } from './testing/fixtures.js';

const tmp = tempDir('stackscope-creds-');
const salt = Math.random().toString(36).slice(2, 10);
const secrets = { admin: `s3cret-admin-${salt}-Xq9`, db: `s3cret-db-${salt}-Zk4`, cloud: `s3cret-cloud-${salt}-Wm2` };
const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);
let w: SshWorld | undefined;
let cluster: Cluster;
let caseId: number;
const files = { openrc: '', clouds: '', passwords: '', mysqlLog: '' };

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await w!.core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function run(settings: Record<string, unknown>): Promise<{ run: Run; findings: RunFinding[] }> {
  cluster = await call<Cluster>('clusters.update', { id: cluster.id, ...settings });
  const { runId } = await call<{ runId: number }>('playbooks.run', { caseId, clusterId: cluster.id, playbookId: 'creds', params: {} });
  await w!.core.runs.wait(runId);
  const r = await call<Run>('runs.get', { runId });
  return { run: r, findings: r.findings };
}

const stepOut = (r: Run, key: string): string => r.steps.find((s) => s.stepKey === key)?.stdout ?? '';

/** Every file under `dir`, recursively (the case log, its WAL and SHM, logs, backups). */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

// Scans every process's argv for the value in $pw, without putting it in any argv itself (case, not grep).
const scanArgv = `leak=clean; for p in /proc/[0-9]*/cmdline; do c=$( { tr '\\0' ' ' < "$p"; } 2>/dev/null); case $c in *"$pw"*) leak=LEAK ;; esac; done`;

beforeAll(async () => {
  const root = tmp.path;
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  const standIn = (name: string, body: string): void => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  files.mysqlLog = join(root, 'mysql-defaults.log');
  standIn(
    'openstack',
    [
      'pw=$OS_PASSWORD',
      '[ -n "$OS_CLIENT_CONFIG_FILE" ] && pw=$(sed -n \'s/^ *password: *//p\' "$OS_CLIENT_CONFIG_FILE")',
      scanArgv,
      'printf \'openstack %s auth=%s user=%s cloud=%s config=%s session=%s pwsha=%s argv=%s\\n\' "$*" "$OS_AUTH_URL" "$OS_USERNAME" "$OS_CLOUD" "$OS_CLIENT_CONFIG_FILE" "${OS_TOKEN:-none}" "$(printf %s "$pw" | sha256sum | cut -c1-16)" "$leak"',
    ].join('\n'),
  );
  standIn('docker', '[ "$1" = exec ] || exit 64\nshift\n[ "$1" = -i ] && shift\nshift\nexec "$@"');
  standIn(
    'mysql',
    [
      'case $1 in --defaults-extra-file=*) f=${1#--defaults-extra-file=} ;; *) echo "no defaults file first: $1" >&2; exit 3 ;; esac',
      `echo "$f" >> ${files.mysqlLog}`,
      'pw=$(sed -n \'s/^password="\\(.*\\)"$/\\1/p\' "$f")',
      scanArgv,
      'printf \'mysql mode=%s dir=%s user=%s pwsha=%s argv=%s\\n\' "$(stat -c %a "$f")" "$(stat -c %a "$(dirname "$f")")" "$(sed -n \'s/^user=//p\' "$f")" "$(printf %s "$pw" | sha256sum | cut -c1-16)" "$leak"',
    ].join('\n'),
  );
  files.openrc = join(root, 'etc', 'admin-openrc.sh');
  files.clouds = join(root, 'etc', 'clouds.yaml');
  files.passwords = join(root, 'etc', 'passwords.yml');
  mkdirSync(join(root, 'etc'));
  // A hostile openrc: traces itself, echoes its password, prompts, and writes to stderr.
  writeFileSync(
    files.openrc,
    `set -x\nexport OS_AUTH_URL=http://keystone.example:5000/v3\nexport OS_USERNAME=admin\nexport OS_PASSWORD=${secrets.admin}\necho "OS_PASSWORD=$OS_PASSWORD"\necho "password is $OS_PASSWORD" >&2\nread -r answer\n`,
    { mode: 0o600 },
  );
  writeFileSync(files.clouds, `clouds:\n  admin-cloud:\n    auth:\n      auth_url: http://keystone.example:5000/v3\n      username: admin\n      password: ${secrets.cloud}\n`, { mode: 0o600 });
  writeFileSync(files.passwords, `---\ndatabase_user: root\ndatabase_password: ${secrets.db}\nkeystone_admin_password: other-${salt}\n`, { mode: 0o600 });

  const catalogue = join(root, 'catalogue');
  mkdirSync(join(catalogue, 'creds'), { recursive: true });
  const t = (s: string): string => `{ en: "${s}", ko: "${s}" }`;
  writeFileSync(
    join(catalogue, 'creds', 'playbook.yaml'),
    [
      'id: creds',
      `title: ${t('Credentials')}`,
      `description: ${t('One client step, one DB step')}`,
      'appliesTo: [kolla]',
      'roles: [controller]',
      'params: []',
      'steps:',
      `  - { id: client, title: ${t('Client')}, service: host, on: one, client: openstack, run: "openstack token issue -f value -c id" }`,
      `  - { id: db, title: ${t('DB')}, service: database, on: one, run: "mysql -N -B -e 'SELECT 1'" }`,
      '',
    ].join('\n'),
  );
  w = await sshWorld({ catalogue: loadCatalogue(catalogue, {}, exitCodeAnalyzer) });
  // The session carries an admin token of its own: named credentials must replace it, not add to it.
  const sshd = await w.startServer('creds', { extraConfig: [`SetEnv PATH=${bin}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin OS_TOKEN=session-token`] });
  cluster = await call<Cluster>('clusters.add', { name: 'kolla-creds', deployment: 'kolla' });
  for (const [name, roles] of [
    ['ctl-1', ['controller']],
    ['deploy', ['compute']],
  ] as const) {
    const node = await call<{ id: number }>('nodes.add', { clusterId: cluster.id, name, host: sshd.host, port: sshd.port, user: process.env.USER ?? 'root', roles, auth: { method: 'key', keyPath: w.clientKey } });
    const probe = await call<{ fingerprint: string }>('hostKeys.probe', { nodeId: node.id });
    await call('hostKeys.trust', { nodeId: node.id, fingerprint: probe.fingerprint });
  }
  caseId = (await call<{ id: number }>('cases.create', { title: 'credentials', severity: 'info', clusterId: cluster.id })).id;
}, 60_000);

afterAll(async () => {
  await w?.close();
  tmp.remove();
});

describe('service credentials stay on the nodes', () => {
  it('sources an openrc on the named node: the client gets it, nothing prints it, no argv holds it', async () => {
    const { run: r } = await run({ credentials: { kind: 'openrc', node: 'ctl-1', path: files.openrc }, kollaPasswords: { node: null, path: files.passwords } });
    const client = stepOut(r, 'client');
    expect(client, JSON.stringify(r.steps)).toBe(`openstack token issue -f value -c id auth=http://keystone.example:5000/v3 user=admin cloud= config= session=none pwsha=${sha(secrets.admin)} argv=clean\n`);
    const step = r.steps.find((s) => s.stepKey === 'client');
    expect(step?.stderr, step?.stderr).toBe('');
    expect(step?.command).toContain(`f=${files.openrc}`);
    expect(step?.command).not.toContain(secrets.admin);
  });

  it('reads database_password on the node into a 0600 defaults file in a 0700 mktemp dir, removed after the step', async () => {
    const { run: r } = await run({});
    expect(stepOut(r, 'db'), JSON.stringify(r.steps)).toBe(`mysql mode=600 dir=700 user=root pwsha=${sha(secrets.db)} argv=clean\n`);
    const used = readFileSync(files.mysqlLog, 'utf8').trim().split('\n');
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) expect(existsSync(f), f).toBe(false);
    expect(r.state).toBe('succeeded');
  });

  it('names a cloud of a clouds.yaml: the client gets the file and cloud, the session token is gone', async () => {
    const { run: r } = await run({ credentials: { kind: 'clouds-yaml', node: null, path: files.clouds, cloud: 'admin-cloud' } });
    expect(stepOut(r, 'client')).toBe(`openstack token issue -f value -c id auth= user= cloud=admin-cloud config=${files.clouds} session=none pwsha=${sha(secrets.cloud)} argv=clean\n`);
  });

  it('says "could not check" with the path when the credentials are not where the settings say', async () => {
    const { findings } = await run({ credentials: { kind: 'openrc', node: null, path: '/nonexistent/admin-openrc.sh' }, kollaPasswords: { node: null, path: '/nonexistent/passwords.yml' } });
    const titles = findings.map((f) => `${f.status} ${f.title}`);
    expect(titles).toContain('SKIPPED Could not check "Client" on ctl-1: the admin openrc /nonexistent/admin-openrc.sh is missing or not readable by this user on this node');
    expect(titles).toContain('SKIPPED Could not check "DB" on ctl-1: the Kolla passwords file /nonexistent/passwords.yml is missing or not readable on this node');
  });

  it('runs a kolla DB step only where passwords.yml is: elsewhere it says where the password is', async () => {
    const { run: r, findings } = await run({ credentials: null, kollaPasswords: { node: 'deploy', path: files.passwords } });
    expect(r.steps.filter((s) => s.stepKey === 'db')).toEqual([]);
    expect(findings.map((f) => `${f.status} ${f.title}`), JSON.stringify(findings.map((f) => f.title))).toContain(`SKIPPED Could not check "DB": the database password is in ${files.passwords} on deploy, which is not one of the nodes it runs on (ctl-1)`);
  });

  it('keeps every secret out of the data dir (SQLite, WAL, logs) and out of every report export', async () => {
    const exports: string[] = [];
    for (const format of ['md', 'html', 'json'] as const) exports.push((await call<{ content: string }>('report.export', { caseId, format })).content);
    const leaks: string[] = [];
    for (const f of allFiles(join(w!.dir, 'data'))) {
      const bytes = readFileSync(f);
      for (const [k, s] of Object.entries(secrets)) if (bytes.includes(s)) leaks.push(`${k} in ${f}`);
    }
    exports.forEach((text, i) => {
      for (const [k, s] of Object.entries(secrets)) if (text.includes(s)) leaks.push(`${k} in export ${i}`);
    });
    expect(leaks).toEqual([]);
    expect(statSync(join(w!.dir, 'data')).isDirectory()).toBe(true);
  });

  it('redacts OS_PASSWORD and database_password lines should a step print them anyway', () => {
    const text = `export OS_PASSWORD=${secrets.admin}\nOS_PASSWORD='${secrets.admin}'\ndatabase_password: ${secrets.db}\n      password: ${secrets.cloud}\n`;
    const out = redactText(text);
    for (const s of Object.values(secrets)) expect(out).not.toContain(s);
  });
});

describe('hostile credential settings are refused by the contract', () => {
  const bad: Array<[string, unknown]> = [
    ['a quote', { kind: 'openrc', node: null, path: "/etc/kolla/x'; touch /tmp/pwned; '" }],
    ['a newline', { kind: 'openrc', node: null, path: '/etc/kolla/a\nb' }],
    ['$()', { kind: 'openrc', node: null, path: '/etc/$(id)/openrc' }],
    ['backticks', { kind: 'openrc', node: null, path: '/etc/`id`' }],
    ['a semicolon', { kind: 'openrc', node: null, path: '/etc/a;id' }],
    ['a space', { kind: 'openrc', node: null, path: '/etc/a b' }],
    ['a relative path', { kind: 'openrc', node: null, path: 'etc/kolla/admin-openrc.sh' }],
    ['a home path', { kind: 'openrc', node: null, path: '~/openrc' }],
    ['.. segments', { kind: 'openrc', node: null, path: '/etc/kolla/../../root/.ssh/id_rsa' }],
    ['an overlong path', { kind: 'openrc', node: null, path: `/${'a'.repeat(1100)}` }],
    ['a NUL', { kind: 'openrc', node: null, path: '/etc/a\u0000b' }],
    ['a node with shell syntax', { kind: 'openrc', node: 'ctl-1;id', path: '/etc/kolla/admin-openrc.sh' }],
    ['a cloud with shell syntax', { kind: 'clouds-yaml', node: null, path: '/etc/openstack/clouds.yaml', cloud: 'a$(id)' }],
    ['a Secret with capitals', { kind: 'helm-secret', secret: 'Keystone-Admin' }],
    ['a Secret with a quote', { kind: 'helm-secret', secret: "keystone'admin" }],
    ['a value field', { kind: 'openrc', node: null, path: '/etc/kolla/admin-openrc.sh', password: 'x' }],
    ['an unknown kind', { kind: 'env', vars: { OS_PASSWORD: 'x' } }],
  ];
  for (const [what, credentials] of bad) {
    it(`credentials with ${what}`, async () => {
      for (const method of ['clusters.add', 'clusters.update']) {
        const input = method === 'clusters.add' ? { name: `h-${salt}`, deployment: 'kolla', credentials } : { id: cluster.id, credentials };
        const r = await w!.core.dispatch(method, input);
        expect(r.ok, `${method} ${what}`).toBe(false);
        if (!r.ok) expect(r.error.code).toBe('INVALID_INPUT');
      }
    });
  }
  it('kolla passwords, kube-access node and infra namespaces with shell syntax, and an unknown node', async () => {
    for (const input of [
      { kollaPasswords: { node: null, path: '/etc/kolla/passwords.yml;id' } },
      { kollaPasswords: { node: '$(id)', path: '/etc/kolla/passwords.yml' } },
      { kubeAccessNode: 'k8s 1' },
      { kubeAccessNode: 'no-such-node' },
      { credentials: { kind: 'openrc', node: 'no-such-node', path: '/etc/kolla/admin-openrc.sh' } },
      { infraNamespaces: ['osh-infra', 'OSH'] },
      { infraNamespaces: ['a;b'] },
      { infraNamespaces: ['osh-infra', 'osh-infra'] },
      { infraNamespaces: Array.from({ length: 9 }, (_, i) => `ns-${i}`) },
    ]) {
      const r = await w!.core.dispatch('clusters.update', { id: cluster.id, ...input });
      expect(r.ok, JSON.stringify(input)).toBe(false);
    }
    // A new cluster has no nodes to name yet.
    const r = await w!.core.dispatch('clusters.add', { name: `n-${salt}`, deployment: 'kolla', kollaPasswords: { node: 'deploy' } });
    expect(r.ok).toBe(false);
  });

  it('an openrc that exits the shell while sourced is "could not check", not an empty result', () => {
    const path = join(tmp.path, 'exits.rc');
    writeFileSync(path, `export OS_PASSWORD=${secrets.admin}\necho "$OS_PASSWORD"\nexit 0\n`);
    for (const shell of ['/bin/sh', '/bin/bash']) {
      const r = spawnSync(shell, ['-c', `${clientPrelude({ kind: 'openrc', node: null, path }, 'openstack')}\necho ran`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect([r.status, r.stdout, r.stderr], shell).toEqual([97, '', `stackscope-credentials: the admin openrc ${path} exits the shell when sourced\n`]);
    }
  });

  it('what the contract accepts reaches the shell quoted: ~ , = @ + stay literal', () => {
    const dir = join(tmp.path, 'odd');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, '~a,b=c@d+e.rc');
    writeFileSync(path, 'export OS_AUTH_URL=http://quoted.example\n');
    const script = `${clientPrelude({ kind: 'openrc', node: null, path }, 'openstack')}\necho "auth=$OS_AUTH_URL"`;
    const r = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.stdout).toBe('auth=http://quoted.example\n');
    expect(r.status).toBe(0);
  });
});
