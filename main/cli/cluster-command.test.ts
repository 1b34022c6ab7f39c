import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../core/testing/scratch.js';
import { inProcessCli } from './testing/in-process.js';

/** `stackscope cluster add|update|list` with the profile flags, run in this process over a scratch case log. */
describe('stackscope cluster: the profile flags', () => {
  it('adds with --container-engine and --namespace, updates, and lists what is not the default', async () => {
    const data = scratchDir();
    const cli = inProcessCli(join(data, 'data'));
    expect(await cli('cluster', 'add', 'prod', '--deployment', 'kolla', '--container-engine', 'podman')).toEqual({ code: 0, stdout: 'Added cluster prod (kolla, podman).\n', stderr: '' });
    expect((await cli('cluster', 'add', 'osh', '--deployment', 'openstack-helm', '--namespace', 'openstack')).stdout).toBe('Added cluster osh (openstack-helm).\n');
    expect((await cli('cluster', 'add', 'plain', '--deployment', 'kolla')).stdout).toBe('Added cluster plain (kolla).\n');
    expect((await cli('cluster', 'update', 'osh', '--namespace', 'os-2')).stdout).toBe('Updated cluster osh (openstack-helm, namespace os-2).\n');
    expect((await cli('cluster', 'update', 'prod', '--container-engine', 'docker', '--name', 'prod-east')).stdout).toBe('Updated cluster prod-east (kolla).\n');
    expect(await cli('cluster', 'update', 'plain')).toEqual({ code: 2, stdout: '', stderr: 'stackscope: nothing to change: give --name, --deployment, --container-engine, --namespace or a --become option\n' });
    expect((await cli('cluster', 'update', 'nope', '--namespace', 'x')).stderr).toMatch(/^stackscope: unknown cluster "nope" \(known: osh, plain, prod-east\)/);

    const list = (await cli('cluster', 'list')).stdout;
    expect(list).toContain('osh (openstack-helm, namespace os-2)\n');
    expect(list).toContain('plain (kolla)\n');
    expect(list).toContain('prod-east (kolla)\n');
    const json = JSON.parse((await cli('cluster', 'list', '--json')).stdout) as Array<{ name: string; containerEngine: string; namespace: string }>;
    expect(json.map((c) => [c.name, c.containerEngine, c.namespace])).toEqual([
      ['osh', 'docker', 'os-2'],
      ['plain', 'docker', 'openstack'],
      ['prod-east', 'docker', 'openstack'],
    ]);
  });
});
