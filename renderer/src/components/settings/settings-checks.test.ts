import { describe, expect, it } from 'vitest';
import { connectionLimits, nodeRoles } from '../../../../main/contract/types.js';
import { methodInputs } from '../../../../main/contract/schemas.js';
import { translate } from '../../i18n/index.js';
import { accessForm, accessInput, accessProblems, describeDefault, remotePathProblem, type AccessForm } from './access-checks.js';
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

  describe('service credentials: only places, checked as the contract checks them', () => {
    const hostilePaths = ['/etc/kolla/admin-openrc.sh', '/x', '/', 'etc/kolla/admin-openrc.sh', './openrc', '~/openrc', '/etc/../root/openrc', '/etc/kolla/..', '/a b', "/etc/'x'", '/etc/"x"', '/tmp/$(id)', '/tmp/`id`', '/tmp/x;rm', '/tmp/x\nid', '/tmp/x\u0000', '', '/'.padEnd(1100, 'a')];
    const form = (f: Partial<AccessForm>): AccessForm => ({ ...accessForm({ credentials: null, kollaPasswords: null, kubeAccessNode: null, infraNamespaces: [] }), ...f });
    const ok = (f: AccessForm, d: 'kolla' | 'openstack-helm' | 'packages'): boolean => Object.values(accessProblems(f, d, t)).every((p) => p === '');

    it('openrc and clouds.yaml paths: absolute, plain characters, no ".." (quotes, $(), backticks, newlines refused)', () => {
      for (const path of hostilePaths) {
        for (const mode of ['openrc', 'clouds-yaml'] as const) {
          const f = form({ mode, path, cloud: 'admin', node: 'ctl-1' });
          expect(ok(f, 'kolla'), `${mode} ${JSON.stringify(path.slice(0, 30))}`).toBe(accepted(accessInput(f, 'kolla')));
        }
      }
      expect(remotePathProblem('openrc', 'openrc path', t)).toBe('openrc path must be an absolute path on the node (starting with /)');
      expect(remotePathProblem('/etc/../openrc', 'openrc path', t)).toBe('openrc path must not contain ".." segments');
      expect(remotePathProblem('/tmp/$(id)', 'openrc path', t)).toContain('no spaces, quotes or shell syntax');
    });

    it('cloud and Secret names, Kolla passwords.yml and infra namespaces agree with the contract', () => {
      for (const cloud of ['admin', 'my.cloud-1', '', '-x', 'a b', "a'b", '$(id)', 'a'.repeat(65)]) {
        const f = form({ mode: 'clouds-yaml', path: '/etc/openstack/clouds.yaml', cloud });
        expect(ok(f, 'kolla'), cloud).toBe(accepted(accessInput(f, 'kolla')));
      }
      for (const secret of ['', 'keystone-keystone-admin', 'a.b', 'Upper', '-a', 'a-', 'a;b', '$(id)', 'a'.repeat(254)]) {
        const f = form({ mode: 'helm-secret', secret });
        expect(ok(f, 'openstack-helm'), secret).toBe(accepted(accessInput(f, 'openstack-helm')));
      }
      for (const passwordsPath of hostilePaths) {
        const f = form({ passwordsNode: 'ctl-1', passwordsPath });
        expect(ok(f, 'kolla'), JSON.stringify(passwordsPath.slice(0, 30))).toBe(accepted(accessInput(f, 'kolla')));
      }
      for (const infraNamespaces of ['', 'osh-infra', 'osh-infra, ceph', 'osh-infra osh-infra', 'OSH', 'a;b', '$(id)', 'a,b,c,d,e,f,g,h', 'a,b,c,d,e,f,g,h,i', 'a'.repeat(64)]) {
        const f = form({ infraNamespaces });
        expect(ok(f, 'openstack-helm'), infraNamespaces).toBe(accepted(accessInput(f, 'openstack-helm')));
      }
      expect(accessProblems(form({ infraNamespaces: 'osh-infra, $(id)' }), 'openstack-helm', t).infraNamespaces).toBe('Infra namespaces: "$(id)" is not a Kubernetes namespace (lowercase letters, digits and dashes, at most 63)');
    });

    it('what is sent: default is null (the flavour decides), empty node fields are null, each flavour sends only its own settings', () => {
      expect(accessInput(form({}), 'kolla')).toEqual({ credentials: null, kollaPasswords: null });
      expect(accessInput(form({ mode: 'openrc', path: '/root/openrc', node: 'ctl-1', passwordsNode: 'dep-1' }), 'kolla')).toEqual({
        credentials: { kind: 'openrc', node: 'ctl-1', path: '/root/openrc' },
        kollaPasswords: { node: 'dep-1', path: '/etc/kolla/passwords.yml' },
      });
      expect(accessInput(form({ mode: 'helm-secret', kubeNode: 'k8s-1', infraNamespaces: 'osh-infra, ceph' }), 'openstack-helm')).toEqual({
        credentials: { kind: 'helm-secret', secret: 'keystone-keystone-admin' },
        kubeAccessNode: 'k8s-1',
        infraNamespaces: ['osh-infra', 'ceph'],
      });
      expect(accessInput(form({ mode: 'none' }), 'packages')).toEqual({ credentials: { kind: 'none' } });
      // What a cluster says comes back as typed, so saving untouched changes nothing.
      const stored = { credentials: { kind: 'clouds-yaml' as const, node: null, path: '/etc/openstack/clouds.yaml', cloud: 'admin' }, kollaPasswords: { node: 'dep-1', path: '/srv/passwords.yml' }, kubeAccessNode: null, infraNamespaces: [] };
      expect(accessInput(accessForm(stored), 'kolla')).toEqual({ credentials: stored.credentials, kollaPasswords: stored.kollaPasswords });
      expect(describeDefault('kolla', t)).toBe('kolla default: /etc/kolla/admin-openrc.sh on the controller each step runs on');
      expect(describeDefault('openstack-helm', t)).toBe('openstack-helm default: the Secret keystone-keystone-admin, read with kubectl on the kube-access node');
    });
  });
});
