import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { loadMigrations, migrate } from './database.js';
import { InventoryRepo } from './inventory-repo.js';

describe('cluster profile in the case log (migration 010)', () => {
  it('gives clusters stored before it what was assumed until then: docker, namespace openstack', () => {
    const file = join(scratchDir(), 'caselog.sqlite');
    const old = new Database(file);
    migrate(old, loadMigrations().filter((m) => m.version <= 9));
    old.exec(`INSERT INTO clusters (name, deployment, created_at) VALUES ('prod', 'kolla', '2024-05-01T00:00:00.000Z')`);
    old.close();
    const repo = new InventoryRepo(scratchCaseLog(file));
    expect(repo.findClusterByName('prod')).toMatchObject({ deployment: 'kolla', containerEngine: 'docker', namespace: 'openstack' });
  });

  it('stores and changes the engine and the namespace, each on its own', () => {
    const repo = new InventoryRepo(scratchCaseLog(join(scratchDir(), 'caselog.sqlite')));
    const id = repo.addCluster('k', 'kolla', { containerEngine: 'podman' });
    expect(repo.getCluster(id)).toMatchObject({ containerEngine: 'podman', namespace: 'openstack' });
    repo.updateCluster(id, { namespace: 'os-2' });
    expect(repo.getCluster(id)).toMatchObject({ containerEngine: 'podman', namespace: 'os-2' });
    repo.updateCluster(id, { containerEngine: 'docker' });
    expect(repo.getCluster(id)).toMatchObject({ containerEngine: 'docker', namespace: 'os-2' });
    expect(repo.getCluster(repo.addCluster('d', 'packages'))).toMatchObject({ containerEngine: 'docker', namespace: 'openstack' });
  });

  it('refuses, below the contract, an engine it does not know and a namespace with other characters', () => {
    const repo = new InventoryRepo(scratchCaseLog(join(scratchDir(), 'caselog.sqlite')));
    expect(() => repo.addCluster('a', 'kolla', { containerEngine: 'nerdctl' as 'docker' })).toThrow(/CHECK constraint failed/);
    for (const namespace of ['x; id', '$(id)', 'Open', '', 'a'.repeat(64)]) expect(() => repo.addCluster('b', 'openstack-helm', { namespace }), namespace).toThrow(/CHECK constraint failed/);
    expect(repo.listClusters()).toEqual([]);
  });
});
