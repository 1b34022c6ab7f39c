import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { subnetAddress } from './network.js';
import { LabError } from './proc.js';

export const labFlavors = ['packages', 'openstack-helm', 'kolla'] as const;
export type LabFlavor = (typeof labFlavors)[number];

export const MAX_COMPUTES = 140;

/**
 * `full`: a real OpenStack control plane (Keystone, Glance, Nova, Neutron ML2/OVN, HAProxy and
 * keepalived in front of the APIs, memcached) on top of the infrastructure. `none`: the light lab
 * (OVN, OVS, Galera, Placement with noauth2, RabbitMQ) for fast tests and the 50-node bench.
 */
export const controlPlanes = ['full', 'none'] as const;
export type ControlPlane = (typeof controlPlanes)[number];

export interface LabNode {
  name: string;
  role: 'controller' | 'compute';
  /** 1-based index within its role. */
  index: number;
  ip: string;
  netns: string;
  veth: string;
  /** The node's own folder: its sshd, data dirs, sockets and logs. */
  dir: string;
}

export interface LabLayout {
  id: string;
  root: string;
  flavor: LabFlavor;
  subnet: number;
  bridge: string;
  gateway: string;
  /** The private key the inventory uses to log in to every lab node as root. */
  keyFile: string;
  nodes: LabNode[];
  controlPlane: ControlPlane;
  /** The API virtual IP keepalived moves between the controllers (full control plane). */
  vip: string;
  /**
   * The public API VIP (Kolla's kolla_external_vip_address): the same keepalived instance holds it,
   * HAProxy terminates TLS on it with a certificate of the lab's CA (cp/edge.ts).
   */
  publicVip: string;
  /** The first N computes run a real nova-compute (fake driver); the rest keep seeded providers. */
  novaComputes: number;
  /** RabbitMQ nodes: 1 (first controller) or 3 (a cluster over the controllers). */
  rabbitmqNodes: 1 | 3;
}

export function planLab(opts: {
  id: string;
  root: string;
  flavor: LabFlavor;
  subnet: number;
  computes: number;
  controllers?: number;
  controlPlane?: ControlPlane;
  novaComputes?: number;
  rabbitmqNodes?: number;
}): LabLayout {
  const controllers = opts.controllers ?? 3;
  if (!Number.isInteger(opts.computes) || opts.computes < 1 || opts.computes > MAX_COMPUTES) {
    throw new LabError(`--computes must be a whole number from 1 to ${MAX_COMPUTES}, got ${opts.computes}`);
  }
  const controlPlane = opts.controlPlane ?? 'none';
  const novaComputes = opts.novaComputes ?? Math.min(2, opts.computes);
  if (!Number.isInteger(novaComputes) || novaComputes < 0 || novaComputes > opts.computes) {
    throw new LabError(`--nova-computes must be a whole number from 0 to --computes (${opts.computes}), got ${opts.novaComputes}`);
  }
  const rabbitmqNodes = opts.rabbitmqNodes ?? 1;
  if (rabbitmqNodes !== 1 && rabbitmqNodes !== 3) throw new LabError(`--rabbitmq-nodes must be 1 or 3, got ${opts.rabbitmqNodes}`);
  const node = (role: LabNode['role'], index: number, host: number, seq: number): LabNode => {
    const name = `${role}-${index}`;
    return {
      name,
      role,
      index,
      ip: subnetAddress(opts.subnet, host),
      netns: `stackscope-${opts.id}-${name}`,
      veth: `ss${opts.id}v${seq}`,
      dir: join(opts.root, name),
    };
  };
  const nodes: LabNode[] = [];
  for (let i = 1; i <= controllers; i++) nodes.push(node('controller', i, 10 + i, nodes.length));
  for (let i = 1; i <= opts.computes; i++) nodes.push(node('compute', i, 100 + i, nodes.length));
  return {
    id: opts.id,
    root: opts.root,
    flavor: opts.flavor,
    subnet: opts.subnet,
    bridge: `ss${opts.id}br`,
    gateway: subnetAddress(opts.subnet, 1),
    keyFile: join(opts.root, 'id_ed25519'),
    nodes,
    controlPlane,
    vip: subnetAddress(opts.subnet, 10),
    publicVip: subnetAddress(opts.subnet, 9),
    novaComputes: controlPlane === 'full' ? novaComputes : 0,
    rabbitmqNodes,
  };
}

export const controllers = (l: LabLayout): LabNode[] => l.nodes.filter((n) => n.role === 'controller');
export const computes = (l: LabLayout): LabNode[] => l.nodes.filter((n) => n.role === 'compute');
/**
 * The lab's one gateway chassis (enable-chassis-as-gw, the router's external port): the first
 * compute. One, not every compute: the lab's userspace tunnels carry no packets, so BFD between two
 * gateway chassis stays down and, by OVN's rule against split brain, neither would claim the
 * gateway (the ovn-gateway-bfd-down fault makes exactly that).
 */
export const gatewayNode = (l: LabLayout): LabNode => computes(l)[0] as LabNode;

export function nodeByName(l: LabLayout, name: string): LabNode {
  const n = l.nodes.find((x) => x.name === name);
  if (!n) throw new LabError(`the lab has no node "${name}" (nodes: ${l.nodes.map((x) => x.name).join(', ')})`);
  return n;
}

/** A stable UUID for a lab object, so runbooks and tests can name the same port on every lab. */
export function labUuid(key: string): string {
  const h = createHash('sha1').update(`stackscope-lab:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Folders of one node's components. */
export const nodePaths = (n: LabNode) => ({
  sshd: join(n.dir, 'sshd'),
  home: join(n.dir, 'home'),
  log: join(n.dir, 'log'),
  ovn: join(n.dir, 'ovn'),
  ovs: join(n.dir, 'ovs'),
  mysql: join(n.dir, 'mysql'),
  placement: join(n.dir, 'placement'),
  rabbitmq: join(n.dir, 'rabbitmq'),
  pods: join(n.dir, 'pods'),
  /** Full control plane: one folder per service (config, state, logs stay in log/). */
  keystone: join(n.dir, 'keystone'),
  glance: join(n.dir, 'glance'),
  nova: join(n.dir, 'nova'),
  neutron: join(n.dir, 'neutron'),
  haproxy: join(n.dir, 'haproxy'),
  keepalived: join(n.dir, 'keepalived'),
  memcached: join(n.dir, 'memcached'),
  /** kolla flavour: the node's dockerd (data root, exec root, socket). */
  docker: join(n.dir, 'docker'),
});

/** Nodes that run a real nova-compute (full control plane). */
export const novaComputeNodes = (l: LabLayout): LabNode[] => computes(l).slice(0, l.novaComputes ?? 0);
