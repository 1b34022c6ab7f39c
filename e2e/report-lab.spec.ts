import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { breakFault, healFault } from '../main/lab/faults.js';
import { LAB_CLUSTER } from '../main/lab/register.js';
import { startTestLab, type TestLab } from '../main/lab/test-lab.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// A lead's incident report from a case worked on the practice lab, all through the app: Galera has
// lost quorum, the on-call engineer runs galera-health, checks wsrep in a terminal, writes a note
// (with a password in it, as people do) and mitigates; the lead fills summary, impact and
// follow-ups and downloads the report in all four formats, with IPs and host names hidden.
let t: TestLab;
let server: BrowserServer;
const TITLE = 'Galera lost quorum on the lab';
const NOTE_SECRET = 'Gal3ra-Root-Pw9';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  t = await startTestLab({ flavor: 'packages', computes: 1, rabbitmq: false });
  t.core.repos.cases.create(TITLE, 'critical', t.core.inventory.clusterByName(LAB_CLUSTER).id);
  server = await startBrowserServer({ core: t.core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  await server?.close();
  await t?.close();
});

async function download(page: Page, panel: Locator, label: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: `Download ${label}` }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('export the report of a Galera quorum case built on the lab, in all four formats', async ({ page, context }, testInfo) => {
  test.setTimeout(300_000);
  const labIps = t.lab.layout.nodes.map((n) => n.ip);
  await breakFault(t.lab, 'galera-quorum-lost');
  try {
    await page.goto(server.url);
    await page.getByRole('button', { name: new RegExp(TITLE) }).click();

    // On call: the playbook finds no Primary component and names the node to bootstrap.
    await page.getByRole('tab', { name: /Runs/ }).click();
    const form = page.getByRole('form', { name: 'Run a playbook' });
    await form.getByLabel('Playbook').selectOption('galera-health');
    await form.getByRole('button', { name: 'Run playbook' }).click();
    const bootstrap = page.locator('[data-testid="finding"][data-check="galera.bootstrap"]');
    await expect(bootstrap).toHaveAttribute('data-severity', 'critical', { timeout: 120_000 });
    await expect(bootstrap).toContainText('bootstrap from controller-1');

    // A terminal on the survivor.
    await page.getByRole('tab', { name: /Terminals/ }).click();
    const terms = page.getByRole('region', { name: 'Terminals' });
    await terms.getByLabel('Node').selectOption({ label: 'controller-1' });
    await terms.getByRole('button', { name: 'Open terminal' }).click();
    const term = terms.locator('.term-view').first();
    await expect(term).toHaveAttribute('data-state', 'live');
    await term.locator('.xterm-screen').click();
    await page.keyboard.type(`mysql -N -e "SHOW STATUS LIKE 'wsrep_cluster_status'"`);
    await page.keyboard.press('Enter');
    await expect(term.locator('.xterm-rows')).toContainText('non-Primary');
    await terms.getByRole('button', { name: 'Close terminal controller-1' }).click();
    await expect(terms.getByRole('tab')).toHaveCount(0);

    // A note and the status change on the timeline.
    await page.getByRole('tab', { name: /Timeline/ }).click();
    await page.getByRole('textbox', { name: 'Note' }).fill(`Only controller-1 is left (non-Primary). Bootstrapping it; the root password is ${NOTE_SECRET} if you need it.`);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('note')).toContainText('the root password is [REDACTED]');
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'mitigated' }).click();
    await expect(page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'mitigated' })).toHaveAttribute('aria-pressed', 'true');

    // The lead writes the report and downloads it.
    await page.getByRole('tab', { name: 'Report' }).click();
    const panel = page.getByRole('region', { name: 'Report' });
    await panel.getByLabel('Summary').fill('Two of three Galera nodes died; the survivor (controller-1) went non-Primary. Bootstrapped from controller-1.');
    await panel.getByLabel('Impact').fill('All OpenStack APIs returned 500 for about 15 minutes.');
    await panel.getByRole('button', { name: 'Save summary and impact' }).click();
    await expect(panel.getByText('Saved.')).toBeVisible();
    await panel.getByLabel('New follow-up action').fill('Alert when wsrep_cluster_size < 3');
    await panel.getByRole('button', { name: 'Add' }).click();
    await expect(panel.getByRole('checkbox', { name: 'Alert when wsrep_cluster_size < 3' })).toBeVisible();
    await panel.getByLabel('Hide IP addresses').check();
    await panel.getByLabel('Hide host names').check();
    await panel.getByLabel('Time zone').fill('Asia/Seoul');
    // The preview reads as the files will: same pseudonyms, same redaction, Seoul time.
    await panel.getByRole('button', { name: 'Preview' }).click();
    const preview = panel.getByTestId('report-preview');
    await expect(preview.getByRole('heading', { name: `Incident report: ${TITLE}` })).toBeVisible();
    await expect(preview.getByTestId('report-finding').filter({ hasText: 'No Primary component: bootstrap from controller-' })).toBeVisible();
    await expect(preview.locator('tr[data-kind="terminal"]')).toContainText('Terminal session on controller-');
    await expect(preview.locator('tr[data-kind="note"]')).toContainText('the root password is [REDACTED]');
    await expect(preview).toContainText('Time (Asia/Seoul)');
    for (const ip of labIps) await expect(preview).not.toContainText(ip);
    // A follow-up added while the preview is open shows up in it.
    await panel.getByLabel('New follow-up action').fill('Run galera-health after every maintenance');
    await panel.getByRole('button', { name: 'Add' }).click();
    await expect(preview.getByRole('row').filter({ hasText: 'Run galera-health after every maintenance' })).toContainText('☐');
    await page.screenshot({ path: testInfo.outputPath('report-lab-tab.png'), fullPage: true });
    await page.setViewportSize({ width: 1300, height: 4800 }); // the case view scrolls inside: make room for all of it
    await preview.screenshot({ path: testInfo.outputPath('report-lab-preview.png') });
    await page.setViewportSize({ width: 1300, height: 820 });

    const dir = testInfo.outputPath('downloads');
    execFileSync('mkdir', ['-p', dir]);
    const files = {
      md: await download(page, panel, 'Markdown', dir),
      html: await download(page, panel, 'HTML', dir),
      json: await download(page, panel, 'JSON', dir),
      pdf: '',
    };
    // The PDF with the full outputs beside it, as a second file.
    await panel.getByLabel('Also download the full command outputs (JSON)').check();
    const downloads: Download[] = [];
    page.on('download', (d) => void downloads.push(d));
    await panel.getByRole('button', { name: 'Download PDF' }).click();
    await expect.poll(() => downloads.map((d) => d.suggestedFilename()).sort()).toEqual([expect.stringMatching(/^case-\d+-report\.pdf$/), expect.stringMatching(/^case-\d+-report\.pdf\.outputs\.json$/)]);
    for (const d of downloads) await d.saveAs(join(dir, d.suggestedFilename()));
    files.pdf = join(dir, downloads.find((d) => d.suggestedFilename().endsWith('.pdf'))!.suggestedFilename());
    const attachment = readFileSync(`${files.pdf}.outputs.json`, 'utf8');
    expect(attachment).toMatch(/wsrep_cluster_status\\tnon-Primary/);
    for (const ip of labIps) expect(attachment).not.toContain(ip);
    const md = readFileSync(files.md, 'utf8');
    const html = readFileSync(files.html, 'utf8');
    const json = readFileSync(files.json, 'utf8');
    for (const text of [md, html, json]) {
      expect(text).not.toContain(NOTE_SECRET);
      for (const ip of labIps) expect(text).not.toContain(ip);
    }

    // Markdown: header, the filled fields, every kind of timeline entry in Seoul time, the finding
    // with its evidence, the follow-up.
    expect(md).toContain(`# Incident report: ${TITLE}`);
    expect(md).toContain('| Severity | critical |');
    expect(md).toContain('| Status | mitigated |');
    expect(md).toMatch(/\| Mitigated \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d (KST|GMT\+9) \(/);
    expect(md).toContain('All OpenStack APIs returned 500 for about 15 minutes.');
    for (const kind of ['opened', 'run', 'finding', 'note', 'terminal', 'status']) expect(md).toContain(`**${kind}**`);
    // The terminal session, with who opened it (the OS user here) and how it ended.
    expect(md).toMatch(/\*\*terminal\*\* Terminal session on controller-\d: \d+×\d+, \d+ bytes of output, closed by the user \| root \|/);
    // The timeline names the root problem; what it explains is listed under it in the findings.
    expect(md).toMatch(/\*\*finding\*\* Finding \(critical\): No Primary component: bootstrap from controller-\d/);
    expect(md).not.toMatch(/\*\*finding\*\* Finding \(critical\): mysqld is not running/);
    expect(md).toMatch(/### CRITICAL: No Primary component: bootstrap from controller-\d/);
    expect(md).toMatch(/\*\*Because of this:\*\*\n\n(- critical: .*\n)*- critical: mysqld is not running on controller-2/);
    expect(md).toContain('| ☐ | Alert when wsrep_cluster_size < 3 | – | – |');
    // The generated scripts are not the report: the appendix is there only when asked for.
    expect(md).not.toContain('## Appendix: commands run per node');
    expect(md).toMatch(/commands? ran on \d+ nodes?/);

    // JSON: valid against the published schema, full outputs inside, pseudonyms instead of names.
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'main', 'core', 'report', 'report.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const data = JSON.parse(json) as { redaction: { hideIps: boolean; hideHostnames: boolean }; commands: Array<{ node: string; steps: Array<{ stdout?: string }> }> };
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.redaction).toMatchObject({ hideIps: true, hideHostnames: true });
    expect(data.commands.flatMap((c) => c.steps.map((s) => s.stdout ?? '')).join('\n')).toMatch(/wsrep_cluster_status\s+non-Primary/);
    expect(data.commands.map((c) => c.node).every((n) => /^(controller|compute)-\d+$/.test(n))).toBe(true);

    // PDF: A4 (the default), page numbers, turned into PNG pages to look at.
    const pdf = readFileSync(files.pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [files.pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    expect(execFileSync('pdftotext', [files.pdf, '-'], { encoding: 'utf8' })).toMatch(/Page 1 of \d+/);
    execFileSync('pdftoppm', ['-png', '-r', '60', files.pdf, join(dir, 'report-page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('report-page') && f.endsWith('.png'));
    // A lead can send it: the default report is at most three pages (the command appendix only with --with-commands).
    expect(pages.length).toBeGreaterThan(0);
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [files.pdf], { encoding: 'utf8' }))?.[1])).toBeLessThanOrEqual(3);
    for (const p of pages) expect(statSync(join(dir, p)).size).toBeGreaterThan(5000);

    // HTML: opened on its own from disk, it asks the network for nothing.
    const viewer = await context.newPage();
    const requests: string[] = [];
    viewer.on('request', (r) => requests.push(r.url()));
    await viewer.goto(`file://${files.html}`);
    await expect(viewer.locator('h1')).toHaveText(`Incident report: ${TITLE}`);
    await expect(viewer.locator('.finding.critical').first()).toBeVisible();
    await viewer.screenshot({ path: testInfo.outputPath('report-lab-html.png'), fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    writeFileSync(testInfo.outputPath('requests.json'), JSON.stringify(requests));
  } finally {
    await healFault(t.lab, 'galera-quorum-lost');
  }
});
