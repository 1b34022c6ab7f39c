import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { loadMigrations, migrate } from './database.js';
import { InventoryRepo, type NodeFields } from './inventory-repo.js';


const at = '2024-05-01T00:00:00.000Z';
const node = (name: string, host: string, jumpNodeId: number | null = null): NodeFields => ({
  name,
  host,
  port: 22,
  user: 'root',
  roles: ['controller'],
  auth: { method: 'password' },
  jumpNodeId,
});

/** A case log as version 6 left it, with nodes referenced from every table that references nodes. */
function version6(file: string): void {
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.pragma('foreign_keys = ON');
  migrate(
    old,
    loadMigrations().filter((m) => m.version <= 6),
  );
  expect(old.pragma('user_version', { simple: true })).toBe(6);
  const exec = (sql: string): void => void old.exec(sql);
  exec(`INSERT INTO clusters (id, name, deployment, created_at) VALUES (1, 'prod', 'kolla', '${at}')`);
  for (const [id, name, jump] of [
    [1, 'bastion', 'NULL'],
    [2, 'ctl-1', '1'],
    [3, 'cmp-1', '2'],
  ] as const) {
    exec(`INSERT INTO nodes (id, cluster_id, name, host, port, user, roles, auth, jump_node_id, created_at)
          VALUES (${id}, 1, '${name}', '10.0.0.${id}', 22, 'root', '["controller"]', '{"method":"password"}', ${jump}, '${at}')`);
  }
  exec(`INSERT INTO cases (id, title, severity, opened_at) VALUES (1, 'galera', 'critical', '${at}')`);
  exec(`INSERT INTO runs (id, case_id, cluster_id, kind, title, state, started_at) VALUES (1, 1, 1, 'exec', 'uptime', 'succeeded', '${at}')`);
  exec(`INSERT INTO step_results (id, run_id, node_id, node_name, command, command_sent, state, stdout)
        VALUES (1, 1, 3, 'cmp-1', 'uptime', 'uptime', 'succeeded', 'load average: 0.10')`);
  exec(`INSERT INTO terminal_sessions (id, case_id, node_id, node_name, state, started_at, width, height, header)
        VALUES (1, 1, 2, 'ctl-1', 'closed', '${at}', 80, 24, '{}')`);
  old.close();
}

describe('migration 008: node ids are never reused', () => {
  it('rebuilds nodes with AUTOINCREMENT and keeps every row, reference and index of a version-6 case log', () => {
    const file = join(scratchDir(), 'caselog.sqlite');
    version6(file);

    const db = scratchCaseLog(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1); // switched back on after the rebuild
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const ddl = (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'nodes'").get() as { sql: string }).sql;
    expect(ddl).toMatch(/id\s+INTEGER PRIMARY KEY AUTOINCREMENT/);
    expect(ddl).toMatch(/REFERENCES nodes\(id\) ON DELETE SET NULL/); // the jump host reference points at the renamed table
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'nodes_rebuilt%'").all()).toEqual([]);

    // Rows and references as they were: nothing was nulled by the DROP of the old table.
    expect(db.prepare('SELECT id, name, jump_node_id FROM nodes ORDER BY id').all()).toEqual([
      { id: 1, name: 'bastion', jump_node_id: null },
      { id: 2, name: 'ctl-1', jump_node_id: 1 },
      { id: 3, name: 'cmp-1', jump_node_id: 2 },
    ]);
    expect(db.prepare('SELECT node_id FROM step_results WHERE id = 1').get()).toEqual({ node_id: 3 });
    expect(db.prepare('SELECT node_id FROM terminal_sessions WHERE id = 1').get()).toEqual({ node_id: 2 });
    // The UNIQUE (cluster_id, name) index survived the rebuild.
    const inventory = new InventoryRepo(db);
    expect(() => inventory.addNode(1, node('ctl-1', '10.9.9.9'))).toThrow(/UNIQUE constraint failed: nodes.cluster_id, nodes.name/);

    // The highest id is removed: the next node must not get it back.
    expect(inventory.removeNode(3)).toBe(true);
    expect(db.prepare('SELECT node_id FROM step_results WHERE id = 1').get()).toEqual({ node_id: null }); // ON DELETE SET NULL still enforced
    const next = inventory.addNode(1, node('other-host', '192.0.2.50'));
    expect(next).toBe(4);

    // Jump references and the cluster cascade still act.
    expect(inventory.removeNode(1)).toBe(true);
    expect(inventory.getNode(2)?.jumpNodeId).toBeNull();
    expect(inventory.removeCluster(1)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM nodes').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT node_id FROM terminal_sessions WHERE id = 1').get()).toEqual({ node_id: null });
  });

  it('never hands out a removed id on a new case log either', () => {
    const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
    const inventory = new InventoryRepo(db);
    const cluster = inventory.addCluster('lab', 'packages');
    inventory.addNode(cluster, node('a', '10.0.0.1'));
    const second = inventory.addNode(cluster, node('b', '10.0.0.2'));
    inventory.removeNode(second);
    expect(inventory.addNode(cluster, node('c', '10.0.0.3'))).toBe(second + 1);
  });

  it('rolls back and names the migration when the rebuild would break a reference', () => {
    const file = join(scratchDir(), 'caselog.sqlite');
    version6(file);
    // A dangling reference a version-6 database could hold if it was ever written with foreign keys off.
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.exec("UPDATE step_results SET node_id = 99 WHERE id = 1");
    raw.close();
    const broken = new Database(file);
    broken.pragma('foreign_keys = ON');
    expect(() => migrate(broken)).toThrow(/migration 008_node_ids_never_reused.sql would leave 1 broken reference\(s\), e.g. step_results row 1 → nodes/);
    const lastBefore8 = Math.max(...loadMigrations().filter((m) => m.version < 8).map((m) => m.version));
    expect(broken.pragma('user_version', { simple: true })).toBe(lastBefore8);
    expect(broken.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(broken.prepare("SELECT sql FROM sqlite_schema WHERE name = 'nodes'").get()).not.toMatchObject({ sql: expect.stringMatching(/AUTOINCREMENT/) });
    broken.close();
  });
});
