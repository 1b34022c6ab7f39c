import { Option, type Command } from 'commander';
import { StackscopeError } from '../contract/errors.js';
import type { Core } from '../core/core.js';
import { breakFault, faults, healFault } from '../lab/faults.js';
import { currentLab, labDown, labDownAll, labUp } from '../lab/lab.js';
import { controlPlanes, labFlavors, MAX_COMPUTES, nodeByName, planLab, type ControlPlane, type LabFlavor } from '../lab/layout.js';
import { hostKeyFingerprint } from '../lab/nodes.js';
import { LAB_CLUSTER, registerLab } from '../lab/register.js';
import type { LabState } from '../lab/state.js';
import { labStatus, type LabStatus } from '../lab/status.js';
import { EXIT, ExitError, type ExitCode } from './exit-codes.js';
import { bold, dim, green, red, table, yellow } from './format.js';

/** The lab of this data dir; none up is bad input (start one first), not a lab that failed. */
function upLab(dataDir: string): LabState {
  try {
    return currentLab(dataDir);
  } catch (err) {
    throw new ExitError(EXIT.BAD_INPUT, (err as Error).message);
  }
}

/** The lab that is up, or undefined (listing faults needs no lab). */
function upLabOrNone(dataDir: string): LabState | undefined {
  try {
    return currentLab(dataDir);
  } catch {
    return undefined;
  }
}

/**
 * `fault` as the operator named it: breaking or healing it, or a refusal that is bad input. The lab
 * refuses a fault it does not know, one for another flavour and one already in force before it
 * touches anything, in its own words; those cases are recognised here to give them exit 2.
 */
async function applyFault(s: LabState, id: string, apply: (s: LabState, id: string) => Promise<string>, breaking: boolean): Promise<string> {
  const f = faults.find((x) => x.id === id);
  const refused = !f || (breaking && ((f.flavors !== undefined && !f.flavors.includes(s.layout.flavor)) || s.faults[id] !== undefined));
  try {
    return await apply(s, id);
  } catch (err) {
    throw refused ? new ExitError(EXIT.BAD_INPUT, (err as Error).message) : err;
  }
}

/**
 * `stackscope lab …`: the practice lab (Linux, root). `registerLab` is given the core itself: the
 * layering lets main/lab reach the core where it registers the lab's cluster.
 */
export function labCommand(program: Command, open: () => Core, dataDir: () => string, exit: (code: ExitCode) => void): void {
  const lab = program.command('lab').description('practice lab: a small OpenStack-like cluster of real components on this machine, with injectable faults');
  lab
    .command('up')
    .description(`bring up the lab and register it as cluster "${LAB_CLUSTER}"`)
    .option('--computes <n>', `compute nodes (1-${MAX_COMPUTES})`, '2')
    .addOption(new Option('--flavor <flavor>', 'how the lab is deployed').choices(labFlavors).default('packages'))
    .option('--no-rabbitmq', 'leave RabbitMQ out (saves ~130 MB; light lab only)')
    .addOption(new Option('--control-plane <kind>', 'full (default): Keystone, Glance, Nova, Neutron, HAProxy/keepalived; none: the light lab (default with --no-rabbitmq)').choices(controlPlanes))
    .option('--nova-computes <n>', 'computes that run a real nova-compute (full control plane; default 2, or --computes if fewer)')
    .addOption(new Option('--rabbitmq-nodes <n>', 'RabbitMQ nodes').choices(['1', '3']).default('1'))
    .action(async (o: { computes: string; flavor: LabFlavor; rabbitmq: boolean; controlPlane: ControlPlane; novaComputes?: string; rabbitmqNodes: string }) => {
      // The full control plane needs RabbitMQ: without it, the light lab.
      const controlPlane: ControlPlane = o.controlPlane ?? (o.rabbitmq === false ? 'none' : 'full');
      const computes = Number(o.computes);
      if (!Number.isInteger(computes) || computes < 1 || computes > MAX_COMPUTES) {
        throw new StackscopeError('INVALID_INPUT', `--computes must be a whole number from 1 to ${MAX_COMPUTES}, got "${o.computes}"`);
      }
      const novaComputes = o.novaComputes === undefined ? Math.min(2, computes) : Number(o.novaComputes);
      if ((o.novaComputes !== undefined && !/^\d+$/.test(o.novaComputes)) || novaComputes > computes) {
        throw new StackscopeError('INVALID_INPUT', `--nova-computes must be a whole number from 0 to --computes (${computes}), got "${o.novaComputes}"`);
      }
      const state = await labUp({
        dataDir: dataDir(),
        flavor: o.flavor,
        computes,
        rabbitmq: o.rabbitmq,
        controlPlane,
        novaComputes: Math.min(novaComputes, computes),
        rabbitmqNodes: Number(o.rabbitmqNodes),
        log: (l) => console.error(dim(l)),
      });
      const cluster = await registerLab(open(), state, async (name) => hostKeyFingerprint(nodeByName(state.layout, name)));
      console.log(`Lab up in ${state.upSeconds} s: cluster ${bold(cluster.name)} (${state.layout.flavor}) with ${cluster.nodes.length} nodes, host keys trusted.`);
      // In a clone `stackscope` is not on PATH; npx finds the package's own bin.
      console.log(`Try: npx stackscope check ${LAB_CLUSTER}                  (every playbook that applies, one summary)`);
      console.log(`     npx stackscope lab break galera-quorum-lost   (then check again; npx stackscope lab faults lists them all)`);
      console.log(`     npx stackscope exec ${LAB_CLUSTER} --role controller -- ovn-nbctl show · npx stackscope lab down`);
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
      const s = await labStatus(upLab(dataDir()));
      if (o.json) console.log(JSON.stringify(s, null, 2));
      else console.log(formatStatus(s));
      // Not healthy: a failed check (1), so scripts can wait for a healed lab.
      if (!s.healthy) exit(EXIT.FAILED);
    });
  lab
    .command('faults')
    .description('list the faults the lab can inject')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const s = upLabOrNone(dataDir());
      const list = faults.map((f) => ({
        id: f.id,
        flavors: f.flavors ?? labFlavors,
        controlPlane: f.controlPlane ?? 'any',
        rabbitmqNodes: f.rabbitmqNodes ?? 1,
        description: f.description,
        // The nodes it touches on the lab that is up (none up: on a default lab's layout).
        nodes: f.affects ? f.affects(s?.layout ?? planLab({ id: '0000', root: '/', flavor: 'packages', subnet: 0, computes: 2, controlPlane: 'full' })) : [],
        shows: f.shows ?? null,
        inForce: Boolean(s?.faults[f.id]),
      }));
      if (o.json) console.log(JSON.stringify(list, null, 2));
      else console.log(table([['FAULT', 'FLAVOURS', 'WHAT IT DOES'], ...list.map((f) => [f.id, f.flavors.join(','), f.description])]));
    });
  lab
    .command('break <fault>')
    .description('inject a fault (see lab faults)')
    .action(async (id: string) => {
      const r = await applyFault(upLab(dataDir()), id, breakFault, true);
      console.log(`${yellow('broken')}: ${id} — ${r}`);
    });
  lab
    .command('heal <fault>')
    .description('undo a fault')
    .action(async (id: string) => {
      const r = await applyFault(upLab(dataDir()), id, healFault, false);
      console.log(`${green('healed')}: ${id} — ${r}`);
    });
}

function formatStatus(s: LabStatus): string {
  const mark = (h: string): string => (h === 'ok' ? green('ok') : h === 'degraded' ? yellow(h) : red(h));
  const lines = [
    `${bold(`lab ${s.id}`)} · ${s.flavor} · control plane ${s.controlPlane}${s.vip ? ` (VIP ${s.vip})` : ''} · ${s.network} · folder ${s.root}`,
    `up in ${s.up.seconds ?? '?'} s${s.up.start ? ` (${s.up.start})` : ''} · ${s.memory.processes} processes, ${s.memory.rssMiB} MiB RSS, ${s.memory.pssMiB} MiB PSS`,
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
