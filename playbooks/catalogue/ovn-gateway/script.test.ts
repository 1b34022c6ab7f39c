import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { parseNb, parseSb } from './parse.js';

/**
 * nb-gateways.sh and sb-gateways.sh themselves, run with sh against ovn-nbctl / ovn-sbctl stand-ins
 * that print which table they were asked for, or fail on one: every table under its `== TABLE`
 * line and `== end` at the end; a failing read stops the script with its exit code and no `== end`
 * (the analyzer then says not checked).
 */
const tools = standIns('ovn-gateway-sh-');

function run(script: string, failOn = ''): { out: string; code: number | null; asked: string[] } {
  const answer = `echo "$*" >> "$0.asked"
case "$*" in *${failOn || 'never-matches'}*) echo "database connection failed" >&2; exit 7 ;; esac
echo "_uuid               : u1"
echo "name                : row"`;
  const bin = tools({ 'ovn-nbctl': answer, 'ovn-sbctl': answer });
  const r = spawnSync('sh', [join(import.meta.dirname, script)], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
  let asked: string[] = [];
  try {
    asked = readFileSync(join(bin, script.startsWith('nb') ? 'ovn-nbctl.asked' : 'ovn-sbctl.asked'), 'utf8').trim().split('\n');
  } catch {
    asked = [];
  }
  return { out: r.stdout, code: r.status, asked };
}

describe('nb-gateways.sh and sb-gateways.sh', () => {
  it('read every table, each under its own heading, and end with == end', () => {
    const nb = run('nb-gateways.sh');
    expect(nb.code).toBe(0);
    expect(nb.out.split('\n').filter((l) => l.startsWith('== '))).toEqual(['== Logical_Router_Port', '== Logical_Router', '== Gateway_Chassis', '== HA_Chassis_Group', '== HA_Chassis', '== end']);
    // Read-only, from any member of the raft cluster, only the gateway ports.
    expect(nb.asked.every((a) => a.startsWith('--no-leader-only --timeout=10 --columns='))).toBe(true);
    expect(nb.asked.filter((a) => a.includes(' find Logical_Router_Port '))).toHaveLength(2);
    expect(parseNb(nb.out).complete).toBe(true);
    const sb = run('sb-gateways.sh');
    expect(sb.code).toBe(0);
    expect(sb.out.split('\n').filter((l) => l.startsWith('== '))).toEqual(['== Chassis', '== Encap', '== Port_Binding', '== end']);
    expect(parseSb(sb.out).complete).toBe(true);
  });

  it('stop at the first read that fails, with its exit code and without == end', () => {
    const nb = run('nb-gateways.sh', 'Gateway_Chassis');
    expect(nb.code).toBe(7);
    expect(nb.out).not.toContain('== HA_Chassis_Group');
    expect(parseNb(nb.out).complete).toBe(false);
    const sb = run('sb-gateways.sh', 'Encap');
    expect(sb.code).toBe(7);
    expect(parseSb(sb.out).complete).toBe(false);
  });
});
