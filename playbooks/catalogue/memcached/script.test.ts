import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseMemcached } from './parse.js';

/**
 * memcached.sh itself, run with sh as the engine runs it. `ss` and `bash` are stand-ins on PATH:
 * ss prints the sockets of the situation under test, and the stand-in bash prints what memcached
 * answers (with the CRLF line ends it uses) after the address and port it was asked to open, so
 * the test sees which memcached the script chose to ask.
 */
const script = join(import.meta.dirname, 'memcached.sh');
const withTools = standIns('memcached-sh-');

const run = (bin: string): string => {
  const r = spawnSync('sh', ['-c', `PATH=${bin}:/usr/bin:/bin; export PATH; . ${script}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
const answering = "printf 'STAT asked %s:%s\\r\\nSTAT curr_connections 5\\r\\nEND\\r\\nSTAT maxconns 1024\\r\\nSTAT udpport 0\\r\\nEND\\r\\n' \"$4\" \"$5\"";

describe('memcached.sh', () => {
  it('asks each listening memcached once: a wildcard on loopback, IPv6 without brackets, other TCP ports left alone', () => {
    const bin = withTools({
      ss: [
        'case "$1" in -ltnpH) printf \'%s\\n\' \'LISTEN 0 1024 0.0.0.0:11211 0.0.0.0:* users:(("memcached",pid=7,fd=26))\' \'LISTEN 0 1024 [::]:11211 [::]:* users:(("memcached",pid=7,fd=27))\' \'LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1,fd=3))\' \'LISTEN 0 1024 10.0.0.11:11222 0.0.0.0:* users:(("memcached",pid=9,fd=26))\' ;;',
        '-lunpH) ;; esac',
      ].join('\n'),
      bash: answering,
    });
    const out = run(bin);
    expect(out).not.toContain('sshd');
    const f = parseMemcached(out);
    expect(f.tcp).toHaveLength(3);
    expect(f.instances.map((i) => [i.addr, i.port, i.stats.asked, i.settings.maxconns, i.exit])).toEqual([
      ['10.0.0.11', '11222', '10.0.0.11:11222', '1024', 0],
      ['127.0.0.1', '11211', '127.0.0.1:11211', '1024', 0],
      ['::1', '11211', '::1:11211', '1024', 0],
    ]);
    expect(out).not.toContain('\r');
  });

  it('prints UDP sockets of memcached and "none" when nothing listens on TCP', () => {
    const bin = withTools({ ss: 'case "$1" in -lunpH) echo \'UNCONN 0 0 10.0.0.12:11211 0.0.0.0:* users:(("memcached",pid=3,fd=27))\' ;; esac', bash: 'echo "must not be called" >&2; exit 3' });
    const out = run(bin);
    expect(out).toBe('== tcp\n== udp\nUNCONN 0 0 10.0.0.12:11211 0.0.0.0:* users:(("memcached",pid=3,fd=27))\n== none\n');
  });

  it('a memcached that does not answer: the exit of the request is kept (what it printed, too)', () => {
    const bin = withTools({ ss: 'case "$1" in -ltnpH) echo \'LISTEN 0 1024 10.0.0.13:11211 0.0.0.0:*\' ;; esac', bash: "echo 'bash: connect: Connection refused' >&2; exit 1" });
    const f = parseMemcached(run(bin));
    expect(f.instances).toEqual([expect.objectContaining({ addr: '10.0.0.13', exit: 1, other: ['bash: connect: Connection refused'], stats: {} })]);
  });
});
