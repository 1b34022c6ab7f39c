import type { Command } from 'commander';
import type { CaseFinding, CheckStarted, Run, RunState } from '../contract/types.js';
import { summarizeFindings, type FindingsSummary } from '../shared/findings-summary.js';
import { collect, positiveInt } from './args.js';
import { call, clusterNamed, on, withSecrets, type Client } from './client.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { bold, dim, green, oneLine, red, terminalSafe, toJson, yellow } from './format.js';
import { formatSummary } from './summary-format.js';

interface CheckOptions {
  only?: string[];
  skip?: string[];
  case?: number;
  json?: boolean;
  concurrency?: string;
}

const ids = (values: string[] | undefined): string[] => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** `stackscope check CLUSTER`: every playbook that applies and needs no parameter, one summary. */
export function checkCommand(program: Command, open: () => Client, exit: (code: ExitCode) => void): void {
  program
    .command('check <cluster>')
    .description('check the whole cluster: every playbook that applies and needs no parameter, in one case, causes before symptoms')
    .option('--only <ids>', 'only these playbooks (comma-separated, repeatable)', collect)
    .option('--skip <ids>', 'every applicable playbook but these (comma-separated, repeatable)', collect)
    .option('--case <id>', 'add the runs to this case (default: open a new one)', positiveInt('--case'))
    .option('--json', 'print the check, its runs and the summary as JSON')
    .option('--concurrency <n>', 'commands in flight across the whole check (default 16)')
    .action(async (clusterName: string, o: CheckOptions) => exit(await checkCluster(open(), clusterName, o)));
}

/** Who answered: nodes with at least one step that ran to its end, and those with none. */
function reach(runs: Run[]): { answered: string[]; silent: string[] } {
  const all = new Set<string>();
  const answered = new Set<string>();
  for (const r of runs)
    for (const s of r.steps) {
      all.add(s.nodeName);
      if (s.state === 'succeeded' || s.state === 'failed') answered.add(s.nodeName);
    }
  return { answered: [...answered], silent: [...all].filter((n) => !answered.has(n)) };
}

const worstOf = (r: Run): string => {
  const failed = r.findings.filter((f) => f.status === 'FAILED');
  if (failed.some((f) => f.severity === 'critical')) return 'critical';
  if (failed.some((f) => f.severity === 'warning')) return 'warning';
  if (r.findings.some((f) => f.status === 'SKIPPED')) return 'not checked';
  return 'ok';
};

const paint: Record<string, (s: string) => string> = { critical: (s) => red(bold(s)), warning: yellow, 'not checked': dim, ok: green };

async function checkCluster(client: Client, clusterName: string, o: CheckOptions): Promise<ExitCode> {
  const cluster = await clusterNamed(client, clusterName);
  const concurrency = o.concurrency === undefined ? undefined : positiveInt('--concurrency')(o.concurrency);
  const t0 = Date.now();
  // Subscribe before starting: a fast playbook may end before checks.start returns.
  const ended = new Map<number, RunState>();
  let wake: (() => void) | undefined;
  const stops = [
    on(client, 'run.finished', (p) => {
      ended.set(p.runId, p.state);
      wake?.();
    }),
  ];
  let started: CheckStarted | undefined;
  const names = new Map<number, string>();
  if (!o.json)
    stops.push(
      on(client, 'run.finished', (p) => {
        const id = names.get(p.runId);
        if (id) process.stderr.write(dim(`${p.state === 'succeeded' ? green('✓') : yellow('!')} ${id} ${p.state} · ${((Date.now() - t0) / 1000).toFixed(1)} s\n`));
      }),
    );
  const interrupt = (): void => {
    process.stderr.write(`${yellow('\ncancelling: stopping the remote commands…')}\n`);
    for (const r of started?.runs ?? []) call(client, 'runs.cancel', { runId: r.runId }).catch(() => undefined);
  };
  try {
    started = await withSecrets(client, () =>
      call(
        client,
        'checks.start',
        { clusterId: cluster.id, only: ids(o.only), skip: ids(o.skip), ...(o.case !== undefined ? { caseId: o.case } : {}), ...(concurrency ? { concurrency } : {}) },
        { only: '--only', skip: '--skip', caseId: '--case', concurrency: '--concurrency' },
      ),
    );
    for (const r of started.runs) names.set(r.runId, r.playbookId);
    if (!o.json) {
      process.stderr.write(dim(`checking ${cluster.name} (${cluster.deployment}): ${started.runs.map((r) => r.playbookId).join(', ')} in case ${started.caseId}\n`));
      for (const r of started.runs) if (ended.has(r.runId)) process.stderr.write(dim(`${ended.get(r.runId) === 'succeeded' ? green('✓') : yellow('!')} ${r.playbookId} ${ended.get(r.runId)}\n`));
    }
    process.once('SIGINT', interrupt);
    const runIds = started.runs.map((r) => r.runId);
    while (!runIds.every((id) => ended.has(id))) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    process.off('SIGINT', interrupt);
    for (const stop of stops) stop();
  }
  const seconds = (Date.now() - t0) / 1000;
  const runs = await Promise.all(started.runs.map((r) => call(client, 'runs.get', { runId: r.runId, outputTail: 0 })));
  const findings = await call(client, 'cases.findings', { caseId: started.caseId });
  const summary = summarizeFindings(findings);
  const { answered, silent } = reach(runs);

  if (o.json) {
    console.log(
      toJson({
        cluster: cluster.name,
        deployment: cluster.deployment,
        caseId: started.caseId,
        newCase: started.newCase,
        seconds,
        runs: runs.map((r) => ({ playbookId: r.title, runId: r.id, state: r.state, worst: worstOf(r) })),
        left: started.left,
        nodes: { answered, unreachable: silent },
        summary,
      }),
    );
  } else {
    printSummary(summary, findings, { started, runs, clusterName: cluster.name, seconds, answered, silent });
  }
  if (!answered.length) {
    process.stderr.write(red(`could not reach any node of ${oneLine(cluster.name)}: nothing was checked (stackscope case show ${started.caseId} has why)\n`));
    return EXIT.FAILED;
  }
  if (summary.counts.critical > 0) return EXIT.CRITICAL;
  return runs.every((r) => r.state === 'succeeded') ? EXIT.OK : EXIT.FAILED;
}

function printSummary(
  s: FindingsSummary,
  findings: CaseFinding[],
  ctx: { started: CheckStarted; runs: Run[]; clusterName: string; seconds: number; answered: string[]; silent: string[] },
): void {
  const out: string[] = [];
  if (!s.problems.length && !ctx.answered.length) out.push(red(bold(`Could not reach any node of ${oneLine(ctx.clusterName)}: nothing was checked.`)));
  else if (!s.problems.length) out.push(green(`No problem found on the ${ctx.answered.length} node(s) that answered.`));
  out.push(...formatSummary(s, findings));
  if (ctx.started.left.length) out.push(dim(`\nleft out: ${ctx.started.left.map((l) => `${l.playbookId} (${terminalSafe(l.reason, 'one-line')})`).join('; ')}`));
  out.push(`\n${ctx.runs.map((r) => `${oneLine(r.title)} ${paint[worstOf(r)]?.(worstOf(r)) ?? worstOf(r)}`).join(' · ')}`);
  const explained = s.problems.reduce((n, p) => n + p.consequences.length, 0);
  out.push(
    `${bold(oneLine(ctx.clusterName))}: ${s.problems.length} problem(s)${explained ? ` (explaining ${explained} more)` : ''} · ${s.counts.critical} critical · ${s.counts.warning} warning · ${s.counts.notChecked} not checked · ${s.counts.ok} ok · ${ctx.answered.length} of ${ctx.answered.length + ctx.silent.length} nodes answered · ${ctx.seconds.toFixed(1)} s`,
  );
  if (ctx.silent.length) out.push(yellow(`did not answer: ${ctx.silent.map((n) => oneLine(n)).join(', ')}`));
  out.push(dim(`case ${ctx.started.caseId}: stackscope case show ${ctx.started.caseId}`));
  console.log(out.join('\n'));
}
