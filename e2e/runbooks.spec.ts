import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openRunbook, runStep, shot, understand } from './runbook-steps.js';
import { breakFault, healFault } from '../main/lab/faults.js';
import { wsrepStatus } from '../main/lab/galera.js';
import { LAB_CLUSTER } from '../main/lab/register.js';
import { startTestLab, type TestLab } from '../main/lab/test-lab.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// A trainee follows a shipped runbook in the real renderer + backend against the light practice
// lab (packages flavour, no control plane) with the fault it trains on: runs the steps, sees the
// finding or output that proves the fault, marks the steps understood, reloads and finds the
// progress kept. The NoValidHost runbook needs the real scheduler: runbook-novalidhost.spec.ts.
let t: TestLab;
let server: BrowserServer;
const cases: Record<string, string> = {
  'vm-unreachable-ssh': 'SSH to db-1 drill',
  'galera-quorum-lost': 'Galera quorum drill',
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  t = await startTestLab({ flavor: 'packages', computes: 2 });
  const cluster = t.core.inventory.clusterByName(LAB_CLUSTER);
  for (const title of Object.values(cases)) t.core.repos.cases.create(title, 'warning', cluster.id);
  server = await startBrowserServer({ core: t.core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  await server?.close();
  await t?.close();
});

const open = (page: Page, runbookId: string): Promise<Locator> => openRunbook(page, server.url, cases[runbookId] as string, runbookId);

test('VM unreachable on SSH: the trace names the security group that lost its tcp/22 rule', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await breakFault(t.lab, 'ovn-acl-drop');
  try {
    const area = await open(page, 'vm-unreachable-ssh');
    const ports = area.getByTestId('runbook-step-ports');
    await expect((await runStep(page, ports)).getByTestId('stdout')).toContainText('fa:16:3e:10:00:03 10.0.0.12');
    // The ports are fine: this fault is in the rules, which the next steps find.
    await expect(ports.getByTestId('runbook-match')).toHaveText('Your result matches the healthy example.');
    await understand(ports);

    const trace = area.getByTestId('runbook-step-trace');
    const drop = (await runStep(page, trace)).locator('[data-testid="finding"][data-check="ovn-trace.security-group-drop"]');
    await expect(drop).toHaveAttribute('data-severity', 'critical');
    await expect(drop).toContainText('tcp/22 from bastion-port (10.0.0.13) to db-1-port (10.0.0.12) is dropped');
    await expect(drop).toContainText('security group "default"');
    await understand(trace);

    const groups = area.getByTestId('runbook-step-security-groups');
    const out = (await runStep(page, groups)).getByTestId('stdout');
    await expect(out).toContainText('outport == @neutron_pg_drop && ip) drop');
    await expect(out).toContainText('icmp4) allow-related');
    await expect(out).not.toContainText('tcp.dst == 22');
    await expect(groups.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understand(groups);
    await expect(area.getByTestId('runbook-progress')).toHaveText('3 of 4 steps understood · 3 run');
    await shot(page, trace, testInfo.outputPath('runbook-ssh-en.png'));

    await page.reload();
    const again = page.getByRole('region', { name: 'Guided runbooks' });
    await expect(again.getByTestId('runbook-progress')).toHaveText('3 of 4 steps understood · 3 run');
    await expect(again.getByTestId('runbook-step-fix')).toHaveAttribute('data-understood', 'false');
    await expect(again.getByTestId('runbook-step-security-groups').getByTestId('stdout')).not.toContainText('tcp.dst == 22');
  } finally {
    await healFault(t.lab, 'ovn-acl-drop');
  }
});

/** A step run from its Korean Run button; a step that changes the cluster is confirmed in its dialog. */
async function runStepKo(page: Page, step: Locator, opts: { confirm?: boolean; timeout?: number } = {}): Promise<Locator> {
  await step.getByRole('button', { name: '이 단계 실행' }).click();
  if (opts.confirm) {
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('이 명령은 클러스터를 변경합니다.');
    await dialog.getByRole('button', { name: '실행해서 클러스터 변경' }).click();
  }
  const result = step.getByTestId('runbook-result');
  await expect(result).toBeVisible();
  await expect(result).not.toHaveAttribute('data-state', 'running', { timeout: opts.timeout ?? 120_000 });
  await expect(step).toHaveAttribute('data-ran', 'true');
  return result;
}

async function understandKo(step: Locator): Promise<void> {
  await step.getByLabel('이 단계를 이해했습니다').check();
  await expect(step).toHaveAttribute('data-understood', 'true');
}

test('Galera lost quorum, in Korean: a trainee bootstraps the survivor, starts the others and ends with a whole cluster, no lab heal', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await breakFault(t.lab, 'galera-quorum-lost');
  try {
    await open(page, 'galera-quorum-lost');
    await page.getByLabel('Language').selectOption('ko');
    const area = page.getByRole('region', { name: '가이드 런북' });
    await expect(area.getByRole('heading', { name: 'Galera 클러스터 쿼럼 상실' })).toBeVisible();
    await expect(area.getByTestId('runbook-progress')).toHaveText('6단계 중 0단계 이해 · 0단계 실행');

    // 1. Every controller's status: the survivor is non-Primary, the others do not answer.
    const status = area.getByTestId('runbook-step-status');
    const statusResult = await runStepKo(page, status);
    await expect(statusResult.getByTestId('runbook-output-controller-1').getByTestId('stdout')).toContainText(/wsrep_cluster_status\s+non-Primary/);
    await expect(statusResult.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await expect(statusResult.getByTestId('runbook-match')).toHaveText('내 결과가 고장 예시와 일치합니다.');
    await understandKo(status);

    // 2. galera-health: its findings, embedded in the runbook, speak Korean.
    const health = area.getByTestId('runbook-step-health');
    const healthResult = await runStepKo(page, health);
    const bootstrapFinding = healthResult.locator('[data-testid="finding"][data-check="galera.bootstrap"]');
    await expect(bootstrapFinding).toHaveAttribute('data-severity', 'critical');
    await expect(bootstrapFinding).toContainText('Primary 컴포넌트 없음: controller-1에서 부트스트랩');
    await expect(healthResult.locator('[data-testid="finding"][data-check="galera.mysqld-down"]').first()).toContainText('에서 mysqld가 실행되고 있지 않음');
    await expect(healthResult.locator('[data-testid="finding"][data-check="galera.non-primary"]')).toContainText('controller-1이(가) Primary 컴포넌트에 없음');
    await expect(healthResult).not.toContainText('No Primary component');
    await expect(healthResult).not.toContainText('is not running on');
    await expect(healthResult.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understandKo(health);
    await shot(page, health, testInfo.outputPath('runbook-galera-ko-findings.png'));

    // 3. grastate.dat and live positions: the killed nodes do not answer, the survivor does.
    const grastate = area.getByTestId('runbook-step-grastate');
    const grastateResult = await runStepKo(page, grastate);
    await expect(grastateResult.getByTestId('runbook-output-controller-2').getByTestId('stdout')).toContainText('mysqld is not answering');
    await expect(grastateResult.getByTestId('runbook-output-controller-1').getByTestId('stdout')).toContainText(/wsrep_last_committed\s+\d+/);
    await expect(grastateResult.getByTestId('runbook-match')).toHaveAttribute('data-match', 'broken');
    await understandKo(grastate);

    // 4. Bootstrap: the trainee picks the node the finding named and confirms the change.
    const bootstrap = area.getByTestId('runbook-step-bootstrap');
    await expect(bootstrap.getByTestId('runbook-mutating')).toContainText('클러스터 변경');
    await expect(bootstrap.getByRole('button', { name: '이 단계 실행' })).toBeDisabled();
    await bootstrap.getByLabel('노드', { exact: true }).selectOption('controller-1');
    const bootstrapResult = await runStepKo(page, bootstrap, { confirm: true });
    await expect(bootstrapResult.getByTestId('runbook-output-controller-1').getByTestId('stdout')).toContainText(/wsrep_cluster_status\s+Primary/);
    await expect(bootstrapResult.locator('[data-testid^="runbook-output-"]')).toHaveCount(1);
    await expect(bootstrapResult.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await understandKo(bootstrap);

    // 5. Start the others, one at a time, with the lab's systemctl.
    const start = area.getByTestId('runbook-step-start-others');
    const startResult = await runStepKo(page, start, { confirm: true, timeout: 400_000 });
    for (const n of ['controller-1', 'controller-2', 'controller-3']) {
      const out = startResult.getByTestId(`runbook-output-${n}`);
      await expect(out).toHaveAttribute('data-state', 'succeeded');
      await expect(out.getByTestId('stdout')).toContainText('active');
      await expect(out.getByTestId('stdout')).not.toContainText('inactive');
    }
    await expect(startResult.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await expect(startResult.getByTestId('runbook-match')).toHaveText('내 결과가 정상 예시와 일치합니다.');
    await understandKo(start);

    // 6. galera-health again: the whole cluster is back, said in Korean.
    const verify = area.getByTestId('runbook-step-verify');
    const verifyResult = await runStepKo(page, verify);
    await expect(verifyResult.locator('[data-testid="finding"][data-check="galera.primary"]')).toContainText('controller-1, controller-2, controller-3이(가) Primary 컴포넌트에 있음');
    await expect(verifyResult.locator('[data-testid="finding"][data-check="galera.cluster-size"]')).toContainText('Galera 클러스터에 노드 3대가 모두 있음');
    await expect(verifyResult.locator('[data-testid="finding"][data-severity="critical"], [data-testid="finding"][data-severity="warning"]')).toHaveCount(0);
    await expect(verifyResult.getByTestId('runbook-match')).toHaveAttribute('data-match', 'healthy');
    await expect(area.getByTestId('runbook-complete')).toHaveCount(0);
    await understandKo(verify);

    // The end: time, steps, what was learned, and a note in the case.
    const done = area.getByTestId('runbook-complete');
    await expect(done.getByRole('heading', { name: '런북 완료' })).toBeVisible();
    await expect(done.getByTestId('runbook-complete-stats')).toHaveText(/^걸린 시간: \d+분 \d+초 · 전체 6단계 중 6단계 실행$/);
    await expect(done).toContainText('노드 **하나만**'.replaceAll('**', ''));
    await shot(page, done, testInfo.outputPath('runbook-galera-ko-complete.png'));
    await done.getByRole('button', { name: '케이스에 메모로 남기기' }).click();
    await expect(done.getByRole('button', { name: '케이스 메모에 남겼습니다' })).toBeDisabled();
    const kase = t.core.repos.cases.list().find((c) => c.title === cases['galera-quorum-lost']);
    const notes = t.core.repos.cases.detail(kase?.id ?? 0)?.notes ?? [];
    expect(notes.map((n) => n.text).join('\n')).toMatch(/^런북 완료: Galera 클러스터 쿼럼 상실\n걸린 시간: .*\n\n배운 것\n- Galera 노드는/m);

    // The cluster itself agrees, read straight from the lab: every node Primary, size 3, Synced.
    for (const n of t.lab.layout.nodes.filter((x) => x.role === 'controller')) {
      expect(await wsrepStatus(n), n.name).toMatchObject({ wsrep_cluster_status: 'Primary', wsrep_cluster_size: '3', wsrep_local_state_comment: 'Synced' });
    }
    await page.getByLabel('언어').selectOption('en');
  } finally {
    // Clears the lab's record of the fault; a no-op on a cluster the trainee already recovered.
    await healFault(t.lab, 'galera-quorum-lost');
  }
});
