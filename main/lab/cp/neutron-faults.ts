import { upLabContext } from '../controlplane.js';
import type { Fault } from '../faults.js';
import { halt, isRunning, launch } from '../launch.js';
import { novaComputeNodes, type LabNode } from '../layout.js';
import { LabError, waitUntil } from '../proc.js';
import { component, saveState, type LabState } from '../state.js';
import { agents, createRule, neutronApi, serverComponent, UNMAPPED_PHYSNET } from './neutron.js';
import { bootServer, deleteServer, server } from './nova.js';

/** Faults of Neutron (full control plane): instance-error-port-binding, metadata-agent-down; and ovn-acl-drop done the Neutron way. */

const ctxOf = upLabContext;

const firstNovaCompute = (s: LabState): LabNode => {
  const n = novaComputeNodes(s.layout)[0];
  if (!n) throw new LabError('this lab runs no nova-compute, so no OVN metadata agent (--nova-computes 0)');
  return n;
};

async function metadataAlive(s: LabState, host: string): Promise<boolean | undefined> {
  // Listing the agents is also what makes Neutron ping the chassis: liveness is only refreshed on this call.
  return (await agents(s)).find((a) => a.host === host && a.agent_type === 'OVN Metadata agent')?.alive;
}

/** The provider network of instance-error-port-binding: Neutron knows its physnet, no compute maps it. */
export const BROKEN_NETWORK = 'legacy-provider';
export const BROKEN_PORT = 'broken-1-port';
export const BROKEN_SERVER = 'broken-1';

interface BindingUndo {
  network?: string;
  port?: string;
  server?: string;
}

async function portOf(s: LabState, id: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await neutronApi<{ port: Record<string, unknown> }>(s, 'GET', `/ports/${id}`)).port;
  } catch (e) {
    if (/HTTP 404/.test((e as Error).message)) return undefined;
    throw e;
  }
}

/** Nova is in this lab when the Nova part recorded its flavors and Glance its image. */
const hasNova = (s: LabState): boolean => !!s.cloud?.nova && !!s.cloud?.image && s.components.some((c) => c.kind === 'nova-compute');

export const neutronFaults: Fault[] = [
  {
    id: 'instance-error-port-binding',
    description: `a server on provider network "${BROKEN_NETWORK}" (flat, ${UNMAPPED_PHYSNET}) that no compute has a bridge mapping for: Neutron cannot bind its port (binding_failed) and the server goes to ERROR`,
    controlPlane: 'full',
    affects: (l) => [novaComputeNodes(l)[0]?.name ?? 'compute-1'],
    shows: {
      command: `openstack port show ${BROKEN_PORT} -c binding_vif_type -c status; openstack server show ${BROKEN_SERVER} -c status -c fault`,
      healthy: 'no such port or server',
      broken: 'binding_vif_type binding_failed (or the server in ERROR: "Binding failed for port …" / "Exceeded maximum number of retries")',
    },
    async inject(s) {
      const host = firstNovaCompute(s).name;
      const project = s.tenant.projectId;
      const undo: BindingUndo = {};
      const net = (
        await neutronApi<{ network: { id: string } }>(s, 'POST', '/networks', {
          network: { name: BROKEN_NETWORK, project_id: project, 'provider:network_type': 'flat', 'provider:physical_network': UNMAPPED_PHYSNET },
        })
      ).network;
      undo.network = net.id;
      saveUndo(s, undo);
      await neutronApi(s, 'POST', '/subnets', { subnet: { name: `${BROKEN_NETWORK}-subnet`, network_id: net.id, project_id: project, ip_version: 4, cidr: '192.0.2.0/24', enable_dhcp: false } });
      const nova = hasNova(s);
      // Without Nova the lab binds the port itself, as Nova would (binding:host_id = the compute).
      const port = (
        await neutronApi<{ port: { id: string } }>(s, 'POST', '/ports', {
          port: { name: BROKEN_PORT, network_id: net.id, project_id: project, ...(nova ? {} : { 'binding:host_id': host }) },
        })
      ).port;
      undo.port = port.id;
      saveUndo(s, undo);
      if (!nova) {
        await waitUntil(`port ${BROKEN_PORT} binding to fail`, async () => (await portOf(s, port.id))?.['binding:vif_type'] === 'binding_failed', 60_000, serverComponent(s.layout).logFile);
        return { undo: { ...undo }, summary: `port ${BROKEN_PORT} (${port.id}) on ${BROKEN_NETWORK} bound to ${host}: binding_failed, no bridge mapping for ${UNMAPPED_PHYSNET}` };
      }
      const ctx = ctxOf(s);
      const flavor = (s.cloud?.nova as { flavors: Record<string, string> }).flavors['m1.small'];
      if (!flavor) throw new LabError('the Nova part recorded no flavor m1.small');
      undo.server = await bootServer(ctx, { name: BROKEN_SERVER, flavor, host, port: port.id, projectId: project });
      saveUndo(s, undo);
      let fault = '';
      await waitUntil(
        `server ${BROKEN_SERVER} to go to ERROR`,
        async () => {
          const v = (await server(ctx, undo.server as string)) as { status?: string; fault?: { message?: string } } | undefined;
          fault = v?.fault?.message ?? '';
          return v?.status === 'ERROR';
        },
        180_000,
        serverComponent(s.layout).logFile,
      );
      return { undo: { ...undo }, summary: `server ${BROKEN_SERVER} (${undo.server}) on ${host} in ERROR: ${fault}; its port ${port.id} could not be bound (${UNMAPPED_PHYSNET} has no bridge mapping)` };
    },
    async heal(s, undo) {
      const u = { ...(s.cloud?.neutronFault as BindingUndo | undefined), ...(undo as BindingUndo) };
      if (u.server) await deleteServer(ctxOf(s), u.server);
      const ignore404 = (e: Error): void => {
        if (!/HTTP 404/.test(e.message)) throw e;
      };
      if (u.port) await neutronApi(s, 'DELETE', `/ports/${u.port}`).catch(ignore404);
      if (u.network) await neutronApi(s, 'DELETE', `/networks/${u.network}`).catch(ignore404);
      // Anything of that name left by an interrupted inject.
      const left = (await neutronApi<{ networks: Array<{ id: string }> }>(s, 'GET', `/networks?name=${BROKEN_NETWORK}`)).networks;
      for (const n of left) {
        for (const p of (await neutronApi<{ ports: Array<{ id: string }> }>(s, 'GET', `/ports?network_id=${n.id}`)).ports) await neutronApi(s, 'DELETE', `/ports/${p.id}`).catch(ignore404);
        await neutronApi(s, 'DELETE', `/networks/${n.id}`).catch(ignore404);
      }
      saveUndo(s, {});
      return `server ${BROKEN_SERVER}, port ${BROKEN_PORT} and network ${BROKEN_NETWORK} deleted`;
    },
    async holds(s) {
      const left = (await neutronApi<{ networks: Array<{ id: string }> }>(s, 'GET', `/networks?name=${BROKEN_NETWORK}`)).networks;
      return left.length > 0;
    },
  },
  {
    id: 'metadata-agent-down',
    description: 'neutron-ovn-metadata-agent on compute-1 stopped: `openstack network agent list` shows its OVN Metadata agent down (XXX) once the agents are listed twice, agent_down_time (20 s) apart at most',
    controlPlane: 'full',
    affects: (l) => [novaComputeNodes(l)[0]?.name ?? 'compute-1'],
    shows: {
      command: 'openstack network agent list --host compute-1',
      healthy: 'OVN Metadata agent on compute-1 alive :-) UP',
      broken: 'OVN Metadata agent on compute-1 alive XXX',
    },
    async inject(s) {
      const n = firstNovaCompute(s);
      await halt(component(s, 'ovn-metadata-agent', n.name));
      // Neutron only notices when someone lists the agents: poll as an operator would.
      await waitUntil(`the OVN Metadata agent of ${n.name} to be reported down`, async () => (await metadataAlive(s, n.name)) === false, 120_000);
      return { undo: {}, summary: `neutron-ovn-metadata-agent stopped on ${n.name}; openstack network agent list shows it down` };
    },
    async heal(s) {
      const n = firstNovaCompute(s);
      const c = component(s, 'ovn-metadata-agent', n.name);
      if (!isRunning(c)) launch(c);
      await waitUntil(`the OVN Metadata agent of ${n.name} to be alive`, async () => (await metadataAlive(s, n.name)) === true, 120_000, c.logFile);
      return `neutron-ovn-metadata-agent on ${n.name} running and alive`;
    },
    async holds(s) {
      return !isRunning(component(s, 'ovn-metadata-agent', firstNovaCompute(s).name));
    },
  },
];

/** What heal must delete, kept as soon as it exists (an inject that fails half-way still heals). */
function saveUndo(s: LabState, u: BindingUndo): void {
  s.cloud = { ...s.cloud, neutronFault: u };
  saveState(s);
}

/** ovn-acl-drop on the full control plane: the tcp/22 rule of security group "default" deleted through Neutron. */
export async function deleteSshRule(s: LabState): Promise<{ undo: Record<string, unknown>; summary: string }> {
  const { sg, rule } = sshRule(s);
  await neutronApi(s, 'DELETE', `/security-group-rules/${rule.id}`).catch((e: Error) => {
    if (!/HTTP 404/.test(e.message)) throw e;
  });
  return { undo: { rule: rule.id }, summary: `rule ${rule.id} (ingress tcp/22) deleted from security group default (${sg.id}); Neutron removed its ACL from ${sg.portGroup}` };
}

/** Heal: the rule made again (Neutron gives it a new id, kept in the lab's tenant). */
export async function restoreSshRule(s: LabState): Promise<string> {
  const { sg, rule } = sshRule(s);
  const rules = (await neutronApi<{ security_group_rules: Array<{ id: string; direction: string; protocol: string | null; port_range_min: number | null }> }>(s, 'GET', `/security-group-rules?security_group_id=${sg.id}`))
    .security_group_rules;
  const found = rules.find((r) => r.direction === 'ingress' && r.protocol === 'tcp' && r.port_range_min === 22);
  rule.id = found?.id ?? (await createRule(s, sg.id, rule)).id;
  saveState(s);
  return `rule ingress tcp/22 of security group default is back (${rule.id})`;
}

function sshRule(s: LabState): { sg: LabState['tenant']['securityGroups'][number]; rule: LabState['tenant']['securityGroups'][number]['rules'][number] } {
  const sg = s.tenant.securityGroups.find((g) => g.name === 'default');
  const rule = sg?.rules.find((r) => r.port === 22);
  if (!sg || !rule) throw new LabError('the lab tenant has no ssh rule in security group default');
  return { sg, rule };
}
