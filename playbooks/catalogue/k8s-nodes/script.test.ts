import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standIns } from '../../engine/testing/stand-ins.js';
import { nodeFacts, parseOutput, pvcFacts } from './parse.js';

/**
 * nodes.sh itself, run with sh and a kubectl stand-in: the four listings in their sections, in
 * one run, and a refusal of one of them kept in its own section (the others still read).
 */
const script = join(import.meta.dirname, 'nodes.sh');
const withTools = standIns('nodes-sh-');

function run(kubectl: string): { out: string; code: number | null } {
  const bin = withTools({ kubectl });
  const r = spawnSync('/bin/sh', [script], { encoding: 'utf8', env: { PATH: bin } });
  return { out: r.stdout, code: r.status };
}

const list = (items: unknown[]): string => JSON.stringify({ apiVersion: 'v1', items, kind: 'List' }, null, 4).replaceAll("'", "'\\''");
const node = { metadata: { name: 'ctl-1', labels: { 'openstack-control-plane': 'enabled' } }, spec: {}, status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] } };

describe('nodes.sh', () => {
  it('prints the nodes, claims, ProvisioningFailed events and Failed pods, each in its section', () => {
    const { out, code } = run(`case "$2" in nodes) echo '${list([node])}' ;; *) echo '${list([])}' ;; esac`);
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => l.startsWith('== '))).toEqual(['== nodes', '== pvc', '== provisioning-failed', '== failed-pods', '== end']);
    const p = parseOutput(out);
    expect(nodeFacts(p)?.map((n) => n.name)).toEqual(['ctl-1']);
    expect(pvcFacts(p)).toEqual([]);
  });

  it('a kubectl refusal stays in its own section and makes the step fail; the other listings still come', () => {
    const { out, code } = run(`case "$2" in pvc) echo 'Error from server (Forbidden): persistentvolumeclaims is forbidden' >&2; exit 1 ;; nodes) echo '${list([node])}' ;; *) echo '${list([])}' ;; esac`);
    expect(code).toBe(1);
    const p = parseOutput(out);
    expect(p.sections.pvc).toEqual({ json: null, messages: ['Error from server (Forbidden): persistentvolumeclaims is forbidden'] });
    expect(nodeFacts(p)).toHaveLength(1);
    expect(p.sections['failed-pods']?.json).not.toBeNull();
  });
});
