import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';
import { parseOpensslDate, verifyProblem } from './parse.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('certificates', () => {
  it('the healthy lab: the public VIP certificate of the lab CA, a year left, on the three controllers: ok', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['certificates.expiry', 'ok']]);
    verbatim(input, fs);
  });

  it('the lab fault cert-expiring: critical, naming the PEM, the VIP address it serves and the date', () => {
    const input = load('lab-packages-cert-expiring');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([['certificates.expiry', 'critical']]);
    expect(fs[0]?.title).toMatch(/^Certificate expires in 5 days: O = Stackscope practice lab \w+, CN = 198\.18\.1\.9$/);
    expect(fs[0]?.explanation).toMatch(/controller-2\/haproxy\/haproxy\.pem \(controller-2\), .*198\.18\.1\.9:5000/);
    expect(fs[0]?.explanation).toMatch(/valid until \w{3} +\d+ [\d:]+ 2026 GMT/);
    verbatim(input, fs);
  });

  it("reads openssl's dates, with one- and two-digit days", () => {
    expect(parseOpensslDate('Dec  5 12:00:00 2027 GMT')).toBe(Date.UTC(2027, 11, 5, 12) / 1000);
    expect(parseOpensslDate('Mar 21 09:30:00 2024 GMT')).toBe(Date.UTC(2024, 2, 21, 9, 30) / 1000);
    expect(parseOpensslDate('tomorrow')).toBeNull();
  });

  it('an issuer this node does not know is not a chain problem; a bad signature is', () => {
    expect(verifyProblem('error 20 at 0 depth lookup: unable to get local issuer certificate')).toBeNull();
    expect(verifyProblem('error 18 at 0 depth lookup: self-signed certificate')).toBeNull();
    expect(verifyProblem('Verify return code: 21 (unable to verify the first certificate)')).toBeNull();
    expect(verifyProblem('OK')).toBeNull();
    expect(verifyProblem('error 7 at 0 depth lookup: certificate signature failure')).toBe('error 7 at 0 depth lookup: certificate signature failure');
  });

  it("libvirt's expired server certificate is critical with its file and date, HAProxy's 20 days a warning naming the file and the address it serves", () => {
    const input = load('public-libvirt-expired');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['certificates.expiry', 'critical'],
      ['certificates.expiry', 'warning'],
      ['certificates.expiry', 'ok'],
    ]);
    const [expired, soon, ok] = fs;
    expect(expired?.title).toBe('Certificate expired: O = Example Cloud, CN = cmp-1.example.org');
    expect(expired?.explanation).toContain('expired on Feb 12 10:15:00 2024 GMT, 18 days ago');
    expect(expired?.explanation).toContain('/etc/pki/libvirt/servercert.pem (cmp-1)');
    expect(expired?.nextStep).toMatch(/restart libvirtd/);
    expect(soon?.title).toBe('Certificate expires in 20 days: C = US, O = Example Cloud, CN = cloud.example.org');
    expect(soon?.explanation).toContain('/etc/haproxy/certificates/haproxy.pem (ctl-1), 203.0.113.10:5000');
    expect(ok?.title).toBe('5 certificate(s) valid for more than 30 days');
    verbatim(input, fs);
  });

  it('never quotes anything but certificate facts (no key material can be in the evidence)', () => {
    const input = load('public-libvirt-expired');
    for (const f of analyze(input)) for (const e of f.evidence) for (const l of e.lines) expect(l).toMatch(/^(== |notAfter=|subject=|issuer=|verify |error )/);
  });

  it('a certificate HAProxy serves that differs from its file is a warning: renewed, not reloaded', () => {
    const input = load('public-libvirt-expired');
    const stale = { ...input, outputs: input.outputs.map((o) => (o.node === 'ctl-1' ? { ...o, stdout: o.stdout.replace('== now 1709251200', '== now 1600000000').replace(/(== served [^\n]*\n(?:[^=][^\n]*\n)*?)sha256 Fingerprint=\S+/, '$1sha256 Fingerprint=AA:BB') } : o)) };
    const f = analyze(stale).find((x) => x.check === 'certificates.stale');
    expect(f?.severity).toBe('warning');
    expect(f?.title).toBe('ctl-1: HAProxy serves another certificate at 203.0.113.10:5000 than its file holds');
  });

  it('a node whose step did not finish is could-not-check, and its certificates are not counted as fine', () => {
    const input = load('public-libvirt-expired');
    const fs = analyze({ ...input, outputs: input.outputs.map((o) => (o.node === 'cmp-1' ? { ...o, stdout: o.stdout.replace('== end\n', '') } : o)) });
    expect(fs.find((f) => f.status === 'SKIPPED')?.title).toBe('Certificates could not be listed on cmp-1');
    expect(fs.some((f) => f.severity === 'critical')).toBe(false);
  });
});
