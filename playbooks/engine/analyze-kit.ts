/** Small helpers analyzers share: pick outputs, quote lines, build findings. */
import type { AnalyzerInput, Evidence, Finding, FindingSeverity, FindingStatus, StepOutput } from './types.js';

const statusOf: Record<FindingSeverity, FindingStatus> = { critical: 'FAILED', warning: 'FAILED', info: 'INFO', ok: 'OK' };

export function finding(f: Omit<Finding, 'status' | 'evidence' | 'likelyCause' | 'nextStep'> & Partial<Pick<Finding, 'evidence' | 'likelyCause' | 'nextStep'>>): Finding {
  return { evidence: [], likelyCause: '', nextStep: '', ...f, status: statusOf[f.severity] };
}

/** A check that could not be made: says what and why, so a report lists it. */
export function skipped(check: string, title: string, reason: string, evidence: Evidence[] = []): Finding {
  return { check, severity: 'info', status: 'SKIPPED', title, explanation: reason, evidence, likelyCause: '', nextStep: '', skippedReason: reason };
}

/** Outputs of one step, in node order. */
export function outputsOf(input: AnalyzerInput, step: string): StepOutput[] {
  return input.outputs.filter((o) => o.step === step);
}

/** Outputs of one step that ran to the end (exit code known), whatever the code. */
export function completed(input: AnalyzerInput, step: string): StepOutput[] {
  return outputsOf(input, step).filter((o) => o.state === 'succeeded' || o.state === 'failed');
}

export function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

/** A `== HEAD` section of a step script's output: the heading's text, then its lines up to the next heading. */
export interface MarkedSection {
  head: string;
  body: string;
  lines: string[];
}

/** The `== HEAD` sections step scripts print, in order (lines before the first heading are left out). */
export function markedSections(text: string): MarkedSection[] {
  const out: MarkedSection[] = [];
  let cur: MarkedSection | null = null;
  for (const l of lines(text)) {
    const m = /^== (.+)$/.exec(l);
    if (m) {
      cur = { head: m[1] ?? '', body: '', lines: [] };
      out.push(cur);
    } else if (cur) cur.lines.push(l);
  }
  for (const s of out) s.body = s.lines.join('\n');
  return out;
}

/** The exact lines of `text` that match, verbatim. */
export function matching(text: string, re: RegExp): string[] {
  return lines(text).filter((l) => re.test(l));
}

export function evidence(out: Pick<StepOutput, 'node' | 'step'>, evidenceLines: string[]): Evidence {
  return { node: out.node, step: out.step, lines: evidenceLines };
}

/** stdout and stderr together, for matching error messages wherever the tool printed them. */
export function allText(out: StepOutput): string {
  return out.stderr ? `${out.stdout}${out.stdout.endsWith('\n') || !out.stdout ? '' : '\n'}${out.stderr}` : out.stdout;
}

/** Parse JSON output; null when the output is not JSON (a tool that printed an error instead). */
export function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * The line ranges [open, close] of the objects of a JSON list as the openstack CLI (cliff) prints
 * it, one `  {` … `  }` per object: evidence then quotes an object's own lines.
 */
export function objectLineRanges(all: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = -1;
  all.forEach((l, i) => {
    if (/^\s*\{\s*$/.test(l)) start = i;
    else if (/^\s*\},?\s*$/.test(l) && start >= 0) {
      ranges.push([start, i]);
      start = -1;
    }
  });
  return ranges;
}
