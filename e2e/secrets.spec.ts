import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { MethodResults } from '../main/contract/api.js';
import type { MethodName } from '../main/contract/methods.js';
import type { MethodInput } from '../main/contract/schemas.js';
import { createCore, type Core } from '../main/core/core.js';
import { sshWorld, type SshWorld } from '../main/core/testing/fixtures.js';
import { generateKey, type Sshd } from '../main/lab/sshd.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';
import { exitCodeAnalyzer } from '../playbooks/engine/generic.js';
import { loadCatalogue } from '../playbooks/engine/loader.js';
import { loadRunbooks } from '../playbooks/engine/runbook-loader.js';

// The credentials dialog in the real renderer + backend against a real sshd whose key is locked
// with a passphrase: every place that starts work on a node (a command, a playbook, a runbook
// step, a terminal) is refused until the passphrase is given, asks for it, and goes on once it is;
// Cancel leaves the work undone without an error.
const PASSPHRASE = 'locked-key-Pw7q2x';
let world: SshWorld;
let core: Core;
let server: BrowserServer;
let sshd: Sshd;
let lockedKey: string;

const t = (s: string): string => `{ en: "${s}", ko: "${s}" }`;

/** A call through the contract (schemas, errors as data), as the app's transports make it. */
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResults[M]> {
  const outcome = await core.dispatch(method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as MethodResults[M];
}

/** A case on a cluster of its own with one controller whose key needs the passphrase (not given yet). */
async function lockedCase(name: string): Promise<string> {
  const cluster = await call('clusters.add', { name, deployment: 'packages' });
  const node = await call('nodes.add', { clusterId: cluster.id, name: `${name}-ctl`, host: sshd.host, port: sshd.port, user: 'root', roles: ['controller'], auth: { method: 'key', keyPath: lockedKey, passphrase: true } });
  const probe = await call('hostKeys.probe', { nodeId: node.id });
  await call('hostKeys.trust', { nodeId: node.id, fingerprint: probe.fingerprint });
  const title = `Locked key ${name}`;
  await call('cases.create', { title, severity: 'warning', clusterId: cluster.id });
  return title;
}

/** The dialog asks for exactly this node's passphrase. */
async function credentialsDialog(page: Page, node: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'Credentials needed' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/passphrase|password/i)).toHaveCount(1);
  await expect(dialog.getByLabel(`Key passphrase for ${node}`)).toBeVisible();
  return dialog;
}

async function give(dialog: Locator, node: string): Promise<void> {
  await dialog.getByLabel(`Key passphrase for ${node}`).fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
}

test.beforeAll(async () => {
  world = await sshWorld();
  lockedKey = join(world.dir, 'locked_ed25519');
  const lockedPub = await generateKey(lockedKey, 'ed25519', PASSPHRASE);
  sshd = await world.startServer('e2e-secrets', { authorizedKeys: [lockedPub] });
  const catalogue = join(world.dir, 'catalogue');
  const runbooks = join(world.dir, 'runbooks');
  mkdirSync(join(catalogue, 'greet'), { recursive: true });
  writeFileSync(
    join(catalogue, 'greet', 'playbook.yaml'),
    `id: greet\ntitle: ${t('Greet')}\ndescription: ${t('Says hello.')}\nappliesTo: [packages]\nroles: [controller]\nsteps:\n  - { id: hello, title: ${t('Hello')}, service: host, run: "echo hello-from-greet" }\n`,
  );
  mkdirSync(join(catalogue, 'stamp'), { recursive: true });
  writeFileSync(
    join(catalogue, 'stamp', 'playbook.yaml'),
    `id: stamp\ntitle: ${t('Stamp')}\ndescription: ${t('Changes the node.')}\nappliesTo: [packages]\nroles: [controller]\nsteps:\n  - { id: stamp, title: ${t('Stamp a file')}, service: host, mutating: true, run: "touch ${join(world.dir, 'stamped')}" }\n`,
  );
  mkdirSync(join(runbooks, 'drill'), { recursive: true });
  writeFileSync(
    join(runbooks, 'drill', 'runbook.md'),
    '---\nid: drill\ntitle: { en: A drill, ko: 훈련 }\nlevel: beginner\nlanguages: [en]\nappliesTo: [packages]\n---\n\nPractise.\n\n## Who am I\n\n```step\nid: whoami\ncommand: echo "I am $(id -un)"\nroles: [controller]\n```\n\n### Why\nTo see a command run.\n### Healthy\nI am root\n### Broken\nan error\n',
  );
  const loaded = loadCatalogue(catalogue, {}, exitCodeAnalyzer);
  core = createCore({ dataDir: join(world.dir, 'app-data'), mode: 'browser', catalogue: loaded, runbooks: (c) => loadRunbooks(runbooks, c) });
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  await world?.close();
});

test('a command asks for the key passphrase, Cancel leaves it unrun without an error, Continue runs it', async ({ page }) => {
  const title = await lockedCase('cmd');
  await page.goto(server.url);
  await page.getByRole('button', { name: new RegExp(title) }).click();
  const form = page.getByRole('form', { name: 'Run a command' });
  await form.getByLabel('node cmd-ctl').check();
  await form.getByLabel('Command', { exact: true }).fill('echo hello-from-command');
  await form.getByRole('button', { name: 'Run on 1 node' }).click();

  const dialog = await credentialsDialog(page, 'cmd-ctl');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(0);

  await form.getByRole('button', { name: 'Run on 1 node' }).click();
  await give(await credentialsDialog(page, 'cmd-ctl'), 'cmd-ctl');
  const step = page.locator('[data-testid^="step-"]').first();
  await expect(step).toHaveAttribute('data-state', 'succeeded');
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(1);
  await expect(step).toContainText('hello-from-command');
});

test('a playbook asks for the key passphrase, then runs; a confirmed change stays confirmed', async ({ page }) => {
  const title = await lockedCase('pb');
  await page.goto(server.url);
  await page.getByRole('button', { name: new RegExp(title) }).click();
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  await panel.getByLabel('Playbook').selectOption('greet');
  await panel.getByRole('button', { name: 'Run playbook' }).click();
  const dialog = await credentialsDialog(page, 'pb-ctl');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-testid^="run-"]')).toHaveCount(0);

  // Confirmed, then asked for the passphrase: the run that goes on is the confirmed one.
  await panel.getByLabel('Playbook').selectOption('stamp');
  await panel.getByRole('button', { name: 'Run playbook' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run and allow changes' }).click();
  await give(await credentialsDialog(page, 'pb-ctl'), 'pb-ctl');
  await expect(page.getByTestId('step-stamp-pb-ctl')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a runbook step asks for the key passphrase, then runs', async ({ page }) => {
  const title = await lockedCase('rb');
  await page.goto(server.url);
  await page.getByRole('button', { name: new RegExp(title) }).click();
  await page.getByRole('tab', { name: /Runbooks/ }).click();
  const area = page.getByRole('region', { name: 'Guided runbooks' });
  await area.getByLabel('Runbook', { exact: true }).selectOption('drill');
  const step = area.getByTestId('runbook-step-whoami');
  await step.getByRole('button', { name: 'Run this step' }).click();
  const dialog = await credentialsDialog(page, 'rb-ctl');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(step.getByRole('alert')).toHaveCount(0);
  await expect(step).toHaveAttribute('data-ran', 'false');
  await expect(step.getByRole('button', { name: 'Run this step' })).toBeEnabled();

  await step.getByRole('button', { name: 'Run this step' }).click();
  await give(await credentialsDialog(page, 'rb-ctl'), 'rb-ctl');
  await expect(step).toHaveAttribute('data-ran', 'true');
  await expect(step.getByTestId('runbook-output-rb-ctl')).toHaveAttribute('data-state', 'succeeded');
  await expect(step.getByTestId('runbook-output-rb-ctl')).toContainText('I am root');
});

test('a terminal asks for the key passphrase; Cancel says so on its screen, Reconnect asks again and opens it', async ({ page }) => {
  const title = await lockedCase('term');
  await page.goto(server.url);
  await page.getByRole('button', { name: new RegExp(title) }).click();
  await page.getByRole('tab', { name: /Terminals/ }).click();
  const panel = page.getByRole('region', { name: 'Terminals' });
  await panel.getByRole('button', { name: 'Open terminal' }).click();
  const view = panel.getByTestId('terminal-term-ctl');
  const dialog = await credentialsDialog(page, 'term-ctl');
  await expect(view).toHaveAttribute('data-state', 'failed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(view.locator('.xterm-rows')).toContainText('No credentials given; the terminal was not opened.');
  await expect(view.locator('.xterm-rows')).not.toContainText('Could not open a terminal');

  await view.getByRole('button', { name: 'Reconnect' }).click();
  await give(await credentialsDialog(page, 'term-ctl'), 'term-ctl');
  await expect(view).toHaveAttribute('data-state', 'live');
  await expect(view.locator('.xterm-rows')).toContainText('Connected to term-ctl');
});
