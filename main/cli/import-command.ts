import { Option, type Command } from 'commander';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { StackscopeError } from '../contract/errors.js';
import { importSourceKinds, type ImportPlan, type ImportSourceKind, type PlannedNode } from '../contract/imports.js';
import type { MethodInput } from '../contract/schemas.js';
import { deployments, nodeRoles, type Deployment, type NodeAuth, type NodeRole } from '../contract/types.js';
import { collect } from './args.js';
import { call, withSecrets, type Client } from './client.js';
import { bold, dim, green, oneLine, red, table, toJson, yellow } from './format.js';
import { confirm } from './prompt.js';

interface ImportFlags {
  from: ImportSourceKind;
  hosts?: string[];
  role?: string[];
  via?: string;
  prune?: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  deployment?: Deployment;
}

/** `--role controller` (every picked host) or `--role 'ctl-*=controller'` (hosts matching the pattern). */
export function rolePicks(values: string[] | undefined): { pattern?: string; role: NodeRole }[] {
  return (values ?? []).map((v) => {
    const eq = v.lastIndexOf('=');
    const role = eq >= 0 ? v.slice(eq + 1) : v;
    if (!(nodeRoles as readonly string[]).includes(role)) throw new StackscopeError('INVALID_INPUT', `--role "${v}": "${role}" is not a role; use one of ${nodeRoles.join(', ')} (or PATTERN=ROLE)`);
    return eq >= 0 ? { pattern: v.slice(0, eq), role: role as NodeRole } : { role: role as NodeRole };
  });
}

const authText = (a: NodeAuth): string => (a.method === 'key' ? `key ${a.keyPath}` : a.method === 'agent' ? 'agent' : 'password (asked)');
const actionText = (a: PlannedNode['action']): string => (a === 'add' ? green('add') : a === 'change' ? yellow('change') : dim('same'));

/** The preview as a person reads it: a table, the fields that change, what is removed or kept, problems with file:line. */
export function formatPlan(plan: ImportPlan): string {
  const out: string[] = [];
  out.push(bold(oneLine(`Import into ${plan.cluster}${plan.clusterId === null ? ` (new ${plan.deployment} cluster)` : ''} from ${plan.source.file}`)));
  const rows = [['', 'NODE', 'ADDRESS', 'USER', 'ROLES', 'AUTH', 'JUMP', 'SUDO']];
  for (const n of plan.nodes) {
    rows.push([actionText(n.action), oneLine(n.name), oneLine(`${n.host}:${n.port}`), oneLine(n.user), n.roles.join(',') || '-', oneLine(authText(n.auth)), oneLine(n.jump ?? '-'), n.become?.enabled ? oneLine(n.become.user) : '-']);
  }
  if (plan.nodes.length) out.push(table(rows));
  for (const n of plan.nodes.filter((x) => x.changes.length)) {
    out.push(`${oneLine(n.name)}: ${n.changes.map((c) => oneLine(`${c.field} ${c.from} → ${c.to}`)).join('; ')}`);
  }
  if (plan.remove.length) out.push(red(oneLine(`remove (not in the source; --prune): ${plan.remove.map((r) => r.name).join(', ')}`)));
  if (plan.kept.length) out.push(dim(oneLine(`not in the source, kept: ${plan.kept.join(', ')} (--prune removes them)`)));
  for (const w of plan.warnings) out.push(yellow(oneLine(`${w.file}:${w.line}: ${w.message}`)));
  for (const e of plan.errors) out.push(red(oneLine(`${e.file}:${e.line}: ${e.host && !e.message.includes(e.host) ? `${e.host}: ` : ''}${e.message}`)));
  const { add, change, same, remove } = plan.counts;
  out.push(add + change + remove === 0 && plan.clusterId !== null ? 'Nothing to change.' : `${add} to add, ${change} to change, ${remove} to remove, ${same} unchanged.`);
  return out.join('\n');
}

/** `stackscope cluster import NAME --from KIND [FILE]`: preview, then apply with --yes or one question. */
export function importCommand(program: Command, open: () => Client): void {
  const cluster = program.commands.find((c) => c.name() === 'cluster');
  if (!cluster) throw new Error('the cluster command must be registered before cluster import');
  cluster
    .command('import <name> [file]')
    .description('add or update a cluster from a Kolla/Ansible inventory, an ssh config or kubectl: shows the plan, applies with --yes or after one question')
    .addOption(new Option('--from <kind>', 'kolla (INI inventory), ansible-yaml, ssh-config (default file ~/.ssh/config) or k8s (kubectl get nodes -o json, or --via)').choices(importSourceKinds).makeOptionMandatory())
    .option('--hosts <pattern>', 'ssh-config: Host patterns to import, e.g. cmp-* (repeatable)', collect)
    .option('--role <role>', `ssh-config: a role for every host, or PATTERN=ROLE (repeatable): ${nodeRoles.join(', ')}`, collect)
    .option('--via <node>', 'k8s: run kubectl get nodes on this node of the cluster (read-only); nodes are reached through it')
    .option('--prune', 'remove nodes of the cluster that the source does not have')
    .option('--dry-run', 'show the plan, change nothing')
    .option('--json', 'print the plan (and the result) as JSON')
    .option('--yes', 'apply without asking')
    .addOption(new Option('--deployment <flavour>', 'the flavour of a cluster the import creates (kolla and k8s say it themselves)').choices(deployments))
    .action(async (name: string, file: string | undefined, o: ImportFlags) => {
      if (o.from !== 'ssh-config' && (o.hosts || o.role)) throw new StackscopeError('INVALID_INPUT', '--hosts and --role go with --from ssh-config (inventories and kubectl give roles themselves)');
      if (o.via && o.from !== 'k8s') throw new StackscopeError('INVALID_INPUT', '--via goes with --from k8s');
      if (o.via && file) throw new StackscopeError('INVALID_INPUT', 'give FILE (kubectl get nodes -o json saved) or --via NODE, not both');
      const path = file ? resolve(file) : o.from === 'ssh-config' ? join(homedir(), '.ssh', 'config') : undefined;
      if (!path && !o.via) throw new StackscopeError('INVALID_INPUT', o.from === 'k8s' ? 'give --via NODE (a node with kubectl) or FILE' : `give the ${o.from} inventory FILE`);
      const input: MethodInput<'clusters.importPlan'> = {
        cluster: name,
        source: { kind: o.from, ...(o.via ? { via: o.via } : { path }) },
        hosts: o.hosts ?? [],
        roles: rolePicks(o.role),
        prune: Boolean(o.prune),
        ...(o.deployment ? { deployment: o.deployment } : {}),
      };
      const flags = { source: 'FILE', cluster: 'NAME', hosts: '--hosts', roles: '--role', deployment: '--deployment' };
      const client = open();
      // kubectl on the via node may need its password or key passphrase: asked like any login.
      const plan = await withSecrets(client, () => call(client, 'clusters.importPlan', input, flags));
      if (o.json && (o.dryRun || plan.errors.length)) console.log(toJson(plan));
      else console.log(formatPlan(plan));
      if (plan.errors.length) throw new StackscopeError('INVALID_INPUT', `${plan.errors.length} error(s) in ${plan.source.file}; nothing was changed`);
      const nothing = plan.counts.add + plan.counts.change + plan.counts.remove === 0 && plan.clusterId !== null;
      if (o.dryRun || nothing) return;
      if (!o.yes) {
        if (!process.stdin.isTTY) throw new StackscopeError('CANCELLED', 'not applied: no terminal to ask; pass --yes to apply this plan');
        if (!(await confirm('Apply this import?'))) throw new StackscopeError('CANCELLED', 'not applied');
      }
      const done = await withSecrets(client, () => call(client, 'clusters.importApply', { ...input, digest: plan.digest }, flags));
      if (o.json) {
        console.log(toJson(done));
        return;
      }
      console.log(oneLine(`Imported into ${done.cluster.name}${done.created ? ' (created)' : ''}: ${done.added.length} added, ${done.changed.length} changed, ${done.removed.length} removed.`));
      if (done.added.length || done.changed.length) console.log(oneLine(`Next: stackscope node trust ${done.cluster.name} --all`));
    });
}
