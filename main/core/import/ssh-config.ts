import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import SSHConfig, { glob, LineType, type Line, type Section } from 'ssh-config';
import { nodeRoles, type NodeRole } from '../../contract/types.js';
import { ArgsError, parseProxyCommand, parseProxyJump } from './ssh-args.js';
import { maxSourceBytes, type ImportedNode, type ImportIssue, type JumpHop, type ParsedSource, type SourceAt } from './types.js';

/**
 * OpenSSH client config (`~/.ssh/config`) through the `ssh-config` package: Host sections, Match
 * on host/originalhost/user/localuser/all/final as that package evaluates them, and Include
 * resolved here as OpenSSH does (relative to ~/.ssh, globs, nested at most 16 deep, never twice
 * on one path). Not evaluated: `Match exec` (never run: an imported file must not run commands),
 * `Match canonical/localnetwork/tagged`, CanonicalizeHostName (it would query DNS), tokens in
 * HostName other than %h.
 */

export interface RolePick {
  /** A Host-style pattern (`ctl-*`); none: every host picked by `hosts`. */
  pattern?: string;
  role: NodeRole;
}

export interface SshConfigOptions {
  /** Host patterns to import (`cmp-*`); empty: every Host alias without a wildcard. */
  hosts: string[];
  roles: RolePick[];
  /** ~/.ssh: where relative Include paths are resolved, and where includes may live. */
  sshDir: string;
  home: string;
}

/** Includes are read only inside these directories (a config cannot make us read /etc/shadow). */
function allowedRoots(file: string, o: SshConfigOptions): string[] {
  return [o.sshDir, dirname(file), '/etc/ssh'].map((d) => resolve(d));
}

const inside = (root: string, p: string): boolean => {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

interface Loaded {
  config: SSHConfig;
  /** The Host/Match line of each section, for messages. */
  sectionAt: Map<Section, SourceAt>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Parse `text` (from `file`) with its Includes spliced in place. */
export function loadSshConfig(text: string, file: string, o: SshConfigOptions): Loaded {
  const loaded: Loaded = { config: new SSHConfig(), sectionAt: new Map(), errors: [], warnings: [] };
  loaded.config = parseOne(text, file, o, loaded, [safeReal(file)], 0);
  return loaded;
}

const safeReal = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

function parseOne(text: string, file: string, o: SshConfigOptions, loaded: Loaded, chain: string[], depth: number): SSHConfig {
  let config: SSHConfig;
  try {
    config = SSHConfig.parse(text);
  } catch (err) {
    loaded.errors.push({ file, line: 1, message: `not an ssh config: ${(err as Error).message}` });
    return new SSHConfig();
  }
  // The k-th Host/Match line of the text is the k-th section the package made.
  const headerLines = text
    .split(/\r?\n/)
    .map((l, i) => ({ l: l.trim(), line: i + 1 }))
    .filter((x) => /^(host|match)(\s|=)/i.test(x.l));
  const sections = config.filter((l): l is Section => l.type === LineType.DIRECTIVE && 'config' in l);
  sections.forEach((s, i) => loaded.sectionAt.set(s, { file, line: headerLines[i]?.line ?? 1 }));
  const lineOfDirective = (param: string, nth: number): number => {
    const all = text.split(/\r?\n/).map((l, i) => ({ l: l.trim(), line: i + 1 })).filter((x) => new RegExp(`^${param}(\\s|=)`, 'i').test(x.l));
    return all[nth]?.line ?? 1;
  };
  let includeCount = 0;
  let canonCount = 0;
  const walk = (lines: Line[]): void => {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as Line;
      if (l.type !== LineType.DIRECTIVE) continue;
      if ('config' in l) {
        if ('criteria' in l) {
          const unsupported = Object.keys(l.criteria).filter((k) => !/^(host|originalhost|user|localuser|all|final)$/i.test(k));
          if (unsupported.length) loaded.warnings.push({ ...(loaded.sectionAt.get(l) ?? { file, line: 1 }), message: `Match ${unsupported.join(', ')} is not evaluated (an import never runs commands or queries DNS): that block's settings are not applied` });
        }
        walk((l as Section).config);
        continue;
      }
      if (/^canonicalizehostname$/i.test(l.param)) {
        loaded.warnings.push({ file, line: lineOfDirective('CanonicalizeHostName', canonCount++), message: 'CanonicalizeHostName is not applied (an import does not query DNS)' });
        lines.splice(i--, 1);
        continue;
      }
      if (!/^include$/i.test(l.param)) continue;
      const at = { file, line: lineOfDirective('Include', includeCount++) };
      const specs = Array.isArray(l.value) ? l.value.map((v) => v.val) : l.value.split(/\s+/).filter(Boolean);
      const spliced: Line[] = [];
      for (const spec of specs) {
        for (const path of includePaths(spec, file, o, at, loaded)) {
          const real = safeReal(path);
          if (chain.includes(real)) {
            loaded.errors.push({ ...at, message: `Include ${spec} includes ${path} again (a loop): left out` });
            continue;
          }
          if (depth >= 16) {
            loaded.errors.push({ ...at, message: `Include ${spec}: nested more than 16 deep` });
            continue;
          }
          const body = readCapped(path, at, loaded);
          if (body === undefined) continue;
          spliced.push(...parseOne(body, path, o, loaded, [...chain, real], depth + 1));
        }
      }
      lines.splice(i, 1, ...spliced);
      i += spliced.length - 1;
    }
  };
  walk(config);
  return hoistSections(config, loaded, file);
}

/**
 * An Include inside a Host or Match block brought Host sections into that block. OpenSSH reads
 * them only when the outer block matches; here they are placed after the block and always read
 * (a warning says so).
 */
function hoistSections(config: SSHConfig, loaded: Loaded, file: string): SSHConfig {
  const out = new SSHConfig();
  for (const l of config) {
    out.push(l);
    if (l.type !== LineType.DIRECTIVE || !('config' in l)) continue;
    const section = l as Section;
    const inner: Line[] = section.config.filter((x) => x.type === LineType.DIRECTIVE && 'config' in x);
    if (inner.length === 0) continue;
    section.config = Object.assign(new SSHConfig(), section.config.filter((x) => !inner.includes(x)));
    loaded.warnings.push({ ...(loaded.sectionAt.get(section) ?? { file, line: 1 }), message: 'an Include inside this block brings Host sections: they are read as if the Include stood outside it' });
    out.push(...hoistSections(Object.assign(new SSHConfig(), inner), loaded, file));
  }
  return out;
}

function readCapped(path: string, at: SourceAt, loaded: Loaded): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile()) return undefined;
    if (st.size > maxSourceBytes) {
      loaded.errors.push({ ...at, message: `${path} is larger than ${maxSourceBytes / 1024 / 1024} MiB: not read` });
      return undefined;
    }
    return readFileSync(path, 'utf8');
  } catch (err) {
    loaded.errors.push({ ...at, message: `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return undefined;
  }
}

/** An Include argument as OpenSSH resolves it (~ expanded, relative to ~/.ssh, a glob in the last part). */
function includePaths(spec: string, file: string, o: SshConfigOptions, at: SourceAt, loaded: Loaded): string[] {
  const expanded = spec.startsWith('~/') ? join(o.home, spec.slice(2)) : spec;
  const full = resolve(isAbsolute(expanded) ? expanded : join(o.sshDir, expanded));
  if (!allowedRoots(file, o).some((root) => inside(root, full))) {
    loaded.errors.push({ ...at, message: `Include ${spec} is outside ${o.sshDir}, the config's folder and /etc/ssh: not read` });
    return [];
  }
  const name = basename(full);
  if (!/[*?]/.test(name)) return [full];
  if (/[*?]/.test(dirname(full))) {
    loaded.errors.push({ ...at, message: `Include ${spec}: a wildcard is supported in the file name only` });
    return [];
  }
  let entries: string[];
  try {
    entries = readdirSync(dirname(full)).sort();
  } catch {
    return []; // OpenSSH ignores a glob that matches nothing
  }
  return entries.filter((e) => glob(name, e)).map((e) => join(dirname(full), e));
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The nodes an ssh config describes, for the Host patterns asked for (jump hosts pulled in as nodes). */
export function parseSshConfig(text: string, file: string, o: SshConfigOptions): ParsedSource {
  const loaded = loadSshConfig(text, file, o);
  const { config, errors, warnings } = loaded;
  const aliases: { alias: string; at: SourceAt }[] = [];
  const visit = (lines: Line[]): void => {
    for (const l of lines) {
      if (l.type !== LineType.DIRECTIVE || !('config' in l) || !/^host$/i.test(l.param)) continue;
      const values = Array.isArray(l.value) ? l.value.map((v) => v.val) : [l.value];
      for (const v of values) if (!/[*?!]/.test(v) && !aliases.some((a) => a.alias === v)) aliases.push({ alias: v, at: loaded.sectionAt.get(l) ?? { file, line: 1 } });
    }
  };
  visit(config);
  const picked = aliases.filter((a) => o.hosts.length === 0 || o.hosts.some((p) => glob(p, a.alias)));
  if (picked.length === 0) {
    errors.push({ file, line: 1, message: o.hosts.length ? `no Host in ${file} matches ${o.hosts.join(', ')}` : `${file} has no Host without a wildcard to import` });
  }
  const byName = new Map<string, ImportedNode>();
  const atOf = new Map(aliases.map((a) => [a.alias, a.at]));
  const resolveAlias = (alias: string, hop: JumpHop | null, stack: string[]): ImportedNode | null => {
    const at = atOf.get(alias) ?? { file, line: 1 };
    if (stack.includes(alias)) {
      errors.push({ ...at, host: alias, message: `ProxyJump of ${alias} loops back to it (${[...stack, alias].join(' → ')})` });
      return null;
    }
    const existing = byName.get(alias);
    if (existing) return existing;
    const computeOptions = { ignoreCase: true, matchExec: false };
    const c = hop?.user ? config.compute({ Host: alias, User: hop.user }, computeOptions) : config.compute(alias, computeOptions);
    const node: ImportedNode = { name: alias, host: (first(c.hostname) ?? alias).replace(/%h/g, alias), roles: rolesFor(alias, stack.length === 0, o.roles), jump: [], at };
    const port = hop?.port ?? first(c.port);
    if (port !== undefined) {
      if (!/^\d{1,5}$/.test(String(port)) || Number(port) < 1 || Number(port) > 65535) errors.push({ ...at, host: alias, message: `Port of ${alias} is not a port number` });
      else node.port = Number(port);
    }
    const user = hop?.user ?? first(c.user);
    if (user) node.user = user;
    const key = hop?.keyPath ?? first(c.identityfile);
    if (key && key.toLowerCase() !== 'none') node.keyPath = key.replace(/^%d\//, `${o.home}/`);
    byName.set(alias, node);
    let hops: JumpHop[] = [];
    try {
      const pj = first(c.proxyjump);
      const pc = first(c.proxycommand);
      if (pj) hops = parseProxyJump(pj);
      else if (pc && pc.toLowerCase() !== 'none') hops = parseProxyCommand(pc);
    } catch (err) {
      if (!(err instanceof ArgsError)) throw err;
      errors.push({ ...at, host: alias, message: `${alias}: ${err.message}` });
    }
    // Each hop is a Host of the same config (OpenSSH applies the config to it): a node, nearest first.
    let previous: ImportedNode | null = null;
    for (const h of hops) {
      const hopNode = resolveAlias(h.host, h, [...stack, alias]);
      if (!hopNode) break;
      if (previous && !hopNode.jumpNode && hopNode.name !== previous.name) hopNode.jumpNode = previous.name;
      previous = hopNode;
    }
    if (previous) node.jumpNode = previous.name;
    return node;
  };
  for (const a of picked) resolveAlias(a.alias, null, []);
  return { nodes: [...byName.values()], errors, warnings };
}

/** Roles of a picked host: every `--role` without a pattern, and those whose pattern matches it. */
function rolesFor(alias: string, picked: boolean, picks: RolePick[]): NodeRole[] {
  const set = new Set(picks.filter((p) => (p.pattern === undefined ? picked : glob(p.pattern, alias))).map((p) => p.role));
  return nodeRoles.filter((r) => set.has(r));
}
