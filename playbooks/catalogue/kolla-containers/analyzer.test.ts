import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze, isCore, troubleOf } from './analyzer.js';
import { parseInspectLine, parseTime } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('kolla-containers', () => {
  it('real docker, all running: one ok, and the environment a container was given is nowhere in the output', () => {
    const input = load('real-docker-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['kolla.containers', 'ok']]);
    expect(fs[0]?.title).toBe('All 4 containers running on 1 node(s)');
    expect(input.outputs[0]?.stdout).not.toContain('DB_ROOT_PASSWORD');
    verbatim(input, fs);
  });

  it('real docker: nova_compute unhealthy is critical with its health output, memcached stopped (not core) and mariadb restarted seconds ago are warnings', () => {
    const input = load('real-docker-stopped-unhealthy-restarted');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['kolla.container-unhealthy', 'critical'],
      ['kolla.container-flapping', 'warning'],
      ['kolla.container-down', 'warning'],
    ]);
    expect(fs[0]?.explanation).toContain('last check said: nova-compute is not connected to 127.0.0.1:5672');
    expect(fs[0]?.nextStep).toContain('`docker logs --tail 100 nova_compute` (no log file of it under /var/log/kolla/)');
    expect(fs[1]?.title).toBe('Container mariadb restarted 3 s ago (1 restarts) on ctl-1');
    expect(fs[2]?.title).toBe('Container memcached is not running (exited, exit code 137) on ctl-1');
    expect(fs[2]?.likelyCause).toMatch(/^Exit code 137/);
    verbatim(input, fs);
  });

  it('public: libvirt OOM-killed and nova_compute crash-looping are critical (core), horizon unhealthy and fluentd restarting are warnings; no ok for nodes with a problem', () => {
    const input = load('public-oom-restarting-unhealthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['kolla.container-restarting', 'critical'],
      ['kolla.container-oom', 'critical'],
      ['kolla.container-flapping', 'warning'],
      ['kolla.container-unhealthy', 'warning'],
    ]);
    expect(fs[0]?.title).toBe('Container nova_compute is restarting (23 restarts) on cmp-2');
    expect(fs[0]?.evidence[0]?.lines).toContain("2024-03-04 10:29:49.402 7 CRITICAL nova [-] Unhandled error: oslo_config.cfg.ConfigFileParseError: Failed to parse /etc/nova/nova.conf: at line 58, No ':' or '=' found in assignment: 'cpu_allocation_ratio 4.0'");
    expect(fs[0]?.nextStep).toContain('tail -n 100 /var/log/kolla/nova/nova-compute.log');
    expect(fs[1]?.title).toBe('Container nova_libvirt was killed for memory (OOMKilled) on cmp-1');
    // The fluentd restart is dated by the node's own clock (10:30:00 − 10:26:02), not Stackscope's.
    expect(fs[2]?.title).toBe('Container fluentd restarted 4 min ago (3 restarts) on ctl-1');
    expect(fs[3]?.explanation).toContain('last check said: curl: (7) Failed to connect to 10.0.0.11 port 80 after 0 ms: Connection refused');
    verbatim(input, fs);
  });

  it('the same container in trouble on several nodes is one finding naming them all', () => {
    const input = load('public-oom-restarting-unhealthy');
    const both = { ...input, outputs: [...input.outputs, ...input.outputs.filter((o) => o.node === 'cmp-2').map((o) => ({ ...o, node: 'cmp-3' }))] };
    const f = analyze(both).find((x) => x.check === 'kolla.container-restarting');
    expect(f?.title).toBe('Container nova_compute is restarting (23 restarts) on cmp-2, cmp-3');
    expect(f?.evidence.map((e) => e.node)).toEqual(['cmp-2', 'cmp-3']);
  });

  it('what counts as trouble, and how bad, by service', () => {
    const line = (name: string, status: string, health: string, restarts: number, oom = false, exit = 0) => parseInspectLine(`name=/${name} status=${status} health=${health} restarts=${restarts} oom=${oom} exit=${exit} started=2026-12-05T11:50:00.5Z finished=2026-12-05T11:49:59Z image=kolla/x:zed`);
    expect(parseInspectLine('name=/x status=running')).toBeNull();
    const now = Date.parse('2026-12-05T12:00:00Z') / 1000;
    const t = (x: ReturnType<typeof line>) => (x ? troubleOf(x, now) : 'unparsed');
    expect(t(line('mariadb', 'running', 'healthy', 0))).toBeNull();
    expect(t(line('mariadb', 'exited', 'unhealthy', 0))).toBe('down');
    expect(t(line('bootstrap_keystone', 'exited', 'none', 0))).toBeNull();
    expect(t(line('bootstrap_keystone', 'exited', 'none', 0, false, 1))).toBe('down');
    expect(t(line('rabbitmq', 'restarting', 'unhealthy', 4, false, 1))).toBe('restarting');
    expect(t(line('nova_api', 'running', 'healthy', 2))).toBe('flapping');
    expect(troubleOf(line('nova_api', 'running', 'healthy', 2) as NonNullable<ReturnType<typeof line>>, now + 3600)).toBe('restarted');
    expect(troubleOf(line('nova_api', 'running', 'healthy', 2) as NonNullable<ReturnType<typeof line>>, null)).toBe('restarted');
    expect(t(line('keystone', 'running', 'starting', 0))).toBe('starting');
    expect(t(line('nova_libvirt', 'exited', 'none', 0, true, 137))).toBe('oom');
    expect([isCore('mariadb'), isCore('nova_compute'), isCore('ovn_sb_db'), isCore('haproxy'), isCore('memcached'), isCore('horizon'), isCore('cron'), isCore('kolla_toolbox')]).toEqual([true, true, true, true, false, false, false, false]);
  });

  it("reads Docker's and podman's times, and Go's zero time as never", () => {
    expect(parseTime('2026-12-05T11:50:00.123456789Z')).toBe(Date.parse('2026-12-05T11:50:00.123Z') / 1000);
    expect(parseTime('2026-12-05 11:50:00.123456789 +0900 KST')).toBe(Date.parse('2026-12-05T02:50:00.123Z') / 1000);
    expect(parseTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(parseTime('garbage')).toBeNull();
  });

  it('a node where no engine answered, or the listing failed, is could-not-check, never ok', () => {
    const input = load('public-oom-restarting-unhealthy');
    const none = analyze({ ...input, outputs: input.outputs.map((o) => ({ ...o, stdout: '== none\ndocker: not installed\npodman: not installed\n' })) });
    expect(none.map((f) => [f.check, f.status])).toEqual([
      ['kolla.containers', 'SKIPPED'],
      ['kolla.containers', 'SKIPPED'],
      ['kolla.containers', 'SKIPPED'],
    ]);
    expect(none[0]?.evidence[0]?.lines).toEqual(['docker: not installed', 'podman: not installed']);
    const failed = analyze({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed', exitCode: 1, stdout: '', stderr: 'sudo: a password is required\n' })) });
    expect(failed.every((f) => f.status === 'SKIPPED' && f.severity === 'info')).toBe(true);
    expect(analyze({ ...input, outputs: [] }).map((f) => f.status)).toEqual(['SKIPPED']);
  });
});
