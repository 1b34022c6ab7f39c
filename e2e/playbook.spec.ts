import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Cluster } from '../main/contract/types.js';
import { createCore, type Core } from '../main/core/core.js';
import { sshWorld, type SshWorld } from '../main/core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';
import { exitCodeAnalyzer } from '../playbooks/engine/generic.js';
import { loadCatalogue } from '../playbooks/engine/loader.js';

// Playbooks in the real renderer + backend against a real sshd: typed parameters, the findings
// panel with evidence, and the confirmation a mutating step needs.
let world: SshWorld;
let core: Core;
let server: BrowserServer;
let marker: string;

const t = (s: string): string => `{ en: "${s}", ko: "${s}" }`;

test.beforeAll(async () => {
  world = await sshWorld();
  const sshd = await world.startServer('e2e-playbooks');
  marker = join(world.dir, 'changed-by-playbook');
  const dir = join(world.dir, 'catalogue');
  const write = (id: string, yaml: string): void => {
    mkdirSync(join(dir, id), { recursive: true });
    writeFileSync(join(dir, id, 'playbook.yaml'), yaml);
  };
  write(
    'greet',
    `id: greet\ntitle: ${t('Greet')}\ndescription: ${t('Says hello.')}\nappliesTo: [packages]\nroles: [controller]\nparams:\n  - { name: who, type: string, required: true, description: ${t('Whom to greet')} }\n  - { name: times, type: integer, default: 1, min: 1, max: 3, description: ${t('How often')} }\nsteps:\n  - { id: hello, title: ${t('Hello')}, service: host, run: "i=0; while [ $i -lt {{times}} ]; do printf 'hello %s\\\\n' {{who}}; i=$((i+1)); done; exit 3" }\n`,
  );
  write(
    'reach',
    `id: reach\ntitle: ${t('Reach an address')}\ndescription: ${t('Prints where it would connect.')}\nappliesTo: [packages]\nroles: [controller]\nparams:\n  - { name: target_ip, type: ip, required: true, description: ${t('Target address (the VM to reach)')} }\n  - { name: target_port, type: port, default: 22, description: ${t('Target port: TCP')} }\nsteps:\n  - { id: show, title: ${t('Show')}, service: host, run: "echo reach {{target_ip}}:{{target_port}}; printf 'a6f1c1d2-4a4e-%.0s' $(seq 1 60); echo" }\n`,
  );
  write(
    'tidy',
    `id: tidy\ntitle: ${t('Tidy up')}\ndescription: ${t('Changes the node.')}\nappliesTo: [packages]\nroles: [controller]\nsteps:\n  - { id: touch, title: ${t('Touch a file')}, service: host, mutating: true, run: "touch ${marker}" }\n`,
  );
  core = createCore({ dataDir: join(world.dir, 'app-data'), mode: 'browser', catalogue: loadCatalogue(dir, {}, exitCodeAnalyzer) });
  const cluster = (await core.handlers['clusters.add']({ name: 'pb', deployment: 'packages' })) as Cluster;
  const node = await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'ctl-1', host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: world.clientKey, passphrase: false }, jumpNodeId: null });
  const probe = await core.hostKeys.probe(node.id);
  await core.hostKeys.trust(node.id, probe.fingerprint);
  // A second node name on the same server (same host key), to choose nodes by name.
  await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'ctl-2', host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: world.clientKey, passphrase: false }, jumpNodeId: null });
  core.repos.cases.create('Playbooks from the app', 'warning', cluster.id);
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  await world?.close();
});

test('run a playbook with typed parameters and read its findings with evidence', async ({ page }, testInfo) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Playbooks from the app/ }).click();
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  await panel.getByLabel('Playbook').selectOption('greet');
  const run = panel.getByRole('button', { name: 'Run playbook' });
  await expect(run).toBeDisabled(); // `who` is required
  // Labelled with the playbook's own words, never the raw parameter id.
  await expect(panel.locator('.params')).not.toContainText('who');
  await expect(panel.locator('.params')).not.toContainText('times');
  await panel.getByLabel('Whom to greet').fill("o'brien; touch /tmp/nope");
  await panel.getByLabel('How often').fill('two');
  await expect(panel.getByText('a whole number')).toBeVisible();
  await expect(run).toBeDisabled();
  await panel.getByLabel('How often').fill('5');
  await expect(panel.getByText('between 1 and 3')).toBeVisible();
  await expect(run).toBeDisabled();
  await panel.getByLabel('How often').fill('2');
  await expect(panel.locator('.params .error')).toHaveCount(0);
  await run.click();
  // Both controllers by default: one finding each.
  await expect(page.getByTestId('finding')).toHaveCount(2);
  const finding = page.getByTestId('finding').filter({ hasText: 'hello on ctl-1: exit 3' });
  await expect(finding).toHaveAttribute('data-severity', 'warning');
  await finding.locator('summary').click();
  await expect(finding.getByTestId('evidence')).toHaveText("hello o'brien; touch /tmp/nope\nhello o'brien; touch /tmp/nope");
  await page.screenshot({ path: testInfo.outputPath('playbook-findings.png'), fullPage: true });
});

test('nodes are chosen by role by default, or by name', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Playbooks from the app/ }).click();
  await page.getByRole('tab', { name: /Runs/ }).click(); // a case with history opens on its timeline
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  await panel.getByLabel('Playbook').selectOption('greet');
  await expect(panel.getByLabel('run on ctl-1')).toBeChecked();
  await expect(panel.getByLabel('run on ctl-2')).toBeChecked();
  await panel.getByLabel('run on ctl-1').uncheck();
  await panel.getByLabel('Whom to greet').fill('only-two');
  await panel.getByRole('button', { name: 'Run playbook' }).click();
  const run = page.locator('[data-testid^="run-"]').first();
  await expect(run.getByTestId('step-hello-ctl-2')).toHaveAttribute('data-state', 'failed'); // the step exits 3 by design
  await expect(run.getByTestId('step-hello-ctl-1')).toHaveCount(0);
});

test('a mutating playbook asks for confirmation and runs only after it', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Playbooks from the app/ }).click();
  await page.getByRole('tab', { name: /Runs/ }).click(); // a case with history opens on its timeline
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  // The catalogue is searchable: typing narrows the list to what matches.
  await panel.getByRole('searchbox').fill('changes the node');
  await expect(panel.getByLabel('Playbook').locator('option')).toHaveText(['Tidy up (tidy)']);
  await expect(panel.getByText('changes the cluster')).toBeVisible();
  await panel.getByRole('button', { name: 'Run playbook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Allow tidy to change the cluster?' });
  await expect(dialog).toContainText(`touch ${marker}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(2); // only the two greet runs
  expect(existsSync(marker)).toBe(false);

  await panel.getByRole('button', { name: 'Run playbook' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run and allow changes' }).click();
  await expect(page.getByTestId('step-touch-ctl-1')).toHaveAttribute('data-state', 'succeeded');
  expect(existsSync(marker)).toBe(true);
});

test('IP and port fields are checked as they are typed; after Run the results are in view on a 1280×800 window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  await page.getByRole('button', { name: /Playbooks from the app/ }).click();
  await page.getByRole('tab', { name: /Runs/ }).click();
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  // The catalogue search shows its whole hint.
  const search = panel.getByRole('searchbox');
  const fits = await search.evaluate((el) => {
    const input = el as HTMLInputElement;
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(input).font;
    probe.style.whiteSpace = 'pre';
    probe.style.position = 'absolute';
    probe.textContent = input.placeholder;
    document.body.append(probe);
    const need = probe.getBoundingClientRect().width;
    probe.remove();
    const style = getComputedStyle(input);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { need, room };
  });
  expect(fits.need).toBeLessThanOrEqual(fits.room);

  await panel.getByLabel('Playbook').selectOption('reach');
  const run = panel.getByRole('button', { name: 'Run playbook' });
  const ip = panel.getByLabel('Target address');
  const port = panel.getByLabel('Target port');
  for (const bad of ['10.0.0.300', '10.0.0', 'web-1; id', '$(reboot)']) {
    await ip.fill(bad);
    await expect(panel.getByRole('status').filter({ hasText: 'is not an IP address' })).toBeVisible();
    await expect(run).toBeDisabled();
  }
  await ip.fill('10.0.0.12');
  await expect(panel.getByRole('status')).toHaveCount(0);
  await expect(run).toBeEnabled();
  for (const bad of ['0', '65536', '22a']) {
    await port.fill(bad);
    await expect(panel.getByRole('status')).toHaveText('a port number from 1 to 65535');
    await expect(run).toBeDisabled();
  }
  await port.fill('2222');
  await run.click();
  // The new run (the newest, listed first below the forms) is on screen without scrolling by hand.
  const newest = page.locator('[data-testid^="run-"]').first();
  await expect(newest.getByTestId('step-show-ctl-1')).toContainText('reach 10.0.0.12:2222');
  // Whole, from its header to its findings, and not left at the bottom edge under the forms.
  await expect(newest).toBeInViewport({ ratio: 1 });
  expect((await newest.boundingBox())?.y ?? 800).toBeLessThan(200);
  // Long lines wrap or scroll in their own box: the page has no horizontal scrollbar.
  const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth - document.documentElement.clientWidth, main: (document.querySelector('.main') as HTMLElement).scrollWidth - (document.querySelector('.main') as HTMLElement).clientWidth }));
  expect(wide).toEqual({ page: 0, main: 0 });
});
