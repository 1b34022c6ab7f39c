import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { openRunbook, runStep, shot, understand } from './runbook-steps.js';
import { breakFault, healFault } from '../main/lab/faults.js';
import { waitUntil } from '../main/lab/proc.js';
import { LAB_CLUSTER } from '../main/lab/register.js';
import { startTestLab, type TestLab } from '../main/lab/test-lab.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// Two runbooks of the real control plane on one packages lab (one lab for the file): a compute
// whose nova-compute stopped, and a compute whose OVN metadata agent stopped. Each time the
// trainee follows the runbook in the real renderer from Nova's or Neutron's own view to the
// service on the compute, rules out the neighbours (messaging; DHCP and ovn-controller), starts
// the service from the runbook on the compute they pick, and proves it reports again; no lab heal.
let t: TestLab;
let server: BrowserServer;
const COMPUTE_CASE = 'compute-1 down drill';
const METADATA_CASE = 'no metadata drill';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  t = await startTestLab({ flavor: 'packages', computes: 2, controlPlane: 'full' });
  const cluster = t.core.inventory.clusterByName(LAB_CLUSTER).id;
  t.core.repos.cases.create(COMPUTE_CASE, 'critical', cluster);
  t.core.repos.cases.create(METADATA_CASE, 'warning', cluster);
  server = await startBrowserServer({ core: t.core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  test.setTimeout(300_000);
  await server?.close();
  await t?.close();
});

const output = (result: Locator, node: string) => result.getByTestId(`runbook-output-${node}`);

/** What an operator would type on controller-1, to know when the service reports again. */
async function onController(command: string): Promise<string> {
  return (await t.onNode('controller-1', command)).stdout;
}

test('a compute service down: from Nova\'s service list to the stopped nova-compute, started from the runbook, up again', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  await breakFault(t.lab, 'nova-compute-down');
  try {
    const area = await openRunbook(page, server.url, COMPUTE_CASE, 'compute-service-down');
    await expect(area.getByTestId('runbook-progress')).toHaveText('0 of 6 steps understood · 0 run');

    // 1. Nova's view: nova-compute on compute-1 is down, with its own log.
    const services = area.getByTestId('runbook-step-services');
    const down = (await runStep(page, services, { timeout: 180_000 })).locator('[data-testid="finding"][data-check="nova.service-down"]');
    await expect(down).toHaveAttribute('data-severity', 'critical');
    await expect(down).toContainText('compute-1');
    await expect(services.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(services);

    // 2. The users' servers: the ones on compute-1 still run; nothing is stuck.
    const servers = area.getByTestId('runbook-step-servers');
    const listed = output(await runStep(page, servers), 'controller-1');
    await expect(listed).toHaveAttribute('data-state', 'succeeded');
    await expect(servers.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(servers);

    // 3. On the computes: compute-1's service is inactive, compute-2's active.
    const process = area.getByTestId('runbook-step-process');
    const processed = await runStep(page, process);
    await expect(output(processed, 'compute-1').getByTestId('stdout')).toContainText(/^inactive/);
    await expect(output(processed, 'compute-2').getByTestId('stdout')).toContainText(/^active/);
    await expect(process.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(process);

    // 4. Messaging is not the cause: no signature of RabbitMQ trouble is critical or a warning.
    const messaging = area.getByTestId('runbook-step-messaging');
    const signatures = await runStep(page, messaging, { timeout: 180_000 });
    await expect(signatures.locator('[data-testid="finding"]').first()).toBeVisible();
    await expect(signatures.locator('[data-testid="finding"][data-severity="critical"], [data-testid="finding"][data-severity="warning"]')).toHaveCount(0);
    await understand(messaging);

    // 5. The fix on the compute the trainee picks, confirmed.
    const fix = area.getByTestId('runbook-step-fix');
    await expect(fix.getByTestId('runbook-mutating')).toBeVisible();
    await expect(fix.getByRole('button', { name: 'Run this step' })).toBeDisabled();
    await fix.getByLabel('Node', { exact: true }).selectOption('compute-1');
    const fixed = await runStep(page, fix, { confirm: true, timeout: 300_000 });
    await expect(output(fixed, 'compute-1').getByTestId('stdout')).toHaveText(/^\s*active\s*$/);
    await expect(fixed.locator('[data-testid^="runbook-output-"]')).toHaveCount(1);
    await expect(fix.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(fix);

    // nova-compute reports within report_interval of its start: wait for Nova to say so, as the trainee listing again would.
    await waitUntil('nova-compute on compute-1 to be up', async () => /compute-1 enabled up/.test(await onController('openstack compute service list --service nova-compute -f value -c Host -c Status -c State')), 120_000);

    // 6. Every compute up again.
    const verify = area.getByTestId('runbook-step-verify');
    const verified = output(await runStep(page, verify), 'controller-1');
    await expect(verified.getByTestId('stdout')).toContainText('compute-1 enabled up');
    await expect(verify.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(verify);
    await expect(area.getByTestId('runbook-progress')).toHaveText('6 of 6 steps understood · 6 run');
    await shot(page, area.getByTestId('runbook-compute-service-down'), testInfo.outputPath('runbook-compute-down-en.png'));

    // Korean: the runbook's own words.
    await page.getByLabel('Language').selectOption('ko');
    const ko = page.getByRole('region', { name: '가이드 런북' });
    await expect(ko.getByRole('heading', { name: '컴퓨트 서비스 down / ERROR에 멈춘 인스턴스' })).toBeVisible();
    await expect(ko.getByTestId('runbook-progress')).toHaveText('6단계 중 6단계 이해 · 6단계 실행');
    await expect(ko.getByTestId('runbook-step-process').getByRole('heading', { name: '각 컴퓨트의 nova-compute 보기' })).toBeVisible();
    await page.getByLabel('언어').selectOption('en');
  } finally {
    await healFault(t.lab, 'nova-compute-down');
  }
});

test('VMs get no metadata: Neutron says which agent, DHCP and ovn-controller are ruled out, the agent started from the runbook reports again', async ({ page }, testInfo) => {
  test.setTimeout(900_000);
  await breakFault(t.lab, 'metadata-agent-down');
  try {
    const area = await openRunbook(page, server.url, METADATA_CASE, 'vm-no-metadata');
    await expect(area.getByTestId('runbook-progress')).toHaveText('0 of 6 steps understood · 0 run');

    // 1. Neutron's agents: compute-1's metadata agent XXX, the others alive.
    const agents = area.getByTestId('runbook-step-agents');
    const listed = output(await runStep(page, agents), 'controller-1').getByTestId('stdout');
    await expect(listed).toContainText(/OVN Metadata agent compute-1 (XXX|False)/);
    await expect(listed).toContainText(/OVN Metadata agent compute-2 (:-\)|True)/);
    await expect(agents.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(agents);

    // 2. On the computes: the agent of compute-1 is not running.
    const service = area.getByTestId('runbook-step-agent-service');
    const serviced = await runStep(page, service);
    await expect(output(serviced, 'compute-1').getByTestId('stdout')).toContainText(/^inactive/);
    await expect(output(serviced, 'compute-2').getByTestId('stdout')).toContainText(/^active/);
    await expect(service.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(service);

    // 3–4. DHCP is configured in OVN and ovn-controller serves every compute: not the cause.
    const dhcp = area.getByTestId('runbook-step-dhcp');
    await expect(output(await runStep(page, dhcp), 'controller-1').getByTestId('stdout')).toContainText('lease_time');
    await expect(dhcp.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(dhcp);

    const chassis = area.getByTestId('runbook-step-chassis');
    const ovn = await runStep(page, chassis, { timeout: 180_000 });
    await expect(ovn.locator('[data-testid="finding"]').first()).toBeVisible();
    await expect(ovn.locator('[data-testid="finding"][data-severity="critical"], [data-testid="finding"][data-severity="warning"]')).toHaveCount(0);
    await expect(chassis.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(chassis);

    // 5. The fix on the compute the trainee picks.
    const fix = area.getByTestId('runbook-step-fix');
    await fix.getByLabel('Node', { exact: true }).selectOption('compute-1');
    const fixed = await runStep(page, fix, { confirm: true, timeout: 300_000 });
    await expect(output(fixed, 'compute-1').getByTestId('stdout')).toHaveText(/^\s*active\s*$/);
    await expect(fix.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(fix);

    // The agent answers Neutron's next ping once connected: list as an operator would until it does.
    await waitUntil('the metadata agent of compute-1 to be alive', async () => /OVN Metadata agent compute-1 (:-\)|True)/.test(await onController('openstack network agent list -f value -c "Agent Type" -c Host -c Alive -c State')), 120_000);

    // 6. Alive again.
    const verify = area.getByTestId('runbook-step-verify');
    const verified = output(await runStep(page, verify), 'controller-1').getByTestId('stdout');
    await expect(verified).toContainText(/OVN Metadata agent compute-1 (:-\)|True)/);
    await expect(verify.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(verify);
    await expect(area.getByTestId('runbook-progress')).toHaveText('6 of 6 steps understood · 6 run');
    await shot(page, area.getByTestId('runbook-vm-no-metadata'), testInfo.outputPath('runbook-no-metadata-en.png'));

    await page.reload();
    const again = page.getByRole('region', { name: 'Guided runbooks' });
    await expect(again.getByTestId('runbook-progress')).toHaveText('6 of 6 steps understood · 6 run');
  } finally {
    await healFault(t.lab, 'metadata-agent-down');
  }
});
