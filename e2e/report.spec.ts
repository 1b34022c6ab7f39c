import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, type Core } from '../main/core/core.js';
import { tempDir } from '../main/core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// The Report tab of a case: the lead writes summary and impact, keeps the follow-up checklist and
// downloads the report; what is typed reaches the exported files.
const t = tempDir();
let core: Core;
let server: BrowserServer;

test.beforeAll(async () => {
  core = createCore({ dataDir: join(t.path, 'data'), mode: 'browser', author: 'dana' });
  const cluster = await core.handlers['clusters.add']({ name: 'prod', deployment: 'packages' });
  core.repos.cases.create('Placement reports no capacity', 'warning', cluster.id);
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  t.remove();
});

test('write the report of a case and download it as Markdown and PDF', async ({ page }, testInfo) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Placement reports no capacity/ }).click();
  await page.getByRole('tab', { name: 'Report' }).click();
  const panel = page.getByRole('region', { name: 'Report' });
  // The template is a draft from the case (what the case log says, blanks for the rest); the lead writes over it.
  await panel.getByRole('button', { name: 'Start from the template' }).click();
  await expect(panel.getByLabel('Summary')).toHaveValue(/^\*\*What happened:\*\* [^\n]+\n\n\*\*How it was found:\*\*[\s\S]*\*\*What fixed it:\*\* _/);
  await expect(panel.getByLabel('Impact')).toHaveValue(/^\*\*Affected:\*\* /);
  await expect(panel.getByText('Not saved yet')).toBeVisible();
  await panel.getByLabel('Summary').fill('Placement had no capacity after a host was disabled; password=hunter2 was in a config.');
  await panel.getByLabel('Impact').fill('New instances failed to schedule.');
  await panel.getByRole('button', { name: 'Save summary and impact' }).click();
  await expect(panel.getByText('Saved.')).toBeVisible();
  await expect(panel.getByLabel('Summary')).toHaveValue(/password=\[REDACTED\] was in a config/);
  await panel.getByLabel('New follow-up action').fill('Alert when free vCPUs drop under 10%');
  await panel.getByRole('button', { name: 'Add' }).click();
  const item = panel.getByRole('checkbox', { name: 'Alert when free vCPUs drop under 10%' });
  await expect(item).not.toBeChecked();
  await item.click();
  await expect(item).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('report-tab.png'), fullPage: true });

  // Typed but not saved: the export stores it first, so the file says what the lead sees.
  await panel.getByLabel('Impact').fill('New instances failed to schedule for 20 minutes.');
  await expect(panel.getByText('Not saved yet')).toBeVisible();
  const [md] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download Markdown' }).click()]);
  await expect(panel.getByText('Not saved yet')).toHaveCount(0);
  expect(md.suggestedFilename()).toMatch(/^case-\d+-report\.md$/);
  const text = readFileSync(await md.path(), 'utf8');
  expect(text).toContain('New instances failed to schedule for 20 minutes.');
  expect(text).toContain('| ☑ | Alert when free vCPUs drop under 10% | – | – |');
  expect(text).toContain('password=[REDACTED]');
  expect(text).not.toContain('hunter2');

  const [pdf] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');

  // Leaving a field keeps what was typed in it, without pressing Save.
  await panel.getByLabel('Summary').fill('Placement had no capacity after a host was disabled (kept on blur).');
  await panel.getByLabel('New follow-up action').focus();
  await expect(panel.getByText('Saved.')).toBeVisible();

  // In Korean the report is written in Korean too (its own words; what people wrote stays).
  await page.getByLabel('Language').selectOption('ko');
  const ko = page.getByRole('region', { name: '보고서' });
  await ko.getByRole('button', { name: '미리 보기' }).click();
  await expect(ko.getByTestId('report-preview').getByRole('heading', { name: '장애 보고서: Placement reports no capacity' })).toBeVisible();
  const [koMd] = await Promise.all([page.waitForEvent('download'), ko.getByRole('button', { name: 'Markdown 내려받기' }).click()]);
  const koText = readFileSync(await koMd.path(), 'utf8');
  expect(koText).toContain('## 요약');
  expect(koText).toContain('New instances failed to schedule for 20 minutes.');
  await page.getByLabel('언어').selectOption('en');

  // After a reload the text is still there (it was stored, not kept in the page).
  await page.reload();
  await expect(page.getByRole('region', { name: 'Report' }).getByLabel('Impact')).toHaveValue('New instances failed to schedule for 20 minutes.');
  await expect(page.getByRole('region', { name: 'Report' }).getByLabel('Summary')).toHaveValue('Placement had no capacity after a host was disabled (kept on blur).');
});
