import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapBounded } from '../../playbooks/engine/bounded.js';
import { startGalera } from './galera.js';
import { launch } from './launch.js';
import { computes, planLab, type ControlPlane, type LabFlavor } from './layout.js';
import { controlPlaneContext, startControlPlane } from './controlplane.js';
import { stopMetadataProxies } from './cp/neutron.js';
import { claimSubnet, createNetwork, destroyNetwork } from './network.js';
import { finishKolla, startDockers, stopDockers } from './kolla.js';
import { writeNodePaths } from './node-mounts.js';
import { prepareNodeSshd, waitForSshd, writeLabBin } from './nodes.js';
import { nbctlBatch, startOvnCentral, topologyCommands } from './ovn.js';
import { startCompute } from './ovs.js';
import { startPlacement } from './placement.js';
import { writePodTable } from './pods.js';
import { LabError } from './proc.js';
import { rabbitReady, startRabbit } from './rabbitmq.js';
import { generateKey } from './sshd.js';
import { loadState, saveState, stateFile, type LabComponent, type LabState } from './state.js';
import { tenantOf } from './tenant.js';
import { startTiming, timed } from './timing.js';

export interface LabUpOptions {
  dataDir: string;
  flavor: LabFlavor;
  computes: number;
  /** Progress lines for the user. */
  log?: (line: string) => void;
  /** Skip RabbitMQ (benchmarks at 50 nodes do not need it). */
  rabbitmq?: boolean;
  /** `full`: a real OpenStack control plane; `none` (default here): the light lab. */
  controlPlane?: ControlPlane;
  /** Computes with a real nova-compute (full control plane; default 2). */
  novaComputes?: number;
  /** 1 or 3 RabbitMQ nodes. */
  rabbitmqNodes?: number;
}

const pointerFile = (dataDir: string): string => join(dataDir, 'lab.json');

/** The running lab's folder for this data dir, if one is up. */
export function currentLabRoot(dataDir: string): string | undefined {
  try {
    const { root } = JSON.parse(readFileSync(pointerFile(dataDir), 'utf8')) as { root: string };
    return existsSync(root) ? root : undefined;
  } catch {
    return undefined;
  }
}

export function currentLab(dataDir: string): LabState {
  const root = currentLabRoot(dataDir);
  if (!root) throw new LabError(`no lab is up for ${dataDir}; start one with: stackscope lab up`);
  return loadState(root);
}

/** What must be installed, by the Debian package that brings it. */
const requirements: Array<[string, string]> = [
  ['/usr/sbin/sshd', 'openssh-server'],
  ['/usr/bin/ssh-keygen', 'openssh-client'],
  ['/usr/bin/unshare', 'util-linux'],
  ['/usr/sbin/ovsdb-server', 'openvswitch-switch'],
  ['/usr/sbin/ovs-vswitchd', 'openvswitch-switch'],
  ['/usr/bin/ovn-northd', 'ovn-central'],
  ['/usr/bin/ovn-controller', 'ovn-host'],
  ['/usr/sbin/mariadbd', 'mariadb-server'],
  ['/usr/lib/galera/libgalera_smm.so', 'galera-4'],
  ['/usr/bin/rsync', 'rsync'],
  ['/usr/bin/placement-api', 'placement-api'],
  ['/usr/lib/rabbitmq/bin/rabbitmq-server', 'rabbitmq-server'],
];

export function checkPrerequisites(): void {
  if (process.platform !== 'linux') throw new LabError('the practice lab runs on Linux only (it uses network namespaces)');
  if (process.getuid?.() !== 0) throw new LabError('the practice lab needs root (it creates network namespaces and runs daemons as their users): run it as root');
  const missing = requirements.filter(([file]) => !existsSync(file));
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, pkg]) => pkg))];
    throw new LabError(`missing ${missing.map(([f]) => f).join(', ')}; install with: apt-get install ${pkgs.join(' ')} (or run npm run setup)`);
  }
}

/**
 * Bring up a lab: network, one sshd per node, OVN central, the computes' OVS, Galera,
 * Placement and RabbitMQ. Independent parts start in parallel. If anything fails, whatever
 * started is stopped again and the logs are kept for reading.
 */
export async function labUp(opts: LabUpOptions): Promise<LabState> {
  // Refused before anything is made (lab folder, subnet claim).
  if (opts.controlPlane === 'full' && opts.rabbitmq === false) throw new LabError('the full control plane needs RabbitMQ (Nova and Neutron talk over it): drop --no-rabbitmq or add --control-plane none');
  checkPrerequisites();
  const existing = currentLabRoot(opts.dataDir);
  if (existing) throw new LabError(`a lab is already up (${existing}); stop it first with: stackscope lab down`);
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 }); // the data dir is private (see main/core/paths.ts)
  const root = mkdtempSync(join(tmpdir(), 'stackscope-lab-'));
  // mysqld and rabbitmq run as their own users and must reach their folders under this one.
  chmodSync(root, 0o755);
  const id = randomBytes(2).toString('hex');
  const subnet = await claimSubnet();
  const layout = planLab({
    id,
    root,
    flavor: opts.flavor,
    subnet: subnet.subnet,
    computes: opts.computes,
    controlPlane: opts.controlPlane,
    novaComputes: opts.novaComputes,
    rabbitmqNodes: opts.rabbitmqNodes,
  });
  const tenant = tenantOf(layout);
  const state: LabState = { version: 1, layout, tenant, components: [], faults: {}, createdAt: new Date().toISOString() };
  startTiming(state, started);
  saveState(state);
  writeFileSync(pointerFile(opts.dataDir), `${JSON.stringify({ root })}\n`);
  const add = (cs: LabComponent[]): void => {
    state.components.push(...cs);
    saveState(state);
  };
  try {
    log(`lab ${id}: ${layout.nodes.length} nodes on 198.18.${layout.subnet}.0/24, folder ${root}`);
    try {
      await timed(state, 'network', () => createNetwork(layout));
    } finally {
      subnet.release(); // the bridge's address marks the subnet used from here on
    }
    const publicKey = await generateKey(layout.keyFile);
    writeLabBin(layout);
    const sshds = await Promise.all(layout.nodes.map((n) => prepareNodeSshd(layout, n, publicKey)));
    for (const c of sshds) launch(c);
    add(sshds);
    // kolla: a dockerd per node (main/lab/kolla.ts); components with a `container` then run as containers.
    const dockers = layout.flavor === 'kolla' ? startDockers(layout) : Promise.resolve([]);
    dockers.catch(() => undefined);
    await timed(state, 'sshd', () => Promise.all(layout.nodes.map(waitForSshd)));
    log(`  sshd on ${layout.nodes.length} nodes (${secs(started)})`);
    if (layout.flavor === 'kolla') {
      add(await dockers);
      log(`  dockerd on ${layout.nodes.length} nodes (${secs(started)})`);
    }

    const full = layout.controlPlane === 'full';
    const cpCtx = full ? controlPlaneContext(state, add, log) : undefined;
    // The OpenStack services' RabbitMQ user is in the broker's definitions from its first start.
    const mqUsers = cpCtx ? [{ name: 'openstack', password: cpCtx.secret('rabbitmq:openstack') }] : [];
    const rabbit = opts.rabbitmq === false ? undefined : await startRabbit(layout, mqUsers);
    if (rabbit) add(rabbit);
    const ovn = (async () => {
      const central = await timed(state, 'ovn central', () => startOvnCentral(layout));
      add(central);
      // Full control plane: Neutron writes the tenant into the NB and the lab plugs its ports later (cp/neutron.ts).
      if (!full) await nbctlBatch(layout, topologyCommands(layout, tenant));
      log(`  OVN NB/SB raft clusters, ovn-northd${full ? '' : ' and the tenant topology'} (${secs(started)})`);
      await timed(state, 'ovs computes', () => mapBounded(computes(layout), 8, async (n) => add(await startCompute(layout, n, full ? { ...tenant, instances: [] } : tenant))));
      log(`  Open vSwitch and ovn-controller on ${computes(layout).length} computes (${secs(started)})`);
    })();
    let primary: () => void = () => undefined;
    const dbPrimary = new Promise<void>((resolve) => (primary = resolve));
    const db = (async () => {
      add(await timed(state, 'galera', () => startGalera(layout, primary)));
      log(`  Galera: 3 nodes Synced (${secs(started)})`);
      // The full control plane's Placement checks tokens with Keystone: cp/keystone.ts starts it after Keystone.
      if (layout.controlPlane !== 'full') {
        add([await timed(state, 'placement', () => startPlacement(layout, tenant))]);
        log(`  Placement API seeded (${secs(started)})`);
      }
    })();
    const mq = (async () => {
      if (!rabbit) return;
      await timed(state, 'rabbitmq', () => rabbitReady(layout, rabbit));
      log(`  RabbitMQ${rabbit.length > 1 ? `: ${rabbit.length} nodes clustered` : ''} (${secs(started)})`);
    })();
    // The full control plane starts alongside: each of its parts waits only for what it needs (controlplane.ts).
    // Galera's first node is where every service's database lives (the others join by SST): a failed Galera fails it too.
    const firstDb = Promise.race([dbPrimary, db]);
    const cp = cpCtx ? startControlPlane(cpCtx, started, { db, dbPrimary: firstDb, rabbit: mq, ovn, rabbitUsers: mqUsers.map((u) => u.name) }) : Promise.resolve();
    for (const p of [ovn, db, firstDb, mq, cp]) p.catch(() => undefined);
    await Promise.all([ovn, db, mq, cp]);
    if (layout.flavor === 'kolla') await finishKolla(state, add);
    writePodTable(state);
    writeNodePaths(state);
    state.readyAt = new Date().toISOString();
    state.upSeconds = Math.round((Date.now() - started) / 100) / 10;
    saveState(state);
    return state;
  } catch (err) {
    log(`lab up failed; stopping what started (logs kept in ${root})`);
    stopMetadataProxies(root);
    if (layout.flavor === 'kolla') await stopDockers(layout).catch(() => undefined);
    await destroyNetwork(layout).catch(() => undefined);
    rmSync(pointerFile(opts.dataDir), { force: true });
    throw err;
  }
}

const secs = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Stop every process of the lab, remove its namespaces, bridge, tap devices and folder. */
export async function labDown(dataDir: string): Promise<{ root: string } | undefined> {
  const root = currentLabRoot(dataDir);
  if (!root) {
    rmSync(pointerFile(dataDir), { force: true });
    return undefined;
  }
  await destroyLab(root);
  rmSync(pointerFile(dataDir), { force: true });
  return { root };
}

/** Stop one lab's processes, remove its namespaces and bridge, then its folder. */
async function destroyLab(root: string): Promise<void> {
  stopMetadataProxies(root);
  const layout = loadState(root).layout;
  if (layout.flavor === 'kolla') await stopDockers(layout);
  await destroyNetwork(layout);
  rmSync(root, { recursive: true, force: true });
}

/**
 * Stop every lab on this machine, including ones whose data dir is gone (a killed test run, a
 * deleted STACKSCOPE_HOME): each lab folder in the temp dir holds its own state.
 */
export async function labDownAll(dataDir: string): Promise<string[]> {
  const roots = readdirSync(tmpdir())
    .filter((d) => d.startsWith('stackscope-lab-'))
    .map((d) => join(tmpdir(), d))
    .filter((root) => existsSync(stateFile(root)));
  for (const root of roots) await destroyLab(root);
  // Namespaces and bridges of a lab whose folder is already gone (its teardown was killed).
  const orphans = new Map<string, string[]>();
  for (const ns of existsSync('/run/netns') ? readdirSync('/run/netns') : []) {
    const id = /^stackscope-([0-9a-f]{4})-/.exec(ns)?.[1];
    if (id) orphans.set(id, [...(orphans.get(id) ?? []), ns]);
  }
  for (const [id, spaces] of orphans) {
    await destroyNetwork({ bridge: `ss${id}br`, subnet: 0, gateway: '', nodes: spaces.map((netns) => ({ netns, veth: '', ip: '' })) });
    roots.push(`namespaces of lab ${id}`);
  }
  for (const d of readdirSync(tmpdir()).filter((x) => x.startsWith('stackscope-lab-'))) rmSync(join(tmpdir(), d), { recursive: true, force: true });
  rmSync(pointerFile(dataDir), { force: true });
  return roots;
}
