/**
 * Which example a runbook step's result matches (healthy, broken or neither), decided from what
 * the run produced, never from what the trainee says: a playbook step by its findings, a command
 * step by its output against the step's `expect` patterns. Shared by the renderer and the core.
 */
import type { RunbookExpect, RunbookMatch, RunbookStepInfo } from '../contract/runbooks.js';
import type { Run } from '../contract/runs.js';

/** What a node's output is matched as; an empty output reads as this line, so a pattern can name it. */
export const NO_OUTPUT = '(no output)';

function compile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'm');
  } catch {
    return null;
  }
}

/** A command step: broken when any node's output matches `broken`; healthy when every node exited 0 and matches `healthy`. */
export function matchOutputs(expect: RunbookExpect, outputs: Array<{ exitCode: number | null; stdout: string; stderr: string }>): RunbookMatch {
  const healthy = compile(expect.healthy);
  const broken = compile(expect.broken);
  if (!healthy || !broken || outputs.length === 0) return 'neither';
  const texts = outputs.map((o) => {
    const text = [o.stdout, o.stderr].filter((x) => x.trim()).join('\n').trimEnd();
    return text || NO_OUTPUT;
  });
  if (texts.some((t) => broken.test(t))) return 'broken';
  if (outputs.every((o, i) => o.exitCode === 0 && healthy.test(texts[i] as string))) return 'healthy';
  return 'neither';
}

/**
 * A playbook step: broken when a check failed (critical or warning), healthy when every finding
 * is ok or info and something was checked; a step that could not check says neither.
 */
export function matchFindings(findings: Array<{ severity: string; status: string }>): RunbookMatch {
  if (findings.some((f) => f.status === 'FAILED' && (f.severity === 'critical' || f.severity === 'warning'))) return 'broken';
  if (findings.some((f) => f.status === 'SKIPPED')) return 'neither';
  if (findings.some((f) => f.status === 'OK')) return 'healthy';
  return 'neither';
}

/** The match for a step's run, or `pending` while it runs. Steps without an action match nothing. */
export function matchStepRun(step: Pick<RunbookStepInfo, 'action' | 'expect'>, run: Pick<Run, 'state' | 'steps' | 'findings'>): RunbookMatch {
  if (run.state === 'running') return 'pending';
  if (step.action.kind === 'playbook') return run.state === 'succeeded' ? matchFindings(run.findings) : 'neither';
  if (step.action.kind === 'command' && step.expect) {
    // discover-pods is the engine's own step on openstack-helm, not the trainee's command.
    return matchOutputs(step.expect, run.steps.filter((s) => s.stepKey !== 'discover-pods'));
  }
  return 'neither';
}
