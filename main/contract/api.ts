import type { EventName, MethodName } from './methods.js';
import type { MethodInput, ParsedInput } from './schemas.js';
import type { ImportApplied, ImportPlan } from './imports.js';
import type {
  AppInfo,
  AuthPrompt,
  CaseDetail,
  CaseFinding,
  CaseSearchHit,
  CaseSummary,
  CheckStarted,
  Cluster,
  ClusterNode,
  HomeOverview,
  HostKeyProbe,
  KnownHostKey,
  Note,
  Followup,
  ReportData,
  ReportExport,
  OutputPage,
  PlaybookCatalogue,
  Run,
  RunbookCatalogue,
  RunbookProgress,
  RunFinding,
  RunState,
  StepResult,
  Suggestion,
  TerminalCloseReason,
  TerminalSession,
  TimelineEntry,
  ClusterHostKeyProbes,
  ClusterHostKeyTrust,
} from './types.js';

/** What the lead writes for the incident report. Empty root cause: the report takes the case's top finding. */
export interface ReportText {
  summary: string;
  impact: string;
  rootCause: string;
  contributing: string;
}

/** What each method resolves to. */
export interface MethodResults {
  'app.info': AppInfo;
  'clusters.list': Cluster[];
  'clusters.add': Cluster;
  'clusters.update': Cluster;
  'clusters.remove': null;
  'nodes.add': ClusterNode;
  'nodes.update': ClusterNode;
  'nodes.remove': null;
  'hostKeys.probe': HostKeyProbe;
  'hostKeys.trust': KnownHostKey;
  /** Every node's key at once (through jump hosts, a few at a time): what is trusted, known to known_hosts, unknown, changed, or unreachable. */
  'hostKeys.probeCluster': ClusterHostKeyProbes;
  /** Trust exactly the confirmed fingerprints; a node now presenting another key is refused, not trusted. */
  'hostKeys.trustCluster': ClusterHostKeyTrust;
  'secrets.provide': null;
  'secrets.forget': null;
  /** Login prompts waiting for a person now. */
  'auth.pending': AuthPrompt[];
  'auth.answer': null;
  'cases.list': CaseSummary[];
  'cases.create': CaseSummary;
  'cases.get': CaseDetail;
  'cases.search': CaseSearchHit[];
  'exec.start': RunStarted;
  'playbooks.list': PlaybookCatalogue;
  'playbooks.run': RunStarted;
  'playbooks.suggest': Suggestion[];
  /** Started (not finished): follow the runs by their events, read the summary from cases.findings. */
  'checks.start': CheckStarted;
  'runs.get': Run;
  'runs.cancel': null;
  'terminal.open': { sessionId: number; session: TerminalSession };
  'terminal.input': null;
  'terminal.resize': null;
  'terminal.ack': null;
  'terminal.close': null;
  'terminal.list': TerminalSession[];
  /** The asciicast v2 text (header line + event lines), redacted. */
  'terminal.recording': string;
  'runbooks.list': RunbookCatalogue;
  'runbooks.progress.get': RunbookProgress;
  'runbooks.step.run': { runId: number; progress: RunbookProgress };
  'runbooks.step.mark': RunbookProgress;
  'home.overview': HomeOverview;
  'cases.setStatus': CaseSummary;
  'cases.timeline': TimelineEntry[];
  'cases.findings': CaseFinding[];
  'notes.add': Note;
  'steps.output': OutputPage;
  /** What the lead writes for the incident report: summary, impact, follow-up checklist. */
  /** `draft`: a summary and impact filled from the case (top problems, first and last event, affected nodes), for "Start from the template". */
  'cases.report': ReportText & { followups: Followup[]; draft: { summary: string; impact: string } };
  'cases.updateReport': ReportText;
  'followups.add': Followup;
  'followups.toggle': Followup;
  'followups.list': Followup[];
  'report.export': ReportExport;
  /** The report as the exports would show it with these options (no step outputs). */
  'report.preview': ReportData;
  /** What importing a source would do to a cluster (adds, changes, removes, errors with file:line); changes nothing. */
  'clusters.importPlan': ImportPlan;
  /** Apply the plan previewed (same input and its digest) in one transaction. */
  'clusters.importApply': ImportApplied;
}

/** A run that started, and the case it went into (`reused`: the cluster's only recent open case). */
export interface RunStarted {
  runId: number;
  caseId: number;
  caseChoice: 'given' | 'reused' | 'opened';
}

/** A step's metadata without its (possibly large) output. */
export type StepStatus = Omit<StepResult, 'stdout' | 'stderr'>;

export interface EventPayloads {
  'run.started': { run: Run };
  'step.updated': { step: StepStatus };
  'step.output': { runId: number; stepId: number; stream: 'stdout' | 'stderr'; data: string };
  'run.findings': { runId: number; caseId: number; findings: RunFinding[] };
  'run.finished': { runId: number; caseId: number; state: RunState };
  /**
   * Live shell output, never splitting a UTF-8 character; unredacted (only the recording is).
   * `bytes` is what this chunk cost on the SSH channel: acknowledge it with `terminal.ack` once
   * written to the screen, or the session pauses (flow control).
   */
  'terminal.output': { sessionId: number; data: string; bytes: number };
  'terminal.closed': { sessionId: number; reason: TerminalCloseReason; exitCode: number | null; message: string };
  /** A note was added or the status changed (runs have their own events). */
  'case.changed': { caseId: number };
  /** A login needs a person: answer with `auth.answer` (answers never travel in events). */
  'auth.prompt': AuthPrompt;
  /** The prompt is gone: answered (here or elsewhere), cancelled, or the login ended (timeout, server hung up). */
  'auth.prompt.closed': { promptId: string; reason: 'answered' | 'cancelled' | 'ended' };
}

/** The API as the renderer and other clients see it: every method async. */
export type StackscopeApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodResults[M]>;
};

/** The API as main implements it: inputs already validated, defaults filled. */
export type StackscopeHandlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResults[M]> | MethodResults[M];
};

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;

/** A transport carries calls and events; the renderer never knows which one it has. */
export interface Transport {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResults[M]>;
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}

/** The JSON frames of the WebSocket transport. */
export type ClientFrame = { type: 'call'; id: number; method: string; input: unknown };
export type ServerFrame =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: import('./errors.js').WireError }
  | { type: 'event'; name: EventName; payload: unknown };

/** Envelope for IPC results (Electron rewrites thrown errors, so they travel as data). */
export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: import('./errors.js').WireError };
