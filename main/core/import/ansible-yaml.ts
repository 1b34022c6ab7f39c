import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { AnsibleInventory, expandHostPattern, InventoryLimit, resolveInventory, type AnsibleVar } from './ansible-model.js';
import type { ParsedSource, SourceAt } from './types.js';

/**
 * Ansible's YAML inventory: `all:` (or any top group) with `hosts`, `vars` and `children`, as
 * many levels deep as written. Parsed with the `yaml` package's document API so every error and
 * every host keeps its line.
 */
export function parseAnsibleYaml(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const inv = new AnsibleInventory();
  const at = (node: { range?: [number, number, number] | null } | null | undefined): SourceAt => ({ file, line: node?.range ? lineCounter.linePos(node.range[0]).line : 1 });
  if (doc.errors.length > 0) {
    return { nodes: [], errors: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] as string })), warnings: [] };
  }
  if (doc.contents === null) return { nodes: [], errors: [{ file, line: 1, message: 'the inventory is empty' }], warnings: [] };
  if (!isMap(doc.contents)) return { nodes: [], errors: [{ ...at(doc.contents), message: 'expected groups at the top (all: hosts/children/vars)' }], warnings: [] };

  const keyOf = (p: Pair): string => (isScalar(p.key) ? String(p.key.value) : '');
  const varsOf = (node: unknown, where: string): Map<string, AnsibleVar> => {
    const vars = new Map<string, AnsibleVar>();
    if (node === null || (isScalar(node) && node.value === null)) return vars;
    if (!isMap(node)) {
      inv.errors.push({ ...at(node as YamlNode), message: `${where}: expected key: value pairs` });
      return vars;
    }
    for (const p of node.items) {
      const v = p.value;
      // Nested structures are not connection settings: kept out, never stringified.
      if (isScalar(v)) vars.set(keyOf(p), { value: v.value === null ? '' : String(v.value), at: at(p.key as YamlNode) });
    }
    return vars;
  };
  const group = (name: string, node: unknown, where: SourceAt, seen: string[]): void => {
    if (seen.includes(name)) {
      inv.errors.push({ ...where, message: `group ${name} is its own child` });
      return;
    }
    const g = inv.group(name, where);
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isMap(node)) {
      inv.errors.push({ ...at(node as YamlNode), message: `group ${name}: expected hosts, children or vars` });
      return;
    }
    for (const p of node.items) {
      const key = keyOf(p);
      const value = p.value as YamlNode | null;
      if (key === 'vars') for (const [k, v] of varsOf(value, `${name}.vars`)) g.vars.set(k, v);
      else if (key === 'hosts') {
        if (value === null || (isScalar(value) && value.value === null)) continue;
        if (!isMap(value)) {
          inv.errors.push({ ...at(value), message: `${name}.hosts: expected host names as keys` });
          continue;
        }
        for (const h of value.items) {
          const hostAt = at(h.key as YamlNode);
          try {
            for (const host of expandHostPattern(keyOf(h))) inv.addHost(name, host, varsOf(h.value, `host ${keyOf(h)}`), hostAt);
          } catch (err) {
            if (err instanceof InventoryLimit) throw err;
            inv.errors.push({ ...hostAt, host: keyOf(h), message: (err as Error).message });
          }
        }
      } else if (key === 'children') {
        if (value === null || (isScalar(value) && value.value === null)) continue;
        if (!isMap(value)) {
          inv.errors.push({ ...at(value), message: `${name}.children: expected group names as keys` });
          continue;
        }
        for (const c of value.items) {
          g.children.add(keyOf(c));
          group(keyOf(c), c.value, at(c.key as YamlNode), [...seen, name]);
        }
      } else inv.errors.push({ ...at(p.key as YamlNode), message: `group ${name}: unknown key "${key}" (expected hosts, children or vars)` });
    }
  };
  try {
    for (const p of doc.contents.items) group(keyOf(p), p.value, at(p.key as YamlNode), []);
  } catch (err) {
    if (!(err instanceof InventoryLimit)) throw err;
    inv.errors.push({ ...err.at, message: err.message });
  }
  return resolveInventory(inv);
}
