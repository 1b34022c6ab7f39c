import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openRunbook, runStep, shot, understand } from './runbook-steps.js';
import { breakFault, faultById, healFault } from '../main/lab/faults.js';
import { waitUntil } from '../main/lab/proc.js';
import { rabbitClusterStatus, rabbitUser, startAmqpClient, type AmqpClient } from '../main/lab/rabbitmq.js';
import { controllers, type LabNode } from '../main/lab/layout.js';
import { LAB_CLUSTER } from '../main/lab/register.js';
import { startTestLab, type TestLab } from '../main/lab/test-lab.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// The RabbitMQ runbook on a light lab with a 3-node RabbitMQ cluster (one lab for the file). A
// client publishes and consumes as an OpenStack service would. First a memory alarm: the trainee
// tells it from a partition with rabbitmq-cluster, finds the alarmed node and its watermark, sees
// the client blocked, rules out piling queues, sets the watermark back on the node they pick and
// proves the cluster and the client are back. Then a partition: which nodes see which, the
// minority restarted from the runbook on the node they pick, the cluster whole again. No lab heal
// does the trainee's work (heal only clears the lab's record afterwards).
let t: TestLab;
let server: BrowserServer;
let client: AmqpClient | undefined;
const ALARM_CASE = 'RabbitMQ alarm drill';
const PARTITION_CASE = 'RabbitMQ partition drill';
const RUNBOOK = 'rabbitmq-alarm-partition';
const CLIENT_USER = 'stackscope-e2e';

test.describe.configure({ mode: 'serial' });

const ip = (name: string): string => (t.lab.layout.nodes.find((n) => n.name === name) as LabNode).ip;
const rabbit = (name: string): string => `rabbit@${ip(name)}`;

/** What an operator reads on controller-1: the client's connection state. */
const clientState = async (): Promise<string> => (await t.onNode('controller-1', `rabbitmqctl -q list_connections --no-table-headers user state | grep ${CLIENT_USER} || true`)).stdout;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  t = await startTestLab({ flavor: 'packages', computes: 1, controlPlane: 'none', rabbitmqNodes: 3 });
  const cluster = t.core.inventory.clusterByName(LAB_CLUSTER).id;
  t.core.repos.cases.create(ALARM_CASE, 'critical', cluster);
  t.core.repos.cases.create(PARTITION_CASE, 'critical', cluster);
  server = await startBrowserServer({ core: t.core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });

  // A service's client on controller-1's broker: its own queue, consumed, and a message published every 200 ms.
  const password = randomBytes(12).toString('hex');
  await rabbitUser(t.lab.layout, CLIENT_USER, password);
  client = await startAmqpClient({ host: ip('controller-1'), user: CLIENT_USER, password, queue: 'stackscope-e2e', consume: true });
  expect(await clientState()).toMatch(/\brunning\b/);
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  client?.stop();
  await server?.close();
  await t?.close();
});

const output = (result: Locator, node: string) => result.getByTestId(`runbook-output-${node}`);
const problems = (result: Locator) => result.locator('[data-testid="finding"][data-severity="critical"], [data-testid="finding"][data-severity="warning"]');

/** The runbook's last two steps on a whole cluster: rabbitmq-cluster finds it healthy, and the client's queue has its consumer. */
async function verifyWhole(page: Page, area: Locator): Promise<Locator> {
  const verify = area.getByTestId('runbook-step-verify');
  const verified = await runStep(page, verify);
  await expect(verified.locator('[data-testid="finding"][data-check="rabbitmq.cluster"]')).toContainText('RabbitMQ: 3 of 3 nodes running, no partition, no alarm');
  await expect(problems(verified)).toHaveCount(0);
  await expect(verify.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
  await understand(verify);
  const consumers = area.getByTestId('runbook-step-consumers');
  const queues = (await runStep(page, consumers)).locator('[data-testid="finding"][data-check="rabbitmq.queues"]');
  await expect(queues).toHaveAttribute('data-severity', 'ok');
  await expect(consumers.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
  await understand(consumers);
  return queues;
}

test('a memory alarm: recognised, the alarmed node and the blocked client found, the watermark set back from the runbook, cluster and client back', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  const started = Date.now();
  await breakFault(t.lab, 'rabbitmq-memory-alarm');
  try {
    await waitUntil('the client to be blocked', async () => /\bblocked\b/.test(await clientState()), 60_000);
    const area = await openRunbook(page, server.url, ALARM_CASE, RUNBOOK);
    await expect(area.getByTestId('runbook-progress')).toHaveText('0 of 9 steps understood · 0 run');

    // 1. Recognise: an alarm (not a partition), on controller-1's broker.
    const cluster = area.getByTestId('runbook-step-cluster');
    const recognised = await runStep(page, cluster);
    const alarm = recognised.locator('[data-testid="finding"][data-check="rabbitmq.alarm-memory"]');
    await expect(alarm).toHaveAttribute('data-severity', 'critical');
    await expect(alarm).toContainText(`RabbitMQ memory alarm on ${rabbit('controller-1')}: publishers are blocked`);
    await expect(recognised.locator('[data-testid="finding"][data-check="rabbitmq.partition"]')).toHaveCount(0);
    await expect(cluster.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(cluster);

    // 2. The alarm is controller-1's own, its memory above a 10 MB watermark; the others have none.
    const alarms = area.getByTestId('runbook-step-alarms');
    const read = await runStep(page, alarms);
    await expect(output(read, 'controller-1').getByTestId('stdout')).toContainText(`Memory alarm on node ${rabbit('controller-1')}`);
    await expect(output(read, 'controller-1').getByTestId('stdout')).toContainText('Memory high watermark setting: 0.01 gb');
    await expect(output(read, 'controller-2').getByTestId('stdout')).toContainText(`Node ${rabbit('controller-2')} reported no local alarms`);
    await expect(alarms.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(alarms);

    // 3. The client is blocked.
    const blocked = area.getByTestId('runbook-step-blocked');
    const conns = output(await runStep(page, blocked), 'controller-1').getByTestId('stdout');
    await expect(conns).toContainText(new RegExp(`${CLIENT_USER}\\s+\\S+\\s+blocked`));
    await expect(conns).toContainText(/1 connection\(s\): 0 running, 1 blocked or blocking/);
    await expect(blocked.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(blocked);

    // 4. No queue piles up: the watermark, not the load, is the cause.
    const queues = area.getByTestId('runbook-step-queues');
    const listed = await runStep(page, queues);
    await expect(listed.locator('[data-testid="finding"][data-check="rabbitmq.queues"]')).toHaveAttribute('data-severity', 'ok');
    await expect(problems(listed)).toHaveCount(0);
    await expect(queues.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(queues);

    // 5. The fix, on the node the alarm names, confirmed.
    const fix = area.getByTestId('runbook-step-fix-alarm');
    await expect(fix.getByTestId('runbook-mutating')).toBeVisible();
    await expect(fix.getByRole('button', { name: 'Run this step' })).toBeDisabled();
    await fix.getByLabel('Node', { exact: true }).selectOption('controller-1');
    const fixed = await runStep(page, fix, { confirm: true });
    await expect(output(fixed, 'controller-1').getByTestId('stdout')).toContainText(`Node ${rabbit('controller-1')} reported no local alarms`);
    await expect(fixed.locator('[data-testid^="runbook-output-"]')).toHaveCount(1);
    await expect(fix.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(fix);

    // 6. The partition steps: nothing to see here (every node sees all three, no partition); the restart is not for this case.
    const partitions = area.getByTestId('runbook-step-partitions');
    const seen = await runStep(page, partitions);
    for (const n of ['controller-1', 'controller-2', 'controller-3']) await expect(output(seen, n).getByTestId('stdout')).toContainText(/Network Partitions\s+\(none\)/);
    await expect(output(seen, 'controller-1').getByTestId('stdout')).toContainText('cluster_partition_handling,ignore');
    await expect(partitions.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(partitions);

    // 7–8. The cluster has no alarm left, and the client's queue has its consumer.
    await expect(await verifyWhole(page, area)).toContainText('RabbitMQ queues: none waits without a consumer');
    await expect(area.getByTestId('runbook-progress')).toHaveText('8 of 9 steps understood · 8 run');
    await expect(area.getByTestId('runbook-step-restart-minority')).toHaveAttribute('data-ran', 'false');
    await shot(page, area.getByTestId(`runbook-${RUNBOOK}`), testInfo.outputPath('runbook-rabbitmq-alarm-en.png'));

    // The client publishes again, read straight from the broker.
    await waitUntil('the client to run again', async () => /\brunning\b/.test(await clientState()), 60_000);

    // Progress survives a reload; the runbook speaks Korean.
    await page.reload();
    const again = page.getByRole('region', { name: 'Guided runbooks' });
    await expect(again.getByTestId('runbook-progress')).toHaveText('8 of 9 steps understood · 8 run');
    await page.getByLabel('Language').selectOption('ko');
    const ko = page.getByRole('region', { name: '가이드 런북' });
    await expect(ko.getByRole('heading', { name: 'RabbitMQ 알람 또는 파티션' })).toBeVisible();
    await expect(ko.getByTestId('runbook-progress')).toHaveText('9단계 중 8단계 이해 · 8단계 실행');
    await expect(ko.getByTestId('runbook-step-fix-alarm').getByRole('heading', { name: '알람: 알람을 올린 노드에서 풀기' })).toBeVisible();
    await expect(ko.getByTestId('runbook-step-restart-minority').getByRole('heading', { name: '파티션: 소수 쪽 노드의 브로커 재시작' })).toBeVisible();
    await page.getByLabel('언어').selectOption('en');
    console.log(`alarm drill: ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    // Clears the lab's record (and sets the lab's own 200 MB watermark back).
    await healFault(t.lab, 'rabbitmq-memory-alarm');
  }
});

test('a partition: which nodes see which, the minority restarted from the runbook on the node picked, the cluster whole and the client served', async ({ page }) => {
  test.setTimeout(600_000);
  const started = Date.now();
  await breakFault(t.lab, 'rabbitmq-partition');
  try {
    const area = await openRunbook(page, server.url, PARTITION_CASE, RUNBOOK);

    // 1. Recognise: a partition, controller-3 apart from controller-1 and controller-2, no alarm.
    const cluster = area.getByTestId('runbook-step-cluster');
    const recognised = await runStep(page, cluster);
    const partition = recognised.locator('[data-testid="finding"][data-check="rabbitmq.partition"]');
    await expect(partition).toHaveAttribute('data-severity', 'critical');
    await expect(partition).toContainText(rabbit('controller-1'));
    await expect(partition).toContainText(rabbit('controller-3'));
    await expect(recognised.locator('[data-testid="finding"][data-check^="rabbitmq.alarm-"]')).toHaveCount(0);
    await expect(cluster.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(cluster);

    // 2. controller-3 sees only itself; controller-1 sees controller-2 and cannot talk to controller-3.
    const partitions = area.getByTestId('runbook-step-partitions');
    const seen = await runStep(page, partitions);
    const c1 = output(seen, 'controller-1').getByTestId('stdout');
    const c3 = output(seen, 'controller-3').getByTestId('stdout');
    await expect(c1).toContainText(`Node ${rabbit('controller-1')} cannot communicate with ${rabbit('controller-3')}`);
    await expect(c1).toContainText(rabbit('controller-2'));
    await expect(c3).toContainText(new RegExp(`Running Nodes\\s+${rabbit('controller-3').replace(/\./g, '\\.')}\\s+Network Partitions`));
    await expect(c3).toContainText(`Node ${rabbit('controller-3')} cannot communicate with`);
    await expect(c1).toContainText('cluster_partition_handling,ignore');
    await expect(partitions.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(partitions);

    // 3. Restart the minority's broker, on the node the trainee picks, confirmed: it rejoins.
    const restart = area.getByTestId('runbook-step-restart-minority');
    await restart.getByLabel('Node', { exact: true }).selectOption('controller-3');
    const restarted = await runStep(page, restart, { confirm: true, timeout: 200_000 });
    const view = output(restarted, 'controller-3').getByTestId('stdout');
    for (const n of ['controller-1', 'controller-2', 'controller-3']) await expect(view).toContainText(rabbit(n));
    await expect(view).toContainText(/Network Partitions\s+\(none\)/);
    await expect(restarted.locator('[data-testid^="runbook-output-"]')).toHaveCount(1);
    await expect(restart.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understand(restart);

    // The majority forgets the partition once the restarted node is back: read as an operator would until it does.
    const c1Node = controllers(t.lab.layout)[0] as LabNode;
    await waitUntil('controller-1 to list no partition', async () => Object.keys((await rabbitClusterStatus(t.lab.layout, c1Node))?.partitions ?? { x: 1 }).length === 0, 90_000);

    // 4–5. Whole again, and the client's queue still has its consumer.
    await verifyWhole(page, area);
    await expect(area.getByTestId('runbook-progress')).toHaveText('5 of 9 steps understood · 5 run');
    expect(await clientState()).toMatch(/\brunning\b/);

    // The cluster itself agrees, from every node.
    for (const n of controllers(t.lab.layout)) {
      const st = await rabbitClusterStatus(t.lab.layout, n);
      expect(st?.running_nodes.length, n.name).toBe(3);
      expect(st?.partitions, n.name).toEqual({});
    }
    console.log(`partition drill: ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    // Only when the trainee's steps did not heal it (the lab's heal restarts controller-3's broker once more).
    if ((await faultById('rabbitmq-partition').holds?.(t.lab)) !== false) await healFault(t.lab, 'rabbitmq-partition');
  }
});
