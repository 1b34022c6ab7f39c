/**
 * Parsing for ovs-health: `ovs-vsctl show` (bridges, ports, tags, interface errors, tunnels) and
 * `ovs-vsctl list` record output (Interface rows, the Open_vSwitch row's external_ids).
 * Pure text → facts; every fact keeps the verbatim line it came from for evidence.
 */

import { map, parseOvsMap, parseRecords, str, unquote, type OvsValue } from '../../engine/ovsdb.js';

export { map, parseOvsMap, parseRecords, str, type OvsValue };

// ---- ovs-vsctl show -------------------------------------------------------------------------

export interface ShowInterface {
  name: string;
  line: string;
  type: string | null;
  error: string | null;
  errorLine: string | null;
  options: Record<string, string>;
  optionsLine: string | null;
}

export interface ShowPort {
  name: string;
  bridge: string | null;
  line: string;
  tag: number | null;
  tagLine: string | null;
  interfaces: ShowInterface[];
}

export interface ShowController {
  target: string;
  line: string;
  connected: boolean;
}

export interface ShowBridge {
  name: string;
  line: string;
  controllers: ShowController[];
  ports: ShowPort[];
}

export interface ShowFacts {
  bridges: ShowBridge[];
  /** Ports in output order, with their bridge (null when the output starts mid-bridge). */
  ports: ShowPort[];
}

const indentOf = (line: string): number => line.length - line.trimStart().length;

/** `ovs-vsctl show`: nesting by indentation (Bridge 4, Port/Controller 8, Interface 12, its columns 16). */
export function parseShow(text: string): ShowFacts {
  const bridges: ShowBridge[] = [];
  const ports: ShowPort[] = [];
  let bridge: ShowBridge | null = null;
  let port: ShowPort | null = null;
  let iface: ShowInterface | null = null;
  let controller: ShowController | null = null;
  let portIndent = -1;
  let ifaceIndent = -1;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const indent = indentOf(line);
    let m: RegExpExecArray | null;
    if ((m = /^Bridge\s+(.+)$/.exec(t))) {
      bridge = { name: unquote(m[1] as string), line, controllers: [], ports: [] };
      bridges.push(bridge);
      port = iface = controller = null;
    } else if ((m = /^Port\s+(.+)$/.exec(t))) {
      port = { name: unquote(m[1] as string), bridge: bridge?.name ?? null, line, tag: null, tagLine: null, interfaces: [] };
      portIndent = indent;
      bridge?.ports.push(port);
      ports.push(port);
      iface = controller = null;
    } else if ((m = /^Interface\s+(.+)$/.exec(t)) && port) {
      iface = { name: unquote(m[1] as string), line, type: null, error: null, errorLine: null, options: {}, optionsLine: null };
      ifaceIndent = indent;
      port.interfaces.push(iface);
    } else if ((m = /^Controller\s+(.+)$/.exec(t)) && bridge) {
      controller = { target: unquote(m[1] as string), line, connected: false };
      bridge.controllers.push(controller);
      port = iface = null;
    } else if ((m = /^Manager\s+/.exec(t)) || /^ovs_version:/.test(t)) {
      bridge = port = iface = controller = null;
    } else if ((m = /^is_connected:\s*(\S+)/.exec(t)) && controller) {
      controller.connected = m[1] === 'true';
    } else if (iface && indent > ifaceIndent) {
      if ((m = /^type:\s*(.*)$/.exec(t))) iface.type = unquote(m[1] as string);
      else if ((m = /^error:\s*(.*)$/.exec(t))) {
        iface.error = unquote(m[1] as string);
        iface.errorLine = line;
      } else if ((m = /^options:\s*(.*)$/.exec(t))) {
        iface.options = parseOvsMap(m[1] as string);
        iface.optionsLine = line;
      }
    } else if (port && indent > portIndent && (m = /^tag:\s*(\d+)/.exec(t))) {
      port.tag = Number(m[1]);
      port.tagLine = line;
    }
  }
  return { bridges, ports };
}

// ---- records --------------------------------------------------------------------------------

export interface InterfaceFact {
  name: string;
  type: string | null;
  error: string | null;
  ofport: number | null;
  externalIds: Record<string, string>;
  options: Record<string, string>;
  lines: Record<string, string>;
}

export function parseInterfaces(text: string): InterfaceFact[] {
  return parseRecords(text)
    .filter((r) => str(r.values.name))
    .map((r) => {
      const ofport = str(r.values.ofport);
      return {
        name: str(r.values.name) as string,
        type: str(r.values.type),
        error: str(r.values.error),
        ofport: ofport !== null && /^-?\d+$/.test(ofport) ? Number(ofport) : null,
        externalIds: map(r.values.external_ids),
        options: map(r.values.options),
        lines: r.lines,
      };
    });
}

export interface NodeConfig {
  systemId: string | null;
  hostname: string | null;
  encapIps: string[];
  /** physnet → bridge, from ovn-bridge-mappings. */
  bridgeMappings: Array<{ physnet: string; bridge: string }>;
  integrationBridge: string;
  transportZones: string[];
  /** The verbatim external_ids line. */
  line: string | null;
  /** True when the node is an OVN chassis (ovn-encap-ip or ovn-remote set). */
  ovn: boolean;
}

export function parseConfig(text: string): NodeConfig {
  const rec = parseRecords(text)[0];
  const ids = map(rec?.values.external_ids);
  const list = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
  return {
    systemId: ids['system-id'] ?? null,
    hostname: ids.hostname ?? null,
    encapIps: list(ids['ovn-encap-ip']),
    bridgeMappings: list(ids['ovn-bridge-mappings'])
      .map((m) => m.split(':'))
      .filter((p) => p.length === 2)
      .map(([physnet, bridge]) => ({ physnet: physnet as string, bridge: bridge as string })),
    integrationBridge: ids['ovn-bridge'] ?? 'br-int',
    transportZones: list(ids['ovn-transport-zones']),
    line: rec?.lines.external_ids ?? null,
    ovn: Boolean(ids['ovn-encap-ip'] ?? ids['ovn-remote']),
  };
}

export const TUNNEL_TYPES = new Set(['geneve', 'vxlan', 'gre', 'stt']);
