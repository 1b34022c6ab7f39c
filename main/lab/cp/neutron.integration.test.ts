import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakFault, healFault } from '../faults.js';
import { waitUntil } from '../proc.js';
import { expectSweepNamesInjected, itFindsTheHealthyLabHealthy } from '../test-check.js';
import { startTestLab, type TestLab } from '../test-lab.js';
import { BROKEN_NETWORK, BROKEN_PORT, BROKEN_SERVER } from './neutron-faults.js';
import { cloudPorts, serverComponent } from './neutron.js';

/**
 * Neutron ML2/OVN in the full control plane, on one openstack-helm lab (2 computes, both with nova-compute and an
 * OVN metadata agent): the agents and ports as Neutron's own CLI shows them over SSH, the NB rows
 * Neutron wrote, each Neutron fault injected → seen → healed → gone, and the ovn-trace playbook
 * naming the security group and rule from real (unnamed) Neutron ACLs. First of all, the whole
 * catalogue finds that lab healthy, each step through `kubectl exec` into its pod.
 */
let t: TestLab;
beforeAll(async () => {
  t = await startTestLab({ flavor: 'openstack-helm', computes: 2, controlPlane: 'full', novaComputes: 2 });
}, 3_600_000); // up to 45 min waiting for another file's full lab (takeFullLabLock), then its own lab up

afterAll(async () => {
  const root = t?.lab.layout.root;
  await t?.close();
  if (root) {
    // The metadata proxies (haproxy in ovnmeta namespaces the node teardown does not list) and the privsep daemons are gone too.
    const left = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(root);
        } catch {
          return false;
        }
      });
    expect(left).toEqual([]);
  }
}, 300_000);

const onNode = (node: string, command: string, timeoutSec = 120): ReturnType<TestLab['onNode']> => t.onNode(node, command, timeoutSec);

async function json<T>(node: string, command: string): Promise<T> {
  const r = await onNode(node, command);
  if (r.exitCode !== 0) throw new Error(`${command} on ${node}: exit ${r.exitCode}: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout) as T;
}

interface Agent {
  'Agent Type': string;
  Host: string;
  Alive: boolean;
}
const agentList = (): Promise<Agent[]> => json<Agent[]>('controller-1', 'openstack network agent list -f json');

/** RSS and PSS (MiB) of the lab processes whose command line matches. */
function memoryOf(re: RegExp): { processes: number; rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (!cmd.includes(t.lab.layout.root) || !re.test(cmd)) continue;
      const roll = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(roll)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(roll)?.[1] ?? 0);
      processes++;
    } catch {
      // gone meanwhile
    }
  }
  return { processes, rss: Math.round(rss / 1024), pss: Math.round(pss / 1024) };
}

describe('the catalogue on a healthy openstack-helm lab', () => {
  itFindsTheHealthyLabHealthy('openstack-helm', () => t);
});

describe('Neutron ML2/OVN in the full control plane', () => {
  it('lists an alive OVN controller agent (a gateway agent on the gateway chassis, compute-1) and an alive metadata agent on each compute', async () => {
    const agents = await agentList();
    for (const host of ['compute-1', 'compute-2']) {
      expect(agents.find((a) => a.Host === host && a['Agent Type'] === (host === 'compute-1' ? 'OVN Controller Gateway agent' : 'OVN Controller agent'))?.Alive).toBe(true);
      expect(agents.find((a) => a.Host === host && a['Agent Type'] === 'OVN Metadata agent')?.Alive).toBe(true);
    }
    const server = memoryOf(/neutron-server/);
    const metadata = memoryOf(/neutron-ovn-metadata-agent|privsep-helper|ovn-metadata-proxy/);
    console.log(`lab up ${t.lab.upSeconds} s; neutron-server: ${server.processes} processes, RSS ${server.rss} MiB, PSS ${server.pss} MiB; metadata agents (agent, worker, privsep, haproxy): ${metadata.processes} processes, RSS ${metadata.rss} MiB, PSS ${metadata.pss} MiB`);
    expect(server.processes).toBe(5);
  });

  it('has the instance ports ACTIVE, bound to their compute, with the ids recorded for Nova', async () => {
    const ports = await json<Array<{ ID: string; Name: string; Status: string }>>('controller-1', 'openstack port list --network private -f json');
    const recorded = cloudPorts(t.lab);
    for (const i of t.lab.tenant.instances) {
      expect(recorded[i.name]?.id).toBe(i.port.id);
      expect(ports.find((p) => p.ID === i.port.id)).toMatchObject({ Name: i.port.name, Status: 'ACTIVE' });
    }
    const web1 = await json<{ binding_host_id: string; binding_vif_type: string }>('controller-1', `openstack port show ${t.lab.tenant.instances[0]?.port.id} -f json`);
    expect(web1).toMatchObject({ binding_host_id: t.lab.tenant.instances[0]?.host, binding_vif_type: 'ovs' });
  });

  it('made the NB rows itself: pg_<group id> port groups and neutron:* external_ids', async () => {
    const r = await onNode('controller-1', 'ovn-nbctl --no-leader-only --format=csv --data=bare --no-headings --columns=name,external_ids list Port_Group');
    for (const sg of t.lab.tenant.securityGroups) {
      expect(sg.portGroup).toBe(`pg_${sg.id.replaceAll('-', '_')}`);
      expect(r.stdout).toContain(`${sg.portGroup},neutron:security_group_id=${sg.id}`);
    }
    const lsp = await onNode('controller-1', `ovn-nbctl --no-leader-only get Logical_Switch_Port ${t.lab.tenant.instances[0]?.port.id} external_ids`);
    expect(lsp.stdout).toContain(`"neutron:port_name"=${t.lab.tenant.instances[0]?.port.name}`);
    expect(lsp.stdout).toContain('"neutron:revision_number"=');
    const acl = await onNode('controller-1', 'ovn-nbctl --no-leader-only --format=csv --data=bare --no-headings --columns=name,external_ids list ACL');
    const ssh = t.lab.tenant.securityGroups.find((g) => g.name === 'default')?.rules.find((x) => x.port === 22);
    expect(acl.stdout).toContain(`neutron:security_group_rule_id=${ssh?.id}`);
  });

  it('ovn-acl-drop through Neutron: ovn-trace names the group and its rules; healed, ssh is allowed by the rule again', async () => {
    const params = { source: 'bastion-port', destination_ip: t.lab.tenant.instances.find((i) => i.name === 'db-1')?.port.ip as string, protocol: 'tcp', destination_port: '22' };
    await breakFault(t.lab, 'ovn-acl-drop');
    const broken = await t.runPlaybook('ovn-trace', params);
    const drop = broken.run?.findings.find((f) => f.check === 'ovn-trace.security-group-drop');
    expect(drop?.title).toContain('security group "default" on db-1-port');
    expect(drop?.explanation).toMatch(/icmp4 \[rule [0-9a-f-]{36}\]/);
    expect(drop?.evidence.some((e) => e.step === 'security-groups' && e.lines.includes('    "Name": "default",'))).toBe(true);
    await healFault(t.lab, 'ovn-acl-drop');
    const healed = await t.runPlaybook('ovn-trace', params);
    const ok = healed.run?.findings.find((f) => f.check === 'ovn-trace.delivered');
    const rule = t.lab.tenant.securityGroups.find((g) => g.name === 'default')?.rules.find((x) => x.port === 22)?.id;
    expect(ok?.explanation).toContain(`rule ${rule} (\`ip4 && ip4.src == 0.0.0.0/0 && tcp && tcp.dst == 22\`) of security group "default"`);
  }, 300_000);

  it('metadata-agent-down: Neutron lists the agent of compute-1 down, then alive once healed', async () => {
    await breakFault(t.lab, 'metadata-agent-down');
    const down = await agentList();
    expect(down.find((a) => a.Host === 'compute-1' && a['Agent Type'] === 'OVN Metadata agent')?.Alive).toBe(false);
    expect(down.find((a) => a.Host === 'compute-2' && a['Agent Type'] === 'OVN Metadata agent')?.Alive).toBe(true);
    await expectSweepNamesInjected(t, () => t.lab, 'metadata-agent-down', { names: /metadata[- ]agent/i, node: 'compute-1' });
    await healFault(t.lab, 'metadata-agent-down');
    await waitUntil('the metadata agent of compute-1 alive in the CLI', async () => (await agentList()).find((a) => a.Host === 'compute-1' && a['Agent Type'] === 'OVN Metadata agent')?.Alive === true, 120_000);
  }, 300_000);

  it('instance-error-port-binding: the port cannot be bound (no bridge mapping), the server goes to ERROR; healed, all of it is gone', async () => {
    const started = Date.now();
    const summary = await breakFault(t.lab, 'instance-error-port-binding');
    console.log(`instance-error-port-binding after ${((Date.now() - started) / 1000).toFixed(0)} s: ${summary}`);
    const log = readFileSync(serverComponent(t.lab.layout).logFile, 'utf8');
    expect(log).toMatch(/Refusing to bind port \S+ on host compute-1 due to the OVN chassis bridge mapping physical networks \['physnet1'\] not supporting physical network: physnet2/);
    const servers = await json<Array<{ Name: string; Status: string }>>('controller-1', 'openstack server list --all-projects -f json');
    const nova = servers.find((x) => x.Name === BROKEN_SERVER);
    if (nova) {
      expect(nova.Status).toBe('ERROR');
      // By id: the server lives in the tenant's project, and `server show` has no --all-projects.
      const id = (t.lab.faults['instance-error-port-binding']?.undo as { server?: string }).server;
      const shown = await json<{ fault: { message: string } }>('controller-1', `openstack server show ${id} -f json`);
      expect(shown.fault.message).toMatch(/Binding failed for port|Exceeded maximum number of retries/);
    } else {
      const port = await json<{ binding_vif_type: string; status: string }>('controller-1', `openstack port show ${BROKEN_PORT} -f json`);
      expect(port).toMatchObject({ binding_vif_type: 'binding_failed', status: 'DOWN' });
    }
    await expectSweepNamesInjected(t, () => t.lab, 'instance-error-port-binding', { names: new RegExp(`physnet2|${BROKEN_PORT}|${BROKEN_SERVER}`) });
    await healFault(t.lab, 'instance-error-port-binding');
    const nets = await json<Array<{ Name: string }>>('controller-1', 'openstack network list -f json');
    expect(nets.map((n) => n.Name)).not.toContain(BROKEN_NETWORK);
    expect((await onNode('controller-1', `openstack port show ${BROKEN_PORT}`)).exitCode).not.toBe(0);
  }, 400_000);
});
