import { useEffect, useRef, useState } from 'react';
import type { CaseFinding } from '../../../../main/contract/types.js';
import { useLang } from '../../i18n/index.js';
import { TimeAgo } from './Bits.js';

/**
 * The case's findings, worst first. Each opens to its explanation, likely cause, next step and
 * the exact output lines that prove it, with one click to the whole output of that step.
 */
export function CaseFindings(props: {
  findings: CaseFinding[] | null;
  focus: number | null;
  onOpenOutput: (stepId: number, stream: 'stdout' | 'stderr', find: string) => void;
}) {
  const { t } = useLang();
  const [earlier, setEarlier] = useState(false);
  const focused = useRef<HTMLDetailsElement>(null);
  const list = props.findings;
  const focusIsOld = list?.some((f) => f.id === props.focus && !f.latest) ?? false;
  useEffect(() => {
    if (focusIsOld) setEarlier(true);
  }, [focusIsOld]);
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'center' });
  }, [props.focus, list, earlier]);

  if (list === null) return <p className="hint">{t('common.loading')}</p>;
  if (list.length === 0) return <p className="hint">{t('cases.findings.none')}</p>;
  const shown = list.filter((f) => earlier || f.latest);
  const olderCount = list.filter((f) => !f.latest).length;
  const count = (s: CaseFinding['severity']) => shown.filter((f) => f.severity === s && f.status !== 'SKIPPED').length;
  const skipped = shown.filter((f) => f.status === 'SKIPPED').length;
  // Passed checks matter for "what was checked", not at 3 a.m.: one folded line.
  const passed = shown.filter((f) => f.severity === 'ok');
  return (
    <section className="case-findings" aria-label={t('cases.tab.findings')}>
      <div className="row findings-bar">
        <p className="summary">
          <span className="sev critical">{t('cases.count.critical', { n: count('critical') })}</span>
          <span className="sev warning">{t('cases.count.warning', { n: count('warning') })}</span>
          <span className="sev ok">{t('cases.count.ok', { n: count('ok') })}</span>
          {skipped > 0 && <span className="sev skipped">{t('cases.count.skipped', { n: skipped })}</span>}
        </p>
        {olderCount > 0 && (
          <label className="inline">
            <input type="checkbox" checked={earlier} onChange={(e) => setEarlier(e.target.checked)} />
            {t('cases.findings.earlier', { n: olderCount })}
          </label>
        )}
      </div>
      {shown.filter((f) => f.severity !== 'ok').map(item)}
      {passed.length > 0 && (
        <details className="passed" open={passed.some((f) => f.id === props.focus)}>
          <summary>{t('cases.findings.passed', { n: passed.length })}</summary>
          {passed.map(item)}
        </details>
      )}
    </section>
  );

  function item(f: CaseFinding) {
    const isSkipped = f.status === 'SKIPPED';
    return (
      <details
        key={f.id}
        ref={f.id === props.focus ? focused : undefined}
        className={`finding ${f.severity}${f.latest ? '' : ' older'}${f.id === props.focus ? ' focused' : ''}`}
        data-testid="case-finding"
        data-severity={f.severity}
        open={f.id === props.focus || (f.severity === 'critical' && !isSkipped && f.latest)}
      >
        <summary>
          <span className={`sev ${isSkipped ? 'skipped' : f.severity}`}>{isSkipped ? t('cases.findings.notChecked') : t(`common.${f.severity}`)}</span>
          <span className="finding-title">{f.title}</span>
          <span className="hint finding-where">
            {f.playbook} · <TimeAgo iso={f.runStartedAt} />
            {!f.latest && ` · ${t('cases.findings.earlierRun')}`}
          </span>
        </summary>
        {f.explanation && <p>{f.explanation}</p>}
        {f.skippedReason && (
          <p>
            <strong>{t('cases.findings.why')}</strong> {f.skippedReason}
          </p>
        )}
        {f.likelyCause && (
          <p>
            <strong>{t('cases.findings.cause')}</strong> {f.likelyCause}
          </p>
        )}
        {f.nextStep && (
          <div className="next-step">
            <strong>{t('cases.findings.next')}</strong>
            <code>{f.nextStep}</code>
          </div>
        )}
        {f.evidence.map((e, i) => (
          <figure key={i} className="evidence">
            <figcaption>
              <span>
                {e.node} · {e.step} · {e.stream}
              </span>
              {e.stepId !== null && (
                <button type="button" className="small" onClick={() => props.onOpenOutput(e.stepId ?? 0, e.stream, e.lines.find((l) => l.trim())?.trim() ?? '')}>
                  {t('cases.findings.openOutput')}
                </button>
              )}
            </figcaption>
            <pre data-testid="evidence">{e.lines.join('\n')}</pre>
          </figure>
        ))}
      </details>
    );
  }
}
