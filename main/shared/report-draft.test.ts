import { describe, expect, it } from 'vitest';
import type { CaseFinding, TimelineEntry } from '../contract/types.js';
import { reportDraft } from './report-draft.js';
import { caseFinding, quotedFrom } from './testing/case-finding.js';

const f = (id: number, playbook: string, check: string, severity: CaseFinding['severity'], title: string, more: Partial<CaseFinding> = {}): CaseFinding => caseFinding({ id, playbook, check, severity, title, ...more });
const ev = quotedFrom;
const at = (iso: string): TimelineEntry => ({ kind: 'note', id: iso, at: iso, author: 'a', noteId: 1, text: 'n' });
const detail = { title: 'API errors', clusterName: 'prod', runs: [{ kind: 'playbook', title: 'galera-health' }, { kind: 'playbook', title: 'runbook-x-y' }, { kind: 'exec', title: 'uptime' }] as never };

describe('reportDraft', () => {
  it('says what the case log says: the root problem and what it explains, when, where; leaves the rest to fill', () => {
    const d = reportDraft(
      detail,
      [
        f(1, 'galera-health', 'galera.bootstrap', 'critical', 'No Primary component: bootstrap from controller-1', { evidence: ev('controller-1') }),
        f(2, 'placement-capacity', 'placement.api', 'critical', 'Placement answered HTTP 500', { explainedBy: ['galera.*'], evidence: ev('controller-2') }),
        f(3, 'galera-health', 'galera.primary', 'ok', 'fine'),
      ],
      [at('2026-12-04T03:00:00.000Z'), at('2026-12-04T03:07:30.000Z')],
    );
    expect(d.summary).toContain('**What happened:** No Primary component: bootstrap from controller-1 on prod. Because of it: Placement answered HTTP 500.');
    expect(d.summary).toContain('**How it was found:** galera-health (Stackscope), first event 2026-12-04 03:00:00Z, last 2026-12-04 03:07:30Z.');
    expect(d.summary).toContain('**What fixed it:** _');
    expect(d.summary).not.toContain('runbook-x-y');
    expect(d.impact).toContain('**Affected:** controller-1, controller-2 (galera-health, placement-capacity).');
  });

  it('claims no problem it did not see', () => {
    const d = reportDraft(detail, [f(1, 'galera-health', 'galera.primary', 'ok', 'fine')], []);
    expect(d.summary).toContain('_the checks found no problem on prod; say what was reported._');
    expect(d.impact).toContain('**Affected:** _nodes_.');
  });
});
