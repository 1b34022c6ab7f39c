import type { Command } from 'commander';
import { StackscopeError } from '../contract/errors.js';
import type { PlaybookInfo, RunFinding, StepResult } from '../contract/types.js';
import type { Core } from '../core/core.js';
import { bold, dim, duration, green, oneLine, red, table, terminalSafe, toJson, yellow } from './format.js';
import { positiveInt } from './args.js';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

const severityLabel: Record<RunFinding['severity'], (s: string) => string> = {
  critical: (s) => red(bold(s)),
  warning: yellow,
  info: dim,
  ok: green,
};

/** One finding as an on-call engineer reads it in a terminal (evidence lines are remote output). */
export function formatFinding(f: RunFinding): string {
  const label = f.status === 'SKIPPED' ? dim('SKIPPED') : severityLabel[f.severity](f.severity.toUpperCase());
  const out = [`${label.padEnd(8)}  ${bold(oneLine(f.title))}`];
  if (f.explanation) out.push(`  ${terminalSafe(f.explanation)}`);
  for (const e of f.evidence) {
    out.push(dim(`  evidence: ${oneLine(e.node)} · ${oneLine(e.step)}`));
    for (const l of e.lines.slice(0, 12)) out.push(dim(`    | ${oneLine(l)}`));
    if (e.lines.length > 12) out.push(dim(`    | … ${e.lines.length - 12} more line(s)`));
  }
  if (f.likelyCause) out.push(`  likely cause: ${terminalSafe(f.likelyCause)}`);
  if (f.nextStep) out.push(`  next step: ${terminalSafe(f.nextStep)}`);
  return out.join('\n');
}

/** A site playbook's words are printed escaped like remote output: its author is not the operator. */
function formatPlaybook(p: PlaybookInfo): string {
  const params = p.params.map((x) => [`  ${x.name}`, oneLine(x.type + (x.values ? ` (${x.values.join('|')})` : '')), x.required ? 'required' : oneLine(`default ${x.default ?? '-'}`), oneLine(x.description.en)]);
  const steps = p.steps.map((s) => [`  ${s.id}`, s.service, s.on === 'one' ? 'one node' : 'each node', s.mutating ? red('MUTATING') : 'read-only', s.run !== undefined ? terminalSafe(s.run) : s.script !== undefined ? `script ${terminalSafe(s.script)}` : `logs (tail ${s.logs?.tail})`]);
  return [
    `${bold(p.id)} — ${oneLine(p.title.en)} / ${oneLine(p.title.ko)}`,
    terminalSafe(p.description.en),
    terminalSafe(p.description.ko),
    `applies to: ${p.appliesTo.join(', ')} · runs on: ${p.roles.join(', ')}`,
    params.length ? `parameters:\n${table(params)}` : 'parameters: none',
    `steps:\n${table(steps)}`,
    dim(oneLine(p.file)),
  ].join('\n');
}

function parseParams(pairs: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new StackscopeError('INVALID_INPUT', `--param "${p}" must look like name=value`);
    params[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return params;
}

interface RunOptions {
  param?: string[];
  nodes?: string[];
  case?: string;
  newCase?: string;
  json?: boolean;
  allowMutating?: boolean;
  concurrency?: string;
}

/**
 * `stackscope run` and `stackscope playbooks`. Exit codes of `run`: 0 no critical finding, 2 at
 * least one critical finding, 1 the run could not be made (bad input, unknown playbook…).
 */
export function playbookCommands(program: Command, open: () => Core, exit: (code: number) => void): void {
  const playbooks = program.command('playbooks').description('the diagnostic catalogue');
  playbooks
    .command('list', { isDefault: true })
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const cat = open().playbooks.list();
      if (o.json) return void console.log(toJson(cat));
      console.log(table([['ID', 'APPLIES TO', 'ROLES', 'TITLE'], ...cat.playbooks.map((p) => [p.id, p.appliesTo.join(','), p.roles.join(','), oneLine(p.title.en)])]));
      for (const p of cat.problems) console.error(red(`not loaded: ${terminalSafe(p)}`));
      if (cat.problems.length) exit(1);
    });
  playbooks
    .command('show <id>')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => {
      const p = open().playbooks.list().playbooks.find((x) => x.id === id);
      if (!p) open().playbooks.get(id); // throws with the load problem or the known ids
      console.log(o.json ? toJson(p) : formatPlaybook(p as PlaybookInfo));
    });

  program
    .command('run <playbook> <cluster>')
    .description('run a diagnostic playbook and print its findings: stackscope run galera-health prod --json')
    .option('--param <name=value>', 'playbook parameter (repeatable)', collect)
    .option('--nodes <names>', 'only these nodes (comma-separated, repeatable)', collect)
    .option('--case <id>', 'add the run to this case')
    .option('--new-case <title>', 'open a new case for the run')
    .option('--json', 'print the run and its findings as JSON')
    .option('--allow-mutating', 'confirm that steps marked mutating may change the cluster in this run')
    .option('--concurrency <n>', 'nodes at a time (default 16)')
    .action(async (playbookId: string, clusterName: string, o: RunOptions) => {
      try {
        const code = await runCommand(open(), playbookId, clusterName, o);
        exit(code);
      } catch (err) {
        process.stderr.write(`stackscope: ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
        exit(1);
      }
    });
}

async function runCommand(c: Core, playbookId: string, clusterName: string, o: RunOptions): Promise<number> {
  const cl = c.inventory.clusterByName(clusterName);
  if (o.case && o.newCase) throw new StackscopeError('INVALID_INPUT', 'use either --case or --new-case, not both');
  const caseId = o.case ? Number(o.case) : c.repos.cases.create(o.newCase ?? `${playbookId} on ${cl.name}`, 'info', cl.id);
  if (!Number.isInteger(caseId) || !c.repos.cases.summary(caseId)) throw new StackscopeError('NOT_FOUND', `case ${o.case} does not exist (stackscope cases list)`);
  const concurrency = o.concurrency === undefined ? undefined : positiveInt('--concurrency')(o.concurrency);
  const nodeNames = (o.nodes ?? []).flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean);
  const names = new Map<number, string>();
  const unsubscribe = o.json
    ? () => undefined
    : c.events.subscribe((event, payload) => {
        if (event !== 'step.updated') return;
        const s = (payload as { step: Omit<StepResult, 'stdout' | 'stderr'> }).step;
        if (s.state === 'pending' || s.state === 'running') return;
        names.set(s.id, s.nodeName);
        const mark = s.state === 'succeeded' ? green('✓') : s.state === 'failed' ? yellow('✗') : red('!');
        process.stderr.write(dim(`${mark} ${oneLine(s.stepKey)} · ${oneLine(s.nodeName)} · ${s.state}${s.exitCode !== null && s.exitCode !== 0 ? ` (exit ${s.exitCode})` : ''} · ${duration(s.durationMs)}${s.error ? ` · ${oneLine(s.error)}` : ''}\n`));
      });
  const r = await c.dispatch('playbooks.run', { caseId, clusterId: cl.id, playbookId, params: parseParams(o.param ?? []), nodeNames, allowMutating: o.allowMutating === true, ...(concurrency ? { concurrency } : {}) });
  if (!r.ok) {
    unsubscribe();
    throw new StackscopeError(r.error.code, r.error.message);
  }
  const runId = (r.value as { runId: number }).runId;
  const interrupt = (): void => {
    process.stderr.write(yellow('\ncancelling: stopping the remote commands…\n'));
    c.runs.cancel(runId);
  };
  process.once('SIGINT', interrupt);
  const started = Date.now();
  const state = await c.runs.wait(runId);
  process.off('SIGINT', interrupt);
  unsubscribe();
  const run = c.repos.runs.get(runId);
  if (!run) throw new StackscopeError('INTERNAL', `run ${runId} missing after it ended`);
  const critical = run.findings.some((f) => f.severity === 'critical');
  if (o.json) {
    const { steps, findings, ...head } = run;
    console.log(toJson({ ...head, cluster: cl.name, steps: steps.map(({ stdout: _o, stderr: _e, ...s }) => s), findings }));
  } else {
    console.log(run.findings.map(formatFinding).join('\n\n'));
    const count = (pred: (f: RunFinding) => boolean): number => run.findings.filter(pred).length;
    console.log(
      `\n${bold(oneLine(playbookId))} on ${oneLine(cl.name)}: ${count((f) => f.severity === 'critical')} critical · ${count((f) => f.severity === 'warning' && f.status !== 'SKIPPED')} warning · ${count((f) => f.severity === 'ok')} ok · ${count((f) => f.status === 'SKIPPED')} not checked · ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(dim(`run ${runId} ${state} in case ${caseId}; outputs: stackscope case show ${caseId}`));
  }
  if (state === 'cancelled') return 1;
  return critical ? 2 : 0;
}
