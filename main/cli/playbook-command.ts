import type { Command } from 'commander';
import type { EventPayloads } from '../contract/api.js';
import { StackscopeError } from '../contract/errors.js';
import type { PlaybookCatalogue, PlaybookInfo, Run, RunFinding } from '../contract/types.js';
import { collect, positiveInt } from './args.js';
import { call, clusterNamed, on, type Client } from './client.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { bold, dim, duration, green, oneLine, red, table, terminalSafe, toJson, yellow } from './format.js';
import { caseInput, caseOptions, followRun } from './run-flow.js';

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
    // Tabs separate columns (mysql's batch output): shown as space, not escaped.
    for (const l of e.lines.slice(0, 12)) out.push(dim(`    | ${oneLine(l.replace(/\t/g, '  '))}`));
    if (e.lines.length > 12) out.push(dim(`    | … ${e.lines.length - 12} more line(s)`));
  }
  if (f.likelyCause) out.push(`  likely cause: ${terminalSafe(f.likelyCause)}`);
  if (f.nextStep) out.push(`  next step: ${terminalSafe(f.nextStep)}`);
  return out.join('\n');
}

/** A site playbook's words are printed escaped like remote output: its author is not the operator. */
function formatPlaybook(p: PlaybookInfo, withScript: boolean): string {
  const params = p.params.map((x) => [`  ${x.name}`, oneLine(x.type + (x.values ? ` (${x.values.join('|')})` : '')), x.required ? 'required' : oneLine(`default ${x.default ?? '-'}`), oneLine(x.description.en)]);
  // Each step by what it is for; what it runs only when asked (--script).
  const what = (s: PlaybookInfo['steps'][number]): string =>
    s.run !== undefined ? terminalSafe(s.run) : s.script !== undefined ? `script ${terminalSafe(s.script)}` : `logs (tail ${s.logs?.tail})`;
  const steps = p.steps.map((s) => [`  ${s.id}`, s.service, s.on === 'one' ? 'one node' : 'each node', s.mutating ? red('MUTATING') : 'read-only', s.root ? 'root' : '', oneLine(s.title.en), ...(withScript ? [what(s)] : [])]);
  return [
    `${bold(p.id)} — ${oneLine(p.title.en)} / ${oneLine(p.title.ko)}`,
    terminalSafe(p.description.en),
    terminalSafe(p.description.ko),
    `applies to: ${p.appliesTo.join(', ')} · runs on: ${p.roles.join(', ')}`,
    params.length ? `parameters:\n${table(params)}` : 'parameters: none',
    `steps:\n${table(steps)}`,
    ...(withScript ? [] : [dim(`what each step runs: stackscope playbooks show ${p.id} --script`)]),
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

/** The playbook with this id, or why there is none: its load problem, or the ids there are. */
function playbookOf(catalogue: PlaybookCatalogue, id: string): PlaybookInfo {
  const p = catalogue.playbooks.find((x) => x.id === id);
  if (p) return p;
  const broken = catalogue.problems.filter((x) => x.includes(`/${id}/`));
  throw new StackscopeError(
    'NOT_FOUND',
    broken.length ? `playbook ${id} failed to load: ${broken.join('; ')}` : `no playbook ${id}; known: ${catalogue.playbooks.map((x) => x.id).join(', ')}`,
    { playbookId: id },
  );
}

interface RunOptions {
  param?: string[];
  nodes?: string[];
  case?: number;
  newCase?: string;
  json?: boolean;
  allowMutating?: boolean;
  concurrency?: string;
}

/** `stackscope run` and `stackscope playbooks`. */
export function playbookCommands(program: Command, open: () => Client, exit: (code: ExitCode) => void): void {
  const playbooks = program.command('playbooks').description('the diagnostic catalogue');
  playbooks
    .command('list', { isDefault: true })
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const cat = await call(open(), 'playbooks.list', {});
      if (o.json) return void console.log(toJson(cat));
      console.log(table([['ID', 'APPLIES TO', 'ROLES', 'TITLE'], ...cat.playbooks.map((p) => [p.id, p.appliesTo.join(','), p.roles.join(','), oneLine(p.title.en)])]));
      for (const p of cat.problems) console.error(red(`not loaded: ${terminalSafe(p)}`));
      if (cat.problems.length) exit(EXIT.BAD_INPUT);
    });
  playbooks
    .command('show <id>')
    .option('--script', 'also print what each step runs')
    .option('--json', 'machine-readable output')
    .action(async (id: string, o: { json?: boolean; script?: boolean }) => {
      const p = playbookOf(await call(open(), 'playbooks.list', {}), id);
      console.log(o.json ? toJson(p) : formatPlaybook(p, o.script === true));
    });

  caseOptions(
    program
      .command('run <playbook> <cluster>')
      .description('run a diagnostic playbook and print its findings: stackscope run galera-health prod --json')
      .option('--param <name=value>', 'playbook parameter (repeatable)', collect)
      .option('--nodes <names>', 'only these nodes (comma-separated, repeatable)', collect),
  )
    .option('--json', 'print the run and its findings as JSON')
    .option('--allow-mutating', 'confirm that steps marked mutating may change the cluster in this run')
    .option('--concurrency <n>', 'nodes at a time (default 16)')
    .action(async (playbookId: string, clusterName: string, o: RunOptions) => exit(await runCommand(open(), playbookId, clusterName, o)));
}

/** One line per step as it ends, on stderr: stdout is the findings (or the JSON). */
function printProgress({ step: s }: EventPayloads['step.updated']): void {
  if (s.state === 'pending' || s.state === 'running') return;
  const mark = s.state === 'succeeded' ? green('✓') : s.state === 'failed' ? yellow('✗') : red('!');
  process.stderr.write(dim(`${mark} ${oneLine(s.stepKey)} · ${oneLine(s.nodeName)} · ${s.state}${s.exitCode !== null && s.exitCode !== 0 ? ` (exit ${s.exitCode})` : ''} · ${duration(s.durationMs)}${s.error ? ` · ${oneLine(s.error)}` : ''}\n`));
}

function printFindings(run: Run, playbookId: string, clusterName: string, seconds: number): void {
  console.log(run.findings.map(formatFinding).join('\n\n'));
  const count = (pred: (f: RunFinding) => boolean): number => run.findings.filter(pred).length;
  console.log(
    `\n${bold(oneLine(playbookId))} on ${oneLine(clusterName)}: ${count((f) => f.severity === 'critical')} critical · ${count((f) => f.severity === 'warning' && f.status !== 'SKIPPED')} warning · ${count((f) => f.severity === 'ok')} ok · ${count((f) => f.status === 'SKIPPED')} not checked · ${seconds.toFixed(1)} s`,
  );
  console.log(dim(`run ${run.id} ${run.state} in case ${run.caseId}; outputs: stackscope case show ${run.caseId}`));
}

async function runCommand(client: Client, playbookId: string, clusterName: string, o: RunOptions): Promise<ExitCode> {
  const cluster = await clusterNamed(client, clusterName);
  const concurrency = o.concurrency === undefined ? undefined : positiveInt('--concurrency')(o.concurrency);
  const params = parseParams(o.param ?? []);
  const nodeNames = (o.nodes ?? []).flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean);
  const chosen = caseInput(o);
  let startedAt = Date.now();
  const { runId, state } = await followRun(client, {
    ...(chosen.caseId !== undefined ? { caseId: chosen.caseId } : {}),
    start: () =>
      call(
        client,
        'playbooks.run',
        { ...chosen, clusterId: cluster.id, playbookId, params, nodeNames, allowMutating: o.allowMutating === true, ...(concurrency ? { concurrency } : {}) },
        { params: '--param', nodeNames: '--nodes', playbookId: 'PLAYBOOK', concurrency: '--concurrency', caseId: '--case', newCaseTitle: '--new-case' },
      ),
    watch: o.json ? undefined : () => on(client, 'step.updated', printProgress),
    started: () => (startedAt = Date.now()),
  });
  // Outputs are not printed (case show has them): only the steps' states and the findings.
  const run = await call(client, 'runs.get', { runId, outputTail: 0 });
  if (o.json) {
    const { steps, findings, ...head } = run;
    console.log(toJson({ ...head, cluster: cluster.name, steps: steps.map(({ stdout: _o, stderr: _e, ...s }) => s), findings }));
  } else printFindings(run, playbookId, cluster.name, (Date.now() - startedAt) / 1000);
  if (state === 'cancelled') return EXIT.FAILED;
  if (run.findings.some((f) => f.severity === 'critical')) return EXIT.CRITICAL;
  // Not every step got its output (a node unreachable, a timeout): the findings are partial.
  return state === 'succeeded' ? EXIT.OK : EXIT.FAILED;
}
