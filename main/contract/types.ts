/** Data types shared by main, the transports and the renderer. Plain JSON only. */

export const deployments = ['openstack-helm', 'kolla', 'packages'] as const;
export type Deployment = (typeof deployments)[number];

/** How a kolla cluster's hosts run containers (`docker|podman exec`). */
export const containerEngines = ['docker', 'podman'] as const;
export type ContainerEngine = (typeof containerEngines)[number];

/** A cluster's profile when nobody said otherwise (and what clusters stored before it existed). */
export const clusterProfileDefaults: { containerEngine: ContainerEngine; namespace: string } = { containerEngine: 'docker', namespace: 'openstack' };

export const nodeRoles = ['controller', 'compute', 'network', 'storage'] as const;
export type NodeRole = (typeof nodeRoles)[number];

/** How a node authenticates. Secrets themselves never appear here: only whether one is needed. */
export type NodeAuth =
  | { method: 'key'; keyPath: string; passphrase: boolean }
  | { method: 'agent'; socket?: string }
  | { method: 'password' };

export interface Cluster {
  id: number;
  name: string;
  deployment: Deployment;
  /** kolla: the container engine of the hosts (default docker). */
  containerEngine: ContainerEngine;
  /** openstack-helm: the Kubernetes namespace of the OpenStack pods (default `openstack`). */
  namespace: string;
  createdAt: string;
  nodes: ClusterNode[];
}

export interface ClusterNode {
  id: number;
  clusterId: number;
  name: string;
  host: string;
  port: number;
  user: string;
  roles: NodeRole[];
  auth: NodeAuth;
  jumpNodeId: number | null;
  /** Trusted host key for host:port, if any. */
  hostKey: KnownHostKey | null;
}

export interface KnownHostKey {
  host: string;
  port: number;
  keyType: string;
  /** As OpenSSH prints it: `SHA256:` + unpadded base64. */
  fingerprint: string;
  trustedAt: string;
}

export type HostKeyStatus = 'trusted' | 'unknown' | 'changed';

export interface HostKeyProbe {
  nodeId: number;
  nodeName: string;
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  status: HostKeyStatus;
  /** The fingerprint stored before, when status is 'changed'. */
  knownFingerprint?: string;
}

export type CaseStatus = 'open' | 'mitigated' | 'resolved';
export type Severity = 'critical' | 'warning' | 'info';

export interface CaseSummary {
  id: number;
  title: string;
  severity: Severity;
  status: CaseStatus;
  clusterId: number | null;
  openedAt: string;
  closedAt: string | null;
  runCount: number;
}

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

export interface CaseDetail extends CaseSummary {
  clusterName: string | null;
  runs: Run[];
  notes: Note[];
}

export interface Note {
  id: number;
  caseId: number;
  author: string;
  text: string;
  createdAt: string;
}

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  /** Where secrets go in this mode. */
  secretStorage: 'keychain' | 'session';
  /** Desktop only: why secrets are not remembered (no OS keyring, so Electron would use a key built into the app; or no keychain at all). */
  keychainUnavailable?: 'no-keyring' | 'no-encryption';
  /** Who notes, status changes and runs are recorded as (the OS user unless configured). */
  author: string;
}

/**
 * A keyboard-interactive round a person must answer: a one-time code, a Duo menu, anything but
 * the node's password (which is answered from the secret store). Texts come from the server,
 * with control characters replaced and lengths capped.
 */
export interface AuthPrompt {
  promptId: string;
  nodeId: number;
  nodeName: string;
  host: string;
  port: number;
  user: string;
  title: string;
  instructions: string;
  /** `echo: false`: the answer is hidden while typed (and redacted if output echoes it). */
  prompts: Array<{ prompt: string; echo: boolean }>;
  /** When the login stops waiting (ISO time). */
  expiresAt: string;
}

export type Lang = 'en' | 'ko';
export type LocalText = Record<Lang, string>;

/** A typed playbook parameter; values reach the remote shell only as one quoted word. */
export interface PlaybookParam {
  name: string;
  type: 'string' | 'integer' | 'ip' | 'port' | 'enum';
  description: LocalText;
  required: boolean;
  default?: string | number;
  /** Allowed values of an `enum`. */
  values?: string[];
  /** For `string`: the whole value must match. */
  pattern?: string;
  min?: number;
  max?: number;
  /** Values the app offers from the cluster itself (e.g. its OVN ports). */
  suggest?: SuggestionKind;
}

export const suggestionKinds = ['ovn-ports'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** A value the cluster has, offered for a parameter. */
export interface Suggestion {
  value: string;
  /** What a person recognises it by (port name, IP, device). */
  label: string;
}

/** A catalogue playbook as the UI and CLI list it. */
export interface PlaybookInfo {
  id: string;
  title: LocalText;
  description: LocalText;
  appliesTo: Deployment[];
  roles: NodeRole[];
  params: PlaybookParam[];
  steps: Array<{ id: string; title: LocalText; service: string; on: 'each' | 'one'; roles?: NodeRole[]; mutating: boolean; run?: string; /** A script file beside the playbook, instead of run. */ script?: string; logs?: { tail: number; previous: boolean } }>;
  /** Where it was loaded from. */
  file: string;
}

export interface PlaybookCatalogue {
  playbooks: PlaybookInfo[];
  /** Playbooks that failed to load, as `file:line:col: reason`. */
  problems: string[];
}

export type TerminalState = 'open' | 'closed' | 'interrupted';
/** exit: the shell ended; closed: the user closed it; lost: the connection dropped; shutdown: Stackscope stopped. */
export type TerminalCloseReason = 'exit' | 'closed' | 'lost' | 'shutdown';

/** An interactive terminal opened from a case; its output is recorded (asciicast v2, redacted). */
export interface TerminalSession {
  id: number;
  caseId: number;
  nodeId: number | null;
  nodeName: string;
  state: TerminalState;
  /** How it ended, in words (exit status, connection lost...). */
  closeReason: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Size when it opened, in columns and rows. */
  width: number;
  height: number;
  /** Output bytes received from the node. */
  bytes: number;
  /** Who opened it (null for sessions recorded before this was kept). */
  author: string | null;
}

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

// ---- Home, case timeline, case findings, search, raw output (issue 5) ----

/** How a node looks from the latest playbook runs that touched it. */
export type HealthLevel = 'critical' | 'warning' | 'ok' | 'unknown';

/** A service, pod or playbook seen on a node in the latest runs, coloured by its worst finding. */
export interface ServiceSeen {
  name: string;
  kind: 'service' | 'pod' | 'playbook';
  health: HealthLevel;
  /** E.g. the pod's service, or the playbook that saw it. */
  detail: string;
}

export interface NodeProblem {
  severity: 'critical' | 'warning';
  title: string;
  caseId: number;
  runId: number;
  findingId: number;
}

export interface NodeHealth {
  id: number;
  name: string;
  host: string;
  roles: NodeRole[];
  /** Where the cluster picture draws it: its most central role. */
  group: NodeRole;
  health: HealthLevel;
  /** When the latest playbook run that touched it started; null = never checked. */
  checkedAt: string | null;
  /** Worst first, at most a few. */
  problems: NodeProblem[];
  services: ServiceSeen[];
}

export interface ClusterOverview {
  id: number;
  name: string;
  deployment: Deployment;
  health: HealthLevel;
  checkedAt: string | null;
  nodes: NodeHealth[];
  /** Findings of the latest runs that name no node (cluster-wide conclusions). */
  problems: NodeProblem[];
}

export interface OpenCase extends CaseSummary {
  clusterName: string | null;
  /** FAILED critical/warning findings of the latest run of each playbook in the case. */
  critical: number;
  warning: number;
  lastActivityAt: string;
}

export interface HomeOverview {
  clusters: ClusterOverview[];
  /** Cases not resolved, worst and newest first. */
  openCases: OpenCase[];
}

/**
 * One thing that happened in a case. `kind` discriminates; later features add their kinds
 * (terminal sessions are reserved below) and the UI shows unknown kinds with their `summary`.
 */
export type TimelineEntry =
  | { kind: 'opened'; id: string; at: string; author: string | null; title: string; severity: Severity }
  | { kind: 'status'; id: string; at: string; author: string | null; from: CaseStatus; to: CaseStatus }
  | { kind: 'note'; id: string; at: string; author: string; noteId: number; text: string }
  | {
      kind: 'run';
      id: string;
      at: string;
      endedAt: string | null;
      author: string | null;
      runId: number;
      runKind: 'exec' | 'playbook';
      /** Playbook id or the ad-hoc command. */
      title: string;
      state: RunState;
      nodes: string[];
      critical: number;
      warning: number;
      ok: number;
      /** Checks it could not make (no pod, nothing to run on), beyond the warnings. */
      skipped: number;
    }
  | { kind: 'finding'; id: string; at: string; author: null; runId: number; findingId: number; playbook: string; severity: FindingSeverity; title: string; nodes: string[] }
  | { kind: 'terminal'; id: string; at: string; endedAt: string | null; author: string | null; sessionId: number; nodeName: string; summary: string };

/** Evidence with the recorded step it came from, so the UI can open that step's full output. */
export interface LocatedEvidence extends FindingEvidence {
  stepId: number | null;
  stream: 'stdout' | 'stderr';
}

export interface CaseFinding extends Omit<RunFinding, 'evidence'> {
  evidence: LocatedEvidence[];
  /** The playbook id of the run. */
  playbook: string;
  runStartedAt: string;
  /** From the newest run of its playbook in this case (older runs' findings may be stale). */
  latest: boolean;
}

export type CaseSearchWhere = 'title' | 'note' | 'finding' | 'output';

export interface CaseSearchHit {
  caseId: number;
  caseTitle: string;
  caseStatus: CaseStatus;
  caseSeverity: Severity;
  openedAt: string;
  where: CaseSearchWhere;
  /** When the matching text was written (note, finding, step end) or the case opened. */
  at: string;
  nodeName: string | null;
  runId: number | null;
  stepId: number | null;
  stream: 'stdout' | 'stderr' | null;
  /** An output hit: the 1-based line of the stream the snippet is taken from. */
  line: number | null;
  command: string | null;
  noteId: number | null;
  findingId: number | null;
  author: string | null;
  /** Matching text with each hit wrapped in \u0002…\u0003 markers. */
  snippet: string;
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

/** One follow-up action of a case: the checklist its incident report ends with. */
export interface Followup {
  id: number;
  caseId: number;
  text: string;
  done: boolean;
  createdAt: string;
}

export type ReportFormat = 'md' | 'html' | 'pdf' | 'json';

/** The language of the report's own words (headings, labels, timeline); findings stay as written. */
export type ReportLang = 'en' | 'ko';

/** What the lead chooses to hide in an exported report (beyond the redaction every export runs). */
export interface ReportOptions {
  /** IANA time zone for the local timestamps (UTC is always shown too). */
  timeZone?: string;
  hideIps?: boolean;
  hideHostnames?: boolean;
  hideUsers?: boolean;
  paper?: 'a4' | 'letter';
  /** Full step outputs in the JSON export. */
  withOutputs?: boolean;
  lang?: ReportLang;
}

// The incident report's data: what every format is rendered from, the JSON export itself (schema:
// main/core/report/report.schema.json) and the app's preview.

export interface ReportTime {
  utc: string;
  local: string;
}

export interface ReportTimelineItem {
  at: ReportTime;
  kind: TimelineEntry['kind'];
  author: string | null;
  text: string;
}

export interface ReportEvidence {
  node: string;
  step: string;
  command: string | null;
  lines: string[];
}

export interface ReportFinding {
  id: number;
  severity: FindingSeverity;
  status: string;
  check: string;
  playbook: string;
  title: string;
  explanation: string;
  likelyCause: string;
  nextStep: string;
  evidence: ReportEvidence[];
}

export interface ReportCommand {
  runId: number;
  /** The step's id in the case log. */
  stepId: number;
  step: string;
  command: string;
  state: string;
  exitCode: number | null;
  durationMs: number | null;
  startedAt: ReportTime | null;
  /** Only in the JSON export. */
  stdout?: string;
  stderr?: string;
}

export interface ReportData {
  schemaVersion: 1;
  lang: ReportLang;
  generatedAt: ReportTime;
  timeZone: string;
  redaction: { hideIps: boolean; hideHostnames: boolean; hideUsers: boolean };
  header: {
    caseId: number;
    title: string;
    cluster: string | null;
    severity: Severity;
    status: CaseStatus;
    opened: ReportTime;
    mitigated: ReportTime | null;
    resolved: ReportTime | null;
    /** From opened to resolved (or to now while the case is not resolved). */
    durationMs: number;
    people: string[];
  };
  summary: string;
  impact: string;
  timeline: ReportTimelineItem[];
  findings: ReportFinding[];
  commands: Array<{ node: string; steps: ReportCommand[] }>;
  followups: Array<{ text: string; done: boolean }>;
}

/** An exported report: text formats as text, PDF as base64. */
export interface ReportExport {
  format: ReportFormat;
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}
