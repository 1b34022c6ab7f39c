/**
 * galera-health on a kolla cluster runs with the database password from passwords.yml instead of
 * being refused: the shipped playbook and analyzer over a real sshd, the node's PATH holding a
 * `docker` that keeps the `exec [-i] CONTAINER CMD…` contract and a `mysql` that answers only
 * when its first argument is a defaults file holding the right password (else MariaDB's own
 * "Access denied … (using password: NO)"). Its answers are the lab's recorded healthy node.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzers, catalogueDir } from '../../playbooks/catalogue/index.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import type { Cluster, Run } from '../contract/types.js';
import { sshWorld, tempDir, type SshWorld } from './testing/fixtures.js';

const tmp = tempDir('stackscope-kolla-galera-');
const password = `s3cret-db-${Math.random().toString(36).slice(2, 10)}`;
const fixture = join(catalogueDir(), 'galera-health', 'fixtures', 'lab-healthy', 'controller-1');
let w: SshWorld | undefined;
let cluster: Cluster;
let caseId: number;
let passwords = '';

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await w!.core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function galera(settings: Record<string, unknown>): Promise<Run> {
  cluster = await call<Cluster>('clusters.update', { id: cluster.id, ...settings });
  const { runId } = await call<{ runId: number }>('playbooks.run', { caseId, clusterId: cluster.id, playbookId: 'galera-health', params: { expected_size: '3' } });
  await w!.core.runs.wait(runId);
  return call<Run>('runs.get', { runId });
}

beforeAll(async () => {
  const root = tmp.path;
  const bin = join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  copyFileSync(join(fixture, 'wsrep-status.out'), join(root, 'wsrep.out'));
  copyFileSync(join(fixture, 'app-query.out'), join(root, 'app.out'));
  const want = createHash('sha256').update(password).digest('hex');
  writeFileSync(join(bin, 'docker'), '#!/bin/sh\n[ "$1" = exec ] || exit 64\nshift\n[ "$1" = -i ] && shift\nshift\nexec "$@"\n');
  writeFileSync(
    join(bin, 'mysql'),
    [
      '#!/bin/sh',
      'pw=',
      'case $1 in --defaults-extra-file=*) pw=$(sed -n \'s/^password="\\(.*\\)"$/\\1/p\' "${1#--defaults-extra-file=}") ;; esac',
      `if [ "$(printf %s "$pw" | sha256sum | cut -d' ' -f1)" != ${want} ]; then echo "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)" >&2; exit 1; fi`,
      'for a in "$@"; do case $a in *wsrep%*) exec cat ' + join(root, 'wsrep.out') + ' ;; *mysql.db*) exec cat ' + join(root, 'app.out') + ' ;; esac; done',
      'exit 2',
    ].join('\n'),
  );
  for (const f of ['docker', 'mysql']) chmodSync(join(bin, f), 0o755);
  passwords = join(root, 'passwords.yml');
  writeFileSync(passwords, `database_password: '${password}'\n`, { mode: 0o600 });
  w = await sshWorld({ catalogue: loadCatalogue(catalogueDir(), analyzers) });
  const sshd = await w.startServer('kolla', { extraConfig: [`SetEnv PATH=${bin}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin`] });
  cluster = await call<Cluster>('clusters.add', { name: 'kolla-galera', deployment: 'kolla' });
  const node = await call<{ id: number }>('nodes.add', { clusterId: cluster.id, name: 'controller-1', host: sshd.host, port: sshd.port, user: process.env.USER ?? 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey } });
  const probe = await call<{ fingerprint: string }>('hostKeys.probe', { nodeId: node.id });
  await call('hostKeys.trust', { nodeId: node.id, fingerprint: probe.fingerprint });
  caseId = (await call<{ id: number }>('cases.create', { title: 'galera on kolla', severity: 'info', clusterId: cluster.id })).id;
}, 60_000);

afterAll(async () => {
  await w?.close();
  tmp.remove();
});

describe('galera-health on kolla', () => {
  it('reads the Galera status with the password from passwords.yml (quoted in YAML) and finds it healthy', async () => {
    const r = await galera({ kollaPasswords: { node: null, path: passwords } });
    const show = r.findings.map((f) => `${f.severity}/${f.status} ${f.check}: ${f.title}`).join('\n');
    expect(r.steps.filter((s) => s.stepKey !== 'grastate').map((s) => [s.stepKey, s.state]), show).toEqual([
      ['wsrep-status', 'succeeded'],
      ['app-query', 'succeeded'],
    ]);
    expect(r.findings.filter((f) => f.status === 'SKIPPED' || f.severity === 'critical'), show).toEqual([]);
    expect(r.findings.some((f) => f.check.startsWith('galera.') && f.severity === 'ok'), show).toBe(true);
  });

  it('is refused by the stand-in mysql with another password (so the healthy run above proves the right one arrived)', async () => {
    const wrong = join(tmp.path, 'wrong-passwords.yml');
    writeFileSync(wrong, 'database_password: not-it\n', { mode: 0o600 });
    const r = await galera({ kollaPasswords: { node: null, path: wrong } });
    const status = r.steps.find((s) => s.stepKey === 'wsrep-status');
    expect([status?.state, status?.stderr]).toEqual(['failed', "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n"]);
  });

  it('says could not check, naming the file, when passwords.yml is not where the cluster says', async () => {
    const r = await galera({ kollaPasswords: { node: null, path: '/etc/kolla/nowhere.yml' } });
    const skipped = r.findings.filter((f) => f.status === 'SKIPPED').map((f) => f.title);
    expect(skipped).toContain('Could not check "Galera status of the local node" on controller-1: the Kolla passwords file /etc/kolla/nowhere.yml is missing or not readable on this node');
  });
});
