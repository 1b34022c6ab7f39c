import type { Fault } from './faults.js';
import { controllers, type LabLayout, type LabNode } from './layout.js';
import { LabError, runCommand, waitUntil } from './proc.js';
import { rabbitClusterStatus, rabbitCtl, rabbitNodeName, rabbitNodes } from './rabbitmq.js';
import type { LabState } from './state.js';

/** The watermark of the lab's rabbitmq.conf (vm_memory_high_watermark.absolute), which heal restores. */
const LAB_WATERMARK = '200MB';
/** Far below what an idle broker uses (~80 MB of Erlang memory): the alarm fires at the next memory check. */
const ALARM_WATERMARK = '10MB';
/** The nft table the partition fault adds in the minority node's namespace. */
const PARTITION_TABLE = 'stackscope_rabbit_partition';

function brokerNode(s: LabState): LabNode {
  if (!s.components.some((c) => c.kind === 'rabbitmq')) throw new LabError('this lab runs without RabbitMQ (lab up --no-rabbitmq); start one with it');
  return rabbitNodes(s.layout)[0] as LabNode;
}

/** Whether the broker on `n` reports a local memory alarm (`rabbitmq-diagnostics check_local_alarms` fails naming it). */
async function memoryAlarm(l: LabLayout, n: LabNode): Promise<boolean> {
  const r = await rabbitCtl(l, n, ['check_local_alarms'], { tool: 'rabbitmq-diagnostics', timeoutMs: 30_000 });
  return r.code !== 0 && /memory alarm/i.test(r.stdout + r.stderr);
}

/** The node cut off from the cluster: the last RabbitMQ node (the others keep the majority). */
const minority = (l: LabLayout): LabNode => rabbitNodes(l).at(-1) as LabNode;

/** Drop Erlang distribution (25672) and epmd (4369) between `n` and the other RabbitMQ nodes, both ways, in n's namespace. */
function partitionRules(l: LabLayout, n: LabNode): string {
  const peers = rabbitNodes(l).filter((x) => x.name !== n.name).map((x) => x.ip).join(', ');
  const match = (dir: 'saddr' | 'daddr') => [`ip ${dir} { ${peers} } tcp dport { 4369, 25672 } drop`, `ip ${dir} { ${peers} } tcp sport { 4369, 25672 } drop`];
  return [
    `table inet ${PARTITION_TABLE} {`,
    '  chain input {',
    '    type filter hook input priority 0; policy accept;',
    ...match('saddr').map((r) => `    ${r}`),
    '  }',
    '  chain output {',
    '    type filter hook output priority 0; policy accept;',
    ...match('daddr').map((r) => `    ${r}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** `nft ARGS` in n's namespace; `rules` go to its stdin (`nft -f -`). */
const nft = (n: LabNode, args: string[], rules?: string): Promise<{ code: number; stderr: string }> =>
  runCommand(['nft', ...args], { netns: n.netns, timeoutMs: 10_000, input: rules });

const removeCut = (n: LabNode): Promise<{ code: number; stderr: string }> => nft(n, ['delete', 'table', 'inet', PARTITION_TABLE]);

/** The partitions `rabbitmqctl cluster_status` lists on the first node (undefined: it does not answer). */
async function partitions(l: LabLayout): Promise<Record<string, string[]> | undefined> {
  return (await rabbitClusterStatus(l, controllers(l)[0] as LabNode))?.partitions;
}

/** Faults: rabbitmq-memory-alarm, rabbitmq-partition. */
export const rabbitFaults: Fault[] = [
  {
    id: 'rabbitmq-memory-alarm',
    description: `RabbitMQ's memory high watermark on controller-1 set to ${ALARM_WATERMARK} (rabbitmqctl set_vm_memory_high_watermark): the memory alarm fires and every publisher of the cluster is blocked (Nova and Neutron RPC time out)`,
    affects: (l) => [rabbitNodes(l)[0]?.name ?? 'controller-1'],
    shows: {
      command: 'rabbitmq-diagnostics check_local_alarms (on controller-1)',
      healthy: 'Node rabbit@… reported no local alarms (exit 0)',
      broken: 'Memory alarm on node rabbit@… (exit 69); rabbitmqctl status lists it under Alarms',
    },
    async inject(s) {
      const n = brokerNode(s);
      const r = await rabbitCtl(s.layout, n, ['set_vm_memory_high_watermark', 'absolute', ALARM_WATERMARK]);
      if (r.code !== 0) throw new LabError(`rabbitmqctl set_vm_memory_high_watermark on ${n.name}: ${(r.stderr || r.stdout).trim()}`);
      await waitUntil(`the memory alarm on ${n.name}`, () => memoryAlarm(s.layout, n), 60_000);
      return { undo: {}, summary: `memory alarm on ${rabbitNodeName(n, s.layout)} (watermark ${ALARM_WATERMARK}): publishers are blocked` };
    },
    async heal(s) {
      const n = brokerNode(s);
      const r = await rabbitCtl(s.layout, n, ['set_vm_memory_high_watermark', 'absolute', LAB_WATERMARK]);
      if (r.code !== 0) throw new LabError(`rabbitmqctl set_vm_memory_high_watermark on ${n.name}: ${(r.stderr || r.stdout).trim()}`);
      await waitUntil(`the memory alarm on ${n.name} to clear`, async () => !(await memoryAlarm(s.layout, n)), 60_000);
      return `watermark back to ${LAB_WATERMARK} on ${rabbitNodeName(n, s.layout)}; the memory alarm cleared`;
    },
    async holds(s) {
      return memoryAlarm(s.layout, brokerNode(s));
    },
  },
  {
    id: 'rabbitmq-partition',
    description:
      "controller-3's RabbitMQ cut off from the other two (nft drops epmd 4369 and distribution 25672 in its namespace) for longer than net_ticktime (10 s), then reconnected: with cluster_partition_handling = ignore both sides keep running and rabbitmqctl cluster_status lists the network partition until the minority node is restarted",
    rabbitmqNodes: 3,
    affects: (l) => rabbitNodes(l).map((n) => n.name),
    shows: {
      command: 'rabbitmqctl cluster_status',
      healthy: '3 running nodes; Network Partitions: (none)',
      broken: 'Network Partitions: Node rabbit@….11 cannot communicate with rabbit@….13 (and the reverse on controller-3)',
    },
    async inject(s) {
      const l = s.layout;
      brokerNode(s);
      const n = minority(l);
      const others = rabbitNodes(l).filter((x) => x.name !== n.name).map((x) => rabbitNodeName(x, l));
      const cut = await nft(n, ['-f', '-'], partitionRules(l, n));
      if (cut.code !== 0) throw new LabError(`nft in ${n.name}'s namespace: ${cut.stderr.trim()}`);
      try {
        // The cut node notices after net_ticktime that its peers are gone (nodes() is its own view, no RPC).
        await waitUntil(
          `${n.name}'s broker to lose its peers`,
          async () => {
            const r = await rabbitCtl(l, n, ['-q', 'eval', 'nodes().'], { timeoutMs: 15_000 });
            return r.code === 0 && !others.some((o) => r.stdout.includes(o));
          },
          90_000,
        );
      } finally {
        await removeCut(n);
      }
      // Reconnected, Mnesia sees that both sides ran apart: a partition, which `ignore` leaves in place.
      // Every node of the majority lists it (each notices on its own, within a second or so).
      await waitUntil('cluster_status to list the partition', async () => Object.keys((await partitions(l)) ?? {}).length >= others.length, 60_000);
      return { undo: { node: n.name }, summary: `network partition: ${rabbitNodeName(n, l)} ran apart from ${others.join(', ')} (cluster_status lists it)` };
    },
    async heal(s) {
      const l = s.layout;
      const n = minority(l);
      await removeCut(n);
      // The documented recovery with `ignore`: restart the nodes of the partition you trust least.
      for (const args of [['stop_app'], ['start_app']]) {
        const r = await rabbitCtl(l, n, ['-q', ...args]);
        if (r.code !== 0) throw new LabError(`rabbitmqctl ${args[0]} on ${n.name}: ${(r.stderr || r.stdout).trim()}`);
      }
      const want = rabbitNodes(l).length;
      await waitUntil(
        'the cluster to run whole, without partitions',
        async () => {
          const st = await rabbitClusterStatus(l, controllers(l)[0] as LabNode);
          return !!st && st.running_nodes.length === want && Object.keys(st.partitions).length === 0;
        },
        90_000,
      );
      return `${rabbitNodeName(n, l)} restarted (stop_app, start_app): ${want} running nodes, no partitions`;
    },
    async holds(s) {
      return Object.keys((await partitions(s.layout)) ?? {}).length > 0;
    },
  },
];
