import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../core/testing/scratch.js';
import { inProcessCli } from './testing/in-process.js';

/**
 * `lab up`'s new flags (--control-plane, --nova-computes, --rabbitmq-nodes) and the kolla flavour
 * with hostile values: each is refused with a message naming the flag, before anything starts (no
 * lab folder, no pointer file in the data dir).
 */
describe('stackscope lab up: hostile flag values', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--nova-computes', '1;touch /tmp/pwned'], /--nova-computes must be a whole number from 0 to --computes \(2\), got "1;touch \/tmp\/pwned"/],
    [['--nova-computes', '-1'], /--nova-computes must be a whole number/],
    [['--nova-computes', '3'], /--nova-computes must be a whole number from 0 to --computes \(2\), got "3"/],
    [['--nova-computes', '9'.repeat(5000)], /--nova-computes must be a whole number from 0 to --computes \(2\)/],
    [['--nova-computes', '0x2'], /--nova-computes must be a whole number/],
    [['--rabbitmq-nodes', '2'], /--rabbitmq-nodes.*'2' is invalid.*Allowed choices are 1, 3/],
    [['--rabbitmq-nodes', '$(id)'], /--rabbitmq-nodes.*is invalid/],
    [['--control-plane', 'full;reboot'], /--control-plane.*is invalid.*Allowed choices are full, none/],
    [['--control-plane', 'full', '--no-rabbitmq'], /the full control plane needs RabbitMQ/],
    [['--flavor', 'kolla`id`'], /--flavor.*is invalid.*Allowed choices are packages, openstack-helm, kolla/],
  ];
  for (const [flags, message] of cases) {
    it(`refuses ${flags.join(' ').slice(0, 60)}`, async () => {
      const data = join(scratchDir(), 'data');
      const cli = inProcessCli(data);
      const labFolders = (): string[] => readdirSync(tmpdir()).filter((d) => d.startsWith('stackscope-lab-') && d !== 'stackscope-lab-subnets');
      const before = labFolders();
      const r = await cli('lab', 'up', '--computes', '2', ...flags);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.length).toBeLessThan(6000);
      expect(existsSync(join(data, 'lab.json'))).toBe(false);
      expect(labFolders()).toEqual(before);
      expect(existsSync(data) ? readdirSync(data).filter((f) => f.startsWith('lab')) : []).toEqual([]);
    });
  }
});
