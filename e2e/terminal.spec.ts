import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createCore, type Core } from '../main/core/core.js';
import { sshWorld, type SshWorld } from '../main/core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// The node terminal in the real renderer + backend against a real sshd: live xterm, tabs,
// clipboard and search, replay of the recording and its export as asciicast v2.
let world: SshWorld;
let core: Core;
let server: BrowserServer;
let caseId: number;

test.beforeAll(async () => {
  world = await sshWorld();
  const sshd = await world.startServer('e2e-term');
  core = createCore({ dataDir: join(world.dir, 'app-data'), mode: 'browser' });
  const cluster = await core.handlers['clusters.add']({ name: 'term', deployment: 'packages' });
  const node = await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'ctl-1', host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: world.clientKey, passphrase: false }, jumpNodeId: null });
  const probe = await core.hostKeys.probe(node.id);
  await core.hostKeys.trust(node.id, probe.fingerprint);
  caseId = core.repos.cases.create('Terminal on the controller', 'warning', cluster.id);
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  await world?.close();
});

/** What xterm shows, row by row (its DOM renderer keeps one element per row). */
const rows = (screen: Locator): Locator => screen.locator('.xterm-rows');

async function typeLine(page: Page, screen: Locator, line: string): Promise<void> {
  await screen.locator('.xterm-screen').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('a live terminal in tabs, copy/paste and search, then replay and export of its recording', async ({ page, context }, testInfo) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()) && cspErrors.push(m.text()));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(server.url);
  await page.getByRole('button', { name: /Terminal on the controller/ }).click();
  await page.getByRole('tab', { name: /Terminals/ }).click();
  const panel = page.getByRole('region', { name: 'Terminals' });
  await expect(panel.getByText('No terminal sessions in this case yet.')).toBeAttached();

  await panel.getByRole('button', { name: 'Open terminal' }).click();
  const first = panel.locator('.term-view').nth(0); // hidden tab panels have no role to find them by
  await expect(first).toHaveAttribute('data-state', 'live');
  await expect(rows(first)).toContainText('Connected to ctl-1');
  await typeLine(page, first, 'echo stackscope-$((6*7))');
  await expect(rows(first)).toContainText('stackscope-42');
  // Colours reach the screen under the app's CSP: the 16-colour palette and 24-bit colours.
  await typeLine(page, first, "printf '\\033[31mansi-red\\033[0m \\033[38;2;10;200;30mtrue-green\\033[0m\\n'");
  await expect(rows(first).getByText('ansi-red', { exact: true })).toHaveCSS('color', 'rgb(244, 112, 103)') // the theme's red;
  await expect(rows(first).getByText('true-green', { exact: true })).toHaveCSS('color', 'rgb(10, 200, 30)');
  await page.screenshot({ path: testInfo.outputPath('terminal-live.png') });

  // Fit follows the window: the pty is told the new size.
  const columns = async (): Promise<number[]> => [...((await rows(first).textContent()) ?? '').matchAll(/stty size(\d+) (\d+)/g)].map((m) => Number(m[2]));
  await typeLine(page, first, 'stty size');
  await expect.poll(columns).toHaveLength(1);
  await page.setViewportSize({ width: 1000, height: 820 });
  await typeLine(page, first, 'stty size');
  await expect.poll(columns).toHaveLength(2);
  const [wide, narrow] = await columns();
  expect(narrow).toBeLessThan(wide ?? 0);
  await page.setViewportSize({ width: 1300, height: 820 });

  // A second tab next to the first.
  await panel.getByRole('button', { name: 'Open terminal' }).click();
  await expect(panel.getByRole('tab')).toHaveCount(2);
  const second = panel.locator('.term-view').last();
  await expect(second).toHaveAttribute('data-state', 'live');
  await expect(first).toBeHidden();
  // Paste from the clipboard, run it, find the result in the scrollback and copy it back.
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((5+5))'));
  await second.locator('.xterm-screen').click();
  await page.keyboard.press('Control+Shift+V');
  // The paste reads the clipboard asynchronously: Enter must follow it, not overtake it.
  await expect(rows(second)).toContainText('echo pasted-$((5+5))');
  await page.keyboard.press('Enter');
  await expect(rows(second)).toContainText('pasted-10');
  await page.keyboard.press('Control+Shift+F');
  await expect(second.getByRole('searchbox', { name: 'Search in scrollback' })).toBeFocused();
  await page.keyboard.type('pasted-10');
  await page.keyboard.press('Enter');
  await second.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('pasted-10');

  // Closing the first tab hangs up its session; the recording shows in the list.
  await panel.getByRole('button', { name: 'Close terminal ctl-1' }).first().click();
  await expect(panel.getByRole('tab')).toHaveCount(1);
  await expect(second).toBeVisible();
  const [firstSession] = core.terminals.list(caseId);
  if (!firstSession) throw new Error('no session recorded');
  const row = panel.getByTestId(`session-${firstSession.id}`);
  await expect(row).toContainText('closed');

  // Replay plays the recording with its timing and shows the same text.
  await row.getByRole('button', { name: 'Replay' }).click();
  const replay = panel.getByRole('region', { name: `Replay of ctl-1, session ${firstSession.id}` });
  await expect(rows(replay)).toContainText('stackscope-42', { timeout: 20_000 });
  await expect(replay.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 }); // played to the end
  await expect(replay.getByTestId('replay-clock')).toHaveText(/^(\d+:\d\d) \/ \1$/);
  await expect(rows(replay)).toContainText('stackscope-42');
  await replay.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('terminal-replay.png') });

  // Export .cast: a valid asciicast v2 file with the output in it.
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export .cast' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`case-${caseId}-ctl-1-${firstSession.id}.cast`);
  const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ version: 2, width: expect.any(Number), height: expect.any(Number), env: { TERM: 'xterm-256color' } });
  const events = lines.slice(1).map((l) => JSON.parse(l) as [number, string, string]);
  expect(events.some(([t, code, data]) => typeof t === 'number' && code === 'o' && data.includes('stackscope-42'))).toBe(true);
  expect(events.some(([, code]) => code === 'r')).toBe(true); // the window resize
  expect(cspErrors).toEqual([]);
});

test('a failed connection is told inside the terminal, and reconnect works once the node is back', async ({ page }, testInfo) => {
  const doomed = await world.startServer('e2e-doomed');
  const cluster = (await core.handlers['clusters.list']({})).find((c) => c.name === 'term');
  if (!cluster) throw new Error('cluster missing');
  const node = await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'cmp-9', host: doomed.host, port: doomed.port, user: 'root', roles: ['compute'], auth: { method: 'key', keyPath: world.clientKey, passphrase: false }, jumpNodeId: null });
  await core.hostKeys.trust(node.id, (await core.hostKeys.probe(node.id)).fingerprint);
  await page.goto(server.url);
  await page.getByRole('button', { name: /Terminal on the controller/ }).click();
  await page.getByRole('tab', { name: /Terminals/ }).click();
  const panel = page.getByRole('region', { name: 'Terminals' });
  await panel.getByLabel('Node').selectOption({ label: 'cmp-9' });
  await panel.getByRole('button', { name: 'Open terminal' }).click();
  const view = panel.getByRole('tabpanel');
  await expect(view).toHaveAttribute('data-state', 'live');
  await typeLine(page, view, 'echo before-$((3*3))-drop');
  await expect(rows(view)).toContainText('before-9-drop');
  await doomed.kill();
  await expect(rows(view)).toContainText('Connection lost: the connection to cmp-9 was lost');
  await expect(view).toHaveAttribute('data-state', 'ended');
  await view.getByRole('button', { name: 'Reconnect' }).click();
  await expect(rows(view)).toContainText('Could not open a terminal: cmp-9 (root@127.0.0.1');
  await expect(rows(view)).toContainText('connection refused');
  await page.screenshot({ path: testInfo.outputPath('terminal-lost.png') });
  await doomed.start();
  await view.getByRole('button', { name: 'Reconnect' }).click();
  await expect(view).toHaveAttribute('data-state', 'live');
  await typeLine(page, view, 'echo back-$((4*4))');
  await expect(rows(view)).toContainText('back-16');
  // Leaving the page hangs up: no shell stays open that nobody can see.
  const openOnNode = (): number => core.terminals.list(caseId).filter((s) => s.nodeName === 'cmp-9' && s.state === 'open').length;
  expect(openOnNode()).toBe(1);
  await page.reload();
  await expect.poll(openOnNode).toBe(0);
});
