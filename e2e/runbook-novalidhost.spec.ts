import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openRunbook, runStep, shot, understand } from './runbook-steps.js';
import { placementMemory } from '../main/lab/cp/nova-faults.js';
import { breakFault, healFault } from '../main/lab/faults.js';
import { novaComputeNodes } from '../main/lab/layout.js';
import { waitUntil } from '../main/lab/proc.js';
import { LAB_CLUSTER } from '../main/lab/register.js';
import { startTestLab, type TestLab } from '../main/lab/test-lab.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// The NoValidHost drill on a lab with the real control plane (packages flavour): a user's server
// fails in the real nova-scheduler because the computes' nova.conf keeps half their RAM; the
// trainee follows the runbook in the real renderer from Nova's fault message to the scheduler
// log, the Placement numbers and the settings behind them, fixes nova.conf and restarts
// nova-compute from the runbook, proves the flavor fits, and the user's retry goes ACTIVE.
let t: TestLab;
let server: BrowserServer;
const CASE = 'NoValidHost drill';
const RUNBOOK = 'placement-no-valid-host';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  t = await startTestLab({ flavor: 'packages', computes: 2, controlPlane: 'full' });
  t.core.repos.cases.create(CASE, 'warning', t.core.inventory.clusterByName(LAB_CLUSTER).id);
  server = await startBrowserServer({ core: t.core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  test.setTimeout(300_000);
  await server?.close();
  await t?.close();
});

/** What the user does on a controller: `openstack server create … --wait`, and the server's status and fault after. */
async function userCreates(name: string): Promise<{ status: string; fault: string }> {
  await t.onNode('controller-1', `openstack --os-compute-api-version 2.37 server create --flavor m1.large --image cirros-lab --nic none --wait ${name}`, 300);
  const show = JSON.parse((await t.onNode('controller-1', `openstack server show ${name} -f json`)).stdout) as { status: string; fault?: { message?: string } | string };
  return { status: show.status, fault: typeof show.fault === 'string' ? show.fault : (show.fault?.message ?? '') };
}

const output = (result: ReturnType<Page['locator']>, node: string) => result.getByTestId(`runbook-output-${node}`);

test('NoValidHost with the real scheduler: from the fault to the nova.conf fix, and the retry goes ACTIVE', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  await breakFault(t.lab, 'placement-no-capacity');
  try {
    const failed = await userCreates('novalidhost-drill');
    expect(failed.status).toBe('ERROR');
    expect(failed.fault).toContain('No valid host was found');

    const area = await openRunbook(page, server.url, CASE, RUNBOOK);
    await expect(area.getByTestId('runbook-progress')).toHaveText('0 of 8 steps understood · 0 run');

    // 1. Nova's own record of the failure.
    const fault = area.getByTestId('runbook-step-server-fault');
    const faultResult = await runStep(page, fault);
    await expect(output(faultResult, 'controller-1').getByTestId('stdout')).toContainText('name="novalidhost-drill"');
    await expect(output(faultResult, 'controller-1').getByTestId('stdout')).toContainText('No valid host was found');
    await expect(fault.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(fault);

    // 2. The real scheduler's log, read by nova-services: Placement had no candidates; every service is up.
    const scheduler = area.getByTestId('runbook-step-scheduler');
    const schedulerResult = await runStep(page, scheduler, { timeout: 180_000 });
    const noCandidates = schedulerResult.locator('[data-testid="finding"][data-check="nova.no-allocation-candidates"]');
    await expect(noCandidates).toHaveAttribute('data-severity', 'warning');
    await expect(noCandidates).toContainText('Placement returned no allocation candidates');
    await expect(schedulerResult.locator('[data-testid="finding"][data-check="nova.service-down"]')).toHaveCount(0);
    await understand(scheduler);

    // 3–5. Placement: the flavor fits nowhere, the inventory says why, and no candidate.
    const capacity = area.getByTestId('runbook-step-capacity');
    const fit = (await runStep(page, capacity)).locator('[data-testid="finding"][data-check="placement.flavor-fit"]');
    await expect(fit).toHaveAttribute('data-severity', 'critical');
    await expect(fit).toContainText('fits nowhere: MEMORY_MB runs out on every provider');
    await expect(capacity.getByTestId('runbook-match')).toHaveText('Your result matches the broken example.');
    await understand(capacity);

    const inventory = area.getByTestId('runbook-step-inventory');
    const inv = output(await runStep(page, inventory), 'controller-1');
    await expect(inv).toHaveAttribute('data-state', 'succeeded');
    await expect(inv.getByTestId('stdout')).toContainText(/MEMORY_MB\s+\|\s+1\.0\s+\|\s+1\s+\|\s+16384\s+\|\s+8192/);
    await expect(inventory.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(inventory);

    const candidates = area.getByTestId('runbook-step-candidates');
    const cand = output(await runStep(page, candidates), 'controller-1');
    await expect(cand).toHaveAttribute('data-state', 'succeeded');
    await expect(cand).not.toContainText('VCPU=4');
    await expect(candidates.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(candidates);

    // 6. The settings behind the numbers, in each compute's /etc/nova/nova.conf.
    const settings = area.getByTestId('runbook-step-settings');
    const settingsResult = await runStep(page, settings);
    for (const n of ['compute-1', 'compute-2']) {
      await expect(output(settingsResult, n).getByTestId('stdout')).toContainText('/etc/nova/nova.conf:reserved_host_memory_mb = 8192');
      await expect(output(settingsResult, n).getByTestId('stdout')).toContainText('/etc/nova/nova.conf:ram_allocation_ratio = 1');
    }
    await expect(settings.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(settings);

    // 7. The fix: confirmed, run on each compute; nova-compute restarts with the new settings.
    const fix = area.getByTestId('runbook-step-fix');
    await expect(fix.getByTestId('runbook-mutating')).toBeVisible();
    const fixResult = await runStep(page, fix, { confirm: true, timeout: 300_000 });
    for (const n of ['compute-1', 'compute-2']) {
      await expect(output(fixResult, n)).toHaveAttribute('data-state', 'succeeded');
      await expect(output(fixResult, n).getByTestId('stdout')).toHaveText(/^\s*active\s*$/);
    }
    await expect(fix.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(fix);

    // nova-compute reports its new inventory as it starts: wait for Placement to have it, as a trainee reading the inventory would.
    for (const n of novaComputeNodes(t.lab.layout)) {
      await waitUntil(`nova-compute on ${n.name} to report 512 MB reserved`, async () => (await placementMemory(t.lab, n.name))?.reserved === 512, 120_000);
    }

    // 8. Placement has room again.
    const verify = area.getByTestId('runbook-step-verify');
    const verified = output(await runStep(page, verify), 'controller-1');
    await expect(verified.getByTestId('stdout')).toContainText('VCPU=4,MEMORY_MB=8192,DISK_GB=80');
    await expect(verify.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(verify);
    await expect(area.getByTestId('runbook-progress')).toHaveText('8 of 8 steps understood · 8 run');
    await shot(page, area.getByTestId(`runbook-${RUNBOOK}`), testInfo.outputPath('runbook-novalidhost-en.png'));

    // The user's retry, through the real scheduler: ACTIVE.
    const retried = await userCreates('novalidhost-retry');
    expect(retried.status).toBe('ACTIVE');

    await page.reload();
    const again = page.getByRole('region', { name: 'Guided runbooks' });
    await expect(again.getByTestId('runbook-progress')).toHaveText('8 of 8 steps understood · 8 run');
    await expect(again.getByTestId('runbook-step-capacity').locator('[data-testid="finding"][data-check="placement.flavor-fit"]')).toHaveAttribute('data-severity', 'critical');
    await expect(again.getByTestId('runbook-step-fix')).toHaveAttribute('data-understood', 'true');

    // The same screen in Korean: the app's own words and the runbook's text.
    await page.getByLabel('Language').selectOption('ko');
    await expect(page.getByRole('heading', { name: '클러스터', exact: true })).toBeVisible();
    const ko = page.getByRole('region', { name: '가이드 런북' });
    await expect(ko.getByRole('heading', { name: '인스턴스 스케줄링 실패 (NoValidHost)' })).toBeVisible();
    await expect(ko.getByTestId('runbook-progress')).toHaveText('8단계 중 8단계 이해 · 8단계 실행');
    const koCapacity = ko.getByTestId('runbook-step-capacity');
    await expect(koCapacity.getByRole('heading', { name: '플레이버가 들어갈 곳이 있는지 Placement에 묻기' })).toBeVisible();
    await expect(koCapacity).toContainText('NoValidHost는 원인이 아니라 증상입니다.');
    await expect(koCapacity.getByRole('button', { name: '다시 실행' })).toBeVisible();
    await expect(koCapacity.getByLabel('이 단계를 이해했습니다')).toBeChecked();
    await expect(ko.getByTestId('runbook-step-fix').getByRole('heading', { name: '설정을 고치고 nova-compute 재시작하기' })).toBeVisible();
    await shot(page, ko.getByTestId(`runbook-${RUNBOOK}`), testInfo.outputPath('runbook-novalidhost-ko.png'));
    await page.getByLabel('언어').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Clusters', exact: true })).toBeVisible();
  } finally {
    await t.onNode('controller-1', 'openstack server delete --wait novalidhost-drill novalidhost-retry 2>&1 || true', 300);
    // A no-op where the trainee already fixed it (nova.conf and Placement already say so).
    await healFault(t.lab, 'placement-no-capacity');
  }
});
