import { computes, labUuid, type LabLayout } from './layout.js';

/**
 * What the lab's "cloud" holds, as Neutron, Nova and Placement would see it: one project with a
 * private network, a router to a public network, two security groups and some instances. The
 * same model seeds OVN, the computes' OVS, the Nova database and Placement, so they agree.
 */
export interface LabSecurityGroup {
  name: string;
  id: string;
  /** Neutron names the port group `pg_` + the group id with `_` for `-`. */
  portGroup: string;
  rules: Array<{ id: string; direction: 'ingress' | 'egress'; protocol?: 'icmp' | 'tcp'; port?: number; aclName: string }>;
}

export interface LabInstance {
  name: string;
  uuid: string;
  host: string;
  flavor: keyof typeof flavors;
  port: { id: string; name: string; tap: string; mac: string; ip: string; securityGroups: string[] };
}

export const flavors = {
  'm1.small': { VCPU: 1, MEMORY_MB: 2048, DISK_GB: 20 },
  'm1.medium': { VCPU: 2, MEMORY_MB: 4096, DISK_GB: 40 },
} as const;

/** Per compute: what `nova-compute` would report to Placement. */
export const computeInventory = {
  VCPU: { total: 8, reserved: 0, allocation_ratio: 4.0 },
  MEMORY_MB: { total: 16384, reserved: 512, allocation_ratio: 1.5 },
  DISK_GB: { total: 200, reserved: 10, allocation_ratio: 1.0 },
} as const;

export interface LabTenant {
  projectId: string;
  userId: string;
  network: { name: string; id: string; cidr: string; gateway: string };
  publicNetwork: { name: string; id: string; cidr: string; physnet: string; routerIp: string };
  router: { name: string; id: string; privateMac: string; publicMac: string };
  securityGroups: LabSecurityGroup[];
  instances: LabInstance[];
}

const mac = (n: number): string => `fa:16:3e:${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
const portGroupOf = (id: string): string => `pg_${id.replaceAll('-', '_')}`;

export function tenantOf(layout: LabLayout): LabTenant {
  const hosts = computes(layout).map((c) => c.name);
  const sg = (name: string, rules: Array<Omit<LabSecurityGroup['rules'][number], 'id'>>): LabSecurityGroup => {
    const id = labUuid(`sg:${name}`);
    return { name, id, portGroup: portGroupOf(id), rules: rules.map((r) => ({ ...r, id: labUuid(`sg-rule:${r.aclName}`) })) };
  };
  const securityGroups = [
    sg('default', [
      { direction: 'ingress', protocol: 'icmp', aclName: 'sg-default-ingress-icmp' },
      { direction: 'ingress', protocol: 'tcp', port: 22, aclName: 'sg-default-ingress-ssh' },
      { direction: 'egress', aclName: 'sg-default-egress' },
    ]),
    sg('web', [
      { direction: 'ingress', protocol: 'tcp', port: 80, aclName: 'sg-web-ingress-http' },
      { direction: 'ingress', protocol: 'tcp', port: 443, aclName: 'sg-web-ingress-https' },
    ]),
  ];
  const names = ['web-1', 'web-2', 'db-1', 'bastion'];
  const count = Math.max(names.length, hosts.length);
  const instances: LabInstance[] = [];
  for (let i = 0; i < count; i++) {
    const name = names[i] ?? `app-${i - names.length + 1}`;
    const uuid = labUuid(`instance:${name}`);
    const portId = labUuid(`port:${name}`);
    instances.push({
      name,
      uuid,
      host: hosts[i % hosts.length] as string,
      flavor: name.startsWith('db') ? 'm1.medium' : 'm1.small',
      port: {
        id: portId,
        name: `${name}-port`,
        tap: `tap${portId.slice(0, 11)}`,
        mac: mac(0x100000 + i + 1),
        ip: `10.0.0.${10 + i}`,
        securityGroups: name.startsWith('web') ? ['default', 'web'] : ['default'],
      },
    });
  }
  return {
    projectId: labUuid('project:demo').replaceAll('-', ''),
    userId: labUuid('user:demo').replaceAll('-', ''),
    network: { name: 'private', id: labUuid('net:private'), cidr: '10.0.0.0/24', gateway: '10.0.0.1' },
    publicNetwork: { name: 'public', id: labUuid('net:public'), cidr: '172.24.4.0/24', physnet: 'physnet1', routerIp: '172.24.4.10' },
    router: { name: 'router1', id: labUuid('router:router1'), privateMac: mac(0x200001), publicMac: mac(0x200002) },
    securityGroups,
    instances,
  };
}
