import { connectionLimits } from '../../../../main/contract/types.js';
import type { T } from '../../i18n/index.js';

// As-you-type checks for the cluster settings page. The contract's schemas (main/contract/schemas.ts)
// have the last word; these repeat their rules so a person sees what is wrong before saving, and
// the tests keep the two in step (settings-checks.test.ts parses the same values with the schema).

export type LimitKey = keyof typeof connectionLimits;

/** A connection setting as typed: '' means the app's default (null). */
export function limitProblem(key: LimitKey, value: string, t: T): string {
  const v = value.trim();
  if (v === '') return '';
  const [min, max] = connectionLimits[key];
  const what = t(`inv.set.${key}`);
  if (!/^\d+$/.test(v)) return t('inv.check.whole', { what, min, max });
  const n = Number(v);
  return n < min || n > max ? t('inv.check.range', { what, min, max }) : '';
}

/** '' → null (the default), else the number; call only when limitProblem said ''. */
export function limitValue(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim());
}

/** known_hosts file: '' (the default ~/.ssh/known_hosts) or an absolute path without control characters. */
export function knownHostsProblem(value: string, t: T): string {
  if (value === '') return '';
  if (value.length > 4096) return t('inv.check.tooLong', { what: t('inv.set.knownHostsFile'), max: 4096 });
  return /^\/[^\u0000-\u001f\u007f]*$/.test(value) ? '' : t('inv.check.absolute', { what: t('inv.set.knownHostsFile') });
}

/** Who root steps run as: a POSIX user name, as sudo -u takes it. */
export function becomeUserProblem(value: string, t: T): string {
  const what = t('inv.set.becomeUser');
  if (value === '') return t('inv.check.required', { what });
  if (value.length > 32) return t('inv.check.tooLong', { what, max: 32 });
  return /^[A-Za-z_][A-Za-z0-9._-]*$/.test(value) ? '' : t('inv.check.posixUser', { what });
}

/** A Kubernetes namespace (DNS-1123 label), where the openstack-helm pods are. */
export function namespaceProblem(value: string, t: T): string {
  const what = t('inv.set.namespace');
  if (value === '') return t('inv.check.required', { what });
  if (value.length > 63) return t('inv.check.tooLong', { what, max: 63 });
  return /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) ? '' : t('inv.check.namespace', { what });
}

/** A cluster name as the inventory takes it. */
export function clusterNameProblem(value: string, t: T): string {
  const what = t('inv.import.cluster');
  const v = value.trim();
  if (v === '') return t('inv.check.required', { what });
  if (v.length > 64) return t('inv.check.tooLong', { what, max: 64 });
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) ? '' : t('inv.check.name', { what });
}

/**
 * ssh-config role patterns as typed: `compute` (every picked host) or `cmp-*=compute`, separated by
 * spaces or commas. Returns the rules or the first word that is not one.
 */
export function parseRolePatterns(text: string, roles: readonly string[]): { rules: Array<{ pattern?: string; role: string }>; bad: string | null } {
  const rules: Array<{ pattern?: string; role: string }> = [];
  for (const word of text.split(/[\s,]+/).filter(Boolean)) {
    const eq = word.lastIndexOf('=');
    const pattern = eq >= 0 ? word.slice(0, eq) : undefined;
    const role = eq >= 0 ? word.slice(eq + 1) : word;
    if (!roles.includes(role) || pattern === '' || (pattern !== undefined && pattern.length > 200)) return { rules, bad: word };
    rules.push(pattern === undefined ? { role } : { pattern, role });
  }
  return { rules, bad: null };
}
