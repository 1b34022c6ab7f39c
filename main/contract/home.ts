/** The home screen: each cluster's health as the latest runs saw it, and the open cases. */
import type { CaseSummary } from './cases.js';
import type { Deployment, NodeRole } from './inventory.js';

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
