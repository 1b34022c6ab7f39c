import { describe, expect, it } from 'vitest';
import type { RunbookStepInfo } from '../contract/types.js';
import { matchFindings, matchOutputs, matchStepRun } from './runbook-match.js';

const out = (stdout: string, exitCode: number | null = 0, stderr = ''): { exitCode: number | null; stdout: string; stderr: string } => ({ exitCode, stdout, stderr });
const expect1 = { healthy: 'wsrep_cluster_status\\tPrimary$', broken: 'non-Primary|ERROR \\d+' };

describe('which example a runbook step matches', () => {
  it('a command step: broken if any node matches broken, healthy only if every node exited 0 and matches healthy', () => {
    expect(matchOutputs(expect1, [out('wsrep_cluster_status\tPrimary\n'), out('wsrep_cluster_status\tPrimary\n')])).toBe('healthy');
    expect(matchOutputs(expect1, [out('wsrep_cluster_status\tPrimary\n'), out('', 1, "ERROR 2002 (HY000): Can't connect")])).toBe('broken');
    expect(matchOutputs(expect1, [out('wsrep_cluster_status\tnon-Primary\n'), out('wsrep_cluster_status\tPrimary\n')])).toBe('broken');
    // Healthy text but a failed exit, or one node that said something else: neither.
    expect(matchOutputs(expect1, [out('wsrep_cluster_status\tPrimary\n', 1)])).toBe('neither');
    expect(matchOutputs(expect1, [out('wsrep_cluster_status\tPrimary\n'), out('timeout', null)])).toBe('neither');
    expect(matchOutputs(expect1, [])).toBe('neither');
    // Empty output is matched as "(no output)", so a runbook can name it.
    expect(matchOutputs({ healthy: 'VCPU', broken: '^\\(no output\\)$' }, [out('\n')])).toBe('broken');
    // A pattern that does not compile decides nothing.
    expect(matchOutputs({ healthy: '([', broken: 'x' }, [out('x')])).toBe('neither');
  });

  it('a playbook step: by its findings, a problem wins, could-not-check says neither', () => {
    expect(matchFindings([{ severity: 'ok', status: 'OK' }, { severity: 'info', status: 'INFO' }])).toBe('healthy');
    expect(matchFindings([{ severity: 'ok', status: 'OK' }, { severity: 'warning', status: 'FAILED' }])).toBe('broken');
    expect(matchFindings([{ severity: 'ok', status: 'OK' }, { severity: 'info', status: 'SKIPPED' }])).toBe('neither');
    expect(matchFindings([{ severity: 'critical', status: 'FAILED' }, { severity: 'info', status: 'SKIPPED' }])).toBe('broken');
    expect(matchFindings([])).toBe('neither');
  });

  it('waits for the run, and a failed playbook run matches nothing', () => {
    const playbook = { action: { kind: 'playbook', playbookId: 'galera-health', params: {} }, expect: null } as Pick<RunbookStepInfo, 'action' | 'expect'>;
    const findings = [{ severity: 'ok', status: 'OK' }] as never[];
    expect(matchStepRun(playbook, { state: 'running', steps: [], findings })).toBe('pending');
    expect(matchStepRun(playbook, { state: 'failed', steps: [], findings })).toBe('neither');
    expect(matchStepRun(playbook, { state: 'succeeded', steps: [], findings })).toBe('healthy');
    const read = { action: { kind: 'read' }, expect: null } as Pick<RunbookStepInfo, 'action' | 'expect'>;
    expect(matchStepRun(read, { state: 'succeeded', steps: [], findings })).toBe('neither');
  });
});
