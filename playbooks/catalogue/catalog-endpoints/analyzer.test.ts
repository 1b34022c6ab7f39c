import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('catalog-endpoints', () => {
  it('the healthy lab: every endpoint answers; the public ones of the lab CA are info (issuer not trusted here), not a warning', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['catalog.endpoints', 'ok'],
      ['catalog.endpoint-issuer', 'info'],
    ]);
    expect(fs[1]?.title).toBe('5 https endpoint(s) answer with a certificate from an issuer this controller does not trust');
    verbatim(input, fs);
  });

  it('names each endpoint that fails and how: expired TLS, 503, refused; a dead non-core endpoint is a warning; a disabled one is left alone', () => {
    const input = load('public-dead-and-expired');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['catalog.endpoint-tls', 'critical'],
      ['catalog.endpoint-error', 'critical'],
      ['catalog.endpoint-error', 'critical'],
      ['catalog.endpoint-down', 'critical'],
      ['catalog.endpoint-down', 'warning'],
      ['catalog.endpoints', 'ok'],
    ]);
    expect(fs[0]?.title).toBe('The certificate of the identity public endpoint does not verify: https://cloud.example.org:5000');
    expect(fs[0]?.explanation).toContain('(HTTP 300 without verification)');
    expect(fs[0]?.explanation).toContain('curl: (60) SSL certificate problem: certificate has expired');
    expect(fs[0]?.explainedBy).toEqual(['certificates.expiry']);
    expect(fs[3]?.title).toBe('The image internal endpoint does not answer: http://10.0.0.250:9292');
    expect(fs[3]?.likelyCause).toMatch(/^Nothing listens on that address and port/);
    expect(fs[4]?.title).toBe('The orchestration public endpoint does not answer: https://cloud.example.org:8004/v1/%(tenant_id)s');
    expect(fs[5]?.title).toBe('6 catalog endpoint(s) of 5 service(s) answer');
    expect(fs.some((f) => f.title.includes('cloudformation'))).toBe(false);
    verbatim(input, fs);
  });

  it('an endpoint that answers only on the second, longer try is slow (warning), not down; one silent on both tries is down', () => {
    const input = load('slow-and-stalled');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['catalog.endpoint-slow', 'warning'],
      ['catalog.endpoint-down', 'critical'],
      ['catalog.endpoints', 'ok'],
    ]);
    expect(fs[0]?.title).toBe('The compute internal endpoint answers slowly: http://198.18.2.10:8774/v2.1 took 6.2 s');
    expect(fs[0]?.explanation).toContain('got no answer within 5 s; asked again, it answered HTTP 200 after 6.2 s');
    expect(fs[1]?.title).toBe('The network internal endpoint does not answer: http://198.18.2.10:9696');
    expect(fs[1]?.explanation).toContain('Operation timed out after 15001 milliseconds');
    expect(fs[1]?.likelyCause).toMatch(/^No answer in 5 s, nor in 15 s when asked again/);
    verbatim(input, fs);
  });

  it('a catalog that could not be read is could-not-check with the reason, never ok', () => {
    const input = load('public-dead-and-expired');
    const fs = analyze({ ...input, outputs: input.outputs.map((o) => ({ ...o, state: 'failed' as const, exitCode: 3, stdout: '== list failed\n', stderr: 'Missing value auth-url required for auth plugin password\n' })) });
    expect(fs).toHaveLength(1);
    expect(fs[0]?.status).toBe('SKIPPED');
    expect(fs[0]?.likelyCause).toMatch(/has no credentials/);
    expect(fs[0]?.evidence[0]?.lines).toEqual(['Missing value auth-url required for auth plugin password']);
  });
});
