import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { wsrepStatus, GALERA_EXPECTED_SIZE } from './galera.js';
import { appctl, componentPid, isRunning, supervisorState } from './launch.js';
import { nodeByName } from './layout.js';
import { namespacePids } from './network.js';
import { placementEndpoint } from './nodes.js';
import { clusterStatus } from './ovn.js';
import { haproxyStat, memcachedStats, vipHolders } from './cp/edge.js';
import { runCommand } from './proc.js';
import type { LabComponent, LabState } from './state.js';
import type { PhaseTiming } from './timing.js';

export type Health = 'ok' | 'degraded' | 'down';

export interface ComponentStatus {
  name: string;
  kind: LabComponent['kind'];
  pid: number | null;
  health: Health;
  detail: string;
  endpoints: string[];
  logFile: string;
  dataDir: string | null;
  pod: string | null;
}

export interface LabStatus {
  id: string;
  root: string;
  flavor: string;
  network: string;
  /** full: the real control plane; none: the light lab. */
  controlPlane: string;
  /** The API VIP (full control plane). */
  vip: string | null;
  /** How long `lab up` took, and whether the schema cache was there (warm) or made (cold). */
  up: { seconds: number | null; start: 'cold' | 'warm' | null; phases: PhaseTiming[] };
  faults: string[];
  healthy: boolean;
  /** Memory of every process in the lab's namespaces: resident (RSS) and proportional (PSS). */
  memory: { processes: number; rssMiB: number; pssMiB: number };
  nodes: Array<{ name: string; role: string; ip: string; netns: string; components: ComponentStatus[] }>;
}

const tcpOpen = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(2000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });

/** Ask the component itself how it is; never Stackscope's own idea of it. */
async function check(state: LabState, c: LabComponent): Promise<[Health, string]> {
  const node = nodeByName(state.layout, c.node);
  if (c.kind === 'placement-api') {
    const sup = supervisorState(c);
    if (sup?.state === 'waiting') return ['down', `${sup.reason}: ${sup.message}; restarts ${sup.restarts}, last exit ${sup.lastState?.exitCode}`];
    const ok = await fetch(`${placementEndpoint(state.layout)}/`).then((r) => r.ok, () => false);
    return ok ? ['ok', `answers on ${placementEndpoint(state.layout)}${sup?.restarts ? `; restarts ${sup.restarts}` : ''}`] : ['down', 'does not answer HTTP'];
  }
  if (!isRunning(c)) return ['down', 'process not running'];
  switch (c.kind) {
    case 'sshd':
      return (await tcpOpen(node.ip, 22)) ? ['ok', 'accepts connections'] : ['down', 'port 22 closed'];
    case 'ovn-nb':
    case 'ovn-sb': {
      const s = await clusterStatus(c, c.kind === 'ovn-nb' ? 'OVN_Northbound' : 'OVN_Southbound');
      if (!s) return ['down', 'cluster/status does not answer'];
      const role = /Role: (\w+)/.exec(s)?.[1] ?? '?';
      const leader = /Leader: (\S+)/.exec(s)?.[1] ?? 'unknown';
      const member = /Status: cluster member/.test(s);
      return [member && leader !== 'unknown' ? 'ok' : 'degraded', `raft ${role}, leader ${leader}`];
    }
    case 'ovn-northd': {
      const s = await appctl(c, c.ctl as string, ['status']);
      return s ? ['ok', s.replace(/^Status: /, '')] : ['down', 'does not answer'];
    }
    case 'ovs-db': {
      const r = await runCommand(['ovs-vsctl', '--timeout=3', 'list-br'], { netns: c.netns, env: c.env, timeoutMs: 5000 });
      return r.code === 0 ? ['ok', `bridges ${r.stdout.trim().split('\n').join(', ')}`] : ['down', r.stderr.trim()];
    }
    case 'ovs-vswitchd': {
      const v = await appctl(c, 'ovs-vswitchd', ['version']);
      return v ? ['ok', v.split('\n')[0] as string] : ['down', 'does not answer'];
    }
    case 'ovn-controller': {
      const s = await appctl(c, 'ovn-controller', ['connection-status']);
      return s === 'connected' ? ['ok', 'connected to the SB'] : ['degraded', s ?? 'does not answer'];
    }
    case 'mysqld': {
      const s = await wsrepStatus(node);
      if (!s) return ['down', 'does not answer'];
      const size = Number(s.wsrep_cluster_size);
      const detail = `${s.wsrep_cluster_status}, ${s.wsrep_local_state_comment}, cluster size ${size}`;
      if (s.wsrep_cluster_status !== 'Primary') return ['down', detail];
      return [size === GALERA_EXPECTED_SIZE && s.wsrep_local_state_comment === 'Synced' ? 'ok' : 'degraded', detail];
    }
    case 'rabbitmq':
      return (await tcpOpen(node.ip, 5672)) ? ['ok', 'AMQP port open'] : ['degraded', 'starting (AMQP port closed)'];
    case 'haproxy': {
      // Its own view of the backends: `show stat` on the admin socket.
      const rows = await haproxyStat(node);
      const servers = rows.filter((r) => r.svname !== 'FRONTEND' && r.svname !== 'BACKEND' && r.pxname !== 'stats');
      const down = servers.filter((r) => !(r.status ?? '').startsWith('UP'));
      const detail = `${rows.filter((r) => r.svname === 'FRONTEND').length} frontends; backends ${servers.length - down.length}/${servers.length} UP`;
      return down.length ? ['degraded', `${detail}; DOWN: ${down.map((r) => `${r.pxname}/${r.svname}`).join(', ')}`] : ['ok', detail];
    }
    case 'keepalived': {
      const holders = await vipHolders(state.layout);
      const role = holders.includes(node.name) ? 'MASTER (holds the VIPs)' : 'BACKUP';
      return holders.length === 1 ? ['ok', `${role}; VIP ${state.layout.vip} on ${holders[0]}`] : ['degraded', `${role}; VIP ${state.layout.vip} held by ${holders.length ? holders.join(' and ') : 'no controller'}`];
    }
    case 'memcached': {
      const s = await memcachedStats(node);
      return ['ok', `version ${s.version}, ${s.curr_connections} connections, ${s.curr_items} items, get hits ${s.get_hits}/${s.cmd_get}`];
    }
    default: {
      // Control-plane APIs: the first HTTP(S) endpoint must answer (any status below 500).
      const url = c.endpoints.find((e) => /^https?:\/\//.test(e));
      if (!url) return ['ok', 'process running'];
      const code = await fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
      return code > 0 && code < 500 ? ['ok', `answers on ${url} (HTTP ${code})`] : ['down', code ? `HTTP ${code} on ${url}` : `does not answer on ${url}`];
    }
  }
}

function memoryOf(pids: number[]): LabStatus['memory'] {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { processes: pids.length, rssMiB: Math.round(rss / 1024), pssMiB: Math.round(pss / 1024) };
}

export async function labStatus(state: LabState): Promise<LabStatus> {
  const l = state.layout;
  const checked = await Promise.all(
    state.components.map(async (c): Promise<[LabComponent, ComponentStatus]> => {
      const [health, detail] = await check(state, c).catch((e: Error): [Health, string] => ['down', e.message]);
      return [
        c,
        {
          name: c.name,
          kind: c.kind,
          pid: componentPid(c) ?? null,
          health,
          detail,
          endpoints: c.endpoints,
          logFile: c.logFile,
          dataDir: c.dataDir ?? null,
          pod: c.pod?.name ?? null,
        },
      ];
    }),
  );
  const pids = (await Promise.all(l.nodes.map((n) => namespacePids(n.netns)))).flat();
  const nodes = l.nodes.map((n) => ({
    name: n.name,
    role: n.role,
    ip: n.ip,
    netns: n.netns,
    components: checked.filter(([c]) => c.node === n.name).map(([, s]) => s),
  }));
  return {
    id: l.id,
    root: l.root,
    flavor: l.flavor,
    network: `198.18.${l.subnet}.0/24 via ${l.bridge}`,
    controlPlane: l.controlPlane ?? 'none',
    vip: l.controlPlane === 'full' ? l.vip : null,
    up: { seconds: state.upSeconds ?? null, start: state.start ?? null, phases: state.timings ?? [] },
    faults: Object.keys(state.faults),
    healthy: checked.every(([, s]) => s.health === 'ok'),
    memory: memoryOf(pids),
    nodes,
  };
}
