import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../core/testing/scratch.js';
import { inProcessCli } from './testing/in-process.js';

/** `stackscope cluster update` with the service access flags: places are stored and shown, never values. */
describe('stackscope cluster update: where the service credentials live', () => {
  it('sets, shows and resets the credentials, the Kolla passwords file and the kube-access node', async () => {
    const data = scratchDir();
    const cli = inProcessCli(join(data, 'data'));
    expect((await cli('cluster', 'add', 'prod', '--deployment', 'kolla')).code).toBe(0);
    for (const n of ['ctl-1', 'deploy']) expect((await cli('node', 'add', 'prod', n, '--host', '10.0.0.1', '--user', 'root', '--role', 'controller', '--agent')).code).toBe(0);

    expect(await cli('cluster', 'update', 'prod', '--credentials', 'openrc', '--credentials-path', '/etc/kolla/admin-openrc.sh', '--credentials-node', 'deploy', '--kolla-passwords-node', 'deploy')).toEqual({
      code: 0,
      stdout: 'Updated cluster prod (kolla; credentials: openrc /etc/kolla/admin-openrc.sh on deploy; database password: /etc/kolla/passwords.yml on deploy).\n',
      stderr: '',
    });
    const json = JSON.parse((await cli('cluster', 'list', '--json')).stdout) as Array<{ credentials: unknown; kollaPasswords: unknown }>;
    expect(json[0]).toMatchObject({ credentials: { kind: 'openrc', node: 'deploy', path: '/etc/kolla/admin-openrc.sh' }, kollaPasswords: { node: 'deploy', path: '/etc/kolla/passwords.yml' } });

    // Only the path changes; the kind and node stay.
    expect((await cli('cluster', 'update', 'prod', '--credentials-path', '/root/admin-openrc.sh')).stdout).toContain('credentials: openrc /root/admin-openrc.sh on deploy;');
    expect((await cli('cluster', 'update', 'prod', '--credentials', 'clouds-yaml', '--credentials-path', '/etc/openstack/clouds.yaml', '--credentials-cloud', 'admin')).stdout).toContain('credentials: cloud admin of /etc/openstack/clouds.yaml on the node the step runs on;');
    expect((await cli('cluster', 'update', 'prod', '--credentials', 'default', '--kolla-passwords-default')).stdout).toBe(
      'Updated cluster prod (kolla; credentials: openrc /etc/kolla/admin-openrc.sh on the node the step runs on (default); database password: /etc/kolla/passwords.yml on each DB node).\n',
    );

    // Refused: a node the cluster does not have, shell syntax in a path, a kind without its path.
    expect(await cli('cluster', 'update', 'prod', '--kolla-passwords-node', 'nope')).toMatchObject({ code: 2, stderr: 'stackscope: kollaPasswords.node: cluster prod has no node "nope" (nodes: ctl-1, deploy)\n' });
    expect((await cli('cluster', 'update', 'prod', '--credentials', 'openrc', '--credentials-path', "/etc/x'; id; '")).stderr).toMatch(/^stackscope: .*credentials.*must be an absolute path of letters/);
    expect((await cli('cluster', 'update', 'prod', '--credentials', 'openrc')).stderr).toBe('stackscope: --credentials openrc needs --credentials-path (the file\'s absolute path on the node)\n');

    expect((await cli('cluster', 'add', 'osh', '--deployment', 'openstack-helm')).code).toBe(0);
    expect((await cli('node', 'add', 'osh', 'k8s-1', '--host', '10.0.0.2', '--user', 'root', '--role', 'controller', '--agent')).code).toBe(0);
    expect((await cli('cluster', 'update', 'osh', '--kube-access-node', 'k8s-1', '--infra-namespace', 'osh-infra', '--credentials', 'helm-secret')).stdout).toBe(
      'Updated cluster osh (openstack-helm; credentials: Secret keystone-keystone-admin read with kubectl; kubectl on k8s-1; infra namespaces osh-infra).\n',
    );
    expect((await cli('cluster', 'update', 'osh', '--kube-access-any', '--clear-infra-namespaces')).stdout).toBe('Updated cluster osh (openstack-helm; credentials: Secret keystone-keystone-admin read with kubectl; kubectl on any controller).\n');
  });
});
