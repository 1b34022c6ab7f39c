import type { Command } from 'commander';
import { isStackscopeError, StackscopeError } from '../contract/errors.js';
import type { Run, RunState } from '../contract/types.js';
import { positiveInt } from './args.js';
import { call, on, withSecrets, type Client } from './client.js';
import { yellow } from './format.js';

/** `--case ID` / `--new-case TITLE`, shared by `exec` and `run`. */
export interface CaseChoice {
  case?: number;
  newCase?: string;
}

/** Declare `--case ID` and `--new-case TITLE` on a command that starts a run. */
export function caseOptions(command: Command): Command {
  return command.option('--case <id>', 'add the run to this case', positiveInt('--case')).option('--new-case <title>', 'open a new case for the run');
}

/** The case a run goes into: the one given (its existence is checked when the run starts), or a new one. */
export async function caseForRun(client: Client, o: CaseChoice, defaultTitle: string, clusterId: number): Promise<number> {
  if (o.case !== undefined && o.newCase !== undefined) throw new StackscopeError('INVALID_INPUT', 'use either --case or --new-case, not both');
  if (o.case !== undefined) return o.case;
  const created = await call(client, 'cases.create', { title: o.newCase ?? defaultTitle.slice(0, 200), severity: 'info', clusterId }, { title: '--new-case' });
  return created.id;
}

export interface RunToFollow {
  caseId: number;
  /** The contract call that starts the run. Asked again after any missing secret was given. */
  start: () => Promise<{ runId: number }>;
  /** Subscribes what prints the run while it goes, before it starts; called back to unsubscribe. */
  watch?: () => () => void;
  /** The run as it started (an exec run has its steps then), before any of its output. */
  started?: (run: Run) => void;
}

/**
 * A run as `exec` and `run` both follow it, through the contract as the app does: subscribe first
 * (so no event is missed), start it (asking for missing secrets), let Ctrl-C cancel it, and
 * resolve with its final state once `run.finished` says it ended.
 */
export async function followRun(client: Client, r: RunToFollow): Promise<{ runId: number; state: RunState }> {
  const startedRuns = new Map<number, Run>();
  const ended = new Map<number, RunState>();
  let waiting: { runId: number; resolve: (state: RunState) => void } | undefined;
  const stops = [
    on(client, 'run.started', (p) => startedRuns.set(p.run.id, p.run)),
    on(client, 'run.finished', (p) => {
      ended.set(p.runId, p.state);
      if (waiting?.runId === p.runId) waiting.resolve(p.state);
    }),
    r.watch?.() ?? (() => undefined),
  ];
  try {
    const { runId } = await withSecrets(client, r.start).catch((err: unknown) => {
      // The case id came from --case: say where the existing ones are listed.
      if (isStackscopeError(err, 'NOT_FOUND') && err.detail && 'caseId' in err.detail && err.detail.caseId === r.caseId) {
        throw new StackscopeError('NOT_FOUND', `${err.message} (stackscope cases list)`, err.detail);
      }
      throw err;
    });
    r.started?.(startedRuns.get(runId) ?? (await call(client, 'runs.get', { runId, outputTail: 0 })));
    const interrupt = (): void => {
      process.stderr.write(`${yellow('\ncancelling: stopping the remote commands…')}\n`);
      call(client, 'runs.cancel', { runId }).catch(() => undefined); // it may have ended meanwhile
    };
    process.once('SIGINT', interrupt);
    try {
      const state = ended.get(runId) ?? (await new Promise<RunState>((resolve) => (waiting = { runId, resolve })));
      return { runId, state };
    } finally {
      process.off('SIGINT', interrupt);
    }
  } finally {
    for (const stop of stops) stop();
  }
}
