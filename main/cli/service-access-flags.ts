import type { Command } from 'commander';
import { StackscopeError } from '../contract/errors.js';
import { defaultCredentials, kollaPasswordsDefaultPath, type Cluster, type KollaPasswords, type ServiceCredentials } from '../contract/types.js';
import { collect } from './args.js';

/** Where the cluster's service credentials live on the cluster (cluster update). Paths and names only. */
export interface ServiceAccessFlags {
  credentials?: string;
  credentialsPath?: string;
  credentialsNode?: string;
  credentialsCloud?: string;
  credentialsSecret?: string;
  kollaPasswordsNode?: string;
  kollaPasswordsPath?: string;
  kollaPasswordsDefault?: boolean;
  kubeAccessNode?: string;
  kubeAccessAny?: boolean;
  infraNamespace?: string[];
  clearInfraNamespaces?: boolean;
}

export const serviceAccessKeys: Array<keyof ServiceAccessFlags> = [
  'credentials',
  'credentialsPath',
  'credentialsNode',
  'credentialsCloud',
  'credentialsSecret',
  'kollaPasswordsNode',
  'kollaPasswordsPath',
  'kollaPasswordsDefault',
  'kubeAccessNode',
  'kubeAccessAny',
  'infraNamespace',
  'clearInfraNamespaces',
];

export function serviceAccessOptions(c: Command): Command {
  return c
    .option('--credentials <kind>', 'where the admin credentials for the openstack client live on the cluster: openrc, clouds-yaml, helm-secret, none (the SSH environment or ~/openrc) or default (the flavour\'s)')
    .option('--credentials-path <path>', 'openrc or clouds-yaml: the absolute path of the file on the node (only the path is stored)')
    .option('--credentials-node <node>', 'openrc or clouds-yaml: the node that has the file (default: the node the step runs on)')
    .option('--credentials-cloud <name>', 'clouds-yaml: the cloud to use')
    .option('--credentials-secret <name>', 'helm-secret: the keystone admin Secret (default keystone-keystone-admin)')
    .option('--kolla-passwords-node <node>', 'kolla: the node with passwords.yml (DB steps run there; default: each DB node reads its own)')
    .option('--kolla-passwords-path <path>', `kolla: the path of passwords.yml (default ${kollaPasswordsDefaultPath})`)
    .option('--kolla-passwords-default', 'kolla: back to passwords.yml at its default place on each DB node')
    .option('--kube-access-node <node>', 'openstack-helm: the node whose kubectl lists and reaches the pods')
    .option('--kube-access-any', 'openstack-helm: kubectl on any controller again (the default)')
    .option('--infra-namespace <namespace>', 'openstack-helm: a namespace where infrastructure pods also live, e.g. osh-infra (repeatable; replaces the list)', collect)
    .option('--clear-infra-namespaces', 'openstack-helm: no namespace besides --namespace');
}

/** The clusters.update fields the flags ask for on top of the cluster as it is. */
export function serviceAccessFrom(o: ServiceAccessFlags, current: Cluster): Partial<Pick<Cluster, 'credentials' | 'kollaPasswords' | 'kubeAccessNode' | 'infraNamespaces'>> {
  const out: Partial<Pick<Cluster, 'credentials' | 'kollaPasswords' | 'kubeAccessNode' | 'infraNamespaces'>> = {};
  const credentialFlags = [o.credentialsPath, o.credentialsNode, o.credentialsCloud, o.credentialsSecret].some((v) => v !== undefined);
  if (o.credentials !== undefined || credentialFlags) {
    const kind = o.credentials ?? current.credentials?.kind;
    if (!kind) throw new StackscopeError('INVALID_INPUT', 'give --credentials openrc|clouds-yaml|helm-secret|none with the other --credentials-… options');
    const was: Partial<Record<string, string | null>> = (current.credentials ?? {}) as Record<string, string | null>;
    const keep = current.credentials?.kind === kind;
    const pick = (flag: string | undefined, key: string): string | undefined => flag ?? (keep ? (was[key] ?? undefined) : undefined);
    if (kind === 'default') out.credentials = null;
    else if (kind === 'none') out.credentials = { kind: 'none' };
    else if (kind === 'openrc' || kind === 'clouds-yaml') {
      const path = pick(o.credentialsPath, 'path');
      if (!path) throw new StackscopeError('INVALID_INPUT', `--credentials ${kind} needs --credentials-path (the file's absolute path on the node)`);
      const node = pick(o.credentialsNode, 'node') ?? null;
      if (kind === 'openrc') out.credentials = { kind, node, path };
      else {
        const cloud = pick(o.credentialsCloud, 'cloud');
        if (!cloud) throw new StackscopeError('INVALID_INPUT', '--credentials clouds-yaml needs --credentials-cloud (the cloud in that file)');
        out.credentials = { kind, node, path, cloud };
      }
    } else if (kind === 'helm-secret') out.credentials = { kind, secret: pick(o.credentialsSecret, 'secret') ?? 'keystone-keystone-admin' };
    else throw new StackscopeError('INVALID_INPUT', `--credentials ${kind}: give openrc, clouds-yaml, helm-secret, none or default`);
  }
  if (o.kollaPasswordsDefault) out.kollaPasswords = null;
  else if (o.kollaPasswordsNode !== undefined || o.kollaPasswordsPath !== undefined) {
    out.kollaPasswords = { node: o.kollaPasswordsNode ?? current.kollaPasswords?.node ?? null, path: o.kollaPasswordsPath ?? current.kollaPasswords?.path ?? kollaPasswordsDefaultPath };
  }
  if (o.kubeAccessAny) out.kubeAccessNode = null;
  else if (o.kubeAccessNode !== undefined) out.kubeAccessNode = o.kubeAccessNode;
  if (o.clearInfraNamespaces) out.infraNamespaces = [];
  else if (o.infraNamespace) out.infraNamespaces = o.infraNamespace;
  return out;
}

const describeCredentials = (c: ServiceCredentials): string => {
  switch (c.kind) {
    case 'none':
      return 'the SSH environment or ~/openrc';
    case 'openrc':
      return `openrc ${c.path} on ${c.node ?? 'the node the step runs on'}`;
    case 'clouds-yaml':
      return `cloud ${c.cloud} of ${c.path} on ${c.node ?? 'the node the step runs on'}`;
    case 'helm-secret':
      return `Secret ${c.secret} read with kubectl`;
  }
};

const describePasswords = (k: KollaPasswords | null): string => (k ? `${k.path} on ${k.node ?? 'each DB node'}` : `${kollaPasswordsDefaultPath} on each DB node`);

/** One line of what the cluster says about its service access (only places, never values). */
export function describeServiceAccess(c: Cluster): string {
  const parts = [`credentials: ${describeCredentials(c.credentials ?? defaultCredentials(c.deployment))}${c.credentials ? '' : ' (default)'}`];
  if (c.deployment === 'kolla') parts.push(`database password: ${describePasswords(c.kollaPasswords)}`);
  if (c.deployment === 'openstack-helm') {
    parts.push(`kubectl on ${c.kubeAccessNode ?? 'any controller'}`);
    if (c.infraNamespaces.length) parts.push(`infra namespaces ${c.infraNamespaces.join(', ')}`);
  }
  return parts.join('; ');
}
