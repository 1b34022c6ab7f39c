/** Runs (ad-hoc commands and playbooks), their steps on each node, findings, recorded output. */

export type RunState = 'running' | 'succeeded' | 'failed' | 'interrupted' | 'cancelled';
export type StepState =
  | 'pending'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'error'
  | 'timeout'
  | 'cancelled'
  | 'interrupted';

export interface Run {
  id: number;
  caseId: number;
  clusterId: number;
  kind: 'exec' | 'playbook';
  /** The ad-hoc command or the playbook id. */
  title: string;
  params: Record<string, unknown>;
  state: RunState;
  startedAt: string;
  endedAt: string | null;
  steps: StepResult[];
  /** What the playbook's analyzer concluded (empty for ad-hoc commands). */
  findings: RunFinding[];
}

export type FindingSeverity = 'critical' | 'warning' | 'info' | 'ok';
/** Citellus-style outcome, so a report says what was and was not checked. */
export type FindingStatus = 'FAILED' | 'OK' | 'SKIPPED' | 'INFO';

export interface FindingEvidence {
  node: string;
  step: string;
  /** The exact output lines that prove the finding. */
  lines: string[];
}

/**
 * A text of a finding as a message id with its parameters, so it can be shown in any language
 * (main/shared/finding-texts holds the English and Korean templates). A parameter is a value
 * shown as it is (a node name, a command, an output line), a list of names (joined the way the
 * language joins them), or another message (a sentence or a part of one).
 */
export interface FindingMessage {
  id: string;
  params?: Record<string, FindingMessageParam>;
}
export type FindingMessageParam = string | number | { list: string[] } | FindingMessage | FindingMessage[];

/** The message behind each text of a finding; a part left out has no text. */
export interface FindingTexts {
  title: FindingMessage;
  explanation: FindingMessage;
  likelyCause?: FindingMessage;
  nextStep?: FindingMessage;
}

export interface RunFinding {
  id: number;
  runId: number;
  /** The check that produced it, e.g. `galera.non-primary`. */
  check: string;
  severity: FindingSeverity;
  status: FindingStatus;
  title: string;
  explanation: string;
  evidence: FindingEvidence[];
  likelyCause: string;
  nextStep: string;
  skippedReason: string | null;
  /** Checks whose failure explains this one (`galera.non-primary`, `galera.*`); see findings-summary. */
  explainedBy: string[];
  /** The texts as messages, for analyzers that give them; null: the English texts above are all there is. */
  text?: FindingTexts | null;
  createdAt: string;
}

export interface StepResult {
  id: number;
  runId: number;
  nodeId: number | null;
  nodeName: string;
  /** Which playbook step this is (`exec` for ad-hoc commands). */
  stepKey: string;
  /** The command as the user wrote it (for playbooks: as resolved for this node). */
  command: string;
  /** The exact string sent to the remote shell (wrapper included). */
  commandSent: string;
  state: StepState;
  exitCode: number | null;
  exitSignal: string | null;
  /** Why the step could not run or ended early (connection, timeout, cancel). */
  error: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  /** The whole output's length when stdout/stderr hold only its tail (`outputTail` was asked for). */
  stdoutChars?: number;
  stderrChars?: number;
}

/** One page of a step's recorded output (offsets in UTF-16 code units of the whole stream). */
export interface OutputPage {
  stepId: number;
  stream: 'stdout' | 'stderr';
  offset: number;
  text: string;
  /** Where the next page starts; equals `total` at the end. */
  nextOffset: number;
  total: number;
  /** The step has ended: `total` will not grow. */
  complete: boolean;
  step: Omit<StepResult, 'stdout' | 'stderr'> & { stdoutChars: number; stderrChars: number };
}
