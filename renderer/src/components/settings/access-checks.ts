import { defaultCredentials, kollaPasswordsDefaultPath, type Deployment, type KollaPasswords, type ServiceCredentials } from '../../../../main/contract/types.js';
import type { T } from '../../i18n/index.js';

// The "Service credentials" section of the cluster settings page, as typed: where the admin
// credentials, Kolla's passwords.yml and the kube-access node are. Only places, never values. The
// checks repeat the contract's rules (main/contract/schemas.ts remotePath, serviceCredentialsSchema,
// infraNamespaces); settings-checks.test.ts parses the same values with the schema to keep them in step.

export const credentialModes = ['default', 'none', 'openrc', 'clouds-yaml', 'helm-secret'] as const;
export type CredentialMode = (typeof credentialModes)[number];
export const defaultHelmSecret = 'keystone-keystone-admin';

/** The section's fields as strings; '' in a node field means "the node the step runs on" (null). */
export interface AccessForm {
  mode: CredentialMode;
  path: string;
  node: string;
  cloud: string;
  secret: string;
  passwordsNode: string;
  passwordsPath: string;
  kubeNode: string;
  infraNamespaces: string;
}

export function accessForm(c: { credentials: ServiceCredentials | null; kollaPasswords: KollaPasswords | null; kubeAccessNode: string | null; infraNamespaces: string[] }): AccessForm {
  const cr = c.credentials;
  return {
    mode: cr ? cr.kind : 'default',
    path: cr && (cr.kind === 'openrc' || cr.kind === 'clouds-yaml') ? cr.path : '',
    node: cr && (cr.kind === 'openrc' || cr.kind === 'clouds-yaml') ? (cr.node ?? '') : '',
    cloud: cr?.kind === 'clouds-yaml' ? cr.cloud : '',
    secret: cr?.kind === 'helm-secret' ? cr.secret : '',
    passwordsNode: c.kollaPasswords?.node ?? '',
    passwordsPath: c.kollaPasswords && c.kollaPasswords.path !== kollaPasswordsDefaultPath ? c.kollaPasswords.path : '',
    kubeNode: c.kubeAccessNode ?? '',
    infraNamespaces: c.infraNamespaces.join(', '),
  };
}

/** A path on a node as the contract takes it: absolute, plain characters, no `..` segment. */
export function remotePathProblem(value: string, what: string, t: T): string {
  if (value === '') return t('inv.check.required', { what });
  if (value.length > 1024) return t('inv.check.tooLong', { what, max: 1024 });
  if (!value.startsWith('/') || value.length < 2) return t('access.check.absolute', { what });
  if (!/^\/[A-Za-z0-9._@+,=~/-]*$/.test(value)) return t('access.check.pathChars', { what });
  return value.split('/').includes('..') ? t('access.check.dotdot', { what }) : '';
}

const splitNamespaces = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Problems of the section by field (only those the flavour shows); '' = fine. */
export function accessProblems(f: AccessForm, deployment: Deployment, t: T): Record<string, string> {
  const p: Record<string, string> = {};
  if (f.mode === 'openrc' || f.mode === 'clouds-yaml') p.credPath = remotePathProblem(f.path, t(`access.path.${f.mode}`), t);
  if (f.mode === 'clouds-yaml') {
    const what = t('access.cloud');
    p.cloud = f.cloud === '' ? t('inv.check.required', { what }) : f.cloud.length > 64 ? t('inv.check.tooLong', { what, max: 64 }) : /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(f.cloud) ? '' : t('inv.check.name', { what });
  }
  if (f.mode === 'helm-secret' && f.secret !== '') {
    const what = t('access.secret');
    p.secret = f.secret.length > 253 ? t('inv.check.tooLong', { what, max: 253 }) : /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(f.secret) ? '' : t('access.check.secret', { what });
  }
  if (deployment === 'kolla' && f.passwordsPath !== '') p.passwordsPath = remotePathProblem(f.passwordsPath, t('access.passwordsPath'), t);
  if (deployment === 'openstack-helm') {
    const what = t('access.infraNamespaces');
    const list = splitNamespaces(f.infraNamespaces);
    const bad = list.find((n) => n.length > 63 || !dns1123Label.test(n));
    p.infraNamespaces = bad !== undefined ? t('access.check.namespace', { what, value: bad }) : list.length > 8 ? t('access.check.tooMany', { what, max: 8 }) : new Set(list).size !== list.length ? t('access.check.repeated', { what }) : '';
  }
  return p;
}

/** What clusters.update gets from the section (call only when accessProblems found nothing); null puts a setting back to the flavour's default. */
export function accessInput(
  f: AccessForm,
  deployment: Deployment,
): { credentials: ServiceCredentials | null; kollaPasswords?: KollaPasswords | null; kubeAccessNode?: string | null; infraNamespaces?: string[] } {
  const node = f.node === '' ? null : f.node;
  const credentials: ServiceCredentials | null =
    f.mode === 'default'
      ? null
      : f.mode === 'none'
        ? { kind: 'none' }
        : f.mode === 'openrc'
          ? { kind: 'openrc', node, path: f.path }
          : f.mode === 'clouds-yaml'
            ? { kind: 'clouds-yaml', node, path: f.path, cloud: f.cloud }
            : { kind: 'helm-secret', secret: f.secret === '' ? defaultHelmSecret : f.secret };
  if (deployment === 'kolla') {
    const kollaPasswords = f.passwordsNode === '' && f.passwordsPath === '' ? null : { node: f.passwordsNode === '' ? null : f.passwordsNode, path: f.passwordsPath === '' ? kollaPasswordsDefaultPath : f.passwordsPath };
    return { credentials, kollaPasswords };
  }
  if (deployment === 'openstack-helm') return { credentials, kubeAccessNode: f.kubeNode === '' ? null : f.kubeNode, infraNamespaces: splitNamespaces(f.infraNamespaces) };
  return { credentials };
}

/** Where credentials are, in words: "/etc/kolla/admin-openrc.sh on each controller a step runs on". */
export function describeCredentials(c: ServiceCredentials, t: T): string {
  switch (c.kind) {
    case 'none':
      return t('access.describe.none');
    case 'openrc':
      return t('access.describe.openrc', { path: c.path, node: c.node ?? t('access.stepNode') });
    case 'clouds-yaml':
      return t('access.describe.clouds-yaml', { cloud: c.cloud, path: c.path, node: c.node ?? t('access.stepNode') });
    case 'helm-secret':
      return t('access.describe.helm-secret', { secret: c.secret });
  }
}

/** The flavour's default, in words, for the "default" choice. */
export const describeDefault = (deployment: Deployment, t: T): string => t('access.default', { deployment, what: describeCredentials(defaultCredentials(deployment), t) });
