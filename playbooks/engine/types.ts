/**
 * The playbook model: what a playbook file declares, what a step produced on a node, and what
 * an analyzer turns that into. Pure types, shared by the loader, the engine, the analyzers and
 * their tests.
 */
import type { Deployment, FindingEvidence, FindingSeverity, FindingStatus, FindingTexts, LocalText, NodeRole, PlaybookParam, StepState } from '../../main/contract/types.js';

export type { FindingSeverity, FindingStatus };

/** Text in every UI language. */
export type Text = LocalText;

/**
 * Where a step's command runs. The playbook names the service; the cluster's deployment
 * profile (engine/profile.ts) decides how to reach it: `kubectl -n NS exec POD -c C --` for
 * openstack-helm, `docker|podman exec CONTAINER` for kolla, the host shell for packages.
 * `host` is the node's own shell in every flavour (openstack/kubectl/curl clients, files).
 */
export const serviceIds = [
  'host',
  'ovn-nb',
  'ovn-sb',
  'ovn-northd',
  'ovn-controller',
  'ovs',
  'database',
  'placement',
  'rabbitmq',
  'nova-compute',
  'nova-scheduler',
  'neutron-server',
  'neutron-ovn-metadata-agent',
  'keystone',
] as const;
export type ServiceId = (typeof serviceIds)[number];

export type ParamDef = PlaybookParam;
export type ParamType = PlaybookParam['type'];

export interface StepDef {
  /** Unique in the playbook: [a-z0-9-]+. Fixtures and evidence name steps by it. */
  id: string;
  title: Text;
  service: ServiceId;
  /**
   * Shell command run inside the service. `{{name}}` is replaced by the parameter's value as one
   * single-quoted shell word (never spliced raw); put placeholders where a word goes.
   */
  run?: string;
  /**
   * Instead of `run`: a shell script file beside playbook.yaml (`file` as written there, `text` as
   * read at load). It gets the parameters as "$1"…"$n" in declaration order, never in its text.
   */
  script?: { file: string; text: string };
  /** Instead of `run`: the service's own log (kubectl logs / docker logs / journalctl -u). */
  logs?: { tail: number; previous: boolean };
  /** `each` target node, or `one` node (the first of the targets where the service answers). */
  on: 'each' | 'one';
  /** Nodes this step runs on; defaults to the playbook's roles. */
  roles?: NodeRole[];
  timeoutSec: number;
  /** Changes the cluster: runs only with an explicit per-run confirmation. */
  mutating: boolean;
  /**
   * The command needs root where it runs on the host (a root-owned file or socket). A login user
   * that is not root then runs it through sudo when the cluster enables become (profile.ts needsRoot).
   */
  root: boolean;
  /**
   * The step calls the `openstack` client: the engine loads the cluster's admin credentials
   * first, where they live (profile.ts clientPrelude), so no playbook carries its own sourcing.
   */
  client?: 'openstack';
  /**
   * With `client`: the step also works with a token pinned to one endpoint (OS_TOKEN and
   * OS_ENDPOINT, no Keystone catalog) and reads them itself. Otherwise such credentials make it
   * could-not-check before the client runs (credentials.ts catalogGuard).
   */
  withoutCatalog?: boolean;
}

/**
 * A log signature (engine/log-signatures.ts): lines of one step's log output that match `regex`,
 * counted within `window` by each line's own time on the node's clock; `minCount` of them make a
 * finding of `severity`. Its texts are in main/shared/finding-texts under
 * `<playbook>.sig.<id>.title|explanation|next`. With `knownBug`, the finding names the Launchpad
 * bug only when the installed package is older than the fix of its release line.
 */
export interface LogSignatureDef {
  id: string;
  /** The playbook steps whose outputs are read (usually `logs:` steps); YAML `step:` names one or a list. */
  steps: string[];
  regex: string;
  ignoreCase: boolean;
  /** As written (`6h`), and in seconds. */
  window: string;
  windowSec: number;
  minCount: number;
  severity: Exclude<FindingSeverity, 'ok'>;
  /**
   * Lines without a time of their own: not counted (`ignore`), counted at the time of the last
   * dated line before them (`previous`: a traceback's lines belong to the record that printed
   * it), or counted as within the window (`count`).
   */
  undated: 'ignore' | 'previous' | 'count';
  knownBug?: KnownBug;
  /**
   * Lines within `seconds` after a line matching `line` (the service's own start message) are a
   * start-up burst, counted apart: info, not the signature's severity, unless it goes on after.
   */
  startGrace?: { line: string; seconds: number };
  /** Checks whose failure explains what this signature sees (Finding.explainedBy): `ovn.raft-no-leader`, `galera.*`. */
  explainedBy?: string[];
}

export interface KnownBug {
  /** Launchpad bug number. */
  lp: number;
  /** Debian/Ubuntu package that carries the fix, read with dpkg-query where the step's service runs. */
  package: string;
  /** The first fixed version of each release line (`line` is a version prefix such as `12.13` or `3:25`). */
  fixedIn: Array<{ line: string; version: string }>;
}

export interface PlaybookDef {
  id: string;
  title: Text;
  description: Text;
  appliesTo: Deployment[];
  roles: NodeRole[];
  params: ParamDef[];
  steps: StepDef[];
  /** Evaluated by the engine for any playbook that declares them (no analyzer code). */
  logSignatures?: LogSignatureDef[];
}

/** What one step produced on one node, as the analyzer sees it (already redacted). */
export interface StepOutput {
  step: string;
  node: string;
  /** `succeeded` and `failed` (non-zero exit) carry a complete output; the others do not. */
  state: StepState;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Why the step could not run or ended early. */
  error: string | null;
  /** The command as resolved for this node (before the remote wrapper). */
  command: string;
  /**
   * When the core started and ended this step, by Stackscope's own clock (ISO, ms), where it knows:
   * a clock the command read on the node was read between the two (clock-sync bounds each node's
   * offset with them). Absent in fixtures.
   */
  startedAt?: string | null;
  endedAt?: string | null;
  /**
   * The command ran but proves nothing (sudo refused, or it needed root the login did not have):
   * why, in a few words, and what to do. The engine reports it as could-not-check, never as a result.
   */
  notChecked?: {
    why: string;
    nextStep: string;
    likelyCause?: string;
    /**
     * The node's answer is final: this cluster's setup offers nothing to check here (credentials
     * with no Keystone catalog), so another node would say the same and the run is complete.
     */
    settled?: boolean;
  };
}

export interface AnalyzerInput {
  params: Record<string, string | number>;
  deployment: Deployment;
  /** The nodes the playbook targeted, with their roles and address (maps raft/tunnel IPs to names). */
  nodes: Array<{ name: string; roles: NodeRole[]; host?: string }>;
  outputs: StepOutput[];
}

/** The exact output lines that prove a finding (verbatim, in output order), with node and step. */
export type Evidence = FindingEvidence;

export interface Finding {
  /** Stable id of the check, e.g. `galera.non-primary`: lets tests and reports group findings. */
  check: string;
  severity: FindingSeverity;
  status: FindingStatus;
  title: string;
  explanation: string;
  evidence: Evidence[];
  likelyCause: string;
  /** A command to run or a runbook to follow. */
  nextStep: string;
  /** Why the check was not made, when status is SKIPPED. */
  skippedReason?: string;
  /**
   * Checks whose failure would explain this one (`galera.non-primary`, or `galera.*` for any of
   * a playbook's): when one of them failed in the same case, this finding is shown under it as a
   * consequence, not beside it as a second problem. Only say it when this finding's own evidence
   * points there (an HTTP 500 whose body quotes the database error).
   */
  explainedBy?: string[];
  /** The texts above as message ids with parameters (main/shared/finding-texts), for other languages. */
  text?: FindingTexts;
}

export type Analyzer = (input: AnalyzerInput) => Finding[];
