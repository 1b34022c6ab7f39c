import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { maxImportSourceBytes, type ImportApplied, type ImportPlan, type PlannedNode } from '../../contract/imports.js';
import { StackscopeError } from '../../contract/errors.js';
import type { ParsedInput } from '../../contract/schemas.js';
import type { Cluster, ClusterNode } from '../../contract/types.js';
import type { InventoryService } from '../inventory-service.js';
import { parseAnsibleIni } from './ansible-ini.js';
import { parseAnsibleYaml } from './ansible-yaml.js';
import { parseKubeNodes } from './kube-nodes.js';
import { buildPlan } from './plan.js';
import { parseSshConfig } from './ssh-config.js';
import { maxKubeJsonBytes, type ParsedSource } from './types.js';

/** A source that cannot be read: the issue names the input field (the CLI shows it as FILE). */
const sourceRefused = (message: string): StackscopeError => new StackscopeError('INVALID_INPUT', message, { method: 'clusters.importPlan', issues: [{ path: ['source', 'path'], message }] });

export type ImportInput = ParsedInput<'clusters.importPlan'>;

export interface ImportEnvironment {
  home: string;
  localUser: string;
  sshDir: string;
}

export const machineEnvironment = (): ImportEnvironment => ({ home: homedir(), localUser: userInfo().username, sshDir: join(homedir(), '.ssh') });

export interface ImportDeps {
  inventory: InventoryService;
  /** Runs `fn` in one transaction of the case log (all of an import or none of it). */
  transaction<T>(fn: () => T): T;
  /** `kubectl get nodes -o json` on that node, read-only, its stdout. */
  kubeNodes(via: ClusterNode): Promise<string>;
  env?: ImportEnvironment;
}

/**
 * `clusters.importPlan` and `clusters.importApply`: read a source (a file, pasted text, or kubectl
 * on a node), plan against the cluster as it is, and apply exactly the plan that was previewed.
 */
export class ClusterImportService {
  private readonly env: ImportEnvironment;

  constructor(private readonly deps: ImportDeps) {
    this.env = deps.env ?? machineEnvironment();
  }

  async plan(input: ImportInput): Promise<ImportPlan> {
    const existing = this.deps.inventory.list().find((c) => c.name === input.cluster) ?? null;
    const { parsed, file } = await this.parse(input, existing);
    return buildPlan(existing, parsed, {
      cluster: input.cluster,
      kind: input.source.kind,
      file,
      prune: input.prune,
      deployment: input.deployment,
      home: this.env.home,
      localUser: this.env.localUser,
      keyExists: (p) => existsSync(p) && statSync(p).isFile(),
    });
  }

  async apply(input: ParsedInput<'clusters.importApply'>): Promise<ImportApplied> {
    const { digest, ...rest } = input;
    const plan = await this.plan(rest);
    if (plan.errors.length > 0) {
      const shown = plan.errors.slice(0, 5).map((e) => `${e.file}:${e.line}: ${e.message}`);
      throw new StackscopeError('INVALID_INPUT', `the import has ${plan.errors.length} error(s); nothing was changed: ${shown.join('; ')}${plan.errors.length > 5 ? '; …' : ''}`, { method: 'clusters.importApply' });
    }
    if (plan.digest !== digest) {
      throw new StackscopeError('CONFLICT', `the source or cluster ${input.cluster} changed since the preview; nothing was changed: preview the import again`, { cluster: input.cluster });
    }
    return this.deps.transaction(() => this.write(plan));
  }

  private write(plan: ImportPlan): ImportApplied {
    const inv = this.deps.inventory;
    const created = plan.clusterId === null;
    const cluster: Cluster = created ? inv.addCluster({ name: plan.cluster, deployment: plan.deployment }) : inv.cluster(plan.clusterId as number);
    const ids = new Map(cluster.nodes.map((n) => [n.name, n.id]));
    const added: string[] = [];
    const changed: string[] = [];
    // In layers: the nodes whose jump host is stored already, then those jumping through them.
    let pending = plan.nodes.filter((p) => p.action !== 'same');
    while (pending.length > 0) {
      const ready = pending.filter((p) => p.jump === null || ids.has(p.jump));
      if (ready.length === 0) throw new StackscopeError('INVALID_INPUT', `jump hosts of ${pending.map((p) => p.name).join(', ')} are not stored: preview the import again`, { method: 'clusters.importApply' });
      const fields = (p: PlannedNode) => ({ name: p.name, host: p.host, port: p.port, user: p.user, roles: p.roles, auth: p.auth, become: p.become, jumpNodeId: p.jump === null ? null : (ids.get(p.jump) as number) });
      // Through the service: its checks, and secrets given for a node forgotten when how it is reached changed.
      const stored = inv.putNodes(cluster.id, ready.map((p) => ({ id: p.action === 'add' ? null : p.nodeId, fields: fields(p) })));
      ready.forEach((p, i) => {
        ids.set(p.name, stored[i] as number);
        (p.action === 'add' ? added : changed).push(p.name);
      });
      pending = pending.filter((p) => !ready.includes(p));
    }
    for (const r of plan.remove) inv.removeNode(r.nodeId);
    return { cluster: inv.cluster(cluster.id), created, added, changed, removed: plan.remove.map((r) => r.name) };
  }

  private async parse(input: ImportInput, existing: Cluster | null): Promise<{ parsed: ParsedSource; file: string }> {
    const s = input.source;
    if (s.kind === 'k8s') {
      if (s.via === undefined) {
        const { text, file } = this.read(input, maxKubeJsonBytes);
        return { parsed: parseKubeNodes(text, file, null), file };
      }
      if (!existing) throw new StackscopeError('NOT_FOUND', `cluster ${input.cluster} does not exist: add it and its kubectl node first (stackscope node add ${input.cluster} NODE …)`, { cluster: input.cluster });
      const via = this.deps.inventory.nodeByName(existing, s.via);
      const file = `kubectl get nodes on ${via.name}`;
      const text = await this.deps.kubeNodes(via);
      const parsed = parseKubeNodes(text, file, via);
      // Nodes reached through the kubectl node log in as it does.
      for (const n of parsed.nodes) {
        if (n.name === via.name) {
          // The kubectl node stays reached as it is, through its own jump host if it has one.
          n.port = via.port;
          const own = existing.nodes.find((x) => x.id === via.jumpNodeId);
          if (own) n.jumpNode = own.name;
          n.become = via.become;
        }
        n.user = via.user;
        if (via.auth.method === 'key') n.keyPath = via.auth.keyPath;
        else if (via.auth.method === 'password') n.passwordInSource = true;
      }
      return { parsed, file };
    }
    const { text, file } = this.read(input, maxImportSourceBytes);
    if (s.kind === 'kolla') return { parsed: parseAnsibleIni(text, file), file };
    if (s.kind === 'ansible-yaml') return { parsed: parseAnsibleYaml(text, file), file };
    return {
      parsed: parseSshConfig(text, file, { hosts: input.hosts, roles: input.roles, sshDir: this.env.sshDir, home: this.env.home }),
      file,
    };
  }

  /** The source's text from its path (size checked before reading) or as given. */
  private read(input: ImportInput, cap: number): { text: string; file: string } {
    const s = input.source;
    if (s.text !== undefined) return { text: s.text, file: s.fileName ?? '(pasted)' };
    const path = s.path as string;
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw sourceRefused(`${path} is not a file`);
      size = st.size;
    } catch (err) {
      if (err instanceof StackscopeError) throw err;
      throw sourceRefused(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (size > cap) throw sourceRefused(`${path} is ${(size / 1024 / 1024).toFixed(1)} MiB, larger than the ${cap / 1024 / 1024} MiB an import reads: is it the right file?`);
    return { text: readFileSync(path, 'utf8'), file: path };
  }
}
