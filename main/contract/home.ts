/** The home screen: each cluster's health as the latest runs saw it, and the open cases. */
import type { CaseSummary } from './cases.js';
import type { Deployment, NodeRole } from './inventory.js';

/**
 * How a node looks from the latest playbook runs that touched it. `unchecked`: a check was tried
 * and could not be made (unreachable, timed out, nothing to read), never shown as ok; `unknown`:
 * nothing has checked it yet.
 */
export type HealthLevel = 'critical' | 'warning' | 'unchecked' | 'ok' | 'unknown';

/** A service, pod or playbook seen on a node in the latest runs, coloured by its worst finding. */
export interface ServiceSeen {
  name: string;
  kind: 'service' | 'pod' | 'playbook';
  health: HealthLevel;
  /** E.g. the pod's service, or the playbook that saw it. */
  detail: string;
  /** When the run that saw it started. */
  checkedAt: string;
  /** Older than the cluster's newest result by more than STALE_AFTER_MS: run the check again to trust it. */
  stale: boolean;
}

/** A result this much older than the cluster's newest one is marked stale. */
export const STALE_AFTER_MS = 15 * 60 * 1000;

export interface NodeProblem {
  /** `unchecked`: a check that could not be made there (unreachable, timed out), shown after what is wrong. */
  severity: 'critical' | 'warning' | 'unchecked';
  title: string;
  caseId: number;
  runId: number;
  findingId: number;
  /** When the run that found it started. */
  checkedAt: string;
  stale: boolean;
  /** Another problem shown here explains this one (its finding names that check): listed after its cause. */
  explained: boolean;
}

export interface NodeHealth {
  id: number;
  name: string;
  host: string;
  roles: NodeRole[];
  /** Where the cluster picture draws it: its most central role. */
  group: NodeRole;
  health: HealthLevel;
  /** When the oldest of the results shown for it was taken (what "checked N min ago" says); null = never checked. */
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
