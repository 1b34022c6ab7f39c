/** The incident report: follow-ups, export options, the report's data and an exported file. */
import type { CaseStatus, Severity, TimelineEntry } from './cases.js';
import type { FindingSeverity, FindingStatus } from './runs.js';

/** One follow-up action of a case: the checklist its incident report ends with. */
export interface Followup {
  id: number;
  caseId: number;
  text: string;
  done: boolean;
  /** Who does it (free text: a name, a team), or null. */
  owner: string | null;
  /** By when, YYYY-MM-DD, or null. */
  due: string | null;
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
  /** The appendix of every command run per node in Markdown, HTML and PDF (it can be pages long). */
  withCommands?: boolean;
  /** Every event in the timeline; by default a finding appears there only when it is a root problem (not one it explains, not a superseded one). */
  allEvents?: boolean;
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
  runId: number;
  /** From the newest run of its playbook in the case (older ones are superseded). */
  latest: boolean;
  /** Checks whose failure explains this one: the report lists it under that finding. */
  explainedBy: string[];
  severity: FindingSeverity;
  status: FindingStatus;
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
  /** The lead's root cause, or (fromFinding) the title of the case's top root problem. */
  rootCause: { text: string; fromFinding: boolean };
  /** The lead's contributing factors, or the other root problems, one per line. */
  contributing: { text: string; fromFindings: boolean };
  timeline: ReportTimelineItem[];
  findings: ReportFinding[];
  commands: Array<{ node: string; steps: ReportCommand[] }>;
  followups: Array<{ text: string; done: boolean; owner: string | null; due: string | null }>;
}

/** An exported report: text formats as text, PDF as base64. */
export interface ReportExport {
  format: ReportFormat;
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}
