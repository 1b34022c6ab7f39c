import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze, settingName } from './analyzer.js';
import { imageRelease, major, parseConfig, upstream } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);
const edit = (input: AnalyzerInput, node: string, f: (s: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.map((o) => (o.node === node ? { ...o, stdout: f(o.stdout) } : o)) });
const everything = (f: Finding): string => JSON.stringify(f);

describe('config-drift', () => {
  it('the full practice lab: nova.conf agrees on controllers (api, conductor, scheduler) and computes, my_ip differs and is not compared', () => {
    const input = load('lab-full-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['config-drift.nova', 'ok'],
      ['config-drift.neutron', 'info'],
      ['config-drift.versions', 'ok'],
      ['config-drift.nova', 'ok'],
      ['config-drift.metadata', 'ok'],
      ['config-drift.ovs', 'ok'],
      ['config-drift.versions', 'ok'],
    ]);
    expect(fs[0]?.title).toBe('nova.conf: 19 setting(s) agree across 3 controller node(s)');
    expect(fs[1]?.title).toBe('neutron-server read on one controller node only (controller-1): nothing to compare it with');
    expect(fs[3]?.title).toBe('nova.conf: 18 setting(s) agree across 2 compute node(s)');
    expect(fs[5]?.title).toBe('Open vSwitch external_ids: 4 setting(s) agree across 2 compute node(s)');
    expect(fs.filter((f) => f.status === 'SKIPPED')).toEqual([]);
    verbatim(input, fs);
  });

  it('a compute whose nova-compute is stopped is named and left out: its files on disk are not what the running ones were started with', () => {
    const input = load('lab-full-compute-stopped');
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    const stopped = fs.find((f) => f.title.startsWith('nova.conf on compute-1'));
    expect(stopped?.severity).toBe('info');
    expect(stopped?.title).toBe('nova.conf on compute-1 (compute): the service is not running there, its files are not compared');
    expect(stopped?.evidence.map((e) => [e.node, e.lines])).toEqual([['compute-1', ['== nova: file /etc/nova/nova.conf /etc/nova/nova-compute.conf']]]);
    expect(fs.some((f) => f.title === 'nova.conf read on one compute node only (compute-2): nothing to compare it with')).toBe(true);
    verbatim(input, fs);
  });

  it('the light lab: no Nova or Neutron is "not here" (info), OVS and packages agree, nothing alarming', () => {
    const input = load('lab-light-healthy');
    const fs = analyze(input);
    expect(bad(fs)).toEqual([]);
    expect(fs.filter((f) => f.status === 'SKIPPED')).toEqual([]);
    const here = fs.find((f) => f.check === 'config-drift.not-here');
    expect(here?.severity).toBe('info');
    expect(here?.title).toBe('Not here: Nova, neutron-server, neutron-ovn-metadata-agent');
    expect(here?.evidence.map((e) => e.node)).toEqual(['controller-1', 'controller-2', 'controller-3', 'compute-1', 'compute-2']);
    expect(fs.filter((f) => f.check === 'config-drift.ovs').map((f) => f.severity)).toEqual(['ok']);
    verbatim(input, fs);
  });

  it('Kolla half-upgraded: cpu_mode, quorum queues and the images named per node; a rotated password said only by its hash', () => {
    const input = load('public-kolla-mixed-release');
    const fs = analyze(input);
    expect(bad(fs).map((f) => f.title)).toEqual([
      "nova.conf [DEFAULT] transport_url (credentials) differs across the controller nodes (a secret, compared by its hash): 'hash bf1cc03ad27b' on ctl01, ctl02; 'hash e7ea1e52b155' on ctl03",
      "nova.conf [libvirt] cpu_mode differs across the compute nodes: 'host-model' on cmp01, cmp02; 'host-passthrough' on cmp03",
      "nova.conf [oslo_messaging_rabbit] rabbit_quorum_queue differs across the compute nodes: not set on cmp01, cmp02; 'true' on cmp03",
      'Mixed releases across the compute nodes: nova_compute (image), nova_libvirt (image), openvswitch_vswitchd (image), ovn_controller (image) (cmp01, cmp02 / cmp03)',
    ]);
    const secret = bad(fs)[0] as Finding;
    expect(secret.nextStep).toContain('ctl03');
    expect(secret.evidence.map((e) => e.lines)).toEqual([
      ['nova.DEFAULT/transport_url.credentials\thash bf1cc03ad27b'],
      ['nova.DEFAULT/transport_url.credentials\thash bf1cc03ad27b'],
      ['nova.DEFAULT/transport_url.credentials\thash e7ea1e52b155'],
    ]);
    // The made-up passwords the hashes stand for appear nowhere.
    for (const f of fs) expect(everything(f)).not.toMatch(/kolla-rmq|kolla-db|kolla-nova|kolla-meta/);
    // cmp04 timed out: in no conclusion.
    for (const f of fs) expect(everything(f), f.title).not.toContain('cmp04');
    expect(fs.find((f) => f.check === 'config-drift.neutron')?.severity).toBe('ok');
    verbatim(input, fs);
  });

  it('packages half-upgraded: mixed majors a warning, a newer build info, a per-compute ratio info, Placement region and ovn-remote warnings', () => {
    const input = load('public-packages-mixed-versions');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['config-drift.nova', 'info'],
      ['config-drift.nova', 'warning'],
      ['config-drift.ovs', 'warning'],
      ['config-drift.versions', 'warning'],
      ['config-drift.versions', 'info'],
      ['config-drift.not-here', 'info'],
    ]);
    expect(fs[1]?.title).toBe("nova.conf [placement] region_name differs across the compute nodes: 'RegionOne' on compute-a, compute-b; 'RegionTwo' on compute-c");
    expect(fs[2]?.title).toBe("Open vSwitch external_ids ovn-remote differs across the compute nodes: 'ssl:10.5.0.11:6642,ssl:10.5.0.12:6642,ssl:10.5.0.13:6642' on compute-a, compute-b; 'ssl:10.5.0.11:6642' on compute-c");
    expect(fs[3]?.title).toBe('Mixed releases across the compute nodes: nova-common, ovn-common, ovn-host, python3-nova (compute-a, compute-b / compute-c)');
    expect(fs[3]?.explanation).toContain("nova-common: '26.2.0 (3:26.2.0-0ubuntu1~cloud0)' on compute-a, compute-b; '27.1.0 (3:27.1.0-0ubuntu1~cloud0)' on compute-c;");
    expect(fs[4]?.title).toBe('Versions differ across the compute nodes: python3-oslo.messaging (compute-a, compute-c / compute-b)');
    verbatim(input, fs);
  });

  it('a setting present on some nodes only differs as "not set"; the node without it is quoted by its group header', () => {
    const input = edit(load('lab-full-healthy'), 'compute-2', (s) => s.replace(/^nova\.placement\/region_name\t.*\n/m, ''));
    const fs = analyze(input);
    const f = bad(fs)[0];
    expect(f?.title).toBe("nova.conf [placement] region_name differs across the compute nodes: 'RegionOne' on compute-1; not set on compute-2");
    expect(f?.evidence.find((e) => e.node === 'compute-2')?.lines[0]).toMatch(/^== nova: pid \d+ nova-compute reads /);
    verbatim(input, fs);
  });

  it('a different ovn_sb_connection on one metadata agent and a different ovn-encap-type are warnings; ovn-encap-ip never', () => {
    let input = edit(load('lab-full-healthy'), 'compute-2', (s) => s.replace(/^(metadata\.ovn\/ovn_sb_connection\t).*$/m, '$1tcp:198.18.2.11:6642').replace(/^(ovs\.external_ids\.ovn-encap-type\t).*$/m, '$1vxlan'));
    input = edit(input, 'compute-1', (s) => s.replace(/^(ovs\.external_ids\.ovn-encap-ip\t).*$/m, '$110.9.9.9'));
    const fs = analyze(input);
    expect(bad(fs).map((f) => f.title)).toEqual([
      "neutron-ovn-metadata-agent [ovn] ovn_sb_connection differs across the compute nodes: 'tcp:198.18.2.11:6642,tcp:198.18.2.12:6642,tcp:198.18.2.13:6642' on compute-1; 'tcp:198.18.2.11:6642' on compute-2",
      "Open vSwitch external_ids ovn-encap-type differs across the compute nodes: 'geneve' on compute-1; 'vxlan' on compute-2",
    ]);
    verbatim(input, fs);
  });

  it('a node whose output was cut or whose step failed is could-not-check and in no comparison', () => {
    const input = load('lab-full-healthy');
    const cut = edit(input, 'compute-2', (s) => s.slice(0, s.indexOf('== ovs:')).replace(/^(nova\.libvirt.*|nova\.placement\/region_name\t).*$/m, '$1RegionX'));
    const fs = analyze(cut);
    const skipped = fs.filter((f) => f.status === 'SKIPPED');
    expect(skipped.map((f) => f.title)).toEqual(['Could not check configuration drift on compute-2']);
    expect(bad(fs)).toEqual([]);
    expect(fs.find((f) => f.check === 'config-drift.nova' && f.title.includes('compute'))?.title).toBe('nova.conf read on one compute node only (compute-1): nothing to compare it with');
    const failed = analyze({ ...input, outputs: input.outputs.map((o) => (o.node === 'controller-3' ? { ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'sudo: a password is required' } : o)) });
    expect(failed.filter((f) => f.status === 'SKIPPED').map((f) => [f.title, f.evidence[0]?.lines])).toEqual([['Could not check configuration drift on controller-3', ['sudo: a password is required']]]);
    expect(failed[0]?.title).toBe('nova.conf: 19 setting(s) agree across 2 controller node(s)');
    expect(analyze({ ...input, outputs: [] }).map((f) => [f.status, f.title])).toEqual([['SKIPPED', 'Configuration drift not checked: no node ran the read']]);
  });

  it('a secret printed in clear by a node (an old or hostile script) is never shown nor quoted; a transport host list loses its userinfo', () => {
    const input = edit(load('lab-full-healthy'), 'compute-2', (s) =>
      s.replace(/^(nova\.database\/connection|nova\.neutron\/password)\t.*$/m, '$1\tmysql+pymysql://nova:Hunter2Secret@10.0.0.1/nova').replace(/^(nova\.DEFAULT\/transport_url\.hosts\t).*$/m, '$1openstack:Hunter2Secret@198.18.2.11:5672,openstack:Hunter2Secret@198.18.2.99:5672'),
    );
    const fs = analyze(input);
    for (const f of fs) expect(everything(f), f.title).not.toContain('Hunter2Secret');
    const titles = bad(fs).map((f) => f.title);
    expect(titles).toContain("nova.conf [DEFAULT] transport_url (hosts) differs across the compute nodes: '198.18.2.11:5672' on compute-1; '198.18.2.11:5672,198.18.2.99:5672' on compute-2");
    expect(titles).toContain("nova.conf [neutron] password differs across the compute nodes (a secret, compared by its hash): 'hash 5b6f849d1763' on compute-1; a value not shown on compute-2");
  });

  it('names settings, versions and image releases as operators read them', () => {
    expect(settingName('nova.DEFAULT/transport_url.hosts')).toBe('nova.conf [DEFAULT] transport_url (hosts)');
    expect(settingName('neutron.ovn/ovn_nb_connection')).toBe('neutron-server [ovn] ovn_nb_connection');
    expect(settingName('ovs.external_ids.ovn-remote')).toBe('Open vSwitch external_ids ovn-remote');
    expect(upstream('3:27.1.0-0ubuntu1~cloud0')).toBe('27.1.0');
    expect(major('2:26.2.2-1~deb12u5')).toBe('26');
    expect(major('23.03.1-1~deb12u2')).toBe('23');
    expect(imageRelease('quay.io/openstack.kolla/nova-compute:2023.1-ubuntu-jammy')).toBe('2023.1');
    expect(imageRelease('registry:5000/kolla/nova-compute')).toBe('latest');
    const f = parseConfig('== nova: none\n== ovs: external_ids\novs.external_ids.ovn-remote\ttcp:a:6642\n== end\n');
    expect([f.complete, [...f.none], [...f.found.keys()], f.settings.get('ovs.external_ids.ovn-remote')?.value]).toEqual([true, ['nova'], ['ovs'], 'tcp:a:6642']);
  });
});
