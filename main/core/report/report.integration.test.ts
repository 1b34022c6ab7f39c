import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeAnalyzer } from '../../../playbooks/engine/generic.js';
import { loadCatalogue } from '../../../playbooks/engine/loader.js';
import { main } from '../../cli/cli.js';
import { sshWorld, type SshWorld } from '../testing/fixtures.js';
import { chromiumPath } from './pdf.js';

// A case built against a real sshd (a playbook run with a finding, a note, a status change, a
// terminal session), exported in all four formats through the CLI.
let w: SshWorld;
let caseId: number;
let dataDir: string;
const secrets = ['galera-root-pw', 'Rabb1tSecret'];

const tt = (s: string): string => `{ en: "${s}", ko: "${s}" }`;

beforeAll(async () => {
  w = await sshWorld();
  dataDir = join(w.dir, 'data');
  const cat = join(w.dir, 'catalogue', 'leaky');
  mkdirSync(cat, { recursive: true });
  writeFileSync(
    join(cat, 'playbook.yaml'),
    `id: leaky\ntitle: ${tt('Leaky config')}\ndescription: ${tt('Prints credentials and fails.')}\nappliesTo: [packages]\nroles: [controller]\nsteps:\n  - { id: show, title: ${tt('Show')}, service: host, run: "echo 'connection = mysql://root:${secrets[0]}@127.0.0.1/nova'; echo 'transport_url = rabbit://os:${secrets[1]}@127.0.0.1:5672/'; echo 'wsrep_cluster_status = non-Primary' >&2; exit 3" }\n`,
  );
  await w.core.close();
  const { createCore } = await import('../core.js');
  w.core = createCore({ dataDir, mode: 'cli', author: 'carol', catalogue: loadCatalogue(join(w.dir, 'catalogue'), {}, exitCodeAnalyzer) });
  const sshd = await w.startServer('report');
  const core = w.core;
  const cluster = await core.handlers['clusters.add']({ name: 'lab', deployment: 'packages' });
  const node = await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'ctl-1', host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: w.clientKey, passphrase: false }, jumpNodeId: null });
  const probe = await core.hostKeys.probe(node.id);
  await core.hostKeys.trust(node.id, probe.fingerprint);
  caseId = core.repos.cases.create('Galera quorum lost on lab', 'critical', cluster.id);
  const { runId } = await core.handlers['playbooks.run']({ caseId, clusterId: cluster.id, playbookId: 'leaky', params: {}, nodeNames: [], allowMutating: false });
  await core.runs.wait(runId);
  expect(core.repos.runs.findings.ofRun(runId).some((f) => f.status === 'FAILED')).toBe(true);
  await core.handlers['notes.add']({ caseId, text: 'Seen on ctl-1; bootstrapping from the node with the highest seqno.' });
  await core.handlers['cases.setStatus']({ caseId, status: 'resolved' });
  await core.handlers['cases.updateReport']({ caseId, summary: 'Galera lost quorum; bootstrapped from ctl-1.' });
  await core.handlers['followups.add']({ caseId, text: 'Add a quorum alert' });
  const opened = await core.handlers['terminal.open']({ caseId, nodeId: node.id, cols: 80, rows: 24 });
  await core.terminals.close(opened.sessionId);
}, 60_000);

afterAll(async () => {
  await w?.close();
});

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const chunks: string[] = [];
  const orig = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((s: string | Uint8Array) => (chunks.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'stackscope', '--data-dir', dataDir, ...args]);
    return { code, stderr: chunks.join('') };
  } finally {
    process.stderr.write = orig;
  }
}

describe('report export from a real case', () => {
  it('writes Markdown, HTML, JSON and PDF with no secret in any of them', async () => {
    const out = join(w.dir, 'out');
    mkdirSync(out);
    for (const format of ['md', 'html', 'json', 'pdf']) {
      const r = await cli(['report', String(caseId), '--format', format, '--out', join(out, `r.${format}`), '--tz', 'Europe/Berlin', '--hide-ips', '--paper', 'letter']);
      expect(r, r.stderr).toMatchObject({ code: 0 });
    }
    const md = readFileSync(join(out, 'r.md'), 'utf8');
    const html = readFileSync(join(out, 'r.html'), 'utf8');
    const json = readFileSync(join(out, 'r.json'), 'utf8');
    for (const text of [md, html, json]) {
      for (const s of secrets) expect(text).not.toContain(s);
      expect(text).not.toContain('127.0.0.1');
    }
    for (const kind of ['opened', 'run', 'finding', 'note', 'status', 'terminal']) expect(md).toContain(`**${kind}**`);
    expect(md).toMatch(/Terminal session on ctl-1/);
    expect(md).toContain('Galera lost quorum; bootstrapped from ctl-1.');
    expect(md).toMatch(/\| Resolved \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d (CET|CEST|GMT\+1|GMT\+2) \(/);
    // Full outputs only in the JSON, redacted there too.
    const data = JSON.parse(json) as { commands: Array<{ steps: Array<{ stdout?: string; exitCode: number }> }> };
    expect(data.commands[0]?.steps[0]?.stdout).toMatch(/mysql:\/\/root:\[REDACTED\]@ip-1\/nova/);
    expect(data.commands[0]?.steps[0]?.exitCode).toBe(3);
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'report.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);

    // The PDF has pages; one is kept as PNG to look at.
    const pdf = readFileSync(join(out, 'r.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [join(out, 'r.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+61\d(\.\d+)? x 79\d(\.\d+)? pts \(letter\)/);
    expect(execFileSync('pdftotext', [join(out, 'r.pdf'), '-'], { encoding: 'utf8' })).toMatch(/Page 1 of \d+/);
    const pngDir = process.env.REPORT_PNG_DIR ?? out;
    execFileSync('pdftoppm', ['-png', '-r', '50', join(out, 'r.pdf'), join(pngDir, 'report-page')]);
    const pages = readdirSync(pngDir).filter((f) => f.startsWith('report-page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(statSync(join(pngDir, p)).size).toBeGreaterThan(1000);
  }, 90_000);

  it('opens the HTML in Chromium without a single network request', async () => {
    const file = join(w.dir, 'net.html');
    expect((await cli(['report', String(caseId), '--format', 'html', '--out', file])).code).toBe(0);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      expect(await page.locator('h1').textContent()).toContain('Galera quorum lost on lab');
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('writes the full outputs beside a Markdown report only when asked', async () => {
    const file = join(w.dir, 'with-outputs.md');
    expect((await cli(['report', String(caseId), '--format', 'md', '--out', file])).code).toBe(0);
    expect(() => statSync(`${file}.outputs.json`)).toThrow(/ENOENT/);
    expect((await cli(['report', String(caseId), '--format', 'md', '--out', file, '--with-outputs'])).code).toBe(0);
    const attachment = readFileSync(`${file}.outputs.json`, 'utf8');
    expect(attachment).toContain('mysql://root:[REDACTED]@127.0.0.1/nova');
    for (const s of secrets) expect(attachment).not.toContain(s);
  });

  it('lets a lead write the report from a terminal: summary/impact (@FILE), note, status, follow-ups', async () => {
    const id = w.core.repos.cases.create('Written from the CLI', 'warning', null);
    const summary = join(w.dir, 'summary.md');
    writeFileSync(summary, 'What happened: the API lost its DB.\n\n- found by galera-health\n');
    expect(await cli(['case', 'write', String(id), '--summary', `@${summary}`, '--impact', 'API errors for 12 minutes'])).toEqual({ code: 0, stderr: '' });
    expect(await cli(['case', 'note', String(id), 'the', 'db', 'password', 'is', 'NoteSecret-1'])).toEqual({ code: 0, stderr: '' });
    expect((await cli(['case', 'status', String(id), 'resolved'])).code).toBe(0);
    expect((await cli(['case', 'followup', String(id), 'Alert', 'on', 'wsrep_cluster_size', '<', '3'])).code).toBe(0);
    const [f] = w.core.repos.cases.followups(id);
    expect((await cli(['case', 'followup', String(id), '--done', String(f!.id)])).code).toBe(0);
    expect((await cli(['case', 'followup', String(id), 'Document', 'the', 'bootstrap', '--owner', 'db team', '--due', '2026-12-18'])).code).toBe(0);
    expect(await cli(['case', 'write', String(id), '--root-cause', 'Two controllers lost power at once', '--contributing', 'no alert on cluster size\nno runbook drill'])).toEqual({ code: 0, stderr: '' });
    const file = join(w.dir, 'cli-written.md');
    expect((await cli(['report', String(id), '--format', 'md', '--out', file, '--tz', 'UTC'])).code).toBe(0);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('## Summary\n\nWhat happened: the API lost its DB.\n\n- found by galera-health');
    expect(md).toContain('## Impact\n\nAPI errors for 12 minutes');
    expect(md).toContain('the db password is [REDACTED]');
    expect(md).not.toContain('NoteSecret-1');
    expect(md).toMatch(/\| Resolved \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \|/);
    expect(md).toContain('| ☑ | Alert on wsrep_cluster_size < 3 | – | – |');
    expect(md).toContain('| ☐ | Document the bootstrap | db team | 2026-12-18 |');
    expect(md).toContain('## Root cause\n\nTwo controllers lost power at once\n');
    expect(md).toContain('## Contributing factors\n\n- no alert on cluster size\n- no runbook drill\n');
    // Each refusal says what was wrong.
    expect(await cli(['case', 'write', String(id)])).toEqual({ code: 2, stderr: 'stackscope: give --summary, --impact, --root-cause, --contributing or --draft\n' });
    expect(await cli(['case', 'write', String(id), '--draft'])).toEqual({ code: 2, stderr: 'stackscope: the summary and impact are written already: nothing to draft\n' });
    for (const due of ['2026-02-30', 'tomorrow', '2026-12-1']) {
      const r = await cli(['case', 'followup', String(id), 'x', '--due', due]);
      expect(r.code, due).toBe(2);
      expect(r.stderr, due).toMatch(/--due: (must be a date YYYY-MM-DD|is not a calendar date)/);
    }
    expect((await cli(['case', 'write', String(id), '--summary', '@/nonexistent/s.md'])).stderr).toMatch(/--summary: cannot read \/nonexistent\/s\.md: ENOENT/);
    expect((await cli(['case', 'status', String(id), 'fixed'])).stderr).toMatch(/status: .*"open"\|"mitigated"\|"resolved"/);
    expect(await cli(['case', 'followup', '4242', 'x'])).toEqual({ code: 2, stderr: 'stackscope: case 4242 does not exist\n' });
  });

  it('says which case does not exist and which path cannot be written', async () => {
    const missing = await cli(['report', '4242', '--format', 'md', '--out', join(w.dir, 'x.md')]);
    expect(missing).toEqual({ code: 2, stderr: 'stackscope: case 4242 does not exist\n' }); // bad input; an unwritable --out could not run (1)
    const unwritable = await cli(['report', String(caseId), '--format', 'md', '--out', '/proc/nope/report.md']);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write \/proc\/nope\/report\.md: ENOENT/);
  });
});
