import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { breakFault, healFault } from '../main/lab/faults.js';
import { LAB_CLUSTER } from '../main/lab/register.js';
import { tenantOf } from '../main/lab/tenant.js';
import { startTestLab, type TestLab } from '../main/lab/test-lab.js';
import { startBrowserServer, type BrowserServer } from '../main/server/server.js';

// Paged at 3 a.m. (issue 14): "API errors, and VM web-1 unreachable by SSH", with Galera's quorum
// lost and web-1's SSH rule gone on the practice lab. From the home screen one "Check cluster" runs
// every playbook that applies, and the case's Findings tab shows the cause first (which node to
// bootstrap from) with the Placement HTTP 500 under it as a consequence; from that case one
// ovn-trace (source picked from the cluster's ports, destination typed) names the ACL and the
// security group: at most 6 interactions from home. The picture is grey before, red where broken
// during; a node opens from it and from the sidebar, with a terminal one click away. After healing,
// a new check finds nothing wrong and says what it ruled out, and the picture is green everywhere.
// Screenshots go to /tmp/shots (outside the repo).
let t: TestLab;
let server: BrowserServer;
const SHOTS = '/tmp/shots';
const CHECK_TIMEOUT = 180_000;
/** The faults injected and not yet healed: afterAll heals what a failed test left broken. */
const broken = new Set<'galera-quorum-lost' | 'ovn-acl-drop'>();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // The light lab (no RabbitMQ, one compute) has Galera, Placement, OVN and OVS: all a check reads here.
  t = await startTestLab({ flavor: 'packages', computes: 1, rabbitmq: false });
  server = await startBrowserServer({ core: t.core, staticDir: join(import.meta.dirname, '..', 'dist', 'renderer') });
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  test.setTimeout(180_000);
  for (const fault of broken) await healFault(t.lab, fault);
  await server?.close();
  await t?.close();
});

/** Counts what a person does (clicks, typing), so the test can hold the path to its answer short. */
function counter(): { act: (what: () => Promise<unknown>) => Promise<void>; readonly n: number } {
  let n = 0;
  return {
    async act(what) {
      n += 1;
      await what();
    },
    get n() {
      return n;
    },
  };
}

/** Wait until the check shown on the Findings tab has no run left going. */
async function checkFinished(page: Page): Promise<void> {
  const progress = page.getByRole('region', { name: 'Cluster check' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-running', 'false', { timeout: CHECK_TIMEOUT });
  await expect(progress).toContainText(/Check finished: \d+ playbooks/);
}

/** A screenshot of the whole page (the main pane scrolls inside, so make room for all of it, up to 2600 px). */
async function shot(page: Page, name: string): Promise<void> {
  const height = await page.locator('.main').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 1300, height: Math.min(2600, Math.max(820, height)) });
  await page.locator('.main').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name) });
  await page.setViewportSize({ width: 1300, height: 820 });
}

/** Long lines wrap or scroll inside their own box: neither the page nor the main pane scrolls sideways. */
async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('.main') as HTMLElement;
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, main: main.scrollWidth - main.clientWidth };
  });
  expect(overflow).toEqual({ page: 0, main: 0 });
}

const picture = (page: Page): Locator => page.getByTestId(`picture-${LAB_CLUSTER}`);
const nodeCard = (page: Page, name: string): Locator => picture(page).getByTestId(`picture-node-${name}`);

test('Paged at 3 a.m.: Check cluster from home shows the Galera quorum first with the Placement 500 under it; ovn-trace names the ACL and its security group; 6 interactions at most', async ({ page }) => {
  test.setTimeout(600_000);
  const controllers = t.lab.layout.nodes.filter((n) => n.role === 'controller').map((n) => n.name);
  expect(controllers.length).toBeGreaterThan(1);
  const tenant = tenantOf(t.lab.layout);
  const web1 = tenant.instances.find((i) => i.name === 'web-1');
  const bastion = tenant.instances.find((i) => i.name === 'bastion');
  if (!web1 || !bastion) throw new Error('the lab tenant has no web-1 or bastion instance (main/lab/tenant.ts)');
  for (const fault of ['galera-quorum-lost', 'ovn-acl-drop'] as const) {
    await breakFault(t.lab, fault);
    broken.add(fault);
  }
  const user = counter();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  // Nothing has run on the lab yet: every node is "not checked" (grey), never green.
  for (const n of t.lab.layout.nodes) await expect(nodeCard(page, n.name)).toHaveAttribute('data-health', 'unknown');

  await user.act(() => picture(page).getByRole('button', { name: 'Check cluster' }).click());
  await expect(page).toHaveURL(/#\/cases\/\d+\/findings/);
  await expect(page.getByRole('tab', { name: /Findings/ })).toHaveAttribute('aria-selected', 'true');
  // Live: one row per playbook, galera-health among them, with its nodes.
  const progress = page.getByRole('region', { name: 'Cluster check' });
  await expect(progress.getByTestId('check-run-galera-health')).toBeVisible();
  await expect(progress.getByRole('list', { name: 'Nodes of galera-health' }).getByRole('listitem')).toHaveCount(controllers.length, { timeout: 60_000 });
  await checkFinished(page);

  // The cause first, with the node to bootstrap from; the Placement 500 under it as a consequence.
  const first = page.getByTestId('problem').first();
  const root = first.getByTestId('case-finding').first();
  await expect(root.locator('.finding-title')).toHaveText(/^No Primary component: bootstrap from controller-\d/);
  const because = first.getByRole('region', { name: 'Because of this' });
  const placement = because.locator('[data-testid="case-finding"][data-check="placement.api"]');
  await expect(placement).toContainText('answered HTTP 500');
  expect(user.n).toBe(1);
  const caseUrl = page.url();

  // From that case: ovn-trace from the bastion (picked from the cluster's ports) to web-1 (typed).
  await user.act(() => page.getByRole('tab', { name: /Runs/ }).click());
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  await user.act(() => panel.getByLabel('Playbook').selectOption('ovn-trace'));
  // The cluster's ports arrive as suggestions; the person picks the bastion's.
  await expect(panel.getByTestId('suggest-source').locator(`option[label*="(${bastion.port.ip})"]`)).toBeAttached({ timeout: 60_000 });
  const source = await panel.getByTestId('suggest-source').evaluate((list, ip) => [...(list as HTMLDataListElement).options].find((o) => o.label.includes(`(${ip})`))?.value ?? '', bastion.port.ip);
  expect(source).toBe(bastion.port.name);
  await user.act(() => panel.getByLabel('Source port').fill(source));
  await user.act(() => panel.getByLabel('Destination IP address').fill(web1.port.ip));
  await user.act(() => panel.getByRole('button', { name: 'Run playbook' }).click());

  const trace = page.locator('[data-testid^="run-"]').first();
  await expect(trace).toContainText('playbook ovn-trace');
  const drop = trace.locator('[data-testid="finding"][data-check="ovn-trace.security-group-drop"]');
  await expect(drop).toHaveAttribute('data-severity', 'critical', { timeout: CHECK_TIMEOUT });
  await expect(drop).toContainText(`tcp/22 from ${bastion.port.name} (${bastion.port.ip}) to ${web1.port.name} (${web1.port.ip}) is dropped`);
  // The ACL that dropped it and the security group missing the rule.
  await expect(drop).toContainText('neutron_pg_drop');
  await expect(drop).toContainText('security group "default"');
  // The answer is on screen where the run was started, without scrolling by hand.
  await expect(drop).toBeInViewport();
  expect(user.n).toBeLessThanOrEqual(6);
  console.log(`interactions from home to the ovn-trace answer: ${user.n}`);
  await noHorizontalScroll(page);

  // Not counted (what a reader does next): the Findings tab holds both answers, the cause first.
  await page.getByRole('tab', { name: /Findings/ }).click();
  expect(page.url().split('/findings')[0]).toBe(caseUrl.split('/findings')[0]);
  await expect(page.getByTestId('problem').first().getByTestId('case-finding').first().locator('.finding-title')).toHaveText(/^No Primary component: bootstrap from controller-\d/);
  await expect(page.locator('[data-testid="case-finding"][data-check="ovn-trace.security-group-drop"]')).toBeVisible();
  // The trace was not part of the check: the check's progress still lists only its own playbooks.
  await expect(progress.getByTestId('check-run-galera-health')).toBeVisible();
  await expect(progress.getByTestId('check-run-ovn-trace')).toHaveCount(0);
  await noHorizontalScroll(page);
  await shot(page, 'findings-broken.png');
  // The Placement answer opens to its evidence, which quotes the database's refusal.
  await placement.locator('summary').click();
  await expect(placement.getByTestId('evidence').first()).toBeVisible();
  await expect(placement).toContainText(/WSREP has not yet prepared node|1047/);
  // Its output opens searching a short fragment of the evidence line, never the whole line.
  await placement.getByRole('button', { name: 'Open full output' }).first().click();
  const viewer = page.getByRole('dialog').filter({ has: page.getByRole('searchbox', { name: 'Find in output' }) });
  const find = await viewer.getByRole('searchbox', { name: 'Find in output' }).inputValue();
  expect(find.length).toBeLessThanOrEqual(60);
  expect(decodeURIComponent(new URL(page.url()).hash).length).toBeLessThan(200);
  await viewer.getByRole('button', { name: 'Close' }).click();
  // A next step that names the bootstrap finding links to it by its title, never by a check id.
  const down = because.locator('[data-testid="case-finding"][data-check="galera.mysqld-down"]').first();
  await down.locator('summary').click();
  const link = down.getByRole('button', { name: /^Go to the finding “No Primary component: bootstrap from/ });
  await expect(link).toBeVisible();
  await expect(down.locator('.next-step')).not.toContainText('galera.bootstrap');
  await link.click();
  await expect(root).toHaveClass(/focused/);
  await expect(root).toBeInViewport();
  // A run's badge says what it found: galera-health ran to its end and found the cluster broken.
  await expect(progress.getByTestId('check-run-galera-health').getByTestId('badge').last()).toHaveAttribute('data-badge', 'critical');

  // The report a lead sends, previewed.
  await page.getByRole('tab', { name: /Report/ }).click();
  const report = page.getByRole('region', { name: 'Report' });
  await report.getByRole('button', { name: 'Preview' }).click();
  await expect(report.getByTestId('report-preview')).toContainText(/No Primary component|bootstrap/);
  await shot(page, 'report-preview.png');

  // Home: red where broken, the problem on the controllers' cards.
  await page.getByRole('button', { name: 'Home' }).click();
  for (const name of controllers) await expect(nodeCard(page, name)).toHaveAttribute('data-health', 'critical');
  await expect(picture(page).locator('.picture-head .health-pill')).toHaveClass(/critical/);
  await noHorizontalScroll(page);
  await shot(page, 'home-broken.png');
});

test('a node opens from the picture and from the sidebar, with what the check saw there and a terminal to it', async ({ page }) => {
  test.setTimeout(180_000);
  const controller = t.lab.layout.nodes.find((n) => n.role === 'controller')?.name ?? '';
  const compute = t.lab.layout.nodes.find((n) => n.role === 'compute')?.name ?? '';
  await page.goto(server.url);
  await picture(page).getByRole('link', { name: `Open node ${controller}` }).click();
  const view = page.getByTestId('node-view');
  await expect(view.getByRole('heading', { name: controller })).toBeVisible();
  await expect(view).toHaveAttribute('data-health', 'critical');
  // Services as the check saw them, at least one red; the findings link into the check's case.
  await expect(view.locator('.node-services .svc.critical').first()).toBeVisible();
  const findings = view.getByTestId('node-finding');
  await expect(findings.first()).toHaveAttribute('data-severity', 'critical');
  await expect(findings.first().getByRole('link')).toHaveAttribute('href', /#\/cases\/\d+\/findings\?focus=\d+$/);
  await expect(view.getByTestId('node-run').filter({ hasText: 'galera-health' })).toHaveCount(1);
  await expect(view.getByTestId('node-run').filter({ hasText: 'ovn-trace' })).toHaveCount(1); // on: one, a controller
  await expect(view.getByTestId('terminal-case')).toContainText(`the newest open case of ${LAB_CLUSTER}`);
  await noHorizontalScroll(page);
  await shot(page, 'node-view.png');

  // From the sidebar: a compute, which the check saw too.
  await page.getByTestId(`node-${compute}`).getByRole('button', { name: compute }).click();
  await expect(view.getByRole('heading', { name: compute })).toBeVisible();
  await expect(view.locator('.node-services .svc').first()).toBeVisible();
  await expect(view).not.toHaveAttribute('data-health', 'unknown');

  // A terminal to the controller, in the check's case.
  await page.getByTestId(`node-${controller}`).getByRole('button', { name: controller }).click();
  await view.getByRole('button', { name: 'Open a terminal' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+\/terminals$/);
  const term = page.getByRole('region', { name: 'Terminals' }).locator('.term-view');
  await expect(term).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await term.locator('.xterm-screen').click();
  await page.keyboard.type('echo "answer-$((6*7))"');
  await page.keyboard.press('Enter');
  await expect(term.locator('.xterm-rows')).toContainText('answer-42');
});

test('after heal, a new check finds nothing wrong and says what it ruled out, the trace passes, and the picture is green everywhere', async ({ page }) => {
  test.setTimeout(600_000);
  for (const fault of broken) {
    await healFault(t.lab, fault);
    broken.delete(fault);
  }
  await page.goto(server.url);
  await picture(page).getByRole('button', { name: 'Check cluster' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+\/findings/);
  await checkFinished(page);
  await expect(page.getByTestId('no-problem')).toContainText('No problem found on the nodes that answered');
  await expect(page.getByTestId('problem')).toHaveCount(0);
  const ruledOut = page.getByTestId('ruled-out');
  await expect(ruledOut.locator(':scope > summary')).toHaveText(/^Ruled out: [1-9]\d* checks healthy$/);
  // Folded by default; it opens to what was checked and healthy.
  await expect(ruledOut).not.toHaveAttribute('open');
  await ruledOut.locator(':scope > summary').click();
  await expect(ruledOut.locator('[data-testid="case-finding"][data-check^="galera."]').first()).toBeVisible();
  await shot(page, 'findings-healed.png');

  // "Check cluster" in the case adds a new run of each playbook to the same case.
  const url = page.url();
  const runsTab = page.getByRole('tab', { name: /Runs/ });
  const before = Number(await runsTab.locator('.tab-count').textContent());
  await page.locator('.case-head').getByRole('button', { name: 'Check cluster' }).click();
  await expect(runsTab.locator('.tab-count')).toHaveText(String(before * 2));
  await checkFinished(page);
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('problem')).toHaveCount(0);

  // The trace that found web-1 unreachable is not part of a check (it needs a source and a
  // destination): run again, it says SSH to web-1 is delivered now, and the cluster's red goes.
  await page.getByRole('tab', { name: /Runs/ }).click();
  const panel = page.getByRole('form', { name: 'Run a playbook' });
  await panel.getByLabel('Playbook').selectOption('ovn-trace');
  await panel.getByLabel('Source port').fill('bastion-port');
  await panel.getByLabel('Destination IP address').fill(tenantOf(t.lab.layout).instances.find((i) => i.name === 'web-1')?.port.ip ?? '');
  await panel.getByRole('button', { name: 'Run playbook' }).click();
  const delivered = page.locator('[data-testid^="run-"]').first().locator('[data-testid="finding"][data-check="ovn-trace.delivered"]');
  await expect(delivered).toContainText('is delivered', { timeout: CHECK_TIMEOUT });
  await expect(delivered).toContainText('sg-default-ingress-ssh'); // the restored rule let it through

  await page.getByRole('button', { name: 'Home' }).click();
  for (const n of t.lab.layout.nodes) await expect(nodeCard(page, n.name)).toHaveAttribute('data-health', 'ok');
  await expect(picture(page).locator('.picture-head .health-pill')).toHaveClass(/ok/);
  await expect(picture(page).locator('.cluster-problems')).toHaveCount(0);
  await shot(page, 'home-healed.png');
});
