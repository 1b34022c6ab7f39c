import { parseDocument } from 'yaml';
import { nodeRoles, type NodeRole } from '../../contract/types.js';
import type { ImportedNode, ParsedSource } from './types.js';

/**
 * OpenStack-Helm's nodes from `kubectl get nodes -o json`: the InternalIP of each, and roles from
 * the labels the charts select on (openstack-control-plane, openstack-compute-node, openvswitch,
 * ceph-*: "enabled"). Every node is reached through `via` (the node kubectl ran on) unless it is
 * that node.
 */
export function parseKubeNodes(json: string, file: string, via: { name: string; host: string } | null): ParsedSource {
  const lineOf = (pos: number): number => json.slice(0, pos).split('\n').length;
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (err) {
    // Node's message names no position for every error; the YAML parser (JSON is YAML) finds it.
    const pos = /position (\d+)/.exec((err as Error).message)?.[1] ?? parseDocument(json.slice(0, 1 << 20)).errors[0]?.pos[0];
    return { nodes: [], errors: [{ file, line: pos !== undefined ? lineOf(Number(pos)) : 1, message: "not valid JSON: expected the output of kubectl get nodes -o json" }], warnings: [] };
  }
  const items = (doc as { kind?: unknown; items?: unknown })?.items;
  if (!Array.isArray(items)) return { nodes: [], errors: [{ file, line: 1, message: 'expected a NodeList (kubectl get nodes -o json) with items' }], warnings: [] };
  const nodes: ImportedNode[] = [];
  const errors: ParsedSource['errors'] = [];
  items.forEach((item: unknown, index) => {
    const meta = (item as { metadata?: { name?: unknown; labels?: unknown } })?.metadata;
    const name = typeof meta?.name === 'string' ? meta.name : `items[${index}]`;
    // A node's line: where its name appears in the text (kubectl prints one node after the other).
    const at = { file, line: typeof meta?.name === 'string' ? lineOf(Math.max(0, json.indexOf(`"name": ${JSON.stringify(meta.name)}`))) : 1 };
    const addresses = (item as { status?: { addresses?: unknown } })?.status?.addresses;
    const internal = Array.isArray(addresses) ? addresses.find((a: { type?: unknown; address?: unknown }) => a?.type === 'InternalIP' && typeof a.address === 'string') : undefined;
    if (typeof meta?.name !== 'string' || !internal) {
      errors.push({ ...at, host: name, message: `${name}: no metadata.name or InternalIP address` });
      return;
    }
    const labels = meta.labels && typeof meta.labels === 'object' ? (meta.labels as Record<string, unknown>) : {};
    const isVia = via !== null && (meta.name === via.name || internal.address === via.host);
    nodes.push({
      name: isVia ? (via as { name: string }).name : meta.name,
      host: isVia ? (via as { host: string }).host : (internal.address as string),
      roles: rolesOfLabels(labels),
      jump: [],
      ...(via && !isVia ? { jumpNode: via.name } : {}),
      at,
    });
  });
  return { nodes, errors, warnings: [], flavour: 'openstack-helm' };
}

export function rolesOfLabels(labels: Record<string, unknown>): NodeRole[] {
  const on = (k: string): boolean => labels[k] === 'enabled';
  const set = new Set<NodeRole>();
  if (on('openstack-control-plane')) set.add('controller');
  if (on('openstack-compute-node')) set.add('compute');
  if (on('openvswitch')) set.add('network');
  if (Object.keys(labels).some((k) => k.startsWith('ceph-') && on(k))) set.add('storage');
  return nodeRoles.filter((r) => set.has(r));
}
