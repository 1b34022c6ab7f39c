import type { Command } from 'commander';
import { isStackscopeError, StackscopeError } from '../contract/errors.js';
import type { RunStarted } from '../contract/api.js';
import type { Run, RunState } from '../contract/types.js';
import { positiveInt } from './args.js';
import { call, on, withSecrets, type Client } from './client.js';
import { dim, oneLine, yellow } from './format.js';

/** `--case ID` / `--new-case TITLE`, shared by `exec` and `run`. */
export interface CaseChoice {
  case?: number;
  newCase?: string;
}

/** Declare `--case ID` and `--new-case TITLE` on a command that starts a run. */
export function caseOptions(command: Command): Command {
  return command.option('--case <id>', 'add the run to this case', positiveInt('--case')).option('--new-case <title>', 'open a new case for the run');
}

/**
 * The case a run goes into, as the contract takes it: the given case, or a new one with the given
 * title; neither, and the core picks the cluster's only recent open case or opens one. Nothing is
 * created when the run's input is refused.
 */
export function caseInput(o: CaseChoice): { caseId?: number; newCaseTitle?: string } {
  if (o.case !== undefined && o.newCase !== undefined) throw new StackscopeError('INVALID_INPUT', 'use either --case or --new-case, not both');
  return { ...(o.case !== undefined ? { caseId: o.case } : {}), ...(o.newCase !== undefined ? { newCaseTitle: o.newCase } : {}) };
}

export interface RunToFollow {
  /** The case asked for with --case, if any (to say where cases are listed when it does not exist). */
  caseId?: number;
  /** The contract call that starts the run. Asked again after any missing secret was given. */
  start: () => Promise<RunStarted>;
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
export async function followRun(client: Client, r: RunToFollow): Promise<{ runId: number; caseId: number; state: RunState }> {
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
    const { runId, caseId, caseChoice } = await withSecrets(client, r.start).catch((err: unknown) => {
      // The case id came from --case: say where the existing ones are listed.
      if (r.caseId !== undefined && isStackscopeError(err, 'NOT_FOUND') && err.detail && 'caseId' in err.detail && err.detail.caseId === r.caseId) {
        throw new StackscopeError('NOT_FOUND', `${err.message} (stackscope cases list)`, err.detail);
      }
      throw err;
    });
    if (caseChoice === 'reused') {
      const c = await call(client, 'cases.get', { caseId, outputTail: 0 });
      process.stderr.write(dim(`adding to case ${caseId} "${oneLine(c.title)}", the only open case on this cluster active in the last 12 hours (--new-case TITLE opens another)\n`));
    }
    r.started?.(startedRuns.get(runId) ?? (await call(client, 'runs.get', { runId, outputTail: 0 })));
    const interrupt = (): void => {
      process.stderr.write(`${yellow('\ncancelling: stopping the remote commands…')}\n`);
      call(client, 'runs.cancel', { runId }).catch(() => undefined); // it may have ended meanwhile
    };
    process.once('SIGINT', interrupt);
    try {
      const state = ended.get(runId) ?? (await new Promise<RunState>((resolve) => (waiting = { runId, resolve })));
      return { runId, caseId, state };
    } finally {
      process.off('SIGINT', interrupt);
    }
  } finally {
    for (const stop of stops) stop();
  }
}
