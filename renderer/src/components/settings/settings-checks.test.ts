import { describe, expect, it } from 'vitest';
import { connectionLimits, nodeRoles } from '../../../../main/contract/types.js';
import { methodInputs } from '../../../../main/contract/schemas.js';
import { translate } from '../../i18n/index.js';
import { becomeUserProblem, clusterNameProblem, knownHostsProblem, limitProblem, limitValue, namespaceProblem, parseRolePatterns, type LimitKey } from './settings-checks.js';

const t = (key: string, vars?: Record<string, string | number>): string => translate('en', key, vars);
const accepted = (fields: Record<string, unknown>): boolean => methodInputs['clusters.update'].safeParse({ id: 1, ...fields }).success;

describe('cluster settings: as-you-type checks agree with the contract', () => {
  it('connection settings: the contract ranges, whole numbers only, empty is the default', () => {
    for (const key of Object.keys(connectionLimits) as LimitKey[]) {
      const [min, max] = connectionLimits[key];
      for (const typed of ['', String(min), String(max), String(min - 1), String(max + 1), '1.5', '-1', 'ten', ' 7 ', '1e3', '0x10']) {
        const problem = limitProblem(key, typed, t);
        const sent = problem === '' ? limitValue(typed) : Number(typed.trim());
        // What the page lets through the contract accepts; a plain number it accepts the page does too.
        if (problem === '') expect(accepted({ [key]: sent }), `${key}=${JSON.stringify(typed)}`).toBe(true);
        if (/^\s*\d*\s*$/.test(typed)) expect(problem === '', `${key}=${JSON.stringify(typed)}`).toBe(accepted({ [key]: sent }));
      }
    }
    expect(limitProblem('connectTimeoutSec', '0', t)).toBe('Connect timeout must be a whole number from 1 to 300');
    expect(limitProblem('keepaliveSec', 'x', t)).toBe('Keepalive interval must be a whole number from 0 to 3600');
  });

  it('known_hosts file: absolute, no control characters, as the contract says', () => {
    for (const typed of ['/home/me/.ssh/known_hosts', '/a b/c', 'relative/path', '~/.ssh/known_hosts', '/x\ny', '/x\u0000', '/x\u007f', '/'.padEnd(5000, 'a')]) {
      expect(knownHostsProblem(typed, t) === '', JSON.stringify(typed.slice(0, 20))).toBe(accepted({ knownHostsFile: typed }));
    }
    expect(knownHostsProblem('', t)).toBe('');
  });

  it('sudo user and namespace: the contract patterns, hostile values named', () => {
    for (const user of ['root', 'stack', '_svc', 'a.b-c', '-n', '1root', 'root;id', '$(id)', 'r oot', '', 'a'.repeat(33)]) {
      expect(becomeUserProblem(user, t) === '', user).toBe(accepted({ become: { enabled: true, user, password: false } }));
    }
    for (const ns of ['openstack', 'os-1', 'Openstack', '-os', 'os-', 'a'.repeat(64), '', 'os;rm']) {
      expect(namespaceProblem(ns, t) === '', ns).toBe(accepted({ namespace: ns }));
    }
    expect(becomeUserProblem('-n', t)).toContain('sudo user');
  });

  it('cluster names as the import takes them', () => {
    for (const name of ['prod-east', 'lab.1', '', ' ', '-x', 'a b', '../etc', 'a'.repeat(65)]) {
      const ok = methodInputs['clusters.importPlan'].safeParse({ cluster: name, source: { kind: 'kolla', text: '' } }).success;
      expect(clusterNameProblem(name, t) === '', JSON.stringify(name)).toBe(ok);
    }
  });

  it('role patterns for an ssh config: a role alone or pattern=role; anything else is named', () => {
    expect(parseRolePatterns('compute', nodeRoles)).toEqual({ rules: [{ role: 'compute' }], bad: null });
    expect(parseRolePatterns('ctl-*=controller, cmp-*=compute', nodeRoles)).toEqual({ rules: [{ pattern: 'ctl-*', role: 'controller' }, { pattern: 'cmp-*', role: 'compute' }], bad: null });
    expect(parseRolePatterns('cmp-*=computer', nodeRoles).bad).toBe('cmp-*=computer');
    expect(parseRolePatterns('=compute', nodeRoles).bad).toBe('=compute');
    expect(parseRolePatterns('__proto__=compute constructor', nodeRoles).bad).toBe('constructor');
  });
});
