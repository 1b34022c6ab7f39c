import { useEffect, useMemo, useState } from 'react';
import type { CaseFinding } from '../../../../main/contract/types.js';
import { localizeFinding } from '../../../../main/shared/finding-texts/index.js';
import { referencedFinding, summarizeFindings, type SummaryProblem } from '../../../../main/shared/findings-summary.js';
import { useLang } from '../../i18n/index.js';
import type { RefTarget } from '../RefText.js';
import { FindingCard } from './FindingCard.js';

/**
 * The case's findings as a person reads them at 3 a.m. (the summary of main/shared/findings-summary):
 * problems worst first, each root with what it explains under "Because of this"; what could not be
 * checked apart and never green; what was checked and healthy folded under "Ruled out"; info last;
 * findings of earlier runs only on request, marked stale. A reference to another finding is a link
 * that brings that finding into view, highlighted (through the route's focus).
 */
export function CaseFindings(props: {
  findings: CaseFinding[] | null;
  focus: number | null;
  onFocus: (findingId: number) => void;
  onOpenOutput: (stepId: number, stream: 'stdout' | 'stderr', find: string) => void;
}) {
  const { t, lang } = useLang();
  const [earlier, setEarlier] = useState(false);
  // In the UI language where the analyzer gave its texts as messages (the stored English otherwise).
  const list = useMemo(() => props.findings?.map((f) => localizeFinding(f, lang)) ?? null, [props.findings, lang]);
  const summary = useMemo(() => summarizeFindings(list ?? []), [list]);
  const focusIsOld = list?.some((f) => f.id === props.focus && !f.latest) ?? false;
  useEffect(() => {
    if (focusIsOld) setEarlier(true);
  }, [focusIsOld]);
  useEffect(() => {
    if (props.focus !== null) document.getElementById(`finding-${props.focus}`)?.scrollIntoView({ block: 'center' });
  }, [props.focus, list, earlier]);

  if (list === null) return <p className="hint">{t('common.loading')}</p>;
  if (list.length === 0) return <p className="hint">{t('cases.findings.none')}</p>;
  const older = list.filter((f) => !f.latest);
  const ruledOut = summary.ruledOut.map((r) => ({ ...r, findings: r.checks.map((c) => list.find((f) => f.id === c.findingId)).filter((f): f is CaseFinding => !!f) }));
  const ruledCount = ruledOut.reduce((n, r) => n + r.findings.length, 0);
  const resolve = (check: string): RefTarget | undefined => referencedFinding(check, list);
  const card = (f: CaseFinding, open: boolean, also?: CaseFinding[]) => (
    <FindingCard key={f.id} f={f} also={also} open={open || f.id === props.focus} focused={f.id === props.focus} resolve={resolve} onJump={props.onFocus} onOpenOutput={props.onOpenOutput} />
  );
  const holds = (p: SummaryProblem): boolean => [p.lead, ...p.also].some((f) => f.id === props.focus);

  return (
    <section className="case-findings" aria-label={t('cases.tab.findings')}>
      <div className="row findings-bar">
        <p className="summary" data-testid="findings-counts">
          <span className="sev critical">{t('cases.count.critical', { n: summary.counts.critical })}</span>
          <span className="sev warning">{t('cases.count.warning', { n: summary.counts.warning })}</span>
          {summary.counts.notChecked > 0 && <span className="sev skipped">{t('cases.count.skipped', { n: summary.counts.notChecked })}</span>}
          <span className="sev ok">{t('cases.count.ok', { n: summary.counts.ok })}</span>
        </p>
        {older.length > 0 && (
          <label className="inline">
            <input type="checkbox" checked={earlier} onChange={(e) => setEarlier(e.target.checked)} />
            {t('cases.findings.earlier', { n: older.length })}
          </label>
        )}
      </div>

      {summary.problems.length === 0 ? (
        // Green only when everything was checked: what could not be checked is not a clean bill.
        <p className={`no-problem${summary.counts.notChecked ? ' partial' : ''}`} data-testid="no-problem">
          {summary.counts.notChecked ? t('check.sum.noProblemPartial', { n: summary.counts.notChecked }) : t('check.sum.noProblem')}
        </p>
      ) : (
        <section className="problems" aria-label={t('check.sum.problems')}>
          {summary.problems.map((p) => (
            <div key={p.lead.id} className={`problem ${p.severity}`} data-testid="problem">
              {card(p.lead, p.lead.severity === 'critical', p.also)}
              {p.consequences.length > 0 && (
                <section className="consequences" aria-label={t('check.sum.because')} data-testid="consequences">
                  <h4>{t('check.sum.becauseCount', { n: p.consequences.length })}</h4>
                  {p.consequences.map((c) => card(c.lead, holds(c), c.also))}
                </section>
              )}
            </div>
          ))}
        </section>
      )}

      {summary.notChecked.length > 0 && (
        <section className="not-checked-list" aria-label={t('check.sum.notChecked')} data-testid="not-checked">
          <h3>{t('check.sum.notChecked')}</h3>
          <p className="hint">{t('check.sum.notCheckedHint')}</p>
          {summary.notChecked.map((p) => card(p.lead, false, p.also))}
        </section>
      )}

      {ruledCount > 0 && (
        <details className="ruled-out" data-testid="ruled-out" open={ruledOut.some((r) => r.findings.some((f) => f.id === props.focus))}>
          <summary>{t('check.sum.ruledOut', { n: ruledCount })}</summary>
          <p className="hint">{t('check.sum.ruledOutHint')}</p>
          {ruledOut.map((r) => (
            <div key={r.playbook} className="ruled-playbook">
              <h4>{r.playbook}</h4>
              {r.findings.map((f) => card(f, false))}
            </div>
          ))}
        </details>
      )}

      {summary.info.length > 0 && (
        <section className="info-list" aria-label={t('check.sum.info')}>
          <h3>{t('check.sum.info')}</h3>
          {summary.info.map((f) => card(f, false))}
        </section>
      )}

      {earlier && older.length > 0 && (
        <section className="earlier-list" aria-label={t('check.sum.earlier')} data-testid="earlier">
          <h3>{t('check.sum.earlier')}</h3>
          <p className="hint">{t('check.sum.earlierHint')}</p>
          {older.map((f) => card(f, false))}
        </section>
      )}
    </section>
  );
}
