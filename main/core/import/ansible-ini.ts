import { AnsibleInventory, expandHostPattern, InventoryLimit, resolveInventory, type AnsibleVar } from './ansible-model.js';
import { ArgsError, words } from './ssh-args.js';
import type { ParsedSource } from './types.js';

/**
 * Ansible's INI inventory (Kolla-Ansible's multinode file). Not a standard INI: a host line is
 * `name key=value key='quoted value'`, split into words as Python's shlex does, which no INI
 * parser on npm does (and no Ansible inventory parser there is maintained). So: a line reader
 * that keeps exact line numbers, with shell-quote for the words.
 */
export function parseAnsibleIni(text: string, file: string): ParsedSource {
  const inv = new AnsibleInventory();
  let section: { group: string; kind: 'hosts' | 'vars' | 'children' } = { group: 'ungrouped', kind: 'hosts' };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const at = { file, line: i + 1 };
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    try {
      if (line.startsWith('[')) {
        const m = /^\[([^\]:\s]+)(?::(vars|children))?\]\s*([#;].*)?$/.exec(line);
        if (!m) {
          inv.errors.push({ ...at, message: 'expected a section header: [group], [group:vars] or [group:children]' });
          section = { group: '', kind: 'hosts' };
          continue;
        }
        section = { group: m[1] as string, kind: (m[2] as 'vars' | 'children' | undefined) ?? 'hosts' };
        inv.group(section.group, at);
        continue;
      }
      if (section.group === '') continue; // under a broken header: that error is enough
      if (section.kind === 'vars') {
        const eq = line.indexOf('=');
        if (eq <= 0) {
          inv.errors.push({ ...at, message: `[${section.group}:vars] expects key=value` });
          continue;
        }
        const key = line.slice(0, eq).trim();
        const raw = line.slice(eq + 1).trim();
        inv.group(section.group, at).vars.set(key, { value: /^['"]/.test(raw) ? oneWord(raw) : raw, at });
        continue;
      }
      if (section.kind === 'children') {
        const child = words(line);
        if (child.length !== 1) {
          inv.errors.push({ ...at, message: `[${section.group}:children] lists one group name per line` });
          continue;
        }
        inv.group(section.group, at).children.add(child[0] as string);
        inv.group(child[0] as string, at);
        continue;
      }
      hostLine(inv, section.group, line, at);
    } catch (err) {
      if (err instanceof InventoryLimit) {
        inv.errors.push({ ...at, message: err.message });
        break;
      }
      if (err instanceof ArgsError || err instanceof RangeError || err instanceof Error) inv.errors.push({ ...at, message: err.message });
    }
  }
  return { ...resolveInventory(inv), flavour: 'kolla' };
}

function oneWord(raw: string): string {
  const w = words(raw);
  if (w.length !== 1) throw new ArgsError('a quoted value must be one quoted string');
  return w[0] as string;
}

/** `name[01:10][:port] key=value …` under a hosts section. */
function hostLine(inv: AnsibleInventory, group: string, line: string, at: { file: string; line: number }): void {
  const [pattern, ...rest] = words(line);
  if (pattern === undefined) return;
  const vars = new Map<string, AnsibleVar>();
  for (const w of rest) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new ArgsError(`host ${pattern}: expected key=value, found a word without "="`);
    vars.set(w.slice(0, eq), { value: w.slice(eq + 1), at });
  }
  // `host:port` as Ansible allows it (the colon after any range's closing bracket, not IPv6).
  let name = pattern;
  const outside = pattern.replace(/\[[^\]]*\]/g, '');
  const port = /:(\d+)$/.exec(pattern);
  if (port && outside.split(':').length === 2 && !vars.has('ansible_port')) {
    name = pattern.slice(0, port.index);
    vars.set('ansible_port', { value: port[1] as string, at });
  }
  for (const host of expandHostPattern(name)) inv.addHost(group, host, vars, at);
}
