import { readFileSync, writeFileSync } from 'node:fs';
import { upLabContext, type ControlPlaneContext } from '../controlplane.js';
import type { Fault } from '../faults.js';
import { halt, isRunning, launch } from '../launch.js';
import { novaComputeNodes, type LabNode } from '../layout.js';
import { placement, providerUuid } from '../placement.js';
import { LabError, waitUntil } from '../proc.js';
import { component, type LabState } from '../state.js';
import { bootServer, deleteFlavor, deleteServer, ensureFlavor, novaConf, novaLog, schedulerNode, server, services } from './nova.js';

/** Faults of Nova (full control plane): nova-compute-down, novalidhost-real. */

const ctxOf = upLabContext;

const firstNovaCompute = (s: LabState): LabNode => {
  const n = novaComputeNodes(s.layout)[0];
  if (!n) throw new LabError('this lab runs no nova-compute (--nova-computes 0)');
  return n;
};

async function computeState(ctx: ControlPlaneContext, host: string): Promise<string | undefined> {
  return (await services(ctx, `?binary=nova-compute&host=${host}`))[0]?.state;
}

/** A flavor no compute can hold: more VCPUs than any compute has (max_unit 8), whatever the ratios. */
export const HUGE_FLAVOR = { name: 'm1.xxlarge', resources: { VCPU: 16, MEMORY_MB: 32768, DISK_GB: 160 } } as const;
export const NOVALIDHOST_SERVER = 'novalidhost-1';

export const novaFaults: Fault[] = [
  {
    id: 'nova-compute-down',
    description: 'nova-compute on compute-1 stopped: `openstack compute service list` shows it down after service_down_time (20 s)',
    controlPlane: 'full',
    affects: (l) => novaComputeNodes(l).slice(0, 1).map((n) => n.name),
    shows: {
      command: 'openstack compute service list --service nova-compute (on a controller)',
      healthy: 'nova-compute compute-1 enabled up',
      broken: 'nova-compute compute-1 enabled down; its log (journalctl -u nova-compute) ends when it stopped',
    },
    async inject(s) {
      const ctx = ctxOf(s);
      const n = firstNovaCompute(s);
      await halt(component(s, 'nova-compute', n.name));
      await waitUntil(`nova-compute on ${n.name} to be reported down`, async () => (await computeState(ctx, n.name)) === 'down', 120_000);
      return { undo: {}, summary: `nova-compute stopped on ${n.name}; compute service list shows it down` };
    },
    async heal(s) {
      const ctx = ctxOf(s);
      const n = firstNovaCompute(s);
      const c = component(s, 'nova-compute', n.name);
      if (!isRunning(c)) launch(c);
      await waitUntil(`nova-compute on ${n.name} to report up`, async () => (await computeState(ctx, n.name)) === 'up', 120_000, c.logFile);
      return `nova-compute on ${n.name} running and up`;
    },
    async holds(s) {
      return !isRunning(component(s, 'nova-compute', firstNovaCompute(s).name));
    },
  },
  {
    id: 'novalidhost-real',
    description: `server ${NOVALIDHOST_SERVER} with flavor ${HUGE_FLAVOR.name} (16 VCPU, more than any compute has) ends in ERROR "No valid host was found"; nova-scheduler logs "Got no allocation candidates from the Placement API"`,
    controlPlane: 'full',
    affects: (l) => [schedulerNode(l).name],
    shows: {
      command: `openstack server show ${NOVALIDHOST_SERVER} -c status -c fault; journalctl -u nova-scheduler (on the scheduler's controller)`,
      healthy: `no server ${NOVALIDHOST_SERVER}`,
      broken: 'status ERROR, fault "No valid host was found."; nova-scheduler: "Got no allocation candidates from the Placement API"',
    },
    async inject(s) {
      const ctx = ctxOf(s);
      const flavor = await ensureFlavor(ctx, HUGE_FLAVOR.name, HUGE_FLAVOR.resources);
      const log = novaLog(schedulerNode(s.layout), 'nova-scheduler');
      const before = logSize(log);
      const id = await bootServer(ctx, { name: NOVALIDHOST_SERVER, flavor });
      let fault = '';
      await waitUntil(`server ${NOVALIDHOST_SERVER} to end in ERROR`, async () => {
        const v = await server(ctx, id);
        fault = v?.fault?.message ?? '';
        return v?.status === 'ERROR';
      }, 120_000, log);
      await waitUntil('nova-scheduler to log that Placement had no candidates', () => readFileSync(log, 'utf8').slice(before).includes('Got no allocation candidates from the Placement API'), 30_000, log);
      return { undo: { server: id }, summary: `server ${NOVALIDHOST_SERVER} (${id}) in ERROR: ${fault.trim()}` };
    },
    async heal(s, undo) {
      const ctx = ctxOf(s);
      const id = undo.server as string | undefined;
      if (id) await deleteServer(ctx, id);
      // The flavor too: left behind, it would be a flavor that fits nowhere in every later sweep.
      await deleteFlavor(ctx, HUGE_FLAVOR.name);
      return `server ${NOVALIDHOST_SERVER} and flavor ${HUGE_FLAVOR.name} deleted`;
    },
    async holds(s) {
      const id = s.faults['novalidhost-real']?.undo.server as string | undefined;
      return Boolean(id && (await server(ctxOf(s), id)));
    },
  },
];

/** What a compute keeps of its RAM: `reserved_host_memory_mb` and `ram_allocation_ratio` of its nova.conf. */
export interface ComputeMemory {
  reserved: number;
  ratio: number;
}

/** MEMORY_MB of a compute's provider as Placement has it now. */
export async function placementMemory(s: LabState, host: string): Promise<ComputeMemory | undefined> {
  const inv = (await placement(s.layout, 'GET', `/resource_providers/${providerUuid(host)}/inventories`)) as { inventories: Record<string, { reserved: number; allocation_ratio: number }> };
  const m = inv.inventories.MEMORY_MB;
  return m && { reserved: m.reserved, ratio: m.allocation_ratio };
}

/**
 * Change a compute's RAM settings the way an operator does: edit nova.conf, restart nova-compute,
 * which reports the new inventory to Placement as it starts (waited for, up to 2 minutes).
 */
export async function setComputeMemory(s: LabState, n: LabNode, m: ComputeMemory): Promise<void> {
  const file = novaConf(n);
  const set = (text: string, key: string, value: number): string => {
    const line = `${key} = ${value}`;
    const re = new RegExp(`^${key}\\s*=.*$`, 'm');
    return re.test(text) ? text.replace(re, line) : text.replace(/^\[DEFAULT\]$/m, `[DEFAULT]\n${line}`);
  };
  const before = readFileSync(file, 'utf8');
  const after = set(set(before, 'reserved_host_memory_mb', m.reserved), 'ram_allocation_ratio', m.ratio);
  const c = component(s, 'nova-compute', n.name);
  const now = await placementMemory(s, n.name);
  // Already so (a trainee's fix, a heal after it): nothing to restart.
  if (after === before && isRunning(c) && now?.reserved === m.reserved && now.ratio === m.ratio) return;
  writeFileSync(file, after);
  if (isRunning(c)) await halt(c);
  launch(c);
  await waitUntil(
    `nova-compute on ${n.name} to report MEMORY_MB reserved ${m.reserved} MB, allocation_ratio ${m.ratio} to Placement`,
    async () => {
      const now = await placementMemory(s, n.name);
      return now?.reserved === m.reserved && now.ratio === m.ratio;
    },
    120_000,
    c.logFile,
  );
}

function logSize(file: string): number {
  try {
    return readFileSync(file, 'utf8').length;
  } catch {
    return 0;
  }
}
