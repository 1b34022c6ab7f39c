import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseWithLines, at, str } from './jsonlines.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const run = (scenario: string): Finding[] => analyze(loadFixture(join(dir, scenario)));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const one = (fs: Finding[], check: string): Finding => {
  const hit = fs.filter((f) => f.check === check);
  expect(hit, `${check} in ${fs.map((f) => f.check).join(', ')}`).toHaveLength(1);
  return hit[0] as Finding;
};
/** Every evidence line is a verbatim line of that node's step output. */
function expectVerbatim(scenario: string, fs: Finding[]): void {
  expect(evidenceNotInOutput(loadFixture(join(dir, scenario)), fs), scenario).toEqual([]);
}

describe('k8s-pods on the practice lab (openstack-helm flavour)', () => {
  it('healthy lab: all pods Running and Ready, events skipped because the lab kubectl has no --field-selector', () => {
    const fs = run('lab-healthy');
    expect(bad(fs)).toEqual([]);
    expect(one(fs, 'k8s.pods').title).toBe('All 16 pods in namespace openstack are Running and Ready');
    const ev = one(fs, 'k8s.warning-events');
    expect(ev.status).toBe('SKIPPED');
    expect(ev.skippedReason).toContain('error: unknown flag: --field-selector');
    expectVerbatim('lab-healthy', fs);
  });

  it('pod-crashloop: placement-api in CrashLoopBackOff, quoting the Access denied line of its previous log', () => {
    const fs = run('lab-crashloop');
    const f = one(fs, 'k8s.crashloop');
    expect(f.severity).toBe('critical');
    expect(f.title).toContain('placement-api-5d8c7b9f6c-m4kqz');
    expect(f.title).toContain("Access denied for user 'placement'@'198.18.3.11'");
    expect(f.explanation).toContain('last run ended Error (exit code 1)');
    const logs = f.evidence.find((e) => e.step === 'crash-logs');
    expect(logs?.node).toBe('controller-1');
    expect(logs?.lines).toHaveLength(1);
    expect(logs?.lines[0]).toMatch(/ERROR placement sqlalchemy\.exc\.OperationalError: .*\(1045, "Access denied for user 'placement'/);
    expect(f.evidence.find((e) => e.step === 'pods')?.lines).toContain('                                "reason": "CrashLoopBackOff",');
    expect(f.nextStep).toContain('kubectl -n openstack logs placement-api-5d8c7b9f6c-m4kqz -c placement-api --previous');
    expect(bad(fs)).toHaveLength(1);
    expectVerbatim('lab-crashloop', fs);
  });

  it('galera-node-down on helm: the stopped mariadb container is reported, the healed placement-api shows its restarts', () => {
    const fs = run('lab-mariadb-down');
    const down = one(fs, 'k8s.container-not-running');
    expect(down.severity).toBe('critical');
    expect(down.title).toContain('mariadb-server-2');
    expect(down.explanation).toContain('on controller-3');
    expect(down.likelyCause).toContain('orderly shutdown');
    expect(down.evidence.find((e) => e.step === 'crash-logs')?.lines.at(-1)).toContain('mariadbd: Shutdown complete');
    const r = one(fs, 'k8s.restarts');
    expect(r.severity).toBe('warning');
    expect(r.title).toContain('restarted 4 times (running now)');
    expectVerbatim('lab-mariadb-down', fs);
  });
});

describe('k8s-pods on outputs quoted in public reports', () => {
  it('a Galera database pod down names galera as what explains it; other pods explain themselves', () => {
    const down = run('lab-mariadb-down').filter((f) => f.severity === 'critical' || f.severity === 'warning');
    const db = down.filter((f) => /mariadb-server-\d/.test(f.title));
    expect(db.length).toBeGreaterThan(0);
    for (const f of db) expect(f.explainedBy).toEqual(['galera.*']);
    for (const f of run('lab-crashloop').filter((x) => /placement-api/.test(x.title))) expect(f.explainedBy).toBeUndefined();
  });

  it('Init:0/1 (Rockoon docs): names the Jobs kubernetes-entrypoint waits for', () => {
    const fs = run('public-init-deps');
    const f = one(fs, 'k8s.init-waiting');
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('placement-api-84669d79b5-49drw on ctl01 is stuck in Init:0/1 — waiting for Job placement-ks-user, Job placement-ks-endpoints');
    expect(f.evidence.find((e) => e.step === 'crash-logs')?.lines).toEqual([
      'Entrypoint WARNING: 2020/04/21 11:52:50 entrypoint.go:72: Resolving dependency Job placement-ks-user in namespace openstack failed: Job Job placement-ks-user in namespace openstack is not completed yet .',
      'Entrypoint WARNING: 2020/04/21 11:52:52 entrypoint.go:72: Resolving dependency Job placement-ks-endpoints in namespace openstack failed: Job Job placement-ks-endpoints in namespace openstack is not completed yet .',
    ]);
    expect(f.nextStep).toContain('kubectl -n openstack get job placement-ks-user');
    // The main container waiting on PodInitializing is not reported separately.
    expect(bad(fs)).toHaveLength(1);
    expect(one(fs, 'k8s.warning-events').status).toBe('SKIPPED');
    expectVerbatim('public-init-deps', fs);
  });

  it('OOMKilled (operator-sdk-samples#156): critical with the 90Mi memory limit quoted', () => {
    const fs = run('public-oomkilled');
    const f = one(fs, 'k8s.oomkilled');
    expect(f.severity).toBe('critical');
    expect(f.title).toBe('memcached-operator-controller-manager-6d57f5fd7-gfnxw on kind-control-plane: container manager was OOMKilled (limit 90Mi)');
    expect(f.explanation).toContain('exit code 137');
    expect(f.evidence[0]?.lines).toEqual(expect.arrayContaining(['                                "memory": "90Mi"', '                                "reason": "OOMKilled",']));
    expect(bad(fs)).toHaveLength(1);
    expectVerbatim('public-oomkilled', fs);
  });

  it('ImagePullBackOff (helm#623): critical naming the image, with the kubectl logs refusal quoted', () => {
    const fs = run('public-imagepull');
    const f = one(fs, 'k8s.image-pull');
    expect(f.severity).toBe('critical');
    expect(f.explanation).toContain('gcr.io/deis-sandbox/tiller:canary');
    expect(f.evidence.find((e) => e.step === 'crash-logs')?.lines).toEqual([
      'Error from server (BadRequest): container "tiller" in pod "tiller-rc-grgyb" is waiting to start: trying and failing to pull image',
    ]);
    expectVerbatim('public-imagepull', fs);
  });

  it('neutron-ovn-metadata-agent crash loop (genestack#38): the BackOff event joins the pod finding', () => {
    const fs = run('public-crashloop-events');
    const f = one(fs, 'k8s.crashloop');
    expect(f.title).toContain('failed to open netns');
    expect(f.likelyCause).toContain('ovnmeta');
    const ev = f.evidence.find((e) => e.step === 'warning-events');
    expect(ev?.lines.some((l) => l.includes('Back-off restarting failed container neutron-ovn-metadata-agent in pod'))).toBe(true);
    // Events already explained by a pod finding are not repeated.
    expect(fs.filter((x) => x.check === 'k8s.warning-events')).toEqual([]);
    expectVerbatim('public-crashloop-events', fs);
  });

  it('Warning events about an object with no pod finding are reported on their own', () => {
    const healthy = loadFixture(join(dir, 'lab-healthy'));
    const events = loadFixture(join(dir, 'public-crashloop-events')).outputs.find((o) => o.step === 'warning-events');
    expect(events).toBeDefined();
    const fs = analyze({ ...healthy, outputs: [...healthy.outputs.filter((o) => o.step !== 'warning-events'), ...(events ? [events] : [])] });
    const f = one(fs, 'k8s.warning-events');
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('Pod neutron-ovn-metadata-agent-default-nrmnk in openstack: 151 Warning events (BackOff)');
    expect(one(fs, 'k8s.pods').severity).toBe('ok');
  });
});

describe('k8s-pods edge cases', () => {
  it('a namespace kubectl cannot list is skipped with its error, not reported healthy', () => {
    const base = loadFixture(join(dir, 'lab-healthy'));
    const pods = base.outputs.find((o) => o.step === 'pods');
    expect(pods).toBeDefined();
    const stdout = `### namespace openstack\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n`;
    const fs = analyze({ ...base, outputs: base.outputs.map((o) => (o.step === 'pods' ? { ...o, stdout, state: 'failed' as const, exitCode: 1 } : o)) });
    const f = one(fs, 'k8s.pods');
    expect(f.status).toBe('SKIPPED');
    expect(f.evidence[0]?.lines).toEqual(['The connection to the server localhost:8080 was refused - did you specify the right host or port?']);
    expect(fs.filter((x) => x.severity === 'ok')).toEqual([]);
  });

  it('a pod list step that timed out gives a skipped finding and no health claim', () => {
    const base = loadFixture(join(dir, 'lab-healthy'));
    const fs = analyze({ ...base, outputs: base.outputs.map((o) => (o.step === 'pods' ? { ...o, state: 'timeout' as const, exitCode: null, stdout: '', error: 'timed out' } : o)) });
    expect(fs.filter((x) => x.severity === 'ok')).toEqual([]);
    expect(one(fs, 'k8s.pods').status).toBe('SKIPPED');
  });

  it('the line-keeping JSON parser points at the line a value is printed on', () => {
    const node = parseWithLines('{\n    "a": {\n        "b": "x"\n    }\n}', 10);
    expect(at(node, 'a', 'b')?.line).toBe(12);
    expect(str(at(node, 'a', 'b'))).toBe('x');
    expect(parseWithLines('error: not json', 0)).toBeNull();
  });
});
