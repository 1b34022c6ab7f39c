/**
 * config-drift: step output → facts. config.sh prints, per group, a header `== nova: pid N …`,
 * `== nova: file PATH…` or `== nova: none` (likewise neutron, metadata, `== ovs: external_ids` or
 * `== ovs: none`), then `key<TAB>value` lines: `nova.DEFAULT/transport_url.hosts`,
 * `neutron.ovn/ovn_nb_connection`, `ovs.external_ids.ovn-remote`, `pkg.nova-common` (the host's
 * packages), `pkg@nova.python3-nova` (inside the service's container), `image.nova_compute` (a
 * Kolla container's image). Secret values arrive as `hash <12 hex>`. It ends with `== end`.
 */
import { lines } from '../../engine/analyze-kit.js';

export const GROUPS = ['nova', 'neutron', 'metadata', 'ovs'] as const;
export type Group = (typeof GROUPS)[number];

export interface Setting {
  value: string;
  /** The output line, verbatim (evidence). */
  line: string;
}

export interface NodeConfig {
  /** Which groups were read here, with their header line; a group absent here is `none` or unknown. */
  found: Map<Group, string>;
  /** Groups the node said it has none of. */
  none: Set<Group>;
  settings: Map<string, Setting>;
  /** The script ran to its last line (a cut output is not a node's whole configuration). */
  complete: boolean;
}

const KEY = /^([a-z][\w@.-]*\.[\w./@:-]+)\t(.*)$/;

export function parseConfig(stdout: string): NodeConfig {
  const f: NodeConfig = { found: new Map(), none: new Set(), settings: new Map(), complete: false };
  for (const l of lines(stdout)) {
    const head = /^== (nova|neutron|metadata|ovs): (.*)$/.exec(l);
    if (head?.[1] && head[2] !== undefined) {
      const g = head[1] as Group;
      if (head[2] === 'none') f.none.add(g);
      else f.found.set(g, l);
      continue;
    }
    if (l === '== end') {
      f.complete = true;
      continue;
    }
    const m = KEY.exec(l);
    if (m?.[1] && m[2] !== undefined && !f.settings.has(m[1])) f.settings.set(m[1], { value: m[2].trim(), line: l });
  }
  return f;
}

/** The group a key belongs to: `nova`, `neutron`, `metadata`, `ovs`, `pkg`, `pkg@nova`, `image`. */
export const groupOf = (key: string): string => key.slice(0, key.indexOf('.'));

/** A secret's key: compared by the hash the node computed, never shown in clear. */
export const isSecretKey = (key: string): boolean => /(password|secret|\/connection|\.credentials)$/.test(key) && !/\/ovn_[ns]b_connection$/.test(key);

/** What a secret key may carry: the node's hash. Anything else is not shown (a node that printed a secret). */
export const HASH = /^hash [0-9a-f]{12}$/;

/** transport_url hosts without any userinfo (the script strips it; a hostile node might not). */
export const hostsOnly = (v: string): string =>
  v
    .split(',')
    .map((h) => h.slice(h.lastIndexOf('@') + 1))
    .join(',');

/** The upstream version of a Debian/RPM version (no epoch, no revision), and its major number. */
export function upstream(version: string): string {
  const noEpoch = version.replace(/^\d+:/, '');
  const dash = noEpoch.lastIndexOf('-');
  return dash > 0 ? noEpoch.slice(0, dash) : noEpoch;
}
export const major = (version: string): string => /^\d+/.exec(upstream(version))?.[0] ?? upstream(version);

/** A Kolla image's release: its tag up to the first dash (`zed-debian-bookworm` → `zed`, `2023.1-ubuntu-jammy` → `2023.1`). */
export function imageRelease(image: string): string {
  const tag = image.slice(image.lastIndexOf(':') + 1);
  return image.includes(':') && !tag.includes('/') ? (tag.split('-')[0] ?? tag) : 'latest';
}
