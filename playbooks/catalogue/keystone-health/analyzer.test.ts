import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceNotInOutput, loadFixture } from '../../engine/fixtures.js';
import type { AnalyzerInput, Finding } from '../../engine/types.js';
import { analyze } from './analyzer.js';

const dir = join(import.meta.dirname, 'fixtures');
const load = (scenario: string): AnalyzerInput => loadFixture(join(dir, scenario));
const bad = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const sev = (fs: Finding[]): Array<[string, string]> => fs.map((f) => [f.check, f.severity]);
const verbatim = (input: AnalyzerInput, fs: Finding[]): void => expect(evidenceNotInOutput(input, fs)).toEqual([]);

describe('keystone-health', () => {
  it('the healthy lab: one key set on the three controllers, every token accepted everywhere', () => {
    const input = load('lab-packages-healthy');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['keystone.fernet-keys', 'ok'],
      ['keystone.tokens', 'ok'],
    ]);
    verbatim(input, fs);
  });

  it('the lab fault keystone-fernet-mismatch: controller-2 named, critical, the token symptoms under the key finding and no node blamed for refusing the VIP token', () => {
    const input = load('lab-packages-fernet-mismatch');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['keystone.fernet-keys', 'critical'],
      ['keystone.vip-token', 'critical'],
      ['keystone.cross-validation', 'critical'],
    ]);
    expect(fs[0]?.title).toBe('Fernet keys on controller-2 differ from controller-1, controller-3');
    expect(fs[0]?.explanation).toContain('controller-2 holds Fernet keys 0, 2, 3');
    expect(fs[2]?.title).toBe("Keystone on controller-2 and the other Keystone nodes refuse each other's tokens");
    verbatim(input, fs);
  });

  it('keys rotated on one node alone: the odd node and both directions of refusal are named, the token symptoms hang under the key finding', () => {
    const input = load('public-rotated-on-one-node');
    const fs = analyze(input);
    expect(sev(fs)).toEqual([
      ['keystone.fernet-keys', 'critical'],
      ['keystone.vip-token', 'critical'],
      ['keystone.cross-validation', 'critical'],
      ['keystone.refused-requests', 'info'],
    ]);
    const [keys, vip, cross] = fs;
    expect(keys?.title).toBe('Fernet keys on ctl-3 differ from ctl-1, ctl-2');
    expect(keys?.explanation).toContain('ctl-3 holds Fernet keys 0, 2, 3 in /etc/keystone/fernet-keys, ctl-1, ctl-2 hold keys 0, 1');
    expect(keys?.explanation).toContain('Tokens ctl-3 issues (signed with its primary key 3) are refused by ctl-1, ctl-2');
    expect(keys?.explanation).toContain('Tokens ctl-1, ctl-2 issue (primary key 1) are refused by ctl-3');
    expect(keys?.nextStep).toContain('rsync -a --delete /etc/keystone/fernet-keys/ ctl-3:/etc/keystone/fernet-keys/');
    expect(vip?.title).toBe('A token from the Keystone VIP was refused in 2 of 6 checks through the VIP');
    expect(cross?.title).toBe("Keystone on ctl-3 and the other Keystone nodes refuse each other's tokens");
    expect(cross?.explanation).toContain('ctl-1 → ctl-3 (HTTP 401), ctl-2 → ctl-3 (HTTP 401), ctl-3 → ctl-1 (HTTP 401) and ctl-3 → ctl-2 (HTTP 401)');
    for (const f of [vip, cross]) expect(f?.explainedBy).toEqual(['keystone.fernet-keys']);
    verbatim(input, fs);
  });

  it('prints no key and no token: the evidence holds hashes and status codes only', () => {
    const input = load('public-rotated-on-one-node');
    for (const f of analyze(input)) for (const e of f.evidence) for (const l of e.lines) expect(l).toMatch(/^(== |key \d+ [0-9a-f]{16}$|check |issue |server |lines |refused |latest )/);
  });

  it('a differing staged key alone (Keystone allows it) is no finding; a differing older key is a warning', () => {
    const input = load('public-rotated-on-one-node');
    const keys = (k0: string, k1: string): string => `== conf /etc/keystone/keystone.conf\n== fernet /etc/keystone/fernet-keys\nkey 0 ${k0}\nkey 1 ${k1}\nkey 2 2222222222222222\n== log none\n`;
    const only = (fn: (node: string) => string): AnalyzerInput => ({ ...input, outputs: input.outputs.filter((o) => o.step === 'keys').map((o) => ({ ...o, stdout: fn(o.node) })) });
    const staged = analyze(only((n) => keys(n === 'ctl-2' ? 'ffffffffffffffff' : '0000000000000000', '1111111111111111')));
    expect(sev(staged)).toEqual([['keystone.fernet-keys', 'ok']]);
    const older = analyze(only((n) => keys('0000000000000000', n === 'ctl-2' ? 'eeeeeeeeeeeeeeee' : '1111111111111111')));
    expect(sev(older)).toEqual([['keystone.fernet-keys', 'warning']]);
    expect(older[0]?.title).toBe('Fernet keys on ctl-2 differ from ctl-1, ctl-3');
  });

  it('no Keystone on the nodes (a cluster without one): info, and the token step\'s failure is not a problem', () => {
    const input = load('public-rotated-on-one-node');
    const none: AnalyzerInput = {
      ...input,
      outputs: input.outputs.map((o) => (o.step === 'keys' ? { ...o, stdout: '== conf /etc/keystone/keystone.conf missing\n== fernet /etc/keystone/fernet-keys missing\n== log none\n' } : { ...o, stdout: '== vip none\n== nodes no-credentials\n' })),
    };
    const fs = analyze(none);
    expect(sev(fs)).toEqual([['keystone.absent', 'info']]);
    expect(fs[0]?.title).toBe('No Keystone on ctl-1, ctl-2, ctl-3');
  });

  it('no keystone container (Kolla) or no keystone-api pod (the key step ran nowhere) and no Keystone to ask: info, nothing to fix', () => {
    const input = load('public-rotated-on-one-node');
    const tokens = input.outputs.filter((o) => o.step === 'tokens').map((o) => ({ ...o, stdout: '== vip none\n== nodes no-credentials\n' }));
    const kolla = analyze({ ...input, outputs: [...input.outputs.filter((o) => o.step === 'keys').map((o) => ({ ...o, state: 'failed' as const, exitCode: 1, stdout: '', stderr: 'Error: No such container: keystone\n' })), ...tokens] });
    expect(sev(kolla)).toEqual([['keystone.absent', 'info']]);
    const helm = analyze({ ...input, outputs: tokens });
    expect(sev(helm)).toEqual([['keystone.absent', 'info']]);
    expect(helm[0]?.title).toBe('No Keystone on ctl-1, ctl-2, ctl-3');
  });

  it('a key repository that cannot be read is could-not-check, never ok', () => {
    const input = load('public-rotated-on-one-node');
    const fs = analyze({ ...input, outputs: input.outputs.map((o) => (o.step === 'keys' && o.node === 'ctl-3' ? { ...o, stdout: '== conf /etc/keystone/keystone.conf\n== fernet /etc/keystone/fernet-keys unreadable\n== log none\n' } : o)) });
    const skipped = fs.find((f) => f.status === 'SKIPPED');
    expect(skipped?.title).toBe('Fernet keys could not be read on ctl-3');
    expect(fs.find((f) => f.check === 'keystone.fernet-keys' && f.severity === 'ok')?.title).toBe('Fernet keys are the same on 2 Keystone node(s)');
    expect(bad(fs).map((f) => f.check)).toEqual(['keystone.vip-token', 'keystone.cross-validation']);
  });
});
