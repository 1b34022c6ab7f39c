import { nodeRoles, type NodeRole } from '../../contract/types.js';
import { roleOfGroup } from './roles.js';
import { ArgsError, jumpOfSshArgs } from './ssh-args.js';
import { maxHosts, type ImportedNode, type ImportIssue, type JumpHop, type ParsedSource, type SourceAt } from './types.js';

/**
 * An Ansible inventory as both formats (INI, YAML) read it, and how it becomes nodes: group
 * membership through `children`, variables by Ansible's precedence (all, then groups from the
 * least to the most nested, then the host), roles from the group table (roles.ts).
 */

export interface AnsibleVar {
  value: string;
  at: SourceAt;
}

export interface AnsibleGroup {
  name: string;
  hosts: Set<string>;
  children: Set<string>;
  vars: Map<string, AnsibleVar>;
  at: SourceAt;
}

export class AnsibleInventory {
  readonly groups = new Map<string, AnsibleGroup>();
  readonly hostVars = new Map<string, Map<string, AnsibleVar>>();
  /** Where each host was first listed, in listing order. */
  readonly hostAt = new Map<string, SourceAt>();
  readonly errors: ImportIssue[] = [];

  group(name: string, at: SourceAt): AnsibleGroup {
    let g = this.groups.get(name);
    if (!g) {
      g = { name, hosts: new Set(), children: new Set(), vars: new Map(), at };
      this.groups.set(name, g);
    }
    return g;
  }

  addHost(group: string, host: string, vars: Map<string, AnsibleVar>, at: SourceAt): void {
    if (this.hostAt.size >= maxHosts && !this.hostAt.has(host)) throw new InventoryLimit(at);
    this.group(group, at).hosts.add(host);
    if (!this.hostAt.has(host)) this.hostAt.set(host, at);
    const mine = this.hostVars.get(host) ?? new Map<string, AnsibleVar>();
    for (const [k, v] of vars) mine.set(k, v);
    this.hostVars.set(host, mine);
  }
}

export class InventoryLimit extends Error {
  constructor(readonly at: SourceAt) {
    super(`more than ${maxHosts} hosts: split the inventory or import the groups you need`);
  }
}

/**
 * `compute[01:60]` → compute01 … compute60 (zero-padded as written), `node-[a:c]` → node-a … node-c,
 * `[1:9:2]` with a stride: Ansible's host ranges. Throws on a range it cannot expand.
 */
export function expandHostPattern(pattern: string): string[] {
  const m = /^(.*?)\[([^\]]*:[^\]]*)\](.*)$/.exec(pattern);
  if (!m) return [pattern];
  const [, head, range, tail] = m as unknown as [string, string, string, string];
  const parts = range.split(':');
  if (parts.length > 3) throw new Error(`host range [${range}] has more than start:end:stride`);
  const [beg = '', end = '', strideText] = parts;
  const stride = strideText === undefined || strideText === '' ? 1 : Number(strideText);
  if (!Number.isInteger(stride) || stride < 1) throw new Error(`host range [${range}]: the stride must be a positive number`);
  const items: string[] = [];
  if (/^\d+$/.test(beg) && /^\d+$/.test(end)) {
    const from = Number(beg);
    const to = Number(end);
    if (to < from) throw new Error(`host range [${range}] ends before it starts`);
    if ((to - from) / stride + 1 > maxHosts) throw new Error(`host range [${range}] expands to more than ${maxHosts} hosts`);
    const width = beg.length > 1 && beg.startsWith('0') ? beg.length : 0;
    for (let i = from; i <= to; i += stride) items.push(String(i).padStart(width, '0'));
  } else if (/^[a-zA-Z]$/.test(beg) && /^[a-zA-Z]$/.test(end)) {
    const from = beg.charCodeAt(0);
    const to = end.charCodeAt(0);
    if (to < from) throw new Error(`host range [${range}] ends before it starts`);
    for (let i = from; i <= to; i += stride) items.push(String.fromCharCode(i));
  } else {
    throw new Error(`host range [${range}] is neither numbers (01:60) nor single letters (a:c)`);
  }
  const rest = expandHostPattern(tail);
  if (items.length * rest.length > maxHosts) throw new Error(`host pattern ${pattern} expands to more than ${maxHosts} hosts`);
  return items.flatMap((i) => rest.map((r) => `${head}${i}${r}`));
}

const truthy = (v: string): boolean => /^(yes|true|on|1|y)$/i.test(v.trim());
const sshPasswordVars = ['ansible_password', 'ansible_ssh_pass', 'ansible_ssh_password'];
const becomePasswordVars = ['ansible_become_password', 'ansible_become_pass', 'ansible_sudo_pass', 'ansible_sudo_password'];
export const secretVars: ReadonlySet<string> = new Set([...sshPasswordVars, ...becomePasswordVars]);

/** Groups by depth under `all` (children deeper than their parents); a loop is an error. */
function groupDepths(inv: AnsibleInventory): Map<string, number> {
  const parents = new Map<string, string[]>();
  for (const g of inv.groups.values()) for (const c of g.children) parents.set(c, [...(parents.get(c) ?? []), g.name]);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const of = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (name === 'all') return 0;
    if (visiting.has(name)) {
      const g = inv.groups.get(name);
      throw new GroupLoop(name, g?.at ?? { file: '', line: 0 });
    }
    visiting.add(name);
    const ps = (parents.get(name) ?? []).filter((p) => p !== 'all');
    const d = ps.length === 0 ? 1 : Math.max(...ps.map(of)) + 1;
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  for (const name of inv.groups.keys()) of(name);
  return depth;
}

class GroupLoop extends Error {
  constructor(
    readonly group: string,
    readonly at: SourceAt,
  ) {
    super(`group ${group} is its own child (through :children)`);
  }
}

/** The groups a host is in: those listing it and every ancestor of those. */
function groupsOfHosts(inv: AnsibleInventory): Map<string, Set<string>> {
  const parents = new Map<string, string[]>();
  for (const g of inv.groups.values()) for (const c of g.children) parents.set(c, [...(parents.get(c) ?? []), g.name]);
  const out = new Map<string, Set<string>>();
  for (const g of inv.groups.values()) {
    for (const h of g.hosts) {
      const set = out.get(h) ?? new Set<string>();
      const stack = [g.name];
      while (stack.length) {
        const n = stack.pop() as string;
        if (set.has(n)) continue;
        set.add(n);
        stack.push(...(parents.get(n) ?? []));
      }
      out.set(h, set);
    }
  }
  return out;
}

/** The inventory's hosts as nodes, with the issues met on the way. */
export function resolveInventory(inv: AnsibleInventory): ParsedSource {
  const errors = [...inv.errors];
  const warnings: ImportIssue[] = [];
  let depths: Map<string, number>;
  try {
    depths = groupDepths(inv);
  } catch (err) {
    if (err instanceof GroupLoop) return { nodes: [], errors: [...errors, { ...err.at, message: err.message }], warnings };
    throw err;
  }
  const memberships = groupsOfHosts(inv);
  const nodes: ImportedNode[] = [];
  for (const [host, at] of inv.hostAt) {
    const groups = [...(memberships.get(host) ?? [])].sort((a, b) => (depths.get(a) ?? 0) - (depths.get(b) ?? 0) || a.localeCompare(b));
    const vars = new Map<string, AnsibleVar>(inv.groups.get('all')?.vars ?? []);
    for (const g of groups) for (const [k, v] of inv.groups.get(g)?.vars ?? []) vars.set(k, v);
    for (const [k, v] of inv.hostVars.get(host) ?? []) vars.set(k, v);
    const get = (...names: string[]): AnsibleVar | undefined => names.map((n) => vars.get(n)).find((v) => v !== undefined);

    if (get('ansible_connection')?.value === 'local') {
      warnings.push({ ...at, host, message: `${host} skipped: ansible_connection=local is this machine, not a node reached by SSH` });
      continue;
    }
    const node: ImportedNode = { name: host, host: get('ansible_host', 'ansible_ssh_host')?.value ?? host, roles: rolesOf(groups), jump: [], at };
    const port = get('ansible_port', 'ansible_ssh_port');
    if (port) {
      if (!/^\d{1,5}$/.test(port.value) || Number(port.value) < 1 || Number(port.value) > 65535) {
        errors.push({ ...port.at, host, message: `ansible_port of ${host} is not a port number` });
        continue;
      }
      node.port = Number(port.value);
    }
    const user = get('ansible_user', 'ansible_ssh_user');
    if (user) node.user = user.value;
    const key = get('ansible_ssh_private_key_file', 'ansible_private_key_file');
    if (key) node.keyPath = key.value;
    const password = get(...sshPasswordVars);
    if (password) {
      node.passwordInSource = true;
      warnings.push({ ...password.at, host, message: `password in inventory ignored; you will be asked (${host})` });
    }
    const becomePassword = get(...becomePasswordVars);
    if (becomePassword) warnings.push({ ...becomePassword.at, host, message: `become password in inventory ignored; you will be asked (${host})` });
    const become = get('ansible_become');
    node.become = become && truthy(become.value) ? { enabled: true, user: get('ansible_become_user')?.value ?? 'root', password: becomePassword !== undefined } : null;
    const args = get('ansible_ssh_common_args', 'ansible_ssh_extra_args');
    if (args) {
      try {
        node.jump = jumpOfSshArgs(args.value).jump;
      } catch (err) {
        if (!(err instanceof ArgsError)) throw err;
        errors.push({ ...args.at, host, message: `${args === vars.get('ansible_ssh_common_args') ? 'ansible_ssh_common_args' : 'ansible_ssh_extra_args'} of ${host}: ${err.message}` });
        continue;
      }
    }
    nodes.push(node);
  }
  return { nodes, errors, warnings };
}

function rolesOf(groups: string[]): NodeRole[] {
  const set = new Set(groups.map(roleOfGroup).filter((r): r is NodeRole => r !== undefined));
  return nodeRoles.filter((r) => set.has(r));
}

export type { JumpHop };
