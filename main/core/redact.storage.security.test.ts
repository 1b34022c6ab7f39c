import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../contract/api.js';
import { exitCodeAnalyzer } from '../../playbooks/engine/generic.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import { createCore } from './core.js';
import { databaseFile } from './paths.js';
import { sshWorld, type SshWorld } from './testing/fixtures.js';
import { eventually } from './testing/processes.js';
import { corpusDir, corpusFiles, leaks } from './testing/secret-corpus.js';

// The secret corpus printed by a real OpenSSH server, through everything that keeps output: a
// playbook run (outputs and finding evidence), an ad-hoc command, a note an operator pastes, an
// interactive terminal's recording. Nothing planted may reach the SQLite file or its WAL, any
// report format, or the recording.

let w: SshWorld;
let dataDir: string;
let caseId: number;
let terminalId: number;
const files = corpusFiles();
const quoted = (name: string): string => `'${join(corpusDir, name)}'`;
const tt = (s: string): string => `{ en: "${s}", ko: "${s}" }`;

/** Every file of the data dir with its bytes as Latin-1 text (SQLite stores text as UTF-8 bytes). */
function rawFiles(): Array<{ name: string; text: string }> {
  return readdirSync(dataDir)
    .filter((f) => statSync(join(dataDir, f)).isFile())
    .map((f) => ({ name: f, text: readFileSync(join(dataDir, f)).toString('latin1') }));
}

beforeAll(async () => {
  w = await sshWorld();
  dataDir = join(w.dir, 'data');
  // A site playbook whose steps print one corpus file each and fail, so the generic analyzer
  // quotes their last lines as evidence in a finding (and so in the Markdown, HTML and PDF).
  const cat = join(w.dir, 'catalogue', 'corpus');
  mkdirSync(cat, { recursive: true });
  const steps = files.map((f, i) => `  - { id: c${i}, title: ${tt(f.name)}, service: host, run: "cat ${quoted(f.name)}; exit 1" }`);
  writeFileSync(join(cat, 'playbook.yaml'), `id: corpus\ntitle: ${tt('Corpus')}\ndescription: ${tt('Prints the secret corpus.')}\nappliesTo: [packages]\nroles: [controller]\nsteps:\n${steps.join('\n')}\n`);
  await w.core.close();
  w.core = createCore({ dataDir, mode: 'cli', author: 'carol', catalogue: loadCatalogue(join(w.dir, 'catalogue'), {}, exitCodeAnalyzer) });
  const core = w.core;
  const sshd = await w.startServer('corpus');
  const cluster = await core.handlers['clusters.add']({ name: 'lab', deployment: 'packages' });
  const node = await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'ctl-1', host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
  await core.hostKeys.trust(node.id, (await core.hostKeys.probe(node.id)).fingerprint);
  caseId = core.repos.cases.create('Credentials printed by a node', 'warning', cluster.id);

  const { runId } = await core.handlers['playbooks.run']({ caseId, clusterId: cluster.id, playbookId: 'corpus', params: {}, nodeNames: [], allowMutating: false });
  await core.runs.wait(runId);
  const exec = core.exec.start({ caseId, clusterId: cluster.id, nodes: [core.inventory.node(node.id)], command: `cat ${files.map((f) => quoted(f.name)).join(' ')}`, timeoutSec: 30 });
  await core.runs.wait(exec.id);
  for (const name of ['bash-history.txt', 'kolla-passwords.yml', 'kubectl-get-secret.yaml', 'private-keys.txt']) {
    await core.handlers['notes.add']({ caseId, text: `pasted from ${name}:\n${files.find((f) => f.name === name)!.text}` });
  }

  // An interactive session that cats the corpus; the screen acknowledges everything it is sent.
  let shown = '';
  const off = core.events.subscribe((name, payload) => {
    if (name !== 'terminal.output') return;
    const p = payload as EventPayloads['terminal.output'];
    shown += p.data;
    core.terminals.ack(p.sessionId, p.bytes);
  });
  const opened = await core.handlers['terminal.open']({ caseId, nodeId: node.id, cols: 200, rows: 50 });
  terminalId = opened.sessionId;
  core.terminals.input(terminalId, `cat ${files.map((f) => quoted(f.name)).join(' ')}; echo corpus-$((40+2))-done\r`);
  await eventually(() => shown.includes('corpus-42-done'), (v) => v, 30_000);
  await core.terminals.close(terminalId);
  off();
  expect(shown).toContain('corpus-42-done');
  expect(leaks(shown).length).toBeGreaterThan(0); // the live screen is not redacted: the node really printed them
}, 120_000);

afterAll(async () => {
  await w?.close();
});

describe('the secret corpus printed by a real node', () => {
  it('stored nothing planted in the SQLite file, its WAL or anything else in the data dir', async () => {
    const before = rawFiles();
    const db = basename(databaseFile(dataDir));
    expect(before.map((f) => f.name)).toEqual(expect.arrayContaining([db, `${db}-wal`]));
    // The output is really in there, as text: a search for the planted values can see it.
    const all = before.map((f) => f.text).join('\n');
    expect(all).toContain('memcache_security_strategy');
    expect(all).toContain('[REDACTED PRIVATE KEY]');
    for (const f of before) expect(leaks(f.text), f.name).toEqual([]);
    // Once the core is closed the WAL is folded into the database file: still nothing.
    await w.core.close();
    for (const f of rawFiles()) expect(leaks(f.text), `${f.name} after close`).toEqual([]);
    w.core = createCore({ dataDir, mode: 'cli' });
  });

  it('shows nothing planted in the terminal recording', () => {
    const recording = w.core.terminals.recording(terminalId);
    expect(recording).toContain('corpus-42-done');
    expect(recording).toContain('memcache_secret_key = [REDACTED]');
    expect(leaks(recording)).toEqual([]);
  });

  it('exports nothing planted in Markdown, HTML, JSON (with outputs) or PDF', async () => {
    const reports = w.core.reports;
    const md = (await reports.render(caseId, 'md')).toString('utf8');
    const html = (await reports.render(caseId, 'html')).toString('utf8');
    const json = (await reports.render(caseId, 'json', { withOutputs: true })).toString('utf8');
    expect(md).toContain('pasted from bash-history.txt');
    expect(md).toMatch(/```text\n[^`]*\[REDACTED/); // evidence quoted from the outputs
    expect(json).toContain('wsrep_cluster_address = gcomm://');
    for (const [format, text] of [['md', md], ['html', html], ['json', json]] as const) expect(leaks(text), format).toEqual([]);
    const pdf = join(w.dir, 'report.pdf');
    writeFileSync(pdf, await reports.render(caseId, 'pdf'));
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('pasted from bash-history.txt');
    expect(leaks(pdfText)).toEqual([]);
  }, 90_000);
});
