import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from './analyzer.js';
import { parseConfig } from './parse.js';

/**
 * config.sh itself, run with sh as the engine runs it, on this machine: stand-in service processes
 * (this shell's network namespace, so "this node's") carry the argv the lab and the distributions
 * give them, and a stand-in ovs-vsctl answers the external_ids map as OVS prints it.
 */
const script = join(import.meta.dirname, 'config.sh');
const SECRET = 'Rabb1t-S3cret/x';
let dir = '';
const procs: ChildProcess[] = [];
const decoys: ChildProcess[] = [];
let nova: ChildProcess | undefined;

/**
 * A process with the argv an interpreted service has: `argv0` (python3), the program's path (a
 * perl script named `program` that sleeps), then `args`.
 */
function service(argv0: string, program: string, args: string[]): ChildProcess {
  const path = join(dir, 'svc', program);
  mkdirSync(join(dir, 'svc'), { recursive: true });
  writeFileSync(path, 'sleep 60;\n');
  const p = spawn('bash', ['-c', 'exec -a "$0" perl "$@"', argv0, path, ...args], { stdio: 'ignore' });
  procs.push(p);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'config-drift-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(
    join(dir, 'nova.conf'),
    `[DEFAULT]\nmy_ip = 192.0.2.21\ntransport_url = rabbit://openstack:${SECRET}@192.0.2.11:5672,openstack:${SECRET}@192.0.2.12:5672/openstack\n\n[libvirt]\ncpu_mode = host-model\n# cpu_mode = custom\n\n[placement]\nregion_name=RegionOne\npassword = ${SECRET}\n\n[database]\nconnection = mysql+pymysql://nova:${SECRET}@192.0.2.10/nova\n`,
  );
  // A later --config-file wins, as in oslo.config.
  writeFileSync(join(dir, 'nova-compute.conf'), '[libvirt]\ncpu_mode = host-passthrough\nvirt_type = kvm\n');
  writeFileSync(join(dir, 'metadata.ini'), `[DEFAULT]\nmetadata_proxy_shared_secret = ${SECRET}\n[ovn]\novn_sb_connection = tcp:192.0.2.11:6642,tcp:192.0.2.12:6642\n`);
  writeFileSync(
    join(dir, 'bin', 'ovs-vsctl'),
    `#!/bin/sh\necho '{hostname=cmp-1, ovn-bridge-mappings="physnet1:br-ex", ovn-encap-ip="192.0.2.21", ovn-encap-type=geneve, ovn-remote="tcp:192.0.2.11:6642,tcp:192.0.2.12:6642", system-id=cmp-1}'\n`,
  );
  chmodSync(join(dir, 'bin', 'ovs-vsctl'), 0o755);
  // Decoys started first (lower pids, listed first): a shell whose script names the services (the
  // step's own shell is one), an operator's journalctl of nova-compute. Neither is a service.
  decoys.push(service('sh', 'sleeper', ['-c', 'echo nova-compute; neutron-server --config-file /etc/neutron/neutron.conf']), service('journalctl', 'sleeper', ['-u', 'nova-compute']));
  nova = service('/usr/bin/python3', 'nova-compute', ['--config-file', join(dir, 'nova.conf'), `--config-file=${join(dir, 'nova-compute.conf')}`]);
  service('/usr/bin/python3', 'neutron-ovn-metadata-agent', ['--config-file', join(dir, 'metadata.ini')]);
  // Wait until both have exec'd (their /proc argv is the service's), not for a fixed time.
  const execd = (p: ChildProcess): boolean => {
    try {
      // Before the exec, bash's own argv names the program too: its argv[0] is what tells.
      return !readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').startsWith('bash\0');
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 500 && !procs.every(execd); i++) await new Promise((r) => setTimeout(r, 10));
  expect(procs.every(execd)).toBe(true);
});

afterAll(() => {
  for (const p of procs) p.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('config.sh', () => {
  it("reads the running service's files in order, hashes secrets on the node, strips transport_url's userinfo", () => {
    const r = spawnSync('sh', [script], { encoding: 'utf8', env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` } });
    expect(r.status, r.stderr).toBe(0);
    // The secret never leaves the node, in any form the script prints.
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain('Rabb1t');
    const f = parseConfig(r.stdout);
    expect(f.complete).toBe(true);
    expect(f.found.get('nova')).toMatch(/^== nova: pid \d+ nova-compute reads \S+\/nova\.conf \S+\/nova-compute\.conf $/);
    // The service, not a decoy that names it in its arguments.
    expect(f.found.get('nova')).toContain(`pid ${nova?.pid} `);
    const v = (k: string): string | undefined => f.settings.get(k)?.value;
    expect(v('nova.DEFAULT/transport_url.hosts')).toBe('192.0.2.11:5672,192.0.2.12:5672');
    expect(v('nova.DEFAULT/transport_url.vhost')).toBe('openstack');
    expect(v('nova.DEFAULT/transport_url.scheme')).toBe('rabbit');
    // sha256 of the userinfo list, as `printf %s "$v" | sha256sum | cut -c1-12` makes it.
    const userinfo = spawnSync('sh', ['-c', 'printf %s "$0" | sha256sum | cut -c1-12', `openstack:${SECRET},openstack:${SECRET}`], { encoding: 'utf8' }).stdout.trim();
    expect(v('nova.DEFAULT/transport_url.credentials')).toBe(`hash ${userinfo}`);
    expect(v('nova.libvirt/cpu_mode')).toBe('host-passthrough');
    expect(v('nova.libvirt/virt_type')).toBe('kvm');
    expect(v('nova.placement/region_name')).toBe('RegionOne');
    for (const k of ['nova.placement/password', 'nova.database/connection', 'metadata.DEFAULT/metadata_proxy_shared_secret']) expect(v(k), k).toMatch(/^hash [0-9a-f]{12}$/);
    expect(v('metadata.ovn/ovn_sb_connection')).toBe('tcp:192.0.2.11:6642,tcp:192.0.2.12:6642');
    expect(v('ovs.external_ids.ovn-remote')).toBe('tcp:192.0.2.11:6642,tcp:192.0.2.12:6642');
    expect(v('ovs.external_ids.ovn-encap-type')).toBe('geneve');
    expect(v('ovs.external_ids.ovn-bridge-mappings')).toBe('physnet1:br-ex');
    expect(f.none.has('neutron')).toBe(true);
    // Two such nodes agree: nothing alarming, nothing skipped.
    const out = { step: 'config', state: 'succeeded' as const, exitCode: 0, stdout: r.stdout, stderr: r.stderr, error: null, command: 'config.sh' };
    const fs = analyze({ deployment: 'packages', params: {}, nodes: [{ name: 'a', roles: ['compute'] }, { name: 'b', roles: ['compute'] }], outputs: [{ ...out, node: 'a' }, { ...out, node: 'b' }] });
    expect(fs.filter((x) => x.severity === 'warning' || x.severity === 'critical' || x.status === 'SKIPPED')).toEqual([]);
    expect(fs.some((x) => x.check === 'config-drift.nova' && x.severity === 'ok')).toBe(true);
  });

  it('without a running service: the packages path /etc/nova/nova.conf (with nova-compute.conf beside it) when it sets transport_url, never a bare sample', () => {
    // A network namespace of its own: the stand-in services above are another node's there.
    const etc = join(dir, 'etc-nova');
    mkdirSync(etc, { recursive: true });
    writeFileSync(join(etc, 'nova.conf'), `[DEFAULT]\ntransport_url = rabbit://nova:${SECRET}@192.0.2.11:5672/\n[libvirt]\ncpu_mode = host-model\n`);
    writeFileSync(join(etc, 'nova-compute.conf'), '[libvirt]\nvirt_type = qemu\n');
    const run = (): ReturnType<typeof spawnSync> =>
      spawnSync('unshare', ['--mount', '--net', '--propagation', 'private', 'sh', '-c', 'mount --bind "$1" /etc/nova && exec sh "$2"', 'fallback', etc, script], { encoding: 'utf8' });
    let r = run();
    expect(r.status, String(r.stderr)).toBe(0);
    expect(String(r.stdout)).not.toContain(SECRET);
    let f = parseConfig(String(r.stdout));
    expect(f.found.get('nova')).toBe(`== nova: file /etc/nova/nova.conf /etc/nova/nova-compute.conf`);
    expect(f.settings.get('nova.libvirt/virt_type')?.value).toBe('qemu');
    expect(f.settings.get('nova.DEFAULT/transport_url.hosts')?.value).toBe('192.0.2.11:5672');
    // A sample with every option commented out is no service's configuration.
    writeFileSync(join(etc, 'nova.conf'), '[DEFAULT]\n#transport_url = <None>\n');
    r = run();
    f = parseConfig(String(r.stdout));
    expect([f.complete, f.none.has('nova'), f.found.has('nova')]).toEqual([true, true, false]);
  });
});
