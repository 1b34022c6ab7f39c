import { mkdirSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import type { ControlPlaneContext } from '../controlplane.js';
import { controllers, nodePaths, type LabLayout, type LabNode } from '../layout.js';
import { componentPid, launch } from '../launch.js';
import { LabError, run, runCommand, signal, waitUntil } from '../proc.js';
import type { ComponentKind, LabComponent } from '../state.js';
import { CERT_DAYS, labCaFile, makeLabCa, publicVipPem, servedCertificate, tlsDir, writeSecretFile } from './tls.js';

export { labCaFile, tlsDir } from './tls.js';

/**
 * The edge of the control plane, as Kolla-Ansible builds it: memcached, keepalived (one VRRP
 * instance holding the internal VIP and the public VIP) and HAProxy on every controller. HAProxy
 * listens on VIP:port (plain HTTP: the internal and admin endpoints) and PUBLIC_VIP:port (TLS
 * with a certificate of the lab's own CA: the public endpoints) for every API, and balances over
 * the controllers that run that API.
 *
 *   memcached   n.ip:11211 on every controller (-U 0 -m 32), log/memcached.log
 *   keepalived  VRRP (unicast between the controllers, vrid 51, controller-1 MASTER), log/keepalived.log
 *   haproxy     VIP:port and PUBLIC_VIP:port per API, stats page n.ip:1984, admin socket
 *               <node>/haproxy/haproxy.sock, log/haproxy.log (its log), log/haproxy-console.log (stderr)
 */

/** An internal (and admin) endpoint: plain HTTP on the internal VIP, as Kolla's kolla_internal_vip_address. */
export const internalUrl = (l: LabLayout, port: number, path = ''): string => `http://${l.vip}:${port}${path}`;

/** A public endpoint: HTTPS on the public VIP (Kolla's kolla_external_vip_address), verified with labCaFile(l). */
export const publicUrl = (l: LabLayout, port: number, path = ''): string => `https://${l.publicVip}:${port}${path}`;

/** One API HAProxy fronts: its port, the component behind it, and which controllers run a backend. */
export interface EdgeApi {
  /** HAProxy's proxy name, as Kolla names it (keystone_internal, nova_api, ...); the public one adds _external. */
  name: string;
  port: number;
  /** The lab component that serves it on each backend node. */
  kind: ComponentKind;
  /** Also published on the public VIP with TLS (Kolla keeps nova_metadata internal only). */
  external: boolean;
  /** The controllers that run the API; a backend that is not up (yet) is shown DOWN, as HAProxy does. */
  backends: (l: LabLayout) => LabNode[];
}

const allControllers = (l: LabLayout): LabNode[] => controllers(l);
const firstController = (l: LabLayout): LabNode[] => controllers(l).slice(0, 1);

/** Every API behind HAProxy, in one table (ports as Kolla's). */
export const edgeApis: EdgeApi[] = [
  { name: 'keystone_internal', port: 5000, kind: 'keystone', external: true, backends: allControllers },
  { name: 'placement_api', port: 8778, kind: 'placement-api', external: true, backends: firstController },
  { name: 'glance_api', port: 9292, kind: 'glance-api', external: true, backends: firstController },
  { name: 'nova_api', port: 8774, kind: 'nova-api', external: true, backends: firstController },
  { name: 'nova_metadata', port: 8775, kind: 'nova-api', external: false, backends: firstController },
  { name: 'neutron_server', port: 9696, kind: 'neutron-server', external: true, backends: firstController },
];

/** The public proxy's name for an API (keystone_internal → keystone_external, nova_api → nova_api_external). */
export const externalName = (api: EdgeApi): string => (api.name === 'keystone_internal' ? 'keystone_external' : `${api.name}_external`);

/** memcached's port on every controller (n.ip:11211): Keystone's and Nova's [cache] memcache_servers. */
export const MEMCACHED_PORT = 11211;
/** HAProxy's stats page on each controller's own address. */
export const HAPROXY_STATS_PORT = 1984;
/** Kolla's default keepalived_virtual_router_id. */
export const VRRP_ROUTER_ID = 51;

/** The memcache_servers list for oslo.cache / keystonemiddleware: every controller's memcached. */
export const memcacheServers = (l: LabLayout): string => controllers(l).map((n) => `${n.ip}:${MEMCACHED_PORT}`).join(',');

export const haproxyConfig = (n: LabNode): string => join(nodePaths(n).haproxy, 'haproxy.cfg');
/** The public VIP's certificate and key as this controller's HAProxy reads them (Kolla: /etc/kolla/haproxy/haproxy.pem). */
export const haproxyPem = (n: LabNode): string => join(nodePaths(n).haproxy, 'haproxy.pem');
/** HAProxy's admin socket (`echo 'show stat' | socat - UNIX-CONNECT:<this>`). */
export const haproxySocket = (n: LabNode): string => join(nodePaths(n).haproxy, 'haproxy.sock');
/** HAProxy's log: traffic and server state changes, one line each (Kolla: /var/log/kolla/haproxy/haproxy.log). */
export const haproxyLog = (n: LabNode): string => join(nodePaths(n).log, 'haproxy.log');
export const keepalivedConfig = (n: LabNode): string => join(nodePaths(n).keepalived, 'keepalived.conf');

const kollaImage = (name: string): string => `quay.io/openstack.kolla/${name}:zed-debian-bookworm`;

export function memcachedComponent(n: LabNode): LabComponent {
  const p = nodePaths(n);
  return {
    name: `memcached@${n.name}`,
    kind: 'memcached',
    node: n.name,
    netns: n.netns,
    pidFile: join(p.memcached, 'memcached.pid'),
    logFile: join(p.log, 'memcached.log'),
    dataDir: p.memcached,
    endpoints: [`memcached://${n.ip}:${MEMCACHED_PORT}`],
    // Kolla's command: memcached -v -l <api address> -p 11211 -c <limit> -m <MiB>; UDP off as upstream advises.
    argv: ['memcached', '-v', '-l', n.ip, '-p', String(MEMCACHED_PORT), '-U', '0', '-m', '32', '-c', '1024', '-u', 'root'],
    env: {},
    pod: {
      name: `memcached-memcached-${n.index - 1}`,
      labels: { application: 'memcached', component: 'server' },
      container: 'memcached',
      image: 'docker.io/library/memcached:1.6.18',
    },
    container: { name: 'memcached', image: kollaImage('memcached'), service: 'memcached' },
  };
}

/**
 * keepalived in the foreground (-n) with only its VRRP child (-P), logging to the console (-l -D)
 * that launch() points at its log file, no syslog (-G), and its own pid files so three of them on
 * one machine do not take each other for an instance already running.
 * openstack-helm has no keepalived pod (its API VIP comes from the ingress): no pod here.
 */
export function keepalivedComponent(n: LabNode): LabComponent {
  const p = nodePaths(n);
  const dir = p.keepalived;
  return {
    name: `keepalived@${n.name}`,
    kind: 'keepalived',
    node: n.name,
    netns: n.netns,
    pidFile: join(dir, 'pid'),
    logFile: join(p.log, 'keepalived.log'),
    dataDir: dir,
    endpoints: [`vrrp ${n.ip} vrid ${VRRP_ROUTER_ID}`],
    argv: ['keepalived', '-n', '-l', '-D', '-G', '-P', '-f', keepalivedConfig(n), '-p', join(dir, 'keepalived.pid'), '-r', join(dir, 'vrrp.pid'), '-c', join(dir, 'checkers.pid')],
    env: {},
    container: { name: 'keepalived', image: kollaImage('keepalived'), service: 'keepalived' },
  };
}

/**
 * HAProxy in master-worker mode in the foreground (-W -db): the pid launch() records is the
 * master's, SIGUSR2 to it reloads (new worker, same master pid). Its log (`log fd@3`, opened on
 * haproxy.log by the `sh` that then execs it) holds traffic and events, once each, as rsyslog's
 * /var/log/kolla/haproxy/haproxy.log does; what it prints on stderr (start-up, config errors, and a
 * second copy of every server DOWN/UP) is the component's log, as `docker logs haproxy` or the
 * journal is. Both went to one file before: each event stood in haproxy.log twice.
 * openstack-helm fronts its APIs with an ingress instead: no pod here.
 */
export function haproxyComponent(l: LabLayout, n: LabNode): LabComponent {
  const p = nodePaths(n);
  return {
    name: `haproxy@${n.name}`,
    kind: 'haproxy',
    node: n.name,
    netns: n.netns,
    pidFile: join(p.haproxy, 'haproxy.pid'),
    logFile: join(p.log, 'haproxy-console.log'),
    dataDir: p.haproxy,
    // The stats page first (what a plain HTTP check of the component reaches), then what it fronts.
    endpoints: [
      `http://${n.ip}:${HAPROXY_STATS_PORT}/`,
      `http ${l.vip}:${edgeApis.map((a) => a.port).join(',')}`,
      `https ${l.publicVip}:${edgeApis.filter((a) => a.external).map((a) => a.port).join(',')}`,
      `unix:${haproxySocket(n)}`,
    ],
    argv: ['sh', '-c', 'exec "$@" 3>>"$0"', haproxyLog(n), 'haproxy', '-W', '-db', '-f', haproxyConfig(n)],
    env: {},
    container: { name: 'haproxy', image: kollaImage('haproxy'), service: 'haproxy' },
  };
}

function keepalivedConf(l: LabLayout, n: LabNode, password: string): string {
  const ctls = controllers(l);
  const peers = ctls.filter((c) => c.name !== n.name).map((c) => `    ${c.ip}`);
  // controller-1 starts as MASTER (highest priority, so it also takes the VIPs back after a split);
  // the others wait as BACKUP.
  return `# keepalived on ${n.name} (lab ${l.id}): one VRRP instance for the internal and the public API VIP
global_defs {
  router_id ${n.name}
}

vrrp_instance kolla_internal_vip_${VRRP_ROUTER_ID} {
  state ${n.index === 1 ? 'MASTER' : 'BACKUP'}
  interface eth0
  virtual_router_id ${VRRP_ROUTER_ID}
  priority ${ctls.length + 1 - n.index}
  advert_int 1
  unicast_src_ip ${n.ip}
  unicast_peer {
${peers.join('\n')}
  }
  authentication {
    auth_type PASS
    auth_pass ${password}
  }
  virtual_ipaddress {
    ${l.vip}/24 dev eth0
    ${l.publicVip}/24 dev eth0
  }
}
`;
}

function haproxyConf(l: LabLayout, n: LabNode): string {
  const servers = (a: EdgeApi): string =>
    a.backends(l).map((b) => `  server ${b.name} ${b.ip}:${a.port} check`).join('\n');
  // TCP checks, as Kolla's: an HTTP check every 2 s from three HAProxies put ~1.5 lines a second
  // into every API's own log (330 of glance-api.log's 340 lines after lab up), burying what
  // trainees and playbooks read there. A stopped backend shows as "Layer4 connection problem".
  const proxies = edgeApis.flatMap((a) => {
    const common = `${servers(a)}\n`;
    const internal = `listen ${a.name}\n  bind ${l.vip}:${a.port}\n${common}`;
    const external = `listen ${externalName(a)}\n  bind ${l.publicVip}:${a.port} ssl crt ${haproxyPem(n)}\n  http-request del-header X-Forwarded-Proto\n  http-request set-header X-Forwarded-Proto https if { ssl_fc }\n${common}`;
    return a.external ? [internal, external] : [internal];
  });
  return `# HAProxy on ${n.name} (lab ${l.id}): internal VIP ${l.vip} (http), public VIP ${l.publicVip} (https, lab CA)
global
  log fd@3 format iso local0 info
  maxconn 1000
  nbthread 1
  stats socket ${haproxySocket(n)} mode 600 level admin
  tune.ssl.default-dh-param 2048

defaults
  mode http
  log global
  option httplog
  option dontlognull
  option redispatch
  retries 3
  timeout http-request 10s
  timeout queue 1m
  timeout connect 5s
  timeout client 1m
  timeout server 1m
  timeout check 5s
  default-server inter 2s rise 2 fall 2

listen stats
  bind ${n.ip}:${HAPROXY_STATS_PORT}
  stats enable
  stats uri /
  stats refresh 15s
  stats show-node ${n.name}

${proxies.join('\n')}`;
}

/** `show stat` on a controller's HAProxy admin socket, as rows keyed by the CSV header (pxname, svname, status, ...). */
export function haproxyStat(n: LabNode): Promise<Array<Record<string, string>>> {
  return haproxyCommand(n, 'show stat').then((out) => {
    const lines = out.split('\n').filter((x) => x.trim());
    const header = (lines.shift() ?? '').replace(/^# /, '').split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i] ?? String(i), v])));
  });
}

/** One command on a controller's HAProxy admin socket (from this machine: the socket is a file in the lab folder). */
export function haproxyCommand(n: LabNode, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ path: haproxySocket(n) });
    let out = '';
    s.setTimeout(5000, () => {
      s.destroy();
      reject(new LabError(`HAProxy admin socket ${haproxySocket(n)}: no answer to "${command}"`));
    });
    s.on('connect', () => s.write(`${command}\n`));
    s.on('data', (d) => (out += d.toString()));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

/** The controllers whose eth0 holds the given VIP now (keepalived MASTERs; two or more is a split brain). */
export async function vipHolders(l: LabLayout, vip = l.vip): Promise<string[]> {
  const held = await Promise.all(
    controllers(l).map(async (n) => {
      const r = await runCommand(['ip', '-n', n.netns, '-o', '-4', 'addr', 'show', 'dev', 'eth0']);
      return r.code === 0 && r.stdout.includes(` ${vip}/`) ? n.name : undefined;
    }),
  );
  return held.filter((x): x is string => x !== undefined);
}

/** memcached's own `stats` over TCP (pid, uptime, curr_connections, get_hits...). */
export function memcachedStats(n: LabNode): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const s = netConnect({ host: n.ip, port: MEMCACHED_PORT });
    let out = '';
    s.setTimeout(3000, () => {
      s.destroy();
      reject(new LabError(`memcached on ${n.ip}:${MEMCACHED_PORT}: no answer`));
    });
    s.on('connect', () => s.write('stats\r\n'));
    s.on('data', (d) => {
      out += d.toString();
      if (out.includes('END\r\n')) {
        s.end();
        resolve(Object.fromEntries([...out.matchAll(/^STAT (\S+) (.*?)\r$/gm)].map((m) => [m[1] as string, m[2] as string])));
      }
    });
    s.on('error', reject);
  });
}

/** An HTTP answer from the VIP (any status: HAProxy answers 503 while an API has no backend up). */
export async function vipAnswers(l: LabLayout, port = 5000): Promise<boolean> {
  return fetch(internalUrl(l, port, '/'), { signal: AbortSignal.timeout(3000) }).then(
    (r) => r.status > 0,
    () => false,
  );
}

/** Reload a controller's HAProxy as `systemctl reload haproxy` does in master-worker mode: SIGUSR2 to the master. */
export function reloadHaproxy(c: LabComponent): void {
  const pid = componentPid(c);
  if (!pid) throw new LabError(`${c.name} is not running; see ${c.logFile}`);
  signal(pid, 'SIGUSR2');
}

/** Put a certificate valid `days` days into every controller's HAProxy and reload them. */
export async function installPublicCert(l: LabLayout, haproxies: LabComponent[], days: number): Promise<void> {
  const pem = await publicVipPem(l, days);
  for (const n of controllers(l)) writeSecretFile(haproxyPem(n), pem);
  for (const c of haproxies) reloadHaproxy(c);
}

/** Days until the public VIP's served certificate expires (fractional). */
export async function publicCertDaysLeft(l: LabLayout, port = 5000): Promise<number> {
  const c = await servedCertificate(l, l.publicVip, port);
  return (c.validTo.getTime() - Date.now()) / 86_400_000;
}

/** memcached, keepalived (VRRP, the API VIP) and HAProxy on every controller. */
export async function startEdge(ctx: ControlPlaneContext): Promise<void> {
  const since = Date.now();
  const l = ctx.layout;
  const ctls = controllers(l);
  // VRRP PASS authentication takes 8 characters at most.
  const vrrpPassword = ctx.secret('keepalived').slice(0, 8);
  const tls = (async () => {
    await makeLabCa(l);
    const pem = await publicVipPem(l, CERT_DAYS);
    for (const n of ctls) {
      mkdirSync(nodePaths(n).haproxy, { recursive: true });
      writeSecretFile(haproxyPem(n), pem);
      // What `lab heal cert-expiring` puts back.
      writeSecretFile(`${haproxyPem(n)}.good`, pem);
    }
  })();
  const memcacheds = ctls.map(memcachedComponent);
  const keepaliveds = ctls.map(keepalivedComponent);
  const haproxies = ctls.map((n) => haproxyComponent(l, n));
  await Promise.all(
    ctls.map(async (n) => {
      const p = nodePaths(n);
      for (const d of [p.memcached, p.keepalived, p.haproxy, p.log]) mkdirSync(d, { recursive: true });
      writeFileSync(keepalivedConfig(n), keepalivedConf(l, n, vrrpPassword), { mode: 0o600 });
      writeFileSync(haproxyConfig(n), haproxyConf(l, n), { mode: 0o640 });
      // HAProxy binds the VIPs on every controller, also where keepalived does not hold them (yet).
      await run(['sysctl', '-q', '-w', 'net.ipv4.ip_nonlocal_bind=1'], { netns: n.netns });
    }),
  );
  for (const c of [...memcacheds, ...keepaliveds]) launch(c);
  ctx.add([...memcacheds, ...keepaliveds]);
  await tls;
  for (const c of haproxies) launch(c);
  ctx.add(haproxies);
  await Promise.all([
    ...ctls.map((n, i) => waitUntil(`memcached on ${n.name}`, async () => Boolean((await memcachedStats(n)).pid), 30_000, memcacheds[i]?.logFile)),
    ...ctls.map((n, i) => waitUntil(`HAProxy admin socket on ${n.name}`, async () => (await haproxyStat(n)).length > 0, 30_000, haproxies[i]?.logFile)),
    waitUntil('keepalived: one controller holding the VIPs', async () => (await vipHolders(l)).length === 1 && (await vipHolders(l, l.publicVip)).length === 1, 30_000, keepaliveds[0]?.logFile),
  ]);
  await waitUntil(`the VIP ${l.vip} to answer from this machine`, () => vipAnswers(l), 30_000, haproxies[0]?.logFile);
  await waitUntil(`TLS on the public VIP ${l.publicVip} verified with the lab CA (${labCaFile(l)})`, async () => (await servedCertificate(l, l.publicVip, 5000)).authorized, 30_000, haproxies[0]?.logFile);
  ctx.log(`  edge: VIP ${l.vip} (http) and public VIP ${l.publicVip} (https, CA ${labCaFile(l)}) on ${(await vipHolders(l)).join(', ')}; TLS folder ${tlsDir(l)} (${((Date.now() - since) / 1000).toFixed(1)} s)`);
}
