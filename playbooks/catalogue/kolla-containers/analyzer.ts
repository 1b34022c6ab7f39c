/**
 * kolla-containers: the containers of each Kolla node and the ones in trouble. A container of a
 * core service (one whose loss stops the API, scheduling, instances' networking or data: MariaDB,
 * RabbitMQ, Keystone, Nova, Neutron, OVN/OVS, HAProxy, …) that is not running, unhealthy,
 * restarting or OOM-killed is critical; any other container (cron, fluentd, horizon, memcached, …)
 * a warning. A running container that Docker restarted within the last RECENT_SEC by the node's
 * own clock is a warning (it keeps dying); restarts longer ago, and a health check still
 * starting, are info. One finding per kind and container name, naming every node where it is so
 * (a nova_compute down on 20 computes is one line), with the inspect line and the log tail of
 * each node as evidence.
 */
import { say, texts } from '../../../main/shared/finding-texts/index.js';
import { allText, completed, evidence, finding, lines, outputsOf, skipped } from '../../engine/analyze-kit.js';
import type { Analyzer, Evidence, Finding, FindingSeverity, StepOutput } from '../../engine/types.js';
import { parseContainers, type ContainerState, type NodeContainers } from './parse.js';

const STEP = 'containers';
/** A restart within this many seconds of the node's clock means the container keeps restarting. */
export const RECENT_SEC = 15 * 60;

/** Kolla container names of the services a cloud cannot run without (Kolla-Ansible's own names). */
const CORE =
  /^(mariadb|mariadb_clustercheck|proxysql|rabbitmq|keystone|keystone_fernet|glance_api|placement_api|nova_(api|conductor|scheduler|compute|compute_ironic|libvirt|metadata)|neutron_(server|ovn_metadata_agent|openvswitch_agent|l3_agent|dhcp_agent|metadata_agent|linuxbridge_agent)|ovn_(nb_db|sb_db|northd|controller|sb_db_relay)|openvswitch_(db|vswitchd)|haproxy|keepalived|cinder_(api|scheduler|volume)|ceph_.*)$/;
export const isCore = (name: string): boolean => CORE.test(name);

export type Trouble = 'down' | 'oom' | 'restarting' | 'unhealthy' | 'flapping' | 'restarted' | 'starting';

/** Kolla's one-shot containers (bootstrap_*, *_bootstrap) end with exit 0 by design. */
const oneShot = (c: ContainerState): boolean => /bootstrap/.test(c.name) && c.exitCode === 0;

export function troubleOf(c: ContainerState, now: number | null): Trouble | null {
  if (c.status === 'restarting') return 'restarting';
  if (c.status !== 'running') {
    if (oneShot(c)) return null;
    return c.oom ? 'oom' : 'down';
  }
  if (c.health === 'unhealthy') return 'unhealthy';
  if (c.oom) return 'oom';
  if (c.restarts > 0) return now !== null && c.startedAt !== null && now - c.startedAt <= RECENT_SEC ? 'flapping' : 'restarted';
  if (c.health === 'starting') return 'starting';
  return null;
}

function severityOf(t: Trouble, name: string): FindingSeverity {
  if (t === 'restarted' || t === 'starting') return 'info';
  if (t === 'flapping') return 'warning';
  return isCore(name) ? 'critical' : 'warning';
}

const ago = (sec: number): string => {
  const s = Math.max(0, Math.round(sec));
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : s < 172800 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86400)} d`;
};

/** The log lines worth quoting: the last few that say error, else the last three. */
const ERRORISH = /\b(ERROR|CRITICAL|FATAL|Traceback|Exception|[Ee]rror:|denied|refused|[Kk]illed|Segmentation fault)/;
function logEvidence(n: NodeContainers, name: string): string[] {
  const log = n.logs.get(name);
  if (!log) return [];
  const bad = log.lines.filter((l) => ERRORISH.test(l));
  return [log.header, ...(bad.length ? bad.slice(-4) : log.lines.slice(-3))];
}

interface Hit {
  out: StepOutput;
  n: NodeContainers;
  c: ContainerState;
}

function troubleFinding(t: Trouble, name: string, hits: Hit[]): Finding {
  const nodes = hits.map((h) => h.out.node).join(', ');
  const first = hits[0] as Hit;
  const c = first.c;
  const now = first.n.now;
  const when = (at: number | null): string => (now !== null && at !== null ? ago(now - at) : '?');
  const engine = first.n.engine || 'docker';
  const log = first.n.logs.get(name)?.file ?? null;
  const core = isCore(name);
  const ev: Evidence[] = hits.map((h) => evidence(h.out, [...(h.n.ps.has(name) ? [h.n.ps.get(name) as string] : []), h.c.line, ...logEvidence(h.n, name)]));
  const params = { name, nodes, count: hits.length, engine, status: c.status, exit: c.exitCode, restarts: c.restarts, since: when(c.finishedAt), started: when(c.startedAt), check: (c.lastCheck ?? '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) || '-', recent: Math.round(RECENT_SEC / 60) };
  const role = say(core ? 'kolla-containers.role.core' : 'kolla-containers.role.other');
  const logNext = log ? say('kolla-containers.next.log', { file: log }) : say('kolla-containers.next.nolog', { engine, name });
  return finding({
    check: `kolla.container-${t}`,
    severity: severityOf(t, name),
    ...texts({
      title: say(`kolla-containers.${t}.title`, params),
      explanation: say(`kolla-containers.${t}.explanation`, { ...params, role }),
      ...(t === 'starting' ? {} : { likelyCause: say(t === 'down' ? `kolla-containers.down.cause.${c.exitCode === 0 ? 'clean' : c.exitCode === 137 ? 'killed' : 'error'}` : `kolla-containers.${t}.cause`) }),
      ...(t === 'starting' ? {} : { nextStep: say(`kolla-containers.${t}.next`, { ...params, log: logNext }) }),
    }),
    evidence: ev,
  });
}

function notAnswered(out: StepOutput, n: NodeContainers | null): Finding {
  const lns = n?.kind === 'none' ? n.tried : lines(allText(out)).filter((l) => l.trim()).slice(0, 3);
  const t = texts({
    title: say('kolla-containers.engine.title', { node: out.node }),
    explanation: say(n?.kind === 'none' ? 'kolla-containers.engine.none' : 'kolla-containers.engine.failed', { node: out.node, code: out.exitCode ?? '?' }),
    nextStep: say('kolla-containers.engine.next', { node: out.node }),
  });
  const f = skipped('kolla.containers', t.title, t.explanation, lns.length ? [evidence(out, lns)] : []);
  return { ...f, nextStep: t.nextStep, text: t.text };
}

export const analyze: Analyzer = (input) => {
  const found: Finding[] = [];
  const groups = new Map<string, { t: Trouble; name: string; hits: Hit[] }>();
  const fine: Array<{ out: StepOutput; n: NodeContainers }> = [];
  for (const out of completed(input, STEP)) {
    const n = out.state === 'succeeded' ? parseContainers(out.stdout) : null;
    if (!n || n.kind !== 'engine' || (!n.containers.length && n.inspectErrors.length)) {
      found.push(notAnswered(out, n));
      continue;
    }
    if (!n.containers.length) {
      found.push(
        finding({
          check: 'kolla.no-containers',
          severity: 'info',
          ...texts({ title: say('kolla-containers.empty.title', { node: out.node }), explanation: say('kolla-containers.empty.explanation', { node: out.node, engine: n.engine }) }),
          evidence: n.engineLine ? [evidence(out, [n.engineLine])] : [],
        }),
      );
      continue;
    }
    let troubled = false;
    for (const c of n.containers) {
      const t = troubleOf(c, n.now);
      if (!t) continue;
      if (severityOf(t, c.name) !== 'info') troubled = true;
      const key = `${t} ${c.name}`;
      const g = groups.get(key) ?? { t, name: c.name, hits: [] };
      g.hits.push({ out, n, c });
      groups.set(key, g);
    }
    if (!troubled) fine.push({ out, n });
  }
  const rank: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2, ok: 3 };
  const sorted = [...groups.values()].sort((a, b) => rank[severityOf(a.t, a.name)] - rank[severityOf(b.t, b.name)] || a.name.localeCompare(b.name));
  for (const g of sorted) found.push(troubleFinding(g.t, g.name, g.hits));
  if (fine.length) {
    const total = fine.reduce((a, f) => a + f.n.containers.length, 0);
    found.push(
      finding({
        check: 'kolla.containers',
        severity: 'ok',
        ...texts({ title: say('kolla-containers.ok.title', { count: total, nodes: fine.length }), explanation: say('kolla-containers.ok.explanation', { nodes: fine.map((f) => `${f.out.node} (${f.n.containers.length})`).join(', ') }) }),
        evidence: fine.map((f) => evidence(f.out, [f.n.engineLine ?? '', ...f.n.containers.filter((c) => isCore(c.name)).slice(0, 3).map((c) => c.line)].filter(Boolean))),
      }),
    );
  }
  if (!outputsOf(input, STEP).length) {
    const t = texts({ title: say('kolla-containers.not-run.title'), explanation: say('kolla-containers.not-run.explanation') });
    found.push({ ...skipped('kolla.containers', t.title, t.explanation), text: t.text });
  }
  return found;
};
