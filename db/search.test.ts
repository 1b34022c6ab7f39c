import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newFinding as finding, recordStep as step, thisProcess } from '../main/core/testing/records.js';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { loadMigrations, migrate } from './database.js';
import { InventoryRepo } from './inventory-repo.js';
import { createRepos, type Repos } from './repos.js';
import { SearchRepo } from './search.js';

function fresh(): { repos: Repos } {
  const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
  new InventoryRepo(db).addCluster('c1', 'packages');
  return { repos: createRepos(db, { author: 'alice', owner: thisProcess }) };
}

const WSREP = 'ERROR 1047 (08S01) WSREP has not yet prepared node for application use';

describe('search over all cases', () => {
  it('finds an error string in command output, findings, notes and titles, highlighted and grouped by case', () => {
    const { repos } = fresh();
    const past = repos.cases.create('Galera outage in March', 'critical', 1);
    const run = repos.runs.create(past, 1, 'exec', 'mysql -e status', {}, []);
    const stepId = step(repos, run.id, 'controller-2', 'exec', { stdout: 'connecting\n', stderr: `${WSREP}\n` }, 1);
    const pb = repos.runs.create(past, 1, 'playbook', 'galera-health', {}, []);
    repos.runs.findings.add(pb.id, [finding({ severity: 'critical', title: 'controller-2 refuses queries', evidence: [{ node: 'controller-2', step: 'app-query', lines: ['other line', WSREP] }] })]);
    repos.cases.addNote(past, 'Saw WSREP has not yet prepared node again; bootstrapped from controller-1', 'bob');
    const other = repos.cases.create('WSREP alarms noise', 'info', null);

    const hits = repos.search.search('ERROR 1047 (08S01) WSREP has not yet prepared node', 20);
    expect(hits.map((h) => `${h.caseId}:${h.where}`)).toEqual([`${past}:finding`, `${past}:output`]);
    const output = hits.find((h) => h.where === 'output');
    expect(output).toMatchObject({ caseTitle: 'Galera outage in March', nodeName: 'controller-2', stepId, stream: 'stderr', command: 'cmd exec' });
    // Neighbouring words read as one highlighted phrase.
    expect(output?.snippet).toContain('\u0002ERROR 1047 (08S01) WSREP has not yet prepared node\u0003');
    expect(hits.find((h) => h.where === 'finding')).toMatchObject({ nodeName: 'controller-2', snippet: `\u0002ERROR 1047 (08S01) WSREP has not yet prepared node\u0003 for application use` });

    const wsrep = repos.search.search('wsrep', 20);
    expect(new Set(wsrep.map((h) => h.caseId))).toEqual(new Set([past, other]));
    expect(wsrep.find((h) => h.where === 'title')).toMatchObject({ caseId: other, snippet: '\u0002WSREP\u0003 alarms noise' });
    expect(wsrep.find((h) => h.where === 'note')).toMatchObject({ caseId: past, author: 'bob' });
    // Hits of one case stay together.
    const order = wsrep.map((h) => h.caseId);
    expect(order).toEqual([...order].sort((a, b) => order.indexOf(a) - order.indexOf(b)));

    expect(repos.search.search('bootstr', 5, { asYouType: true })[0]).toMatchObject({ where: 'note', caseId: past }); // the last word matches as a prefix while typing
    expect(repos.search.search('"unbalanced NEAR( *', 5, { asYouType: true })).toEqual([]);
    expect(repos.search.search('  ', 5)).toEqual([]);
  });

  it('indexes titles and notes written before the migration', () => {
    const file = join(scratchDir(), 'old.sqlite');
    const old = new Database(file);
    migrate(
      old,
      loadMigrations().filter((m) => m.version <= 2),
    );
    old.prepare("INSERT INTO cases (title, severity, opened_at) VALUES ('Placement NoValidHost storm', 'warning', '2024-01-01T00:00:00.000Z')").run();
    old.prepare("INSERT INTO notes (case_id, author, text, created_at) VALUES (1, 'eve', 'allocation ratio was 1.0', '2024-01-01T00:00:00.000Z')").run();
    old.close();
    const search = new SearchRepo(scratchCaseLog(file));
    expect(search.search('NoValidHost', 5)).toMatchObject([{ where: 'title', caseId: 1 }]);
    expect(search.search('allocation ratio', 5)).toMatchObject([{ where: 'note', author: 'eve' }]);
  });
});
