import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../main/core/testing/fixtures.js';
import { thisProcess } from '../main/core/testing/records.js';
import { CasesRepo } from './cases-repo.js';
import { openDatabase, type Db } from './database.js';
import { InventoryRepo } from './inventory-repo.js';
import { TerminalsRepo } from './terminals-repo.js';

let db: Db | undefined;
let remove = (): void => undefined;
afterEach(() => {
  db?.close();
  remove();
});

function fresh(): { db: Db; repo: TerminalsRepo; caseId: number; nodeId: number } {
  const t = tempDir();
  remove = t.remove;
  db = openDatabase(join(t.path, 'caselog.sqlite'));
  const inventory = new InventoryRepo(db);
  const clusterId = inventory.addCluster('c1', 'packages');
  const nodeId = inventory.addNode(clusterId, { name: 'n1', host: '127.0.0.1', port: 22, user: 'root', roles: ['controller'], auth: { method: 'agent' }, jumpNodeId: null });
  const caseId = new CasesRepo(db).create('t', 'info', clusterId);
  // Crash recovery is tested with the real liveness check in main/core/crash-recovery.test.ts.
  return { db, repo: new TerminalsRepo(db, { owner: thisProcess }), caseId, nodeId };
}

const header = '{"version":2,"width":80,"height":24,"timestamp":1767323045,"env":{"TERM":"xterm-256color"}}';

describe('terminal sessions in the case log', () => {
  it('stores a recording as its header plus the event chunks in order, counting bytes', () => {
    const { repo, caseId, nodeId } = fresh();
    const s = repo.create({ caseId, nodeId, nodeName: 'n1', startedAt: '2026-01-02T03:04:05.000Z', width: 80, height: 24, header });
    repo.append([{ sessionId: s.id, events: '[0.1,"o","a"]\n', bytes: 1 }]);
    repo.append([{ sessionId: s.id, events: '[0.2,"o","b"]\n', bytes: 3 }]);
    expect(repo.recording(s.id)).toBe(`${header}\n[0.1,"o","a"]\n[0.2,"o","b"]\n`);
    expect(repo.get(s.id)).toMatchObject({ state: 'open', bytes: 4, nodeName: 'n1', width: 80, height: 24 });
    repo.finish(s.id, 'closed', 'closed by the user');
    expect(repo.list(caseId)).toEqual([expect.objectContaining({ id: s.id, state: 'closed', closeReason: 'closed by the user' })]);
    expect(repo.recording(9999)).toBeUndefined();
  });
});
