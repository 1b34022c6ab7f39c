import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createCore, type Core } from '../main/core/core.js';
import { sshWorld, type SshWorld } from '../main/core/testing/fixtures.js';
import { freePort, generateKey, type Sshd } from '../main/lab/sshd.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// "Import a cluster" in the real renderer and backend (browser mode) against real sshd servers:
// a Kolla inventory picked as a file, its preview, Apply, the host keys in one confirmation, a
// command on an imported node, the same file again (nothing to change), and the settings page.
let world: SshWorld;
let ctl: Sshd;
let cmp: Sshd;
let kh: Sshd;
let chg: Sshd;
let deadPort: number;
let core: Core;
let server: BrowserServer;
let inventory: string;
let knownHosts: string;
const user = userInfo().username;

const fingerprint = (s: Sshd): string => execFileSync('ssh-keygen', ['-lf', `${s.hostKeyFile}.pub`], { encoding: 'utf8' }).split(' ')[1] ?? '';
const line = (name: string, s: { port: number }): string => `${name} ansible_host=127.0.0.1 ansible_port=${s.port} ansible_user=${user} ansible_ssh_private_key_file=${world.clientKey}`;

test.beforeAll(async () => {
  world = await sshWorld();
  [ctl, cmp, kh, chg] = await Promise.all([world.startServer('ctl'), world.startServer('cmp'), world.startServer('kh'), world.startServer('chg')]);
  // Nothing listens here: the node that cannot be reached.
  deadPort = await freePort();
  // Kolla's multinode layout, as small as it gets: groups give the roles, [all:vars] the defaults.
  inventory = join(world.dir, 'multinode');
  writeFileSync(inventory, ['[control]', line('ctl-1', ctl), '', '[network:children]', 'control', '', '[compute]', line('cmp-1', cmp), line('dead-1', { port: deadPort }), ''].join('\n'));
  // A known_hosts file for the settings page to point at: kh's key (line 1), another key for chg
  // (line 2: a changed key), and cmp's own key revoked (line 3; cmp is trusted by then).
  const pub = (file: string): string => readFileSync(`${file}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  const other = join(world.dir, 'other_host_key');
  await generateKey(other);
  knownHosts = join(world.dir, 'known_hosts');
  writeFileSync(knownHosts, [`[127.0.0.1]:${kh.port} ${pub(kh.hostKeyFile)}`, `[127.0.0.1]:${chg.port} ${pub(other)}`, `@revoked [127.0.0.1]:${cmp.port} ${pub(cmp.hostKeyFile)}`, ''].join('\n'));
  core = createCore({ dataDir: join(world.dir, 'app-data'), mode: 'browser' });
  server = await startBrowserServer({ core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  await server?.close();
  await core?.close();
  await world?.close();
});

async function openImport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import a cluster' })).toBeVisible();
}

test('import a Kolla inventory: preview, apply, trust the keys at once, run a command there, and import it again', async ({ page }, testInfo) => {
  await page.goto(server.url);
  await openImport(page);
  const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
  await dialog.getByLabel('Kolla / Ansible INI inventory (multinode)').check();
  await dialog.getByLabel('Cluster name').fill('imported');
  await expect(dialog.getByTestId('import-target')).toHaveText('Creates a new cluster.');

  // A broken source first: the error names file and line, and nothing can be applied.
  await dialog.getByLabel('Or paste its text').fill('[control]\nctl-1 ansible_host=127.0.0.1 ansible_port=notaport\n');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('import-errors')).toContainText(':2');
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await dialog.getByRole('button', { name: '← Change the source' }).click();

  // The real file, picked as a person would.
  await dialog.getByLabel('File', { exact: true }).setInputFiles(inventory);
  await expect(dialog.getByLabel('Text of multinode (you can edit it)')).toHaveValue(readFileSync(inventory, 'utf8'));
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const plan = dialog.getByTestId('import-plan');
  await expect(plan.getByTestId('plan-counts')).toContainText('3 to add');
  await expect(plan.getByTestId('plan-ctl-1')).toHaveAttribute('data-action', 'add');
  await expect(plan.getByTestId('plan-ctl-1')).toContainText(`127.0.0.1:${ctl.port}`);
  await expect(plan.getByTestId('plan-ctl-1')).toContainText('controller, network');
  await expect(plan.getByTestId('plan-ctl-1')).toContainText('multinode:2');
  await expect(plan.getByTestId('plan-cmp-1')).toContainText('compute');
  await expect(plan.getByTestId('plan-cmp-1')).toContainText(`key ${world.clientKey}`);
  await expect(plan.getByTestId('import-errors')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('import-preview.png') });
  // The wide table scrolls inside its box; the dialog itself does not overflow the window.
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1300).toBe(true);

  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByTestId('import-applied')).toHaveText('Cluster imported created: 3 node(s) added.');
  await expect(page.getByTestId('cluster-imported')).toContainText('kolla');

  // Bulk trust: both live nodes unknown with their real fingerprints, the dead one unreachable.
  const trust = dialog.getByTestId('bulk-trust');
  await expect(trust.getByTestId('probe-ctl-1')).toHaveAttribute('data-status', 'unknown');
  await expect(trust.getByTestId('probe-ctl-1')).toContainText(fingerprint(ctl));
  await expect(trust.getByTestId('probe-cmp-1')).toContainText(fingerprint(cmp));
  await expect(trust.getByTestId('probe-dead-1')).toHaveAttribute('data-status', 'unreachable');
  await trust.getByRole('button', { name: 'Trust 2 keys…' }).click();
  await expect(trust.getByText('Trust the 2 unknown keys listed above?')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bulk-trust-confirm.png') });
  await trust.getByRole('button', { name: 'Trust 2 keys', exact: true }).click();
  await expect(trust.getByTestId('trust-result')).toContainText('2 key(s) trusted.');
  await expect(trust.getByTestId('probe-ctl-1')).toHaveAttribute('data-status', 'trusted');
  await expect(trust.getByTestId('probe-cmp-1')).toHaveAttribute('data-status', 'trusted');
  await expect(trust.getByRole('button', { name: 'No unknown keys' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('node-cmp-1')).toContainText('key trusted');

  // The picture: the node no probe could reach in its own colour, the others not checked (never ok).
  const dead = page.getByTestId('picture-node-dead-1');
  await expect(dead).toHaveAttribute('data-shown', 'unreachable');
  await expect(dead).toContainText('unreachable');
  await expect(page.getByTestId('picture-node-ctl-1')).toHaveAttribute('data-shown', 'unknown');
  const colour = (testId: string) => page.getByTestId(testId).evaluate((el) => getComputedStyle(el).borderTopColor);
  expect(await colour('picture-node-dead-1')).not.toBe(await colour('picture-node-ctl-1'));
  await page.screenshot({ path: testInfo.outputPath('picture-unreachable.png') });

  // A command on an imported node, over the key just trusted.
  await page.getByRole('button', { name: '+ Case' }).click();
  await page.getByLabel('Title').fill('Imported cluster smoke test');
  await page.getByRole('button', { name: 'Open case' }).click();
  await page.getByLabel('node cmp-1').check();
  await page.getByLabel('Command', { exact: true }).fill('hostname');
  await page.getByRole('button', { name: 'Run on 1 node' }).click();
  const step = page.getByTestId('step-cmp-1');
  await expect(step).toHaveAttribute('data-state', 'succeeded');
  await expect(step.getByTestId('stdout')).toHaveText(`${hostname()}\n`);

  // The same file again: nothing to change, so nothing to apply.
  await openImport(page);
  const again = page.getByRole('dialog', { name: 'Import a cluster' });
  await again.getByLabel('Cluster name').fill('imported');
  await expect(again.getByTestId('import-target')).toHaveText('Updates the existing cluster (3 nodes, kolla).');
  await again.getByLabel('File', { exact: true }).setInputFiles(inventory);
  await expect(again.getByLabel('Text of multinode (you can edit it)')).not.toHaveValue('');
  await again.getByRole('button', { name: 'Preview' }).click();
  await expect(again.getByTestId('nothing-to-change')).toHaveText('Nothing to change: the cluster already is as the source says.');
  await expect(again.getByTestId('plan-counts')).toContainText('3 unchanged');
  await expect(again.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await again.getByRole('button', { name: '← Change the source' }).click();
  await again.getByRole('button', { name: 'Cancel' }).click();
});

test('cluster settings: checked as typed, refuse unknown keys and a known_hosts file persist; its keys need no confirmation, its changed and revoked ones are never trusted', async ({ page }, testInfo) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings of imported' }).click();
  const settings = page.getByTestId('cluster-settings');
  await expect(settings.getByRole('heading', { name: 'Settings of imported' })).toBeVisible();
  expect(page.url()).toMatch(/#\/clusters\/\d+\/settings$/);

  // Out of the contract's range: named as typed, and nothing can be saved.
  await settings.getByLabel('Connect timeout').fill('0');
  await expect(settings.getByText('Connect timeout must be a whole number from 1 to 300')).toBeVisible();
  await expect(settings.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await settings.getByLabel('known_hosts file').fill('relative/known_hosts');
  await expect(settings.getByText('known_hosts file must be an absolute path (starting with /)')).toBeVisible();
  await settings.getByLabel('Connect timeout').fill('20');
  await settings.getByLabel('known_hosts file').fill(knownHosts);
  await settings.getByLabel('Refuse (connect only to keys already trusted)').check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByTestId('settings-saved')).toBeVisible();

  // Saved in the inventory, not only on the screen.
  const listed = await core.dispatch('clusters.list', {});
  const cluster = listed.ok ? (listed.value as Array<{ name: string; connection: Record<string, unknown> }>).find((c) => c.name === 'imported') : undefined;
  expect(cluster?.connection).toMatchObject({ unknownHostKeys: 'refuse', connectTimeoutSec: 20, knownHostsFile: knownHosts });
  await page.reload();
  await expect(page.getByTestId('cluster-settings').getByLabel('Refuse (connect only to keys already trusted)')).toBeChecked();
  await expect(page.getByTestId('cluster-settings').getByLabel('Connect timeout')).toHaveValue('20');

  // Two more nodes in the file: the preview adds exactly them, and known_hosts speaks for their keys.
  writeFileSync(inventory, `${readFileSync(inventory, 'utf8')}${line('kh-1', kh)}\n${line('chg-1', chg)}\n`);
  await openImport(page);
  const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
  await dialog.getByLabel('Cluster name').fill('imported');
  await dialog.getByLabel('File', { exact: true }).setInputFiles(inventory);
  await expect(dialog.getByLabel('Text of multinode (you can edit it)')).toHaveValue(/kh-1/);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('plan-counts')).toContainText('2 to add');
  await expect(dialog.getByTestId('plan-counts')).toContainText('3 unchanged');
  await expect(dialog.getByTestId('plan-kh-1')).toHaveAttribute('data-action', 'add');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const trust = dialog.getByTestId('bulk-trust');
  await expect(trust.getByTestId('probe-kh-1')).toHaveAttribute('data-status', 'known_hosts');
  await expect(trust.getByTestId('probe-kh-1')).toContainText(`${knownHosts}:1`);
  await expect(trust.getByTestId('probe-kh-1')).toContainText(fingerprint(kh));
  // known_hosts lists another key for chg and revokes cmp's (trusted before): shown with the line, never trustable here.
  await expect(trust.getByTestId('probe-chg-1')).toHaveAttribute('data-status', 'changed');
  await expect(trust.getByTestId('probe-chg-1')).toContainText(`${knownHosts}:2`);
  await expect(trust.getByTestId('probe-ctl-1')).toHaveAttribute('data-status', 'trusted');
  await expect(trust.getByTestId('probe-cmp-1')).toHaveAttribute('data-status', 'revoked');
  await expect(trust.getByTestId('probe-cmp-1')).toContainText(`${knownHosts}:3`);
  await expect(trust.getByRole('alert')).toContainText('2 node(s) present a changed or revoked key: they are not trusted from here.');
  await expect(trust.getByRole('button', { name: 'No unknown keys' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('bulk-trust-known-hosts.png') });
});

test('service credentials: an openrc path on a node persists through a reload; a relative or shell-laden path is refused as typed; default puts it back to null', async ({ page }, testInfo) => {
  const stored = async (): Promise<Record<string, unknown> | undefined> => {
    const listed = await core.dispatch('clusters.list', {});
    return listed.ok ? (listed.value as Array<Record<string, unknown>>).find((c) => c.name === 'imported') : undefined;
  };
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings of imported' }).click();
  const access = page.getByTestId('cluster-settings').getByTestId('service-access');
  await expect(access).toContainText('Stackscope stores where they are; the values never leave the nodes.');
  // A kolla cluster that says nothing: the flavour's default, in words; passwords.yml is offered, kubectl is not.
  const where = access.getByLabel('Admin credentials for the openstack client');
  await expect(where.locator('option:checked')).toHaveText('kolla default: /etc/kolla/admin-openrc.sh on the controller each step runs on');
  await expect(access.getByText('Kolla passwords.yml (database_password for DB steps)')).toBeVisible();
  await expect(access.getByText('Kube-access node (runs kubectl)')).toHaveCount(0);

  await where.selectOption('openrc');
  const path = access.getByLabel('openrc path');
  const save = page.getByRole('button', { name: 'Save settings' });
  await path.fill('admin-openrc.sh');
  await expect(access.getByText('openrc path must be an absolute path on the node (starting with /)')).toBeVisible();
  await expect(save).toBeDisabled();
  await path.fill('/root/$(id)/openrc');
  await expect(access.getByText('openrc path may use only letters, digits and . _ @ + , = ~ / - (no spaces, quotes or shell syntax)')).toBeVisible();
  await path.fill('/etc/kolla/../shadow');
  await expect(access.getByText('openrc path must not contain ".." segments')).toBeVisible();
  await expect(save).toBeDisabled();
  await path.fill('/home/stack/admin-openrc.sh');
  // The node picker lists the cluster's nodes.
  await access.getByRole('combobox', { name: /^On node/ }).selectOption('ctl-1');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  expect((await stored())?.credentials).toEqual({ kind: 'openrc', node: 'ctl-1', path: '/home/stack/admin-openrc.sh' });
  expect((await stored())?.kollaPasswords).toBeNull();

  await page.reload();
  const again = page.getByTestId('service-access');
  await expect(again.getByLabel('Admin credentials for the openstack client')).toHaveValue('openrc');
  await expect(again.getByLabel('openrc path')).toHaveValue('/home/stack/admin-openrc.sh');
  await expect(again.getByRole('combobox', { name: /^On node/ })).toHaveValue('ctl-1');
  await again.screenshot({ path: testInfo.outputPath('service-credentials.png') });

  // The default again: stored as null, so the flavour decides.
  await again.getByLabel('Admin credentials for the openstack client').selectOption('default');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  expect((await stored())?.credentials).toBeNull();
});

test('in Korean, at a narrow window, the settings page and the import preview fit and are worked by keyboard', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 760 });
  await page.goto(server.url);
  await page.getByLabel('Language').selectOption('ko');
  await page.getByRole('button', { name: 'imported 설정' }).click();
  const settings = page.getByTestId('cluster-settings');
  await expect(settings.getByRole('heading', { name: 'imported 설정' })).toBeVisible();
  await settings.getByLabel('접속 제한 시간').fill('301');
  await expect(settings.getByText('접속 제한 시간은(는) 1에서 300 사이의 정수여야 합니다')).toBeVisible();
  await settings.getByLabel('접속 제한 시간').fill('');
  // Nothing wider than the window: the page itself never scrolls sideways (tables scroll in their box).
  const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
  expect(await page.locator('main').evaluate((m) => m.scrollWidth - m.clientWidth)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('settings-ko.png'), fullPage: true });

  // The import dialog from the keyboard: the sidebar button, the form's fields, Preview with Enter.
  await page.getByRole('button', { name: '가져오기…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '클러스터 가져오기' });
  await expect(dialog).toBeVisible();
  // With one cluster the name is filled in already; typed over all the same.
  await expect(dialog.getByLabel('클러스터 이름')).toHaveValue('imported');
  await dialog.getByLabel('클러스터 이름').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('imported');
  await dialog.getByLabel('파일', { exact: true }).setInputFiles(inventory);
  await expect(dialog.getByLabel('multinode 내용 (수정할 수 있음)')).toHaveValue(/kh-1/);
  await dialog.getByLabel('클러스터 이름').focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('nothing-to-change')).toHaveText('바꿀 것이 없습니다. 클러스터가 이미 원본과 같습니다.');
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1024).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('import-ko.png') });
  // Escape closes it, as every dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('an OpenSSH config pasted: host and role patterns checked as typed, the bastion a jump host in the preview', async ({ page }) => {
  await page.goto(server.url);
  await openImport(page);
  const dialog = page.getByRole('dialog', { name: 'Import a cluster' });
  await dialog.getByLabel('OpenSSH client config (~/.ssh/config)').check();
  await dialog.getByLabel('Cluster name').fill('from-ssh');
  await dialog.getByLabel('Or paste its text').fill(
    [`Host bastion`, `  HostName 127.0.0.1`, `  Port ${ctl.port}`, `  User ${user}`, `  IdentityFile ${world.clientKey}`, '', `Host ctl-a cmp-a`, `  HostName 127.0.0.1`, `  ProxyJump bastion`, `  IdentityFile ${world.clientKey}`, `  User ${user}`, ''].join('\n'),
  );
  await dialog.getByLabel('Host patterns').fill('ctl-* cmp-*');
  await dialog.getByRole('textbox', { name: /^Roles/ }).fill('ctl-*=controller cmp-*=computer');
  await expect(dialog.getByText('“cmp-*=computer” is not a role or pattern=role; the roles are controller, compute, network, storage.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByTestId('import-plan')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Preview' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: /^Roles/ }).fill('ctl-*=controller, cmp-*=compute');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const plan = dialog.getByTestId('import-plan');
  await expect(plan.getByTestId('plan-ctl-a')).toContainText('controller');
  await expect(plan.getByTestId('plan-ctl-a')).toContainText('bastion');
  await expect(plan.getByTestId('plan-cmp-a')).toContainText('compute');
  await expect(plan.getByTestId('plan-bastion')).toContainText('jump host only');
  await expect(plan.getByTestId('plan-counts')).toContainText('3 to add');
  await dialog.getByRole('button', { name: '← Change the source' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Nothing was applied: only a preview.
  await expect(page.getByTestId('cluster-from-ssh')).toHaveCount(0);
});
