import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, type Core } from '../main/core/core.js';
import { sshWorld, type SshWorld } from '../main/core/testing/fixtures.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// A terminal whose login is not root starts as that user; the toolbar's "sudo -i" makes it root
// in one click (passwordless sudo for a user made for this test, removed after it).
const user = `sste${process.pid % 100000}`;
const sudoers = `/etc/sudoers.d/stackscope-e2e-${user}`;
let world: SshWorld;
let core: Core;
let server: BrowserServer;
let caseId: number;

test.beforeAll(async () => {
  world = await sshWorld();
  const sshd = await world.startServer('e2e-sudo');
  execFileSync('useradd', ['--home-dir', join(world.dir, 'home'), '--create-home', '--shell', '/bin/sh', user]);
  execFileSync('usermod', ['-p', '*', user]); // not locked: sshd refuses key logins to a locked account
  const drop = join(world.dir, 'sudoers');
  writeFileSync(drop, `${user} ALL=(ALL) NOPASSWD: ALL\n`, { mode: 0o440 });
  execFileSync('visudo', ['-cf', drop]);
  execFileSync('install', ['-m', '0440', drop, sudoers]);
  // sshd reads authorized_keys as the user logging in.
  for (const p of [world.dir, join(world.dir, 'sshd-e2e-sudo')]) chmodSync(p, 0o711);
  chmodSync(join(world.dir, 'sshd-e2e-sudo', 'authorized_keys'), 0o644);
  core = createCore({ dataDir: join(world.dir, 'app-data'), mode: 'browser' });
  const cluster = await core.handlers['clusters.add']({ name: 'sudo-term', deployment: 'packages' });
  const node = await core.handlers['nodes.add']({ clusterId: cluster.id, name: 'db-1', host: sshd.host, port: sshd.port, user, roles: ['controller'], auth: { method: 'key', keyPath: world.clientKey, passphrase: false }, jumpNodeId: null });
  await core.hostKeys.trust(node.id, (await core.hostKeys.probe(node.id)).fingerprint);
  caseId = core.repos.cases.create('Root shell on the database node', 'warning', cluster.id);
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  rmSync(sudoers, { force: true });
  // -f: a session sshd has not reaped yet must not keep the account.
  execFileSync('sh', ['-c', `userdel -f -r ${user} 2>/dev/null || userdel -f ${user} 2>/dev/null || true`]);
  await world?.close();
});

test('a terminal opens as the login user and one click on "sudo -i" makes it root', async ({ page }, testInfo) => {
  expect(caseId).toBeGreaterThan(0);
  await page.goto(server.url);
  await page.getByRole('button', { name: /Root shell on the database node/ }).click();
  await page.getByRole('tab', { name: /Terminals/ }).click();
  const panel = page.getByRole('region', { name: 'Terminals' });
  await panel.getByRole('button', { name: 'Open terminal' }).click();
  const view = panel.locator('.term-view').first();
  await expect(view).toHaveAttribute('data-state', 'live');
  const rows = view.locator('.xterm-rows');
  await view.locator('.xterm-screen').click();
  await page.keyboard.type('echo who=$(id -un)');
  await page.keyboard.press('Enter');
  await expect(rows).toContainText(`who=${user}`);

  await view.getByRole('button', { name: 'sudo -i' }).click();
  await expect(rows).toContainText('# '); // root's prompt, whatever the shell
  await view.locator('.xterm-screen').click();
  await page.keyboard.type('echo uid=$(id -u)');
  await page.keyboard.press('Enter');
  await expect(rows).toContainText('uid=0');
  await page.screenshot({ path: testInfo.outputPath('terminal-sudo.png') });
});
