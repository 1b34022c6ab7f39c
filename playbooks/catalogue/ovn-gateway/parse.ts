/**
 * ovn-gateway's outputs: the scripts' `== TABLE` sections of `ovn-nbctl` / `ovn-sbctl` records,
 * and `ovs-vsctl find Interface bfd:enable=true` on each node. Every record keeps its verbatim
 * lines for evidence.
 */
import { markedSections } from '../../engine/analyze-kit.js';
import { map, parseRecords, str, type OvsRecord, type OvsValue } from '../../engine/ovsdb.js';

/** The records of each `== TABLE` section; complete when the last heading is the script's `== end` (it read every table). */
export function sections(text: string): { tables: Map<string, OvsRecord[]>; complete: boolean } {
  const tables = new Map<string, OvsRecord[]>();
  const marked = markedSections(text);
  for (const s of marked) tables.set(s.head, [...(tables.get(s.head) ?? []), ...parseRecords(s.body)]);
  return { tables, complete: marked.at(-1)?.head === 'end' };
}

const list = (v: OvsValue | undefined): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);
const recordLines = (r: OvsRecord, cols: string[]): string[] => cols.map((c) => r.lines[c]).filter((l): l is string => Boolean(l));

export interface GatewayChassis {
  chassis: string;
  priority: number;
  lines: string[];
}

export interface GatewayPort {
  uuid: string;
  name: string;
  /** The router's Neutron name, else its OVN name, else the port's. */
  router: string;
  networks: string[];
  /** Highest priority first. */
  chassis: GatewayChassis[];
  lines: string[];
}

/** The Northbound's gateway ports with their chassis by priority (Gateway_Chassis rows or the HA chassis group's members). */
export function parseNb(text: string): { ports: GatewayPort[]; complete: boolean } {
  const { tables, complete } = sections(text);
  const byUuid = (t: string): Map<string, OvsRecord> => new Map((tables.get(t) ?? []).map((r) => [str(r.values._uuid) ?? '', r]));
  const gwc = byUuid('Gateway_Chassis');
  const groups = byUuid('HA_Chassis_Group');
  const members = byUuid('HA_Chassis');
  const routers = tables.get('Logical_Router') ?? [];
  const seen = new Set<string>();
  const ports: GatewayPort[] = [];
  for (const r of tables.get('Logical_Router_Port') ?? []) {
    const uuid = str(r.values._uuid) ?? '';
    if (seen.has(uuid)) continue;
    seen.add(uuid);
    const chassis: GatewayChassis[] = [];
    for (const id of list(r.values.gateway_chassis)) {
      const g = gwc.get(id);
      if (g) chassis.push({ chassis: str(g.values.chassis_name) ?? '?', priority: Number(str(g.values.priority) ?? 0), lines: recordLines(g, ['chassis_name', 'priority']) });
    }
    const group = groups.get(str(r.values.ha_chassis_group) ?? '');
    for (const id of group ? list(group.values.ha_chassis) : []) {
      const h = members.get(id);
      if (h) chassis.push({ chassis: str(h.values.chassis_name) ?? '?', priority: Number(str(h.values.priority) ?? 0), lines: recordLines(h, ['chassis_name', 'priority']) });
    }
    chassis.sort((a, b) => b.priority - a.priority);
    const router = routers.find((lr) => list(lr.values.ports).includes(uuid));
    const name = str(r.values.name) ?? uuid;
    ports.push({
      uuid,
      name,
      router: (router && (map(router.values.external_ids)['neutron:router_name'] || str(router.values.name))) || name,
      networks: list(r.values.networks),
      chassis,
      lines: recordLines(r, ['name', 'networks', 'gateway_chassis', 'ha_chassis_group']),
    });
  }
  return { ports, complete };
}

export interface SbChassis {
  uuid: string;
  name: string;
  hostname: string;
  gatewayCapable: boolean;
  encapIps: string[];
  lines: string[];
}

export interface Binding {
  port: string;
  /** The Chassis row's uuid, '' when bound nowhere. */
  chassisUuid: string;
  up: boolean | null;
  lines: string[];
}

/** The Southbound's chassis (with their tunnel IPs) and chassisredirect bindings. */
export function parseSb(text: string): { chassis: SbChassis[]; bindings: Binding[]; complete: boolean } {
  const { tables, complete } = sections(text);
  const encaps = tables.get('Encap') ?? [];
  const chassis = (tables.get('Chassis') ?? []).map((r): SbChassis => {
    const name = str(r.values.name) ?? '';
    const cms = [map(r.values.other_config)['ovn-cms-options'], map(r.values.external_ids)['ovn-cms-options']].filter(Boolean).join(',');
    return {
      uuid: str(r.values._uuid) ?? '',
      name,
      hostname: str(r.values.hostname) ?? '',
      gatewayCapable: cms.split(',').map((x) => x.trim()).includes('enable-chassis-as-gw'),
      encapIps: encaps.filter((e) => str(e.values.chassis_name) === name).map((e) => str(e.values.ip) ?? '').filter(Boolean),
      lines: recordLines(r, ['name', 'hostname']),
    };
  });
  const bindings = (tables.get('Port_Binding') ?? []).map((r): Binding => {
    const up = str(r.values.up);
    return { port: str(r.values.logical_port) ?? '', chassisUuid: str(r.values.chassis) ?? '', up: up === 'true' ? true : up === 'false' ? false : null, lines: recordLines(r, ['logical_port', 'chassis', 'up']) };
  });
  return { chassis, bindings, complete };
}

export interface BfdSession {
  iface: string;
  remoteIp: string;
  state: string;
  forwarding: boolean;
  remoteState: string;
  flaps: number;
  diagnostic: string;
  lines: string[];
}

/** `ovs-vsctl --columns=name,options,bfd_status find Interface bfd:enable=true`. */
export function parseBfd(text: string): BfdSession[] {
  return parseRecords(text).map((r) => {
    const st = map(r.values.bfd_status);
    return {
      iface: str(r.values.name) ?? '?',
      remoteIp: map(r.values.options).remote_ip ?? '',
      state: st.state ?? '',
      forwarding: st.forwarding === 'true',
      remoteState: st.remote_state ?? '',
      flaps: Number(st.flap_count ?? 0),
      diagnostic: st.diagnostic ?? '',
      lines: recordLines(r, ['name', 'options', 'bfd_status']),
    };
  });
}
