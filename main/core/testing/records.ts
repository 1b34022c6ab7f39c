import type { NewFinding } from '../../../db/findings-repo.js';
import type { ProcessOwner } from '../../../db/owner.js';
import type { Repos } from '../../../db/repos.js';

// Records as the services leave them in the case log, for tests that read them back.

/** This process, its start time not read: the owner tests give repositories (crash recovery has its own tests). */
export const thisProcess: ProcessOwner = { pid: process.pid, started: null };

/** A finding as an analyzer gives it: FAILED unless ok or info, the rest empty. */
export const newFinding = (f: Partial<NewFinding> & Pick<NewFinding, 'severity' | 'title'>): NewFinding => ({
  check: 'test.check',
  status: f.severity === 'ok' ? 'OK' : f.severity === 'info' ? 'INFO' : 'FAILED',
  explanation: '',
  evidence: [],
  likelyCause: '',
  nextStep: '',
  skippedReason: null,
  ...f,
});

/** A finished step of run `runId` with this output, as the executor leaves it; its id. */
export function recordStep(repos: Pick<Repos, 'runs'>, runId: number, node: string, stepKey: string, out: { stdout?: string; stderr?: string }, exitCode = 0): number {
  const s = repos.runs.addStep(runId, { nodeId: null, nodeName: node, stepKey, command: `cmd ${stepKey}`, commandSent: `cmd ${stepKey}` });
  repos.runs.markStepRunning(s.id, new Date().toISOString());
  repos.runs.output.append([
    ...(out.stdout ? [{ stepId: s.id, stream: 'stdout' as const, data: out.stdout }] : []),
    ...(out.stderr ? [{ stepId: s.id, stream: 'stderr' as const, data: out.stderr }] : []),
  ]);
  repos.runs.finishStep(s.id, { state: exitCode === 0 ? 'succeeded' : 'failed', exitCode, exitSignal: null, error: null, truncated: false, endedAt: new Date().toISOString(), durationMs: 5 });
  return s.id;
}
