import { Option, type Command } from 'commander';
import { StackscopeError } from '../contract/errors.js';
import type { Core } from '../core/core.js';
import { breakFault, faults, healFault } from '../lab/faults.js';
import { currentLab, labDown, labDownAll, labUp } from '../lab/lab.js';
import { labFlavors, MAX_COMPUTES, nodeByName, type LabFlavor } from '../lab/layout.js';
import { hostKeyFingerprint } from '../lab/nodes.js';
import { LAB_CLUSTER, registerLab } from '../lab/register.js';
import { labStatus, type LabStatus } from '../lab/status.js';
import { bold, dim, green, red, table, yellow } from './format.js';

/** `stackscope lab …`: the practice lab (Linux, root). */
export function labCommand(program: Command, open: () => Core, dataDir: () => string, exit: (code: number) => void): void {
  const lab = program.command('lab').description('practice lab: a small OpenStack-like cluster of real components on this machine, with injectable faults');
  lab
    .command('up')
    .description(`bring up the lab and register it as cluster "${LAB_CLUSTER}"`)
    .option('--computes <n>', `compute nodes (1-${MAX_COMPUTES})`, '2')
    .addOption(new Option('--flavor <flavor>', 'how the lab is deployed').choices(labFlavors).default('packages'))
    .option('--no-rabbitmq', 'leave RabbitMQ out (saves ~130 MB)')
    .action(async (o: { computes: string; flavor: LabFlavor; rabbitmq: boolean }) => {
      const computes = Number(o.computes);
      if (!Number.isInteger(computes) || computes < 1 || computes > MAX_COMPUTES) {
        throw new StackscopeError('INVALID_INPUT', `--computes must be a whole number from 1 to ${MAX_COMPUTES}, got "${o.computes}"`);
      }
      const state = await labUp({ dataDir: dataDir(), flavor: o.flavor, computes, rabbitmq: o.rabbitmq, log: (l) => console.error(dim(l)) });
      const cluster = await registerLab(open(), state, async (name) => hostKeyFingerprint(nodeByName(state.layout, name)));
      console.log(`Lab up in ${state.upSeconds} s: cluster ${bold(cluster.name)} (${state.layout.flavor}) with ${cluster.nodes.length} nodes, host keys trusted.`);
      console.log(`Try: stackscope exec ${LAB_CLUSTER} --role controller -- ovn-nbctl show`);
      console.log(`     stackscope lab faults · stackscope lab status · stackscope lab down`);
    });
  lab
    .command('down')
    .description('stop everything the lab started and remove its folder (the cluster and its cases stay in the inventory)')
    .option('--all', 'stop every lab on this machine, also those of other data dirs or of a killed run')
    .action(async (o: { all?: boolean }) => {
      if (o.all) {
        const roots = await labDownAll(dataDir());
        console.log(roots.length ? `Stopped ${roots.length} lab(s): ${roots.join(', ')}.` : 'No lab is up.');
        return;
      }
      const r = await labDown(dataDir());
      console.log(r ? `Lab stopped; removed ${r.root}.` : 'No lab is up.');
    });
  lab
    .command('status')
    .description('each node and component with its endpoints, pids, data dirs and health')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      const s = await labStatus(currentLab(dataDir()));
      if (o.json) console.log(JSON.stringify(s, null, 2));
      else console.log(formatStatus(s));
      // 1 when any component is not healthy, so scripts can wait for a healed lab.
      if (!s.healthy) exit(1);
    });
  lab
    .command('faults')
    .description('list the faults the lab can inject')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const list = faults.map((f) => ({ id: f.id, flavors: f.flavors ?? labFlavors, description: f.description }));
      if (o.json) console.log(JSON.stringify(list, null, 2));
      else console.log(table([['FAULT', 'FLAVOURS', 'WHAT IT DOES'], ...list.map((f) => [f.id, f.flavors.join(','), f.description])]));
    });
  lab
    .command('break <fault>')
    .description('inject a fault (see lab faults)')
    .action(async (id: string) => {
      const r = await breakFault(currentLab(dataDir()), id);
      console.log(`${yellow('broken')}: ${id} — ${r}`);
    });
  lab
    .command('heal <fault>')
    .description('undo a fault')
    .action(async (id: string) => {
      const r = await healFault(currentLab(dataDir()), id);
      console.log(`${green('healed')}: ${id} — ${r}`);
    });
}

function formatStatus(s: LabStatus): string {
  const mark = (h: string): string => (h === 'ok' ? green('ok') : h === 'degraded' ? yellow(h) : red(h));
  const lines = [
    `${bold(`lab ${s.id}`)} · ${s.flavor} · ${s.network} · folder ${s.root}`,
    s.faults.length ? yellow(`faults in force: ${s.faults.join(', ')}`) : dim('no faults in force'),
    '',
  ];
  for (const n of s.nodes) {
    lines.push(`${bold(n.name)} ${dim(`${n.role} · ${n.ip} · netns ${n.netns}`)}`);
    lines.push(
      table(
        n.components.map((c) => [
          `  ${c.kind}`,
          mark(c.health),
          c.pid ? `pid ${c.pid}` : '-',
          c.endpoints.join(' '),
          c.detail ? dim(c.detail) : '',
        ]),
      ),
    );
  }
  return lines.join('\n');
}
