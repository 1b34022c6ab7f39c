import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchCaseLog, scratchDir } from '../main/core/testing/scratch.js';
import { CasesRepo } from './cases-repo.js';
import { InventoryRepo } from './inventory-repo.js';

function fresh(author = 'alice'): CasesRepo {
  const db = scratchCaseLog(join(scratchDir(), 'caselog.sqlite'));
  new InventoryRepo(db).addCluster('c1', 'packages');
  return new CasesRepo(db, { redact: (s) => s.replaceAll('s3cret', '[REDACTED]'), author });
}

describe('cases', () => {
  it('records status changes with their author, once per change, and closes a resolved case', () => {
    const cases = fresh();
    const id = cases.create('galera down', 'critical', null);
    expect(cases.setStatus(id, 'mitigated', 'bob')).toBe(true);
    expect(cases.setStatus(id, 'mitigated', 'bob')).toBe(false); // no change, no entry
    expect(cases.setStatus(id, 'resolved', 'carol')).toBe(true);
    expect(cases.summary(id)).toMatchObject({ status: 'resolved', closedAt: expect.any(String) });
    expect(cases.setStatus(id, 'open', 'bob')).toBe(true);
    expect(cases.summary(id)?.closedAt).toBeNull();
    const statuses = (cases.timelineEntries(id) ?? []).filter((e) => e.kind === 'status');
    expect(statuses.map((e) => (e.kind === 'status' ? `${e.author}:${e.from}>${e.to}` : ''))).toEqual(['bob:open>mitigated', 'carol:mitigated>resolved', 'bob:resolved>open']);
    expect(Object.keys(cases.statusTimes(id)).sort()).toEqual(['mitigated', 'open', 'resolved']);
    expect(() => cases.setStatus(999, 'open', 'bob')).toThrow(/case 999/);
  });

  it('gives the opened entry and notes to the timeline, and nothing for a case that does not exist', () => {
    const cases = fresh('alice');
    const id = cases.create('instances stuck', 'warning', 1);
    const note = cases.addNote(id, 'Restarted **mariadb**; password s3cret', 'alice');
    expect(note.text).toBe('Restarted **mariadb**; password [REDACTED]');
    expect(cases.timelineEntries(id)).toMatchObject([
      { kind: 'opened', author: 'alice', title: 'instances stuck', severity: 'warning' },
      { kind: 'note', author: 'alice', noteId: note.id, text: 'Restarted **mariadb**; password [REDACTED]' },
    ]);
    expect(cases.detail(id)).toMatchObject({ id, clusterName: 'c1', notes: [{ id: note.id }] });
    expect(cases.timelineEntries(999)).toBeUndefined();
    expect(cases.detail(999)).toBeUndefined();
    expect(() => cases.require(999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'case 999 does not exist' }));
  });

  it("keeps the report's summary, impact and follow-ups, redacted like everything typed", () => {
    const cases = fresh();
    const id = cases.create('report', 'info', null);
    expect(cases.reportFields(id)).toEqual({ summary: '', impact: '', rootCause: '', contributing: '' });
    expect(cases.updateReportFields(id, { summary: 'token s3cret leaked' })).toBe(true);
    expect(cases.updateReportFields(id, { impact: 'none', rootCause: 'pw s3cret in a config' })).toBe(true);
    expect(cases.reportFields(id)).toEqual({ summary: 'token [REDACTED] leaked', impact: 'none', rootCause: 'pw [REDACTED] in a config', contributing: '' });
    expect(cases.updateReportFields(999, { summary: 'x' })).toBe(false);
    expect(cases.reportFields(999)).toBeUndefined();
    const f = cases.addFollowup(id, 'rotate s3cret', 'alice (s3cret)', '2026-12-11');
    expect(f).toMatchObject({ caseId: id, text: 'rotate [REDACTED]', done: false, owner: 'alice ([REDACTED])', due: '2026-12-11' });
    expect(cases.addFollowup(id, 'no owner')).toMatchObject({ owner: null, due: null });
    expect(cases.toggleFollowup(f.id, true)).toMatchObject({ id: f.id, done: true });
    expect(cases.toggleFollowup(999, true)).toBeUndefined();
    expect(cases.followups(id).map((x) => x.done)).toEqual([true, false]);
  });
});
