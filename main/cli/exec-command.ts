import type { Command } from 'commander';
import type { EventPayloads } from '../contract/api.js';
import { StackscopeError } from '../contract/errors.js';
import type { StepResult } from '../contract/types.js';
import { collect, positiveInt, rolesOf } from './args.js';
import { call, clusterNamed, nodeNamed, on, type Client } from './client.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { dim, oneLine, stepLine, table, terminalSafe, toJson } from './format.js';
import { caseInput, caseOptions, followRun } from './run-flow.js';

interface ExecOptions {
  node?: string[];
  role?: string[];
  case?: number;
  newCase?: string;
  timeout: number;
  json?: boolean;
}

/**
 * Output lines as they stream in, each after its node's name. A line may end in a later event, so
 * the unfinished tail of each step's stream waits in `partial` until its newline (or the end).
 */
function linePrinter() {
  const names = new Map<number, string>();
  const partial = new Map<string, string>();
  let width = 0;
  const prefix = (stepId: number): string => dim(`${oneLine(names.get(stepId) ?? '?').padEnd(width)} |`);
  return {
    steps(steps: Array<Pick<StepResult, 'id' | 'nodeName'>>): void {
      for (const s of steps) names.set(s.id, s.nodeName);
      width = Math.max(...steps.map((s) => oneLine(s.nodeName).length));
    },
    print(p: EventPayloads['step.output']): void {
      const key = `${p.stepId}:${p.stream}`;
      const lines = ((partial.get(key) ?? '') + p.data).split('\n');
      partial.set(key, lines.pop() ?? '');
      // Escaped line by line (a CRLF end becomes LF): remote bytes never drive the terminal.
      // One write per batch, not per line: 64 MB of output is 600,000 lines.
      if (lines.length > 0) (p.stream === 'stdout' ? process.stdout : process.stderr).write(lines.map((line) => `${prefix(p.stepId)} ${terminalSafe(`${line}\n`)}`).join(''));
    },
    /** The last lines that never got their newline. */
    flush(): void {
      for (const [key, rest] of partial) if (rest) process.stdout.write(`${prefix(Number(key.split(':')[0]))} ${terminalSafe(rest)}\n`);
    },
  };
}

/** `stackscope exec CLUSTER --node|--role … -- COMMAND`: one command on many nodes, streamed. */
export function execCommand(program: Command, open: () => Client, exit: (code: ExitCode) => void): void {
  caseOptions(
    program
      .command('exec <cluster> <command...>')
      .description('run a read-only command on nodes in parallel: stackscope exec CLUSTER --role compute -- uptime')
      .option('--node <name>', 'node to run on (repeatable)', collect)
      .option('--role <role>', 'run on every node with this role (repeatable)', collect),
  )
    .option('--timeout <seconds>', 'per-node command timeout', positiveInt('--timeout'), 120)
    .option('--json', 'print the run as JSON at the end instead of streaming')
    .action(async (clusterName: string, words: string[], o: ExecOptions) => {
      const client = open();
      const cluster = await clusterNamed(client, clusterName);
      if (!o.node?.length && !o.role?.length) throw new StackscopeError('INVALID_INPUT', 'choose nodes with --node NAME or --role ROLE');
      const nodeIds = (o.node ?? []).map((n) => nodeNamed(cluster, n).id);
      const roles = rolesOf(o.role);
      const command = words.join(' ');
      const chosen = caseInput(o);
      const lines = o.json ? undefined : linePrinter();
      const { runId, state } = await followRun(client, {
        ...(chosen.caseId !== undefined ? { caseId: chosen.caseId } : {}),
        start: () =>
          call(client, 'exec.start', { ...chosen, clusterId: cluster.id, nodeIds, roles, command, timeoutSec: o.timeout }, { command: 'COMMAND', timeoutSec: '--timeout', caseId: '--case', newCaseTitle: '--new-case' }),
        watch: lines && (() => on(client, 'step.output', (p) => lines.print(p))),
        started: (run) => {
          if (!lines) return;
          lines.steps(run.steps);
          console.error(dim(`case ${run.caseId} · run ${run.id} · ${run.steps.length} node(s)`));
        },
      });
      // The output was printed as it came: only --json prints it again, whole.
      const done = await call(client, 'runs.get', o.json ? { runId } : { runId, outputTail: 0 });
      if (lines) {
        lines.flush();
        console.error(`\n${table(done.steps.map((s) => stepLine(s)))}`);
        console.error(dim(`run ${runId} ${state}; see it again: stackscope case show ${done.caseId}`));
      } else console.log(toJson(done));
      if (state !== 'succeeded') exit(EXIT.FAILED);
    });
}
