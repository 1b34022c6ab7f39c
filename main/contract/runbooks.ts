/** Guided runbooks and a trainee's progress through them. */
import type { Lang, LocalText } from './app.js';
import type { Deployment, NodeRole } from './inventory.js';

export const runbookLevels = ['beginner', 'intermediate'] as const;
export type RunbookLevel = (typeof runbookLevels)[number];

/**
 * What a runbook step runs: a catalogue playbook with fixed parameters, a read-only command on
 * the host shell of the nodes with these roles, or nothing (a step to read).
 */
export type RunbookAction =
  | { kind: 'playbook'; playbookId: string; params: Record<string, string> }
  /** `service`: where the command runs (as in playbooks: the cluster's deployment decides how). */
  | { kind: 'command'; command: string; service: string; roles: NodeRole[]; on: 'each' | 'one'; timeoutSec: number }
  | { kind: 'read' };

/** One step of a guided runbook; the texts are Markdown, in every language the runbook has. */
export interface RunbookStepInfo {
  id: string;
  action: RunbookAction;
  title: LocalText;
  /** What the step does (the section text before its "Why"). */
  body: LocalText;
  why: LocalText;
  healthy: LocalText;
  broken: LocalText;
}

export interface RunbookInfo {
  id: string;
  title: LocalText;
  /** The introduction before the first step (Markdown). */
  summary: LocalText;
  level: RunbookLevel;
  /** Languages the runbook is written in; other languages show the English text. */
  languages: Lang[];
  appliesTo: Deployment[];
  /** The practice-lab fault it trains on (`stackscope lab break FAULT`), if any. */
  fault: string | null;
  steps: RunbookStepInfo[];
  /** Where it was loaded from. */
  file: string;
}

export interface RunbookCatalogue {
  runbooks: RunbookInfo[];
  /** Runbooks that failed to load, as `file:line:col: reason`. */
  problems: string[];
}

export interface RunbookStepProgress {
  stepId: string;
  /** The latest run this step started in the case, if any. */
  runId: number | null;
  ranAt: string | null;
  understood: boolean;
  understoodAt: string | null;
}

/** A trainee's progress through one runbook in one case; steps in runbook order. */
export interface RunbookProgress {
  caseId: number;
  runbookId: string;
  steps: RunbookStepProgress[];
}
