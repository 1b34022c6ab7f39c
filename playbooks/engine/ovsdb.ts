/**
 * OVSDB records as `ovs-vsctl list` / `ovn-nbctl list` / `ovn-sbctl list` print them: records
 * separated by blank lines, `column<spaces>: value`, values `[]`, `"quoted"`, bare, `{k=v}`,
 * `[a, b]`. Every column keeps its verbatim line for evidence. Shared by the OVS/OVN analyzers.
 */

/** An OVSDB value as `ovs-vsctl list` prints it: `[]`, `"quoted"`, bare, `{k=v, k="v"}`, `[a, b]`. */
export type OvsValue = string | null | Record<string, string> | string[];

export function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

/** Split `a, "b, c", d=e` at top-level commas (commas inside quotes do not split). */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && quoted) {
      cur += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/** `{csum="true", key=flow, remote_ip="198.18.2.102"}` → {csum: 'true', key: 'flow', remote_ip: '198.18.2.102'}. */
export function parseOvsMap(raw: string): Record<string, string> {
  const inner = raw.trim().replace(/^\{/, '').replace(/\}$/, '');
  const map: Record<string, string> = {};
  for (const part of splitTopLevel(inner)) {
    // The key may itself be quoted ("neutron:cidrs"="..."); split at the first = outside quotes.
    let quoted = false;
    let eq = -1;
    for (let i = 0; i < part.length; i++) {
      if (part[i] === '"') quoted = !quoted;
      if (part[i] === '=' && !quoted) {
        eq = i;
        break;
      }
    }
    if (eq < 0) continue;
    map[unquote(part.slice(0, eq))] = unquote(part.slice(eq + 1));
  }
  return map;
}

export function parseOvsValue(raw: string): OvsValue {
  const t = raw.trim();
  if (t === '[]' || t === '{}' || t === '') return t === '{}' ? {} : null;
  if (t.startsWith('{')) return parseOvsMap(t);
  if (t.startsWith('[')) return splitTopLevel(t.slice(1, -1)).map(unquote);
  return unquote(t);
}

export interface OvsRecord {
  values: Record<string, OvsValue>;
  /** The verbatim line of each column. */
  lines: Record<string, string>;
}

/** `ovs-vsctl list TABLE` output: records separated by blank lines, `column<spaces>: value`. */
export function parseRecords(text: string): OvsRecord[] {
  const records: OvsRecord[] = [];
  let cur: OvsRecord | null = null;
  for (const line of text.split('\n')) {
    const m = /^([a-z_][a-z0-9_-]*)\s*:\s?(.*)$/i.exec(line);
    if (!m) {
      if (!line.trim()) cur = null;
      continue;
    }
    const key = m[1] as string;
    // A column that repeats starts a new record even without a blank line between them.
    if (!cur || key in cur.values) {
      cur = { values: {}, lines: {} };
      records.push(cur);
    }
    cur.values[key] = parseOvsValue(m[2] as string);
    cur.lines[key] = line;
  }
  return records;
}

export function str(v: OvsValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

export function map(v: OvsValue | undefined): Record<string, string> {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
