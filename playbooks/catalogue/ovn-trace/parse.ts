/**
 * The `trace` step's output → facts. The step prints three parts:
 *   key=value lines (what it resolved: source port, MACs, next hop, the microflow, or `error=`),
 *   `== ovn-trace ==` then ovn-trace's detailed output,
 *   `== security groups ==` then, per port group of the two ports, a `port_group=` line and its
 *   `ovn-nbctl acl-list` lines.
 */
import { lines as splitLines } from '../../engine/analyze-kit.js';

/** One output line and where it stands (evidence keeps output order). */
export interface Line {
  text: string;
  index: number;
}

/** One logical flow hit: ` 4. ls_out_acl (northd.c:6543): MATCH, priority 2001, uuid 4331bfa1` and its actions. */
export interface Stage {
  line: Line;
  table: number;
  name: string;
  match: string;
  /** `no match (implicit drop)`: no flow matched in this table. */
  noMatch: boolean;
  actions: Line[];
  /** The `ingress(dp=…, inport=…)` / `egress(…, outport=…)` header the stage belongs to. */
  pipeline: Line | null;
}

/** `/* output to "db-1-port", type "" *\/` */
export interface Output {
  line: Line;
  port: string;
  type: string;
}

export interface Acl {
  line: Line;
  direction: 'from-lport' | 'to-lport';
  priority: number;
  match: string;
  action: string;
  name: string | null;
  /** Neutron's rule id from the ACL's external_ids (`acl=` line); Neutron's ACLs have no name. */
  ruleId: string | null;
  ruleLine: Line | null;
}

export interface PortGroup {
  line: Line;
  name: string;
  /** `source`, `destination` or both: which of the traced ports is in it. */
  members: string[];
  externalIds: Record<string, string>;
  acls: Acl[];
}

export interface TraceFacts {
  /** key=value lines before the trace, by key (some keys repeat: candidates, router ports). */
  header: Map<string, Line[]>;
  traceSection: boolean;
  traceLines: Line[];
  stages: Stage[];
  outputs: Output[];
  /** An ARP request replaced the packet (the router has no MAC binding for the next hop). */
  arpLine: Line | null;
  /** `reject { … }`: an ACL answered with a TCP reset / ICMP unreachable. */
  rejectLine: Line | null;
  sgSection: boolean;
  portGroups: PortGroup[];
}

const STAGE = /^\s*(\d+)\.\s+([A-Za-z0-9_]+) \([^)]*\): (.*), priority (\d+), uuid [0-9a-f]+\s*$/;
const NO_MATCH = /^\s*(\d+)\.\s+([A-Za-z0-9_]+)\b.*no match \(implicit drop\)/;
const PIPELINE = /^\s*(ingress|egress|multicast)\(dp=/;
const OUTPUT = /\/\* output to "([^"]*)", type "([^"]*)" \*\//;
const ACL_LINE = /^\s*(from-lport|to-lport)\s+(\d+) \((.*)\) (\S+)(?: (.*))?$/;

/** The value of one header key (the first, when it repeats). */
export function value(f: TraceFacts, key: string): string | undefined {
  return f.header.get(key)?.[0]?.text.slice(key.length + 1);
}

export function headerLine(f: TraceFacts, key: string): Line | undefined {
  return f.header.get(key)?.[0];
}

/** `k1=v1 k2=v two words k3=v3` (ovn-nbctl --data=bare map) → record; keys are `word:word` style. */
export function parseBareMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(?:^|\s)([A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)*)=/g;
  const starts: Array<{ key: string; at: number; valueAt: number }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push({ key: m[1] as string, at: m.index, valueAt: m.index + m[0].length });
  starts.forEach((s, i) => {
    out[s.key] = text.slice(s.valueAt, i + 1 < starts.length ? (starts[i + 1] as { at: number }).at : text.length).trim();
  });
  return out;
}

/** One line of `ovn-nbctl --format=csv`: fields, quotes removed (`""` inside quotes is one `"`). */
export function csvFields(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseTraceOutput(stdout: string): TraceFacts {
  const all = splitLines(stdout).map((text, index) => ({ text, index }));
  const f: TraceFacts = { header: new Map(), traceSection: false, traceLines: [], stages: [], outputs: [], arpLine: null, rejectLine: null, sgSection: false, portGroups: [] };
  let part: 'header' | 'trace' | 'sg' = 'header';
  let pipeline: Line | null = null;
  let stage: Stage | null = null;
  let group: PortGroup | null = null;
  for (const l of all) {
    if (l.text === '== ovn-trace ==') {
      part = 'trace';
      f.traceSection = true;
      continue;
    }
    if (l.text === '== security groups ==') {
      part = 'sg';
      f.sgSection = true;
      continue;
    }
    if (part === 'header') {
      const m = /^([a-z_]+)=/.exec(l.text);
      if (m) f.header.set(m[1] as string, [...(f.header.get(m[1] as string) ?? []), l]);
      continue;
    }
    if (part === 'trace') {
      f.traceLines.push(l);
      if (PIPELINE.test(l.text)) {
        pipeline = l;
        stage = null;
        continue;
      }
      const s = STAGE.exec(l.text);
      const n = s ? null : NO_MATCH.exec(l.text);
      if (s || n) {
        const m = (s ?? n) as RegExpExecArray;
        stage = { line: l, table: Number(m[1]), name: m[2] as string, match: s ? (s[3] as string) : '', noMatch: !s, actions: [], pipeline };
        f.stages.push(stage);
        continue;
      }
      const o = OUTPUT.exec(l.text);
      if (o) f.outputs.push({ line: l, port: o[1] as string, type: o[2] as string });
      if (/^\s*arp \{/.test(l.text) || /^\s*arp\s*$/.test(l.text)) f.arpLine ??= l;
      if (/^\s*reject \{/.test(l.text)) f.rejectLine ??= l;
      if (stage && l.text.trim() && !/^\s*-+\s*$/.test(l.text)) stage.actions.push(l);
      continue;
    }
    const pg = /^port_group=(\S*) members=(\S*) external_ids=(.*)$/.exec(l.text);
    if (pg) {
      group = { line: l, name: pg[1] as string, members: (pg[2] as string).split(',').filter(Boolean), externalIds: parseBareMap(pg[3] as string), acls: [] };
      f.portGroups.push(group);
      continue;
    }
    const a = ACL_LINE.exec(l.text);
    if (a && group) {
      const name = /name=([^,)]+)/.exec(a[5] ?? '');
      group.acls.push({ line: l, direction: a[1] as Acl['direction'], priority: Number(a[2]), match: a[3] as string, action: a[4] as string, name: name ? (name[1] as string) : null, ruleId: null, ruleLine: null });
      continue;
    }
    if (l.text.startsWith('acl=') && group) {
      const [direction, priority, match, ext] = csvFields(l.text.slice(4));
      const rule = parseBareMap(ext ?? '')['neutron:security_group_rule_id'];
      const acl = group.acls.find((x) => x.direction === direction && String(x.priority) === priority && x.match === match);
      if (acl && rule) {
        acl.ruleId = rule;
        acl.ruleLine = l;
      }
    }
  }
  return f;
}

/** True for the stages that evaluate ACLs (not the hint/pre/action bookkeeping around them). */
export function isAclEval(name: string): boolean {
  return /^ls_(in|out)_acl(_after_lb)?(_eval)?$/.test(name);
}

/** A drop written in the stage's actions: `drop;`, `/* drop *\/`, an ACL log with verdict=drop, or the drop bit of the newer ACL stages. */
export function dropsHere(s: Stage): boolean {
  return s.noMatch || s.actions.some((a) => /^\s*drop;|\/\* drop \*\/|verdict=drop|reg8\[17\] = 1;|^\s*\*\*\* /.test(a.text));
}

/** Is an IPv4 address inside a CIDR like 10.0.0.1/24? */
export function inCidr(ip: string, cidr: string): boolean {
  const [net, bitsText] = cidr.split('/');
  const toNum = (s: string): number | null => {
    const p = s.split('.').map(Number);
    return p.length === 4 && p.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? (((p[0] as number) << 24) >>> 0) + ((p[1] as number) << 16) + ((p[2] as number) << 8) + (p[3] as number) : null;
  };
  const a = toNum(ip);
  const b = toNum(net ?? '');
  const bits = Number(bitsText ?? 32);
  if (a === null || b === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

/** Neutron's own names for security groups and rules (the `security-groups` step: two `openstack … -f json` lists). */
export interface NeutronNames {
  groups: Map<string, { name: string; line: Line | null }>;
  rules: Map<string, { direction: string; protocol: string | null; portRange: string; ipRange: string; remoteGroup: string | null; group: string; line: Line | null }>;
}

/** `openstack security group list -f json`, `== rules ==`, `openstack security group rule list -f json`; null when it is not that. */
export function parseNeutronNames(stdout: string): NeutronNames | null {
  const at = stdout.indexOf('\n== rules ==\n');
  if (at < 0) return null;
  const all = splitLines(stdout).map((text, index) => ({ text, index }));
  /** The output line that carries `"ID": "<id>"` (evidence quotes it). */
  const idLine = (id: string): Line | null => all.find((l) => l.text.trim() === `"ID": "${id}",`) ?? null;
  try {
    const groups = JSON.parse(stdout.slice(0, at)) as Array<{ ID: string; Name: string }>;
    const rules = JSON.parse(stdout.slice(at + '\n== rules ==\n'.length)) as Array<Record<string, string | null>>;
    const names: NeutronNames = { groups: new Map(), rules: new Map() };
    for (const g of groups) names.groups.set(g.ID, { name: g.Name, line: idLine(g.ID) });
    for (const r of rules) {
      const id = String(r.ID ?? '');
      names.rules.set(id, {
        direction: String(r.Direction ?? ''),
        protocol: r['IP Protocol'] ?? null,
        portRange: String(r['Port Range'] ?? ''),
        ipRange: String(r['IP Range'] ?? ''),
        remoteGroup: r['Remote Security Group'] ?? null,
        group: String(r['Security Group'] ?? ''),
        line: idLine(id),
      });
    }
    return names;
  } catch {
    return null;
  }
}
