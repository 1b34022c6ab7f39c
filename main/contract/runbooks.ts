/** Guided runbooks and a trainee's progress through them. */
import type { Lang, LocalText } from './app.js';
import type { Deployment, NodeRole } from './inventory.js';

export const runbookLevels = ['beginner', 'intermediate'] as const;
export type RunbookLevel = (typeof runbookLevels)[number];

/**
 * What a runbook step runs: a catalogue playbook with fixed parameters, a command on the nodes
 * with these roles, or nothing (a step to read). A command changes the cluster only when the
 * runbook marks it `mutating`; such a step runs only with the trainee's confirmation, one node at
 * a time, and with `on: 'pick'` on the one node the trainee chose.
 */
export type RunbookAction =
  | { kind: 'playbook'; playbookId: string; params: Record<string, string> }
  /** `service`: where the command runs (as in playbooks: the cluster's deployment decides how). */
  /** `root`: the command needs root on the host; a login that is not root runs it through sudo where the cluster enables become. */
  | { kind: 'command'; command: string; service: string; roles: NodeRole[]; on: 'each' | 'one' | 'pick'; timeoutSec: number; mutating: boolean; root: boolean }
  | { kind: 'read' };

/**
 * How a command step's result is compared with its examples: regular expressions (JavaScript
 * syntax, multiline) over each node's output. Broken when any node's output matches `broken`;
 * healthy when every node exited 0 and its output matches `healthy`; neither otherwise.
 */
export interface RunbookExpect {
  healthy: string;
  broken: string;
}

/** Which example a step's result matches, decided from its output or findings. */
export type RunbookMatch = 'healthy' | 'broken' | 'neither' | 'pending';

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
  /** Command steps: how their output is matched against the examples (playbook steps use findings). */
  expect: RunbookExpect | null;
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
  /** What a trainee takes away, a few lines shown when every step is done (Markdown). */
  learned: LocalText[];
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
