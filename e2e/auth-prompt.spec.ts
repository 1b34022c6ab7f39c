import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MethodResults } from '../main/contract/api.js';
import type { MethodName } from '../main/contract/methods.js';
import type { MethodInput } from '../main/contract/schemas.js';
import { createCore, type Core } from '../main/core/core.js';
import { tempDir } from '../main/core/testing/fixtures.js';
import { RecordingSshServer } from '../main/core/testing/recording-ssh-server.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// The login-prompt dialog in the real renderer + backend (browser mode), against small ssh2
// servers that ask for a password and then a one-time code (keyboard-interactive, like PAM with
// pam_google_authenticator) and record every secret they are sent.
const PASSWORD = 'stored-pw-Vq83kT';
const CODE = '604219';
const INSTRUCTIONS = 'Enter the code from your authenticator app.';

let dir: { path: string; remove: () => void };
let core: Core;
let server: BrowserServer;
let clusterId: number;
const sshServers: RecordingSshServer[] = [];

/** A call through the contract (schemas, errors as data), as the app's transports make it. */
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResults[M]> {
  const outcome = await core.dispatch(method, input);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as MethodResults[M];
}

/**
 * A node with password auth on its own server (own port: connections are pooled per address,
 * so each test's login is a new one): key trusted, password given, as the app's dialogs would.
 */
async function otpNode(name: string): Promise<RecordingSshServer> {
  const ssh = await new RecordingSshServer({
    user: 'ops',
    password: PASSWORD,
    rounds: [
      { prompts: [{ prompt: 'Password: ', echo: false }], accept: (a) => a[0] === PASSWORD },
      { prompts: [{ prompt: 'Verification code: ', echo: false }], instructions: INSTRUCTIONS, accept: (a) => a[0] === CODE },
    ],
  }).start();
  sshServers.push(ssh);
  const node = await call('nodes.add', { clusterId, name, host: ssh.host, port: ssh.port, user: 'ops', roles: ['controller'], auth: { method: 'password' } });
  const probe = await call('hostKeys.probe', { nodeId: node.id });
  await call('hostKeys.trust', { nodeId: node.id, fingerprint: probe.fingerprint });
  await call('secrets.provide', { nodeId: node.id, kind: 'password', value: PASSWORD });
  return ssh;
}

/** From the case's Runs tab: one ad-hoc command on one node. */
async function runOn(page: Page, node: string, command: string): Promise<void> {
  await page.getByLabel(`node ${node}`).check();
  await page.getByLabel('Command', { exact: true }).fill(command);
  await page.getByRole('button', { name: 'Run on 1 node' }).click();
}

test.beforeAll(async () => {
  dir = tempDir();
  core = createCore({ dataDir: join(dir.path, 'app-data'), mode: 'browser' });
  clusterId = (await call('clusters.add', { name: 'otp-lab', deployment: 'packages' })).id;
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  // A login still waiting at a prompt (a test that failed with the dialog open) holds core.close()
  // until the prompt's 90 s bound: runs.cancel does not reach a login in progress.
  for (const p of core ? await call('auth.pending', {}) : []) await core.dispatch('auth.answer', { promptId: p.promptId, cancel: true });
  await core?.close();
  await Promise.all(sshServers.map((s) => s.stop()));
  dir?.remove();
});

test('a one-time code asked by the node is typed in the dialog, masked, and the run goes on', async ({ page }, testInfo) => {
  const ssh = await otpNode('otp-1');
  await page.goto(server.url);
  await page.getByRole('button', { name: '+ Case' }).click();
  await page.getByLabel('Title').fill('Login needs a one-time code');
  await page.getByRole('button', { name: 'Open case' }).click();
  await expect(page.getByRole('heading', { name: /Login needs a one-time code/ })).toBeVisible();
  await runOn(page, 'otp-1', 'uptime');

  // The password round was answered from the stored password; only the code reaches a person.
  const dialog = page.getByRole('dialog', { name: 'Login prompt from otp-1' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Login prompt from otp-1' })).toBeVisible();
  await expect(dialog).toContainText(`otp-1 (ops@${ssh.host}:${ssh.port}) asks for this to finish logging in`);
  await expect(dialog).toContainText(INSTRUCTIONS);
  await expect(dialog.getByRole('textbox')).toHaveCount(1); // one field: the code's, not the password's
  await expect(dialog.getByLabel(/password/i)).toHaveCount(0);
  const code = dialog.getByLabel('Verification code:');
  await expect(code).toHaveAttribute('type', 'password'); // masked: the server asked with echo off
  await expect(code).toBeFocused(); // a person can type at once
  await page.keyboard.type(CODE);
  await expect(code).toHaveValue(CODE);
  await dialog.screenshot({ path: testInfo.outputPath('auth-prompt-dialog.png') });
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();

  // The recording server answers any command with where it runs and the last answer it was given:
  // the typed code comes back in the output, redacted like every hidden answer.
  const step = page.getByTestId('step-otp-1');
  await expect(step).toHaveAttribute('data-state', 'succeeded');
  await expect(step.getByTestId('stdout')).toHaveText(`hello from ${ssh.host}:${ssh.port}; last answer [REDACTED]\n`);
  await expect(step.getByTestId('exit-code')).toHaveText('exit 0');
  await expect(page.locator('body')).not.toContainText(CODE);

  // Server side: the stored password for the password round only, the typed code for the code round.
  expect(ssh.answers).toEqual([
    { prompts: ['Password: '], answers: [PASSWORD] },
    { prompts: ['Verification code: '], answers: [CODE] },
  ]);
  // ssh2 tries the 'password' method before keyboard-interactive (this server offers only the
  // latter and refuses it): the same password, to the same server, never as an answer to a code.
  expect(ssh.passwords).toEqual([PASSWORD]);
});

test('Cancel in the dialog ends the run with an error naming the node; the code prompt gets nothing', async ({ page }) => {
  const ssh = await otpNode('otp-2');
  await call('cases.create', { title: 'Cancelled login', clusterId });
  await page.goto(server.url);
  await page.getByRole('button', { name: /Cancelled login/ }).click();
  await expect(page.getByRole('tab', { name: /Runs/ })).toHaveAttribute('aria-selected', 'true'); // a case without history opens on its runs
  await runOn(page, 'otp-2', 'uptime');

  const dialog = page.getByRole('dialog', { name: 'Login prompt from otp-2' });
  await expect(dialog.getByLabel('Verification code:')).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const step = page.getByTestId('step-otp-2');
  await expect(step).toHaveAttribute('data-state', 'error');
  await expect(step).toContainText(`otp-2 (ops@${ssh.host}:${ssh.port}): login cancelled at the prompt 'Verification code:'; nothing was sent`);
  expect(ssh.answers).toEqual([{ prompts: ['Password: '], answers: [PASSWORD] }]); // the code round got no answer at all
  expect((await call('auth.pending', {})).length).toBe(0);
});
