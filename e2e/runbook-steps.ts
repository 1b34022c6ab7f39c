import { expect, type Locator, type Page } from '@playwright/test';

// How a trainee works a runbook in the real renderer, shared by the runbook specs.

/** Open a case by its title, then its Runbooks tab with `runbookId` chosen. */
export async function openRunbook(page: Page, url: string, caseTitle: string, runbookId: string): Promise<Locator> {
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(caseTitle) }).click();
  await page.getByRole('tab', { name: /Runbooks/ }).click();
  const area = page.getByRole('region', { name: 'Guided runbooks' });
  await area.getByLabel('Runbook', { exact: true }).selectOption(runbookId);
  await expect(area.getByTestId(`runbook-${runbookId}`)).toBeVisible();
  return area;
}

/** Run a step from its Run button (confirming a step that changes the cluster) and wait until its result is final. */
export async function runStep(page: Page, step: Locator, opts: { confirm?: boolean; timeout?: number } = {}): Promise<Locator> {
  await step.getByRole('button', { name: 'Run this step' }).click();
  if (opts.confirm) {
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('This command changes the cluster.');
    await dialog.getByRole('button', { name: 'Run it and change the cluster' }).click();
  }
  const result = step.getByTestId('runbook-result');
  await expect(result).toBeVisible();
  await expect(result).not.toHaveAttribute('data-state', 'running', { timeout: opts.timeout ?? 120_000 });
  await expect(step).toHaveAttribute('data-ran', 'true');
  return result;
}

/** A tall screenshot with `top` at the top of the case view. */
export async function shot(page: Page, top: Locator, path: string): Promise<void> {
  await page.setViewportSize({ width: 1300, height: 1500 });
  await top.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path });
  await page.setViewportSize({ width: 1300, height: 820 });
}

export async function understand(step: Locator): Promise<void> {
  await step.getByLabel('I understand this step').check();
  await expect(step).toHaveAttribute('data-understood', 'true');
}
