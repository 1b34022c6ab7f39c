import { expect, it } from 'vitest';
import { analyzers, catalogueDir } from '../../playbooks/catalogue/index.js';
import { loadCatalogue } from '../../playbooks/engine/loader.js';
import type { CaseFinding, CheckStarted, Deployment, Run, RunFinding } from '../contract/types.js';
import { summarizeFindings, type SummaryProblem } from '../shared/findings-summary.js';
import { healFault } from './faults.js';
import { LAB_CLUSTER } from './register.js';
import type { LabState } from './state.js';
import type { TestLab } from './test-lab.js';

/** What a whole-lab check left behind: the check as started, and each of its runs once ended. */
export interface LabCheck {
  started: CheckStarted;
  runs: Run[];
  seconds: number;
}

/**
 * The whole catalogue over the lab, as `stackscope check lab` runs it: one `checks.start` through
 * the core's dispatcher (its check service plans which playbooks apply and runs them with bounded
 * fan-out over pooled SSH connections), in the test's case, then every run waited for.
 */
export async function checkWholeLab(t: Pick<TestLab, 'core' | 'caseId'>): Promise<LabCheck> {
  const t0 = Date.now();
  const cluster = t.core.inventory.clusterByName(LAB_CLUSTER);
  const r = await t.core.dispatch('checks.start', { clusterId: cluster.id, caseId: t.caseId });
  if (!r.ok) throw new Error(`checks.start: ${r.error.message}`);
  const started = r.value as CheckStarted;
  const runs = await Promise.all(
    started.runs.map(async ({ runId }) => {
      await t.core.runs.wait(runId);
      const run = t.core.repos.runs.get(runId);
      if (!run) throw new Error(`run ${runId} vanished`);
      return run;
    }),
  );
  return { started, runs, seconds: (Date.now() - t0) / 1000 };
}

const evidence = (f: RunFinding): string[] => f.evidence.flatMap((e) => [`    ${e.node}/${e.step}:`, ...e.lines.slice(0, 8).map((l) => `      | ${l}`)]);

/** A could-not-check the flavour's design makes on a healthy lab: which, and why it is not a fault. */
export interface ExpectedNotChecked {
  title: RegExp;
  why: string;
}

const block = (r: Run, f: RunFinding): string => [`${r.title}: ${f.severity}/${f.status} ${f.check}: ${f.title}`, `    ${f.explanation}`, ...evidence(f)].join('\n');

/**
 * Every critical or warning finding of the check, with its evidence, one block each; could-not-check
 * ones too (they are warnings), except those `expected` names.
 */
export function alarms(c: LabCheck, expected: ExpectedNotChecked[] = []): string[] {
  const excused = (f: RunFinding): boolean => f.status === 'SKIPPED' && f.check === 'engine.could-not-check' && expected.some((e) => e.title.test(f.title));
  return c.runs.flatMap((r) => r.findings.filter((f) => (f.severity === 'critical' || f.severity === 'warning') && !excused(f)).map((f) => block(r, f)));
}

/**
 * The playbooks that did not really run: a run that did not succeed, or whose findings are all
 * SKIPPED (nothing it says comes from the cluster).
 */
export function notRun(c: LabCheck): string[] {
  return c.runs
    .filter((r) => r.state !== 'succeeded' || !r.findings.some((f) => f.status !== 'SKIPPED'))
    .map((r) => `${r.title} ${r.state}: ${r.findings.map((f) => `${f.status} ${f.title}`).join('; ') || 'no finding'}`);
}

/** One line per run for the log: what ran, how it ended, its findings by severity. */
export function describeCheck(c: LabCheck): string {
  const counts = (r: Run): string => ['critical', 'warning', 'info', 'ok'].map((s) => `${r.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  return [
    `whole-lab check: ${c.runs.length} playbooks in ${c.seconds.toFixed(1)} s`,
    ...c.runs.map((r) => `  ${r.title}: ${r.state} (${counts(r)}; ${r.steps.length} steps)`),
    ...c.started.left.map((l) => `  left out ${l.playbookId}: ${l.reason}`),
  ].join('\n');
}

/** The catalogue's playbooks a whole check of a `flavour` lab runs: those for the flavour that need no parameter (from the shipped folders). */
export function applicable(flavour: Deployment): string[] {
  const shipped = [...loadCatalogue(catalogueDir(), analyzers).playbooks.values()].map((p) => p.def);
  return shipped
    .filter((p) => p.appliesTo.includes(flavour) && p.params.every((x) => !x.required || x.default !== undefined) && !p.steps.some((s) => s.mutating))
    .map((p) => p.id)
    .sort();
}

/**
 * The test each full-lab file runs first, before any fault has been on (issue 16: "a healthy lab of
 * each flavour gives no critical and no warning from any playbook"): `stackscope check lab` through
 * the core, every applicable playbook ran for real, and nothing it found is critical or a warning,
 * could-not-check included but for the ones the flavour makes by design (`expected`, each of which
 * must then show up, so a stale excuse is noticed). A failure prints each offending finding with its
 * evidence.
 */
export function itFindsTheHealthyLabHealthy(flavour: Deployment, lab: () => TestLab, expected: ExpectedNotChecked[] = []): void {
  it(`the whole catalogue on the healthy ${flavour} lab: no critical, no warning`, async () => {
    const c = await checkWholeLab(lab());
    console.log(describeCheck(c));
    expect(c.runs.map((r) => r.title).sort()).toEqual(applicable(flavour));
    expect(alarms(c, expected), alarms(c, expected).join('\n')).toEqual([]);
    expect(notRun(c), notRun(c).join('\n')).toEqual([]);
    const titles = c.runs.flatMap((r) => r.findings.map((f) => f.title));
    for (const e of expected) expect(titles.some((x) => e.title.test(x)), `expected not-checked ${e.title} (${e.why})`).toBe(true);
  }, 300_000);
}

/** What a fault's sweep must put first: the object named (in the lead's title or explanation) and the node its evidence names. */
export interface FaultNamed {
  /** Where the fault shows: among the problems (default), or first of what could not be checked (a node that does not answer). */
  in?: 'problems' | 'notChecked';
  /** The fault's object as the finding says it (a node, service, queue, server, key set…). */
  names: RegExp;
  /** The node the fault is on, among the first problem's nodes or named in its title (omit for cluster-wide objects). */
  node?: string;
}

/**
 * Issue 17's "with any one lab fault injected, the sweep's first group names it with the right
 * node/object": the whole catalogue as `stackscope check lab` runs it, summarised as the CLI and the
 * case view summarise it (causes before symptoms, worst first), and the first problem must be this
 * fault. Returns the summary's first problem for further assertions.
 */
export async function expectSweepNamesFirst(t: Pick<TestLab, 'core' | 'caseId'>, fault: string, want: FaultNamed): Promise<SummaryProblem> {
  const c = await checkWholeLab(t);
  const r = await t.core.dispatch('cases.findings', { caseId: t.caseId });
  if (!r.ok) throw new Error(`cases.findings: ${r.error.message}`);
  const summary = summarizeFindings(r.value as CaseFinding[]);
  const groups = want.in === 'notChecked' ? summary.notChecked : summary.problems;
  const shown = groups.map((p, i) => `${i + 1}. ${p.severity} ${p.lead.playbook}: ${p.title} [${p.nodes.join(', ')}]${p.consequences.length ? ` (+${p.consequences.length} it explains)` : ''}`).join('\n');
  console.log(`${fault}: sweep of ${c.runs.length} playbooks in ${c.seconds.toFixed(1)} s\n${shown}`);
  const first = groups[0];
  expect(first, `${fault}: the sweep found nothing in ${want.in ?? 'problems'}\n${describeCheck(c)}`).toBeDefined();
  const p = first as SummaryProblem;
  expect(`${p.title}\n${p.lead.explanation}`, `${fault}: the first group does not name it\n${shown}`).toMatch(want.names);
  // The node in the evidence, or in the title where the evidence is where the asking ran (kubectl on a controller).
  if (want.node) expect([...p.nodes, ...p.title.split(/[\s,:()]+/)], `${fault}: the first group names other nodes\n${shown}`).toContain(want.node);
  return p;
}

/**
 * expectSweepNamesFirst for a fault a test has just injected, in a case of its own (so the summary is
 * this sweep's alone); when the sweep does not name it, the fault is healed before the failure is
 * thrown, so one fault's failure does not poison every later test of the lab.
 */
export async function expectSweepNamesInjected(t: Pick<TestLab, 'core'>, lab: () => LabState, fault: string, want: FaultNamed): Promise<SummaryProblem> {
  const caseId = t.core.repos.cases.create(`sweep with ${fault}`, 'warning', t.core.inventory.clusterByName(LAB_CLUSTER).id);
  try {
    return await expectSweepNamesFirst({ core: t.core, caseId }, fault, want);
  } catch (e) {
    await healFault(lab(), fault).catch(() => undefined);
    throw e;
  }
}
