import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../lab/sshd.js';
import { tempDir } from '../testing/fixtures.js';
import { fingerprintOf } from './host-key.js';
import { HostKeyTrust } from './host-key-trust.js';
import { globMatch, judgeKey, knownHostsName, KnownHostsReader, knownKeyTypes, matchHostPatterns, parseKnownHosts } from './known-hosts.js';

const tmp = tempDir('stackscope-kh-');
/** `ssh-ed25519 AAAA…` of three real keys, and their fingerprints. */
let keyA: string;
let keyB: string;
let rsa: string;
const fp = (line: string): string => fingerprintOf(Buffer.from(line.split(' ')[1] ?? '', 'base64'));

beforeAll(async () => {
  const pub = async (name: string, type: 'ed25519' | 'rsa' = 'ed25519'): Promise<string> =>
    (await generateKey(join(tmp.path, name), type)).trim().split(/\s+/).slice(0, 2).join(' ');
  [keyA, keyB, rsa] = await Promise.all([pub('a'), pub('b'), pub('r', 'rsa')]);
});
afterAll(() => tmp.remove());

/** What OpenSSH itself finds for a name: `ssh-keygen -F NAME -f FILE` (exit 0 when found). */
function opensshFinds(file: string, name: string): boolean {
  try {
    execFileSync('ssh-keygen', ['-F', name, '-f', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('known_hosts lines', () => {
  it('names a host as OpenSSH does: bare on port 22, [host]:port otherwise, lower case', () => {
    expect(knownHostsName('Ctl-1.Example', 22)).toBe('ctl-1.example');
    expect(knownHostsName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
  });

  it('matches globs without backtracking blow-up', () => {
    expect(globMatch('cmp-01.prod', 'cmp-*.prod')).toBe(true);
    expect(globMatch('cmp-1', 'cmp-?')).toBe(true);
    expect(globMatch('cmp-10', 'cmp-?')).toBe(false);
    const t0 = Date.now();
    expect(globMatch('a'.repeat(5000), `${'*a'.repeat(50)}b`)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('applies negation as OpenSSH does: a matching !pattern rules the name out', () => {
    expect(matchHostPatterns('cmp-1', ['cmp-*', '!cmp-1'])).toBe(false);
    expect(matchHostPatterns('cmp-2', ['cmp-*', '!cmp-1'])).toBe(true);
    expect(matchHostPatterns('cmp-2', ['!cmp-1'])).toBe(false);
  });

  it('agrees with ssh-keygen -F on plain, listed, wildcard, negated, bracketed and hashed entries', () => {
    const file = join(tmp.path, 'agree');
    writeFileSync(
      file,
      [
        `ctl-1,10.0.0.1 ${keyA}`,
        `[10.0.0.2]:2222 ${keyA}`,
        `cmp-*.prod,!cmp-9.prod ${keyB}`,
        `[10.0.0.3]:22 ${keyB}`,
        `net-? ${keyA}`,
        `hashed-node ${rsa}`,
        `[hashed-port]:2200 ${rsa}`,
      ].join('\n') + '\n',
    );
    // OpenSSH hashes the names in place: our reader must still find them.
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashedLines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('|1|'));
    expect(hashedLines.length).toBeGreaterThan(5);
    const parsed = parseKnownHosts(readFileSync(file, 'utf8'), file);
    expect(parsed.malformed).toBe(0);
    const names: Array<[string, number]> = [
      ['ctl-1', 22],
      ['10.0.0.1', 22],
      ['ctl-1', 2222],
      ['10.0.0.2', 2222],
      ['10.0.0.2', 22],
      ['cmp-4.prod', 22],
      ['cmp-9.prod', 22],
      ['10.0.0.3', 22],
      ['net-1', 22],
      ['net-12', 22],
      ['hashed-node', 22],
      ['hashed-port', 2200],
      ['hashed-port', 22],
      ['other', 22],
    ];
    for (const [host, port] of names) {
      const ours = knownKeyTypes([parsed], host, port).length > 0;
      expect(ours, `${host}:${port}`).toBe(opensshFinds(file, knownHostsName(host, port)));
    }
  });

  it('judges a key: known, changed (same type, other key, with file:line), unknown (other types only), revoked for any host', () => {
    const file = '/kh';
    const parsed = parseKnownHosts([`# comment`, ``, `ctl-1 ${keyA}`, `ctl-2 ${keyB}`, `ctl-3 ${rsa}`, `@revoked * ${keyB}`].join('\n'), file);
    expect(parsed).toMatchObject({ malformed: 0, certAuthorities: 0 });
    const a = { keyType: 'ssh-ed25519', fingerprint: fp(keyA) };
    expect(judgeKey([parsed], 'ctl-1', 22, a)).toEqual({ status: 'known', file, line: 3 });
    expect(judgeKey([parsed], 'ctl-2', 22, a)).toEqual({ status: 'changed', file, line: 4, fingerprint: fp(keyB) });
    expect(judgeKey([parsed], 'ctl-3', 22, a)).toEqual({ status: 'unknown' });
    expect(judgeKey([parsed], 'anything', 22, { keyType: 'ssh-ed25519', fingerprint: fp(keyB) })).toEqual({ status: 'revoked', file, line: 6 });
    expect(judgeKey([parsed], 'ctl-1', 2222, a)).toEqual({ status: 'unknown' });
  });

  it('skips malformed lines with a count and ignores @cert-authority lines, saying so', () => {
    const parsed = parseKnownHosts(
      [
        `ctl-1 ${keyA}`,
        `ctl-1`,
        `ctl-1 ssh-ed25519`,
        `ctl-1 ssh-ed25519 not*base64`,
        `ctl-1 ssh-rsa ${keyA.split(' ')[1]}`,
        `|1|short|hash ${keyA}`,
        `@bogus ctl-1 ${keyA}`,
        `,, ${keyA}`,
        `@cert-authority *.prod ${keyB}`,
      ].join('\n'),
      '/kh',
    );
    expect(parsed).toMatchObject({ malformed: 7, certAuthorities: 1 });
    expect(parsed.entries).toHaveLength(1);
  });
});

describe('trust from our store and known_hosts together', () => {
  it('refuses a revoked key even when we trusted it, prefers our store over known_hosts, and names a known_hosts mismatch', () => {
    const file = join(tmp.path, 'together');
    writeFileSync(file, `[127.0.0.1]:2201 ${keyA}\n[127.0.0.1]:2202 ${keyB}\n`);
    const stored = new Map<string, { keyType: string; fingerprint: string }>([['127.0.0.1:2203', { keyType: 'ssh-ed25519', fingerprint: fp(keyA) }]]);
    const trust = new HostKeyTrust({ getHostKey: (h, p) => stored.get(`${h}:${p}`) }, new KnownHostsReader(), { STACKSCOPE_KNOWN_HOSTS: file });
    const a = { keyType: 'ssh-ed25519', fingerprint: fp(keyA) };
    const at = (port: number) => ({ host: '127.0.0.1', port });
    expect(trust.check(at(2201), a)).toEqual({ status: 'known_hosts', file, line: 1 });
    expect(trust.check(at(2202), a)).toEqual({ status: 'changed', knownFingerprint: fp(keyB), file, line: 2 });
    expect(trust.check(at(2203), a)).toEqual({ status: 'trusted' });
    expect(trust.check(at(2204), a)).toEqual({ status: 'unknown' });
    expect(trust.preferredKeyTypes(at(2201))).toEqual(['ssh-ed25519']);
    writeFileSync(file, `@revoked [127.0.0.1]:2203 ${keyA}\n`);
    expect(trust.check(at(2203), a)).toEqual({ status: 'revoked', file, line: 1 });
  });

  it('reads the cluster file in place of ~/.ssh/known_hosts, and STACKSCOPE_KNOWN_HOSTS in place of both', () => {
    const file = join(tmp.path, 'cluster-kh');
    writeFileSync(file, `ctl-1 ${keyA}\n`);
    const trust = new HostKeyTrust({ getHostKey: () => undefined }, new KnownHostsReader(), {});
    expect(trust.check({ host: 'ctl-1', port: 22, settings: { knownHostsFile: file } }, { keyType: 'ssh-ed25519', fingerprint: fp(keyA) })).toMatchObject({ status: 'known_hosts', file });
    const none = new HostKeyTrust({ getHostKey: () => undefined }, new KnownHostsReader(), { STACKSCOPE_KNOWN_HOSTS: '' });
    expect(none.check({ host: 'ctl-1', port: 22, settings: { knownHostsFile: file } }, { keyType: 'ssh-ed25519', fingerprint: fp(keyA) })).toEqual({ status: 'unknown' });
  });
});
