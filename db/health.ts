import type {
  Cluster,
  ClusterOverview,
  FindingEvidence,
  FindingSeverity,
  FindingStatus,
  HealthLevel,
  NodeHealth,
  NodeProblem,
  NodeRole,
  OpenCase,
  RunFinding,
  ServiceSeen,
} from '../main/contract/types.js';
import { STALE_AFTER_MS } from '../main/contract/home.js';
import type { Db } from './database.js';
import { severityRank } from './findings-repo.js';
import { OutputRepo } from './output-repo.js';
import type { StepRow as StoredStepRow } from './runs-repo.js';

/** The playbook engine's pod discovery step: it lists pods, it does not check the node. */
const DISCOVER_STEP = 'discover-pods';
/** A pod list bigger than this is not parsed for the picture (the run's findings still count). */
const MAX_POD_LIST_CHARS = 16 * 1024 * 1024;

const healthRank: Record<HealthLevel, number> = { critical: 0, warning: 1, unchecked: 2, ok: 3, unknown: 4 };
export const worstHealth = (levels: HealthLevel[]): HealthLevel => levels.reduce<HealthLevel>((w, l) => (healthRank[l] < healthRank[w] ? l : w), 'unknown');

/**
 * A node's (or cluster's) colour: anything wrong wins; otherwise ok when some check saw it
 * healthy, its services that could not be checked staying grey on their own chips; "could not
 * check" only when no check of it could be made at all.
 */
export function overallHealth(levels: HealthLevel[]): HealthLevel {
  const wrong = levels.filter((l) => l === 'critical' || l === 'warning');
  if (wrong.length) return worstHealth(wrong);
  return levels.includes('ok') ? 'ok' : levels.includes('unchecked') ? 'unchecked' : 'unknown';
}

/** A check that could not be made is `unchecked` (never ok); FAILED critical and warning colour; ok and info mean nothing wrong. */
function findingHealth(severity: FindingSeverity, status: FindingStatus): HealthLevel {
  if (status === 'SKIPPED') return 'unchecked';
  if ((severity === 'critical' || severity === 'warning') && status !== 'OK') return severity;
  return 'ok';
}

/** Where the picture draws a node: controllers on top, computes in the grid. */
export function nodeGroup(roles: NodeRole[]): NodeRole {
  return roles.includes('controller') ? 'controller' : (roles[0] ?? 'compute');
}

/** `kubectl -n NS exec POD …` / `kubectl -n NS logs POD …` → POD (names are shell-quoted when needed). */
export function podOfCommand(command: string): string | null {
  const m = /kubectl\s+-n\s+'?[\w.-]+'?\s+(?:exec|logs)\s+'?([a-z0-9][a-z0-9.-]*)'?/.exec(command);
  return m?.[1] ?? null;
}

interface RunRow {
  id: number;
  case_id: number;
  title: string;
  started_at: string;
}
/** The step columns this view reads. */
type StepRow = Pick<StoredStepRow, 'id' | 'run_id' | 'node_id' | 'node_name' | 'step_key' | 'command'> & { state: string };
type Finding = Pick<RunFinding, 'id' | 'runId' | 'check' | 'severity' | 'status' | 'title' | 'evidence' | 'explainedBy'>;

interface PodSeen {
  name: string;
  node: string;
  host: string;
  health: HealthLevel;
  app: string;
}

/** Pods from `kubectl get pods -o json`: ready → ok, crash looping → critical, otherwise warning. */
export function podsFromList(json: string): PodSeen[] {
  let doc: { items?: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    doc = JSON.parse(json) as typeof doc;
  } catch {
    return [];
  }
  return (doc.items ?? []).map((p) => {
    const statuses = (p.status?.containerStatuses ?? []) as Array<{ ready?: boolean; state?: { waiting?: { reason?: string } } }>;
    const ready = statuses.length > 0 && statuses.every((s) => s.ready === true);
    const crashing = statuses.some((s) => /CrashLoopBackOff|OOMKilled|Error/.test(s.state?.waiting?.reason ?? ''));
    const labels = (p.metadata?.labels ?? {}) as Record<string, string>;
    return {
      name: String(p.metadata?.name ?? ''),
      node: String(p.spec?.nodeName ?? ''),
      host: String(p.status?.hostIP ?? ''),
      health: ready ? 'ok' : crashing ? 'critical' : 'warning',
      app: [labels.application, labels.component].filter(Boolean).join('/'),
    };
  });
}

function addService(list: ServiceSeen[], s: ServiceSeen): void {
  const same = list.find((x) => x.kind === s.kind && x.name === s.name);
  if (!same) list.push(s);
  else {
    same.health = worstHealth([same.health, s.health]);
    if (s.detail && !same.detail.split(', ').includes(s.detail)) same.detail = same.detail ? `${same.detail}, ${s.detail}` : s.detail;
  }
}

function problemOf(f: Finding, run: RunRow | undefined, stale: (at: string) => boolean, explained: (f: Finding) => boolean): NodeProblem | null {
  const h = findingHealth(f.severity, f.status);
  const at = run?.started_at ?? '';
  // A check that could not be made is named too (why the node is grey), after anything wrong.
  return h === 'critical' || h === 'warning' || (h === 'unchecked' && f.severity !== 'info') ? { severity: h, title: f.title, caseId: run?.case_id ?? 0, runId: f.runId, findingId: f.id, checkedAt: at, stale: stale(at), explained: explained(f) } : null;
}

/** Causes before what they explain, then worst first, then newest; fresh before stale. */
function topProblems(list: NodeProblem[], n = 5): NodeProblem[] {
  const seen = new Set<string>();
  return list
    .sort((a, b) => Number(a.stale) - Number(b.stale) || Number(a.explained) - Number(b.explained) || healthRank[a.severity] - healthRank[b.severity] || b.runId - a.runId)
    .filter((p) => !seen.has(p.title) && (seen.add(p.title), true))
    .slice(0, n);
}

/** A check reference (`galera.bootstrap`, `galera.*`) matches a check id. */
const refMatches = (ref: string, check: string): boolean => (ref.endsWith('.*') ? check.startsWith(ref.slice(0, -1)) : ref === check);

/** What the catalogue says about a playbook step: the service it runs in, and whether it runs on each node or on one. */
export type StepInfo = (playbook: string, step: string) => { service: string; on: 'each' | 'one' } | null;

/**
 * The home screen's picture of the case log: each cluster's nodes with the health the newest
 * runs gave them, and the cases still open.
 */
export class HealthRepo {
  private readonly output: OutputRepo;
  private readonly selectLatest;
  private readonly selectPodList;
  private readonly selectSweep;
  private readonly selectOpenCases;

  constructor(private readonly db: Db) {
    this.output = new OutputRepo(db);
    this.selectLatest = db.prepare(
      `SELECT s.node_id, MAX(r.id) AS run_id FROM step_results s JOIN runs r ON r.id = s.run_id
       WHERE r.cluster_id = ? AND r.kind = 'playbook' AND r.state != 'running' AND s.node_id IS NOT NULL AND s.step_key != ?
         AND r.title NOT LIKE 'runbook-%'
       GROUP BY s.node_id, r.title`,
    );
    this.selectSweep = db
      .prepare(`SELECT MAX(json_extract(params, '$.check')) FROM runs WHERE cluster_id = ? AND kind = 'playbook' AND json_extract(params, '$.check') IS NOT NULL`)
      .pluck();
    this.selectPodList = db
      .prepare(
        `SELECT s.id, r.started_at FROM step_results s JOIN runs r ON r.id = s.run_id
         WHERE r.cluster_id = ? AND s.step_key = ? AND s.state = 'succeeded' AND s.stdout_chars <= ? ORDER BY s.id DESC LIMIT 1`,
      );
    const latestRun = `r.kind = 'playbook' AND r.id = (SELECT MAX(r2.id) FROM runs r2 WHERE r2.case_id = r.case_id AND r2.kind = 'playbook' AND r2.title = r.title)`;
    this.selectOpenCases = db.prepare(
      `SELECT c.id, c.title, c.severity, c.status, c.cluster_id, c.opened_at, c.closed_at, cl.name AS cluster_name,
              (SELECT COUNT(*) FROM runs r WHERE r.case_id = c.id) AS run_count,
              (SELECT COUNT(*) FROM findings f JOIN runs r ON r.id = f.run_id WHERE r.case_id = c.id AND ${latestRun} AND f.severity = 'critical' AND f.status != 'OK') AS critical,
              (SELECT COUNT(*) FROM findings f JOIN runs r ON r.id = f.run_id WHERE r.case_id = c.id AND ${latestRun} AND f.severity = 'warning' AND f.status != 'OK') AS warning,
              MAX(c.opened_at,
                  COALESCE((SELECT MAX(started_at) FROM runs WHERE case_id = c.id), ''),
                  COALESCE((SELECT MAX(created_at) FROM notes WHERE case_id = c.id), ''),
                  COALESCE((SELECT MAX(created_at) FROM case_events WHERE case_id = c.id), '')) AS last_activity
       FROM cases c LEFT JOIN clusters cl ON cl.id = c.cluster_id
       WHERE c.status != 'resolved'`,
    );
  }

  /**
   * What each node looks like now: for every playbook, the newest finished run that had a step on
   * the node; the node takes the worst finding of those runs that names it. Never checked = unknown.
   * A step that runs on one node for the whole cluster (`on: one`, e.g. kubectl or a Placement
   * query) says nothing about that node: its findings go to the cluster, or to the node of the pod
   * they name. The engine's own findings (unreachable, timed out) always belong to their node.
   * Services on a node come from those runs' steps (the catalogue names each step's service), pods
   * from the commands and from the latest pod list.
   */
  clusterOverview(cluster: Cluster, stepInfo: StepInfo): ClusterOverview {
    const latest = this.selectLatest.all(cluster.id, DISCOVER_STEP) as Array<{ node_id: number; run_id: number }>;
    const runIds = [...new Set(latest.map((l) => l.run_id))];
    const inList = runIds.map(() => '?').join(',') || 'NULL';
    const runs = new Map((this.db.prepare(`SELECT id, case_id, title, started_at FROM runs WHERE id IN (${inList})`).all(...runIds) as RunRow[]).map((r) => [r.id, r]));
    const steps = this.db
      .prepare(`SELECT id, run_id, node_id, node_name, step_key, command, state FROM step_results WHERE run_id IN (${inList}) AND step_key != ?`)
      .all(...runIds, DISCOVER_STEP) as StepRow[];
    const findings = (this.db.prepare(`SELECT id, run_id, check_id, severity, status, title, evidence, explained_by FROM findings WHERE run_id IN (${inList})`).all(...runIds) as Array<{
      id: number;
      run_id: number;
      check_id: string;
      severity: FindingSeverity;
      status: FindingStatus;
      title: string;
      evidence: string;
      explained_by: string;
    }>).map(
      (f): Finding => ({ id: f.id, runId: f.run_id, check: f.check_id, severity: f.severity, status: f.status, title: f.title, evidence: JSON.parse(f.evidence) as FindingEvidence[], explainedBy: JSON.parse(f.explained_by) as string[] }),
    );
    // Newest result of the cluster: anything much older is marked stale (and shown with its age).
    const newest = [...runs.values()].reduce((m, r) => (r.started_at > m ? r.started_at : m), '');
    // A whole-cluster check re-ran everything it could: a result from before it (a playbook it does not run, e.g. a trace) is stale.
    const sweep = (this.selectSweep.get(cluster.id) as string | null | undefined) ?? '';
    const stale = (at: string): boolean => (sweep !== '' && at < sweep) || (newest !== '' && Date.parse(newest) - Date.parse(at) > STALE_AFTER_MS);
    // A problem another failed finding shown here explains comes after it (the Placement 500 after the lost quorum).
    const failedChecks = findings.filter((f) => f.status === 'FAILED' && (f.severity === 'critical' || f.severity === 'warning')).map((f) => f.check);
    const explained = (f: Finding): boolean => f.explainedBy.some((ref) => failedChecks.some((c) => c !== f.check && refMatches(ref, c)));
    const playbookOf = (f: Finding): string => runs.get(f.runId)?.title ?? '';
    /** The nodes a finding is about: those its evidence quotes from per-node steps. */
    const aboutNodes = (f: Finding): string[] =>
      f.evidence.filter((e) => e.node && (f.check.startsWith('engine.') || stepInfo(playbookOf(f), e.step)?.on !== 'one')).map((e) => e.node);

    // The newest pod list of the cluster (openstack-helm): which pods run where, and whether they are ready.
    const podList = this.selectPodList.get(cluster.id, DISCOVER_STEP, MAX_POD_LIST_CHARS) as { id: number; started_at: string } | undefined;
    const pods = podList === undefined ? [] : podsFromList(this.output.text(podList.id, 'stdout'));
    const podListAt = podList?.started_at ?? newest;

    // Cluster-wide conclusions; one that names a pod also marks the node the pod runs on.
    const clusterProblems: NodeProblem[] = [];
    const podProblems = new Map<string, Array<{ f: Finding; p: NodeProblem; pod: PodSeen }>>();
    for (const f of findings) {
      if (aboutNodes(f).length > 0) continue;
      const p = problemOf(f, runs.get(f.runId), stale, explained);
      if (!p) continue;
      clusterProblems.push(p);
      const pod = pods.find((x) => x.name.length >= 5 && f.title.includes(x.name));
      if (pod) podProblems.set(pod.node || pod.host, [...(podProblems.get(pod.node || pod.host) ?? []), { f, p, pod }]);
    }

    const nodes = cluster.nodes.map((node): NodeHealth => {
      const mine = latest.filter((l) => l.node_id === node.id).map((l) => runs.get(l.run_id)).filter((r): r is RunRow => r !== undefined);
      // Colour from fresh results; stale ones only when nothing fresher saw the node (and they stay marked stale).
      const levels: HealthLevel[] = [];
      const staleLevels: HealthLevel[] = [];
      let checkedAt: string | null = null;
      const problems: NodeProblem[] = [];
      const services: ServiceSeen[] = [];
      for (const run of mine) {
        const runSteps = steps.filter((s) => s.run_id === run.id && s.node_id === node.id);
        const name = runSteps[0]?.node_name ?? node.name; // the node's name when the run was made
        const runFindings = findings.filter((f) => f.runId === run.id && aboutNodes(f).includes(name));
        // A run checked this node when a per-node step ran on it (or the engine reported on it).
        // "Checked N min ago" is the age of the oldest result shown, so a stale one is not hidden by a fresh one.
        if (runSteps.some((s) => stepInfo(run.title, s.step_key)?.on !== 'one') || runFindings.length > 0) {
          if (checkedAt === null || run.started_at < checkedAt) checkedAt = run.started_at;
        }
        const runLevels = stale(run.started_at) ? staleLevels : levels;
        for (const f of runFindings) {
          runLevels.push(findingHealth(f.severity, f.status));
          const p = problemOf(f, run, stale, explained);
          if (p) problems.push(p);
        }
        const seen = { checkedAt: run.started_at, stale: stale(run.started_at) };
        for (const s of runSteps) {
          const about = runFindings.filter((f) => f.evidence.some((e) => e.node === name && e.step === s.step_key));
          const complete = s.state === 'succeeded' || s.state === 'failed';
          // Green only when the step ran to its end and nothing said it could not check: a check saw it healthy.
          const health = worstHealth([complete ? 'ok' : 'unchecked', ...about.map((f) => findingHealth(f.severity, f.status))]);
          const info = stepInfo(run.title, s.step_key);
          if (info?.on !== 'one') runLevels.push(health);
          const pod = podOfCommand(s.command);
          if (pod) addService(services, { name: pod, kind: 'pod', health, detail: info?.service ?? run.title, ...seen });
          else if (info?.on === 'one') continue; // this node only answered for the cluster
          else if (info && info.service !== 'host') addService(services, { name: info.service, kind: 'service', health, detail: run.title, ...seen });
          // A host step stands for the playbook on this node: it takes the worst of what the run found here.
          else addService(services, { name: run.title, kind: 'playbook', health: worstHealth([health, ...runFindings.map((f) => findingHealth(f.severity, f.status))]), detail: '', ...seen });
        }
      }
      const listed = { checkedAt: podListAt, stale: stale(podListAt) };
      for (const p of pods) {
        if (p.node === node.name || (p.host !== '' && p.host === node.host)) addService(services, { name: p.name, kind: 'pod', health: p.health, detail: p.app, ...listed });
      }
      for (const { f, p, pod } of [...(podProblems.get(node.name) ?? []), ...(podProblems.get(node.host) ?? [])]) {
        levels.push(findingHealth(f.severity, f.status));
        problems.push(p);
        // The pod list is a snapshot (a crash-looping pod may have been up just then); the finding says how it is.
        addService(services, { name: pod.name, kind: 'pod', health: p.severity, detail: pod.app, checkedAt: p.checkedAt, stale: p.stale });
      }
      const kindOrder = { service: 0, pod: 1, playbook: 2 };
      services.sort((a, b) => healthRank[a.health] - healthRank[b.health] || kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name, undefined, { numeric: true }));
      return {
        id: node.id,
        name: node.name,
        host: node.host,
        roles: node.roles,
        group: nodeGroup(node.roles),
        health: overallHealth(levels.length ? levels : staleLevels),
        checkedAt,
        problems: topProblems(problems),
        services,
      };
    });

    const groupOrder: Record<NodeRole, number> = { controller: 0, network: 1, storage: 2, compute: 3 };
    nodes.sort((a, b) => groupOrder[a.group] - groupOrder[b.group] || a.name.localeCompare(b.name, undefined, { numeric: true }));
    const checked = nodes.filter((n) => n.health !== 'unknown');
    const cp = topProblems(clusterProblems);
    return {
      id: cluster.id,
      name: cluster.name,
      deployment: cluster.deployment,
      health: overallHealth([...checked.map((n) => n.health), ...(cp.some((p) => !p.stale) || checked.length ? cp.filter((p) => !p.stale) : cp).map((p) => p.severity)]),
      // The oldest result shown: "checked just now" only when everything shown is that recent.
      checkedAt: [...checked.map((n) => n.checkedAt), ...cp.map((p) => p.checkedAt)].reduce<string | null>((m, at) => (at && (m === null || at < m) ? at : m), null),
      nodes,
      problems: cp,
    };
  }

  /** Cases still open or mitigated, worst first, then the most recently active. */
  openCases(): OpenCase[] {
    const rows = this.selectOpenCases.all() as Array<{
      id: number;
      title: string;
      severity: OpenCase['severity'];
      status: OpenCase['status'];
      cluster_id: number | null;
      opened_at: string;
      closed_at: string | null;
      cluster_name: string | null;
      run_count: number;
      critical: number;
      warning: number;
      last_activity: string;
    }>;
    return rows
      .map(
        (r): OpenCase => ({
          id: r.id,
          title: r.title,
          severity: r.severity,
          status: r.status,
          clusterId: r.cluster_id,
          openedAt: r.opened_at,
          closedAt: r.closed_at,
          runCount: r.run_count,
          clusterName: r.cluster_name,
          critical: r.critical,
          warning: r.warning,
          lastActivityAt: r.last_activity,
        }),
      )
      .sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id - a.id);
  }
}
