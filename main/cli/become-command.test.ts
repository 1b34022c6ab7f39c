import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../core/testing/scratch.js';
import { inProcessCli } from './testing/in-process.js';

/** `--become`, `--become-user`, `--become-password`, `--no-become` on clusters and nodes, run in this process over a scratch case log. */
describe('stackscope cluster/node: the become flags', () => {
  it('sets sudo per cluster, lets a node differ and follow its cluster again, and refuses a hostile user name', async () => {
    const data = scratchDir();
    const cli = inProcessCli(join(data, 'data'));
    const list = async (): Promise<Array<{ name: string; become: unknown; nodes: Array<{ name: string; become: unknown }> }>> => JSON.parse((await cli('cluster', 'list', '--json')).stdout);
    expect((await cli('cluster', 'add', 'prod', '--deployment', 'packages')).code).toBe(0);
    expect((await list())[0]?.become).toEqual({ enabled: false, user: 'root', password: false });

    expect(await cli('cluster', 'update', 'prod', '--become')).toEqual({ code: 0, stdout: 'Updated cluster prod (packages; steps that need root run through sudo as root).\n', stderr: '' });
    expect((await cli('cluster', 'update', 'prod', '--become-password')).stdout).toBe('Updated cluster prod (packages; steps that need root run through sudo as root (sudo password asked once per session)).\n');
    expect((await cli('cluster', 'update', 'prod', '--no-become-password', '--become-user', 'svc_admin')).stdout).toBe('Updated cluster prod (packages; steps that need root run through sudo as svc_admin).\n');

    const add = await cli('node', 'add', 'prod', 'db-1', '--host', '10.0.0.31', '--user', 'ops', '--role', 'controller', '--agent', '--no-become');
    expect(add.code, add.stderr).toBe(0);
    await cli('node', 'add', 'prod', 'db-2', '--host', '10.0.0.32', '--user', 'ops', '--role', 'controller', '--agent');
    let [c] = await list();
    expect(c?.nodes.map((n) => [n.name, n.become])).toEqual([
      ['db-1', { enabled: false, user: 'svc_admin', password: false }],
      ['db-2', null],
    ]);
    expect((await cli('cluster', 'list')).stdout).toMatch(/db-2 +ops@10\.0\.0\.32:22 +controller +agent +sudo svc_admin/);

    expect((await cli('node', 'update', 'prod', 'db-1', '--cluster-become')).stdout).toBe('Updated node db-1 of prod: follows the cluster (steps that need root run through sudo as svc_admin).\n');
    [c] = await list();
    expect(c?.nodes[0]?.become).toBeNull();

    for (const hostile of ['root; touch /tmp/x', '$(id)', '-u']) {
      const r = await cli('cluster', 'update', 'prod', '--become-user', hostile);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/become\.user: must be a POSIX user name/);
    }
    expect((await list())[0]?.become).toEqual({ enabled: true, user: 'svc_admin', password: false });
    expect((await cli('node', 'update', 'prod', 'db-1')).stderr).toMatch(/nothing to change: give --become/);
  });
});
