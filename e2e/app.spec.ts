import { execFileSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, type Core } from '../main/core/core.js';
import { sshWorld, type SshWorld } from '../main/core/testing/fixtures.js';
import type { Sshd } from '../main/lab/sshd.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// The real renderer bundle and the real backend (browser mode) against a real sshd.
let world: SshWorld;
let sshd: Sshd;
let core: Core;
let server: BrowserServer;

test.beforeAll(async () => {
  world = await sshWorld();
  sshd = await world.startServer('e2e');
  core = createCore({ dataDir: join(world.dir, 'app-data'), mode: 'browser' });
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  await world?.close();
});

test('add a node, trust its key, run hostname in a new case, and find it again after a reload', async ({ page }, testInfo) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Stackscope' })).toBeVisible();
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain('token=');

  await page.getByRole('button', { name: '+ Cluster' }).click();
  await page.getByLabel('Name').fill('e2e-lab');
  await page.getByLabel('Deployment').selectOption('kolla');
  await page.getByLabel('Container engine').selectOption('podman');
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await expect(page.getByTestId('cluster-e2e-lab')).toContainText('kolla');
  await expect(page.getByTestId('cluster-e2e-lab')).toContainText('podman');

  await page.getByRole('button', { name: '+ Node' }).click();
  await page.getByLabel('Name').fill('ctl-1');
  await page.getByLabel('Address').fill(sshd.host);
  await page.getByLabel('Port').fill(String(sshd.port));
  await page.getByLabel('User').fill('root');
  await page.getByRole('textbox', { name: 'Key file' }).fill(world.clientKey);
  await page.getByRole('button', { name: 'Add node' }).click();
  const node = page.getByTestId('node-ctl-1');
  await expect(node).toBeVisible();

  await node.getByRole('button', { name: 'Trust key…' }).click();
  const expected = execFileSync('ssh-keygen', ['-lf', `${sshd.hostKeyFile}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';
  await expect(page.getByTestId('fingerprint')).toHaveText(expected);
  await page.screenshot({ path: testInfo.outputPath('trust-dialog.png') });
  await page.getByRole('button', { name: 'Trust this key' }).click();
  await expect(node).toContainText('key trusted');

  await page.getByRole('button', { name: '+ Case' }).click();
  await page.getByLabel('Title').fill('Instances stuck in BUILD');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: /Instances stuck in BUILD/ })).toBeVisible();

  await page.getByLabel('node ctl-1').check();
  await page.getByLabel('Command', { exact: true }).fill('hostname');
  await page.getByRole('button', { name: 'Run on 1 node' }).click();
  const step = page.getByTestId('step-ctl-1');
  await expect(step).toHaveAttribute('data-state', 'succeeded');
  await expect(step.getByTestId('stdout')).toHaveText(`${hostname()}\n`);
  await expect(step.getByTestId('exit-code')).toHaveText('exit 0');
  await page.screenshot({ path: testInfo.outputPath('case-run.png') });

  await page.reload();
  const again = page.getByTestId('step-ctl-1');
  await expect(again.getByTestId('stdout')).toHaveText(`${hostname()}\n`);
  await expect(page.getByRole('heading', { name: /Instances stuck in BUILD/ })).toBeVisible();
});

test('streams output while the command runs', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Instances stuck in BUILD/ }).click();
  await page.getByRole('tab', { name: /Runs/ }).click(); // a case with history opens on its timeline
  await page.getByLabel('node ctl-1').check();
  await page.getByLabel('Command', { exact: true }).fill('echo first-part; sleep 3; echo second-part');
  await page.getByRole('button', { name: 'Run on 1 node' }).click();
  const step = page.getByTestId('step-ctl-1').first();
  // The first line shows while the step is still running.
  await expect(step.getByTestId('stdout')).toHaveText('first-part\n');
  await expect(step).toHaveAttribute('data-state', 'running');
  await expect(step).toHaveAttribute('data-state', 'succeeded', { timeout: 15_000 });
  await expect(step.getByTestId('stdout')).toHaveText('first-part\nsecond-part\n');
});

test('a wrong token is refused with a clear message', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${server.port}/?token=not-the-token`);
  await expect(page.getByRole('alert')).toContainText('access token in the address is missing or not valid');
});
