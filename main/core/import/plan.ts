import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ImportField, ImportFieldChange, ImportIssue, ImportPlan, ImportSourceKind, PlannedNode } from '../../contract/imports.js';
import { methodInputs } from '../../contract/schemas.js';
import type { Become, Cluster, ClusterNode, Deployment, NodeAuth } from '../../contract/types.js';
import type { ImportedNode, JumpHop, ParsedSource } from './types.js';

/**
 * What an import would do to a cluster: nodes to add, fields to change, nodes to remove (only
 * with prune), every problem with its file:line and host. Pure: the cluster as it is, the source
 * as parsed, and the machine's facts (home, local user, which key files exist) come in.
 */
export interface PlanOptions {
  cluster: string;
  kind: ImportSourceKind;
  file: string;
  prune: boolean;
  /** --deployment: the flavour of a cluster that is created (the source's own wins otherwise). */
  deployment?: Deployment;
  home: string;
  /** OpenSSH's and Ansible's default user: who runs Stackscope. */
  localUser: string;
  keyExists(path: string): boolean;
}

const describeAuth = (a: NodeAuth): string => (a.method === 'key' ? `key ${a.keyPath}${a.passphrase ? ' (passphrase)' : ''}` : a.method === 'agent' ? 'ssh-agent' : 'password (asked)');
const describeBecome = (b: Become | null): string => (b === null ? "cluster's" : b.enabled ? `sudo -u ${b.user}${b.password ? ' (password asked)' : ''}` : 'off');

export function buildPlan(existing: Cluster | null, parsed: ParsedSource, o: PlanOptions): ImportPlan {
  const errors: ImportIssue[] = [...parsed.errors];
  const warnings: ImportIssue[] = [...parsed.warnings];
  const nodes = withJumpHosts(parsed.nodes, warnings);

  const seen = new Map<string, ImportedNode>();
  for (const n of nodes) {
    const twin = seen.get(n.name);
    if (twin) errors.push({ ...n.at, host: n.name, message: `${n.name} is described twice (also at ${twin.at.file}:${twin.at.line})` });
    else seen.set(n.name, n);
  }
  const byName = new Map(existing?.nodes.map((n) => [n.name, n]) ?? []);
  const planned: PlannedNode[] = [];
  for (const n of seen.values()) {
    const current = byName.get(n.name);
    const auth = authOf(n, current, o, errors, warnings);
    const become: Become | null = n.become === undefined ? (current?.become ?? null) : n.become;
    const p: PlannedNode = {
      name: n.name,
      action: 'add',
      nodeId: current?.id ?? null,
      host: n.host,
      port: n.port ?? 22,
      user: n.user ?? o.localUser,
      roles: n.roles,
      auth: auth ?? { method: 'agent' },
      jump: n.jumpNode ?? null,
      become,
      changes: [],
      file: n.at.file,
      line: n.at.line,
    };
    // The contract's own rules for a node (plain names, hosts and users; no option-like values).
    // A jump host has no role, which nodes.add refuses from a person: any role stands in for the check.
    const check = methodInputs['nodes.add'].safeParse({ clusterId: 1, name: p.name, host: p.host, port: p.port, user: p.user, roles: p.roles.length ? p.roles : ['compute'], auth: p.auth, become: p.become });
    if (!check.success) for (const issue of check.error.issues) errors.push({ ...n.at, host: safeName(n.name), message: `${safeName(n.name)}: ${issue.path.join('.') || 'node'}: ${issue.message}` });
    else if (p.host.startsWith('-') || p.user.startsWith('-')) errors.push({ ...n.at, host: safeName(n.name), message: `${safeName(n.name)}: a host or user may not start with "-"` });
    if (current) {
      p.changes = diff(current, p, existing as Cluster);
      p.action = p.changes.length ? 'change' : 'same';
    }
    planned.push(p);
  }
  for (const p of planned) {
    if (p.jump !== null && !seen.has(p.jump) && !byName.has(p.jump)) errors.push({ file: p.file, line: p.line, host: p.name, message: `${p.name} jumps through ${p.jump}, which is neither in the source nor in cluster ${o.cluster}` });
  }
  const ordered = jumpOrder(planned, errors);

  const inSource = new Set(planned.map((p) => p.name));
  const absent = (existing?.nodes ?? []).filter((n) => !inSource.has(n.name));
  const remove = o.prune ? absent.map((n) => ({ nodeId: n.id, name: n.name })) : [];
  const kept = o.prune ? [] : absent.map((n) => n.name);
  if (o.prune) {
    for (const p of ordered) if (p.jump && remove.some((r) => r.name === p.jump)) errors.push({ file: p.file, line: p.line, host: p.name, message: `${p.name} jumps through ${p.jump}, which prune would remove` });
  }
  const deployment = existing?.deployment ?? o.deployment ?? parsed.flavour;
  if (!deployment) errors.push({ file: o.file, line: 1, message: `cluster ${o.cluster} does not exist and ${o.kind} does not say how OpenStack is deployed: give --deployment` });
  if (existing && o.deployment && o.deployment !== existing.deployment) warnings.push({ file: o.file, line: 1, message: `cluster ${existing.name} stays ${existing.deployment} (--deployment ${o.deployment} applies to a cluster the import creates)` });

  const count = (a: PlannedNode['action']): number => ordered.filter((p) => p.action === a).length;
  const body = {
    cluster: o.cluster,
    clusterId: existing?.id ?? null,
    deployment: deployment ?? 'packages',
    source: { kind: o.kind, file: o.file },
    nodes: ordered,
    remove,
    kept,
    counts: { add: count('add'), change: count('change'), same: count('same'), remove: remove.length },
    errors,
    warnings,
  };
  return { ...body, digest: digestOf(body) };
}

/** Names go into messages: a hostile one is shown escaped, on one line. */
const safeName = (s: string): string => JSON.stringify(s).slice(1, -1).slice(0, 80);

/** What applying depends on (the cluster as seen, what would be written), hashed. */
function digestOf(body: Omit<ImportPlan, 'digest'>): string {
  const what = { c: body.cluster, id: body.clusterId, d: body.deployment, n: body.nodes.map(({ file: _f, line: _l, ...rest }) => rest), r: body.remove, e: body.errors.length };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

function authOf(n: ImportedNode, current: ClusterNode | undefined, o: PlanOptions, errors: ImportIssue[], warnings: ImportIssue[]): NodeAuth | null {
  const errorsBefore = errors.length;
  if (n.keyPath !== undefined) {
    const keyPath = keyPathOf(n, o, errors, warnings);
    if (keyPath === null) return errors.length === errorsBefore ? { method: 'agent' } : null;
    // A passphrase flag set by hand on the same key stays (sources cannot say).
    const passphrase = current?.auth.method === 'key' && current.auth.keyPath === keyPath ? current.auth.passphrase : false;
    return { method: 'key', keyPath, passphrase };
  }
  if (n.passwordInSource) return { method: 'password' };
  // Neither: keep a key or password set by hand? No: the source said nothing, so OpenSSH would use the agent.
  return { method: 'agent' };
}

/** `~/`, relative to the source's folder (never out of it), existing on this machine. */
function keyPathOf(n: ImportedNode, o: PlanOptions, errors: ImportIssue[], warnings: ImportIssue[]): string | null {
  const raw = n.keyPath as string;
  const fail = (message: string): null => (errors.push({ ...n.at, host: safeName(n.name), message: `${safeName(n.name)}: ${message}` }), null);
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fail('the key file path has control characters');
  let path: string;
  if (raw === '~' || raw.startsWith('~/')) path = join(o.home, raw.slice(1));
  else if (isAbsolute(raw)) path = resolve(raw);
  else {
    const base = dirname(resolve(o.file));
    path = resolve(base, raw);
    const r = relative(base, path);
    if (r.startsWith('..') || isAbsolute(r)) return fail(`key file ${raw} leaves the folder of ${o.file}: give an absolute path or ~/…`);
  }
  if (!o.keyExists(path)) {
    // ssh skips an IdentityFile that is not there and goes on with the agent: so does an ssh-config import.
    if (o.kind === 'ssh-config') {
      warnings.push({ ...n.at, host: safeName(n.name), message: `${safeName(n.name)}: IdentityFile ${path} does not exist here: ssh-agent instead, as ssh would` });
      return null;
    }
    return fail(`private key file ${path} does not exist on this machine: fix the path or copy the key here`);
  }
  return path;
}

/** ProxyJump/ProxyCommand hops as nodes: a hop that is a host of the source is that node; others are added with no role. */
function withJumpHosts(nodes: ImportedNode[], warnings: ImportIssue[]): ImportedNode[] {
  const out = [...nodes];
  const find = (hop: JumpHop): ImportedNode | undefined => out.find((n) => n.name === hop.host) ?? out.find((n) => n.host === hop.host && (hop.port === undefined || (n.port ?? 22) === hop.port));
  for (const n of nodes) {
    let previous: ImportedNode | null = null;
    for (const hop of n.jump) {
      let hopNode = find(hop);
      if (!hopNode) {
        hopNode = { name: hop.host, host: hop.host, roles: [], jump: [], at: n.at, ...(hop.user ? { user: hop.user } : {}), ...(hop.port ? { port: hop.port } : {}), ...(hop.keyPath ? { keyPath: hop.keyPath } : {}), ...(previous ? { jumpNode: previous.name } : {}) };
        out.push(hopNode);
      } else if ((hop.user !== undefined && hopNode.user !== undefined && hop.user !== hopNode.user) || (hop.port !== undefined && (hopNode.port ?? 22) !== hop.port)) {
        warnings.push({ ...n.at, host: n.name, message: `${n.name} reaches jump host ${hop.host} as ${hop.user ?? ''}@…:${hop.port ?? 22}; ${hopNode.name} is kept as ${hopNode.user ?? ''}@${hopNode.host}:${hopNode.port ?? 22}` });
      }
      previous = hopNode;
    }
    if (previous && previous !== n) n.jumpNode = previous.name;
  }
  return out;
}

function diff(current: ClusterNode, p: PlannedNode, cluster: Cluster): ImportFieldChange[] {
  const jumpName = current.jumpNodeId === null ? null : (cluster.nodes.find((x) => x.id === current.jumpNodeId)?.name ?? null);
  const pairs: [ImportField, string, string][] = [
    ['host', current.host, p.host],
    ['port', String(current.port), String(p.port)],
    ['user', current.user, p.user],
    ['roles', [...current.roles].sort().join(',') || '-', [...p.roles].sort().join(',') || '-'],
    ['auth', describeAuth(current.auth), describeAuth(p.auth)],
    ['jump', jumpName ?? '-', p.jump ?? '-'],
    ['become', describeBecome(current.become), describeBecome(p.become)],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field, from, to]) => ({ field, from, to }));
}

/** Jump hosts before the nodes that use them; a loop is an error. */
function jumpOrder(planned: PlannedNode[], errors: ImportIssue[]): PlannedNode[] {
  const byName = new Map(planned.map((p) => [p.name, p]));
  const out: PlannedNode[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: PlannedNode, path: string[]): void => {
    const s = state.get(p.name);
    if (s === 'done') return;
    if (s === 'visiting') {
      errors.push({ file: p.file, line: p.line, host: p.name, message: `jump hosts loop: ${[...path, p.name].join(' → ')}` });
      return;
    }
    state.set(p.name, 'visiting');
    const j = p.jump === null ? undefined : byName.get(p.jump);
    if (j) visit(j, [...path, p.name]);
    state.set(p.name, 'done');
    out.push(p);
  };
  for (const p of planned) visit(p, []);
  if (out.some((p) => p.jump !== null && out.filter((x) => x.name === p.jump).length && path8(p, byName) > 8)) {
    errors.push({ file: out[0]?.file ?? '', line: 1, message: 'a jump chain is longer than 8 hops' });
  }
  return out;
}

function path8(p: PlannedNode, byName: Map<string, PlannedNode>): number {
  let n = 0;
  for (let hop = p.jump === null ? undefined : byName.get(p.jump); hop && n <= 9; hop = hop.jump === null ? undefined : byName.get(hop.jump)) n++;
  return n;
}
