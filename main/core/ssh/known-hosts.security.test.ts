import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodInputs } from '../../contract/schemas.js';
import { generateKey } from '../../lab/sshd.js';
import { tempDir } from '../testing/fixtures.js';
import { fingerprintOf } from './host-key.js';
import { HostKeyTrust } from './host-key-trust.js';
import { judgeKey, KNOWN_HOSTS_MAX_BYTES, KnownHostsReader, parseKnownHosts } from './known-hosts.js';

const tmp = tempDir('stackscope-kh-sec-');
let key: string;
let other: string;
const presented = (line: string) => ({ keyType: 'ssh-ed25519', fingerprint: fingerprintOf(Buffer.from(line.split(' ')[1] ?? '', 'base64')) });
const hashed = (name: string): string => {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

beforeAll(async () => {
  const pub = async (name: string): Promise<string> => (await generateKey(join(tmp.path, name))).trim().split(/\s+/).slice(0, 2).join(' ');
  [key, other] = await Promise.all([pub('k'), pub('o')]);
});
afterAll(() => tmp.remove());

describe('a hostile known_hosts', () => {
  it('skips garbage, binary and overlong lines with a count, and still finds the good entry after them', () => {
    const lines = [
      '\u0000\u0001\u0002 ssh-ed25519 AAAA',
      `ctl-1 ssh-ed25519 ${'A'.repeat(20_000)}`,
      `ctl-1 ${'x'.repeat(100)} ${key.split(' ')[1]}`,
      `ctl-1 ssh-ed25519 ${Buffer.from('short').toString('base64')}`,
      `ctl-1\t${key}`,
    ];
    const parsed = parseKnownHosts(lines.join('\r\n'), '/kh');
    expect(parsed.malformed).toBe(4);
    expect(judgeKey([parsed], 'ctl-1', 22, presented(key))).toMatchObject({ status: 'known', line: 5 });
  });

  it('does not take a hashed entry of another host for ours', () => {
    const parsed = parseKnownHosts(`${hashed('ctl-2')} ${key}\n${hashed('[ctl-1]:2222')} ${key}\n`, '/kh');
    expect(judgeKey([parsed], 'ctl-1', 22, presented(key))).toEqual({ status: 'unknown' });
    expect(judgeKey([parsed], 'ctl-1', 2222, presented(key))).toMatchObject({ status: 'known', line: 2 });
  });

  it('refuses a key revoked for our host even though another line lists it for us', () => {
    const parsed = parseKnownHosts(`ctl-1 ${key}\n@revoked ctl-1 ${key}\n`, '/kh');
    expect(judgeKey([parsed], 'ctl-1', 22, presented(key))).toEqual({ status: 'revoked', file: '/kh', line: 2 });
    // …and our own store trusting it changes nothing.
    const file = join(tmp.path, 'revoked');
    writeFileSync(file, `@revoked ctl-1 ${key}\n`);
    const trust = new HostKeyTrust({ getHostKey: () => presented(key) }, new KnownHostsReader(), { STACKSCOPE_KNOWN_HOSTS: file });
    expect(trust.check({ host: 'ctl-1', port: 22 }, presented(key))).toMatchObject({ status: 'revoked' });
  });

  it('treats pattern characters in a node address as text: an address cannot widen what it matches', () => {
    const parsed = parseKnownHosts(`ctl-1 ${key}\n`, '/kh');
    for (const host of ['*', 'ctl-?', 'ctl-1,evil', '!ctl-1', 'ctl-1 ', 'ctl-1\n']) {
      expect(judgeKey([parsed], host, 22, presented(key)), JSON.stringify(host)).toEqual({ status: 'unknown' });
    }
    // The contract refuses such addresses before they are stored at all.
    for (const host of ['*', 'ctl-1,evil', '!ctl-1', 'ctl 1', '[ctl-1]:22']) {
      expect(methodInputs['nodes.add'].safeParse({ clusterId: 1, name: 'n', host, user: 'root', roles: ['compute'], auth: { method: 'agent' } }).success, host).toBe(false);
    }
    // A file line that names many hosts with a wildcard matches what OpenSSH would, no more.
    const wild = parseKnownHosts(`* ${other}\n`, '/kh');
    expect(judgeKey([wild], 'anything', 22, presented(other))).toMatchObject({ status: 'known' });
  });

  it('does not read a file over the cap, a directory, a symlink loop or a path through a file; says why', () => {
    const reader = new KnownHostsReader();
    const big = join(tmp.path, 'big');
    writeFileSync(big, `ctl-1 ${key}\n`);
    truncateSync(big, KNOWN_HOSTS_MAX_BYTES + 1);
    expect(reader.read(big, true)).toMatchObject({ entries: [], problem: expect.stringMatching(/larger than 16 MB; not read/) });
    const dir = join(tmp.path, 'dir');
    mkdirSync(dir);
    expect(reader.read(dir, true).problem).toMatch(/is not a regular file/);
    const loop = join(tmp.path, 'loop');
    symlinkSync(loop, loop);
    expect(reader.read(loop, true).problem).toMatch(/ELOOP/);
    expect(reader.read(join(big, 'known_hosts'), true).problem).toMatch(/ENOTDIR/);
    expect(reader.read(join(tmp.path, 'absent'), true).problem).toMatch(/ENOENT/);
    // An absent default file (~/.ssh/known_hosts on a fresh account) is no problem worth saying.
    expect(reader.read(join(tmp.path, 'absent'), false).problem).toBeUndefined();
    const trust = new HostKeyTrust({ getHostKey: () => undefined }, reader, { STACKSCOPE_KNOWN_HOSTS: `${dir}:${loop}` });
    expect(trust.check({ host: 'ctl-1', port: 22 }, presented(key))).toEqual({ status: 'unknown' });
    expect(trust.notes({})).toHaveLength(2);
  });
});

describe('connection settings in the contract', () => {
  const update = (fields: Record<string, unknown>) => methodInputs['clusters.update'].safeParse({ id: 1, ...fields });
  it('refuses values out of range, of the wrong kind, and an "accept" policy', () => {
    for (const bad of [
      { connectTimeoutSec: 0 },
      { connectTimeoutSec: 301 },
      { connectTimeoutSec: 1.5 },
      { connectTimeoutSec: '10' },
      { keepaliveSec: -1 },
      { keepaliveSec: 3601 },
      { concurrency: 0 },
      { concurrency: 257 },
      { unknownHostKeys: 'accept' },
      { unknownHostKeys: 'yes' },
      { knownHostsFile: 'relative/known_hosts' },
      { knownHostsFile: '/etc/ssh/known_hosts\nctl-1 ssh-ed25519 AAAA' },
      { knownHostsFile: `/${'a'.repeat(5000)}` },
      { knownHostsFile: '' },
    ]) {
      expect(update(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it('takes values in range, and null to go back to the default', () => {
    expect(update({ connectTimeoutSec: 10, keepaliveSec: 0, concurrency: 8, unknownHostKeys: 'refuse', knownHostsFile: '/tmp/kh' }).success).toBe(true);
    expect(update({ connectTimeoutSec: null, keepaliveSec: null, concurrency: null, knownHostsFile: null }).success).toBe(true);
  });
  it('refuses a bulk trust that is empty, repeats a node, or carries anything but SHA256 fingerprints', () => {
    const fp = presented(`x ${Buffer.alloc(51).toString('base64')}`).fingerprint;
    const trust = (confirmed: unknown) => methodInputs['hostKeys.trustCluster'].safeParse({ clusterId: 1, confirmed });
    expect(trust([{ nodeId: 1, fingerprint: fp }]).success).toBe(true);
    expect(trust([]).success).toBe(false);
    expect(trust([{ nodeId: 1, fingerprint: fp }, { nodeId: 1, fingerprint: fp }]).success).toBe(false);
    expect(trust([{ nodeId: 1, fingerprint: 'MD5:aa:bb' }]).success).toBe(false);
    expect(trust([{ nodeId: 1, fingerprint: `${fp}\n` }]).success).toBe(false);
    expect(trust([{ nodeId: 1, fingerprint: fp, trustAll: true }]).success).toBe(false);
    expect(methodInputs['hostKeys.trustCluster'].safeParse({ clusterId: 1, all: true }).success).toBe(false);
    for (const bad of [{}, { clusterId: '1' }, { clusterId: 0 }, { clusterId: 1, knownHostsFile: '/etc/passwd' }]) {
      expect(methodInputs['hostKeys.probeCluster'].safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
