import type { RunFinding } from '../../../main/contract/types.js';
import { useLang } from '../i18n/index.js';

/** A run's findings, worst first (the engine stores them sorted), each open to its evidence. */
export function Findings(props: { findings: RunFinding[] }) {
  const { t } = useLang();
  if (props.findings.length === 0) return null;
  const count = (s: RunFinding['severity']) => props.findings.filter((f) => f.severity === s && f.status !== 'SKIPPED').length;
  const skipped = props.findings.filter((f) => f.status === 'SKIPPED').length;
  return (
    <section className="findings" aria-label={t('ui.findings.label')}>
      <p className="summary">{t('ui.findings.summary', { critical: count('critical'), warning: count('warning'), ok: count('ok'), skipped })}</p>
      {props.findings.map((f) => (
        <details key={f.id} className={`finding ${f.severity}`} data-testid="finding" data-severity={f.severity} data-check={f.check} open={f.severity === 'critical'}>
          <summary>
            <span className={`sev ${f.status === 'SKIPPED' ? 'skipped' : f.severity}`}>{f.status === 'SKIPPED' ? t('ui.findings.notChecked') : t(`common.${f.severity}`)}</span>
            {f.title}
          </summary>
          {f.explanation && <p>{f.explanation}</p>}
          {f.evidence.map((e, i) => (
            <figure key={i} className="evidence">
              <figcaption>
                {e.node} · {e.step}
              </figcaption>
              <pre data-testid="evidence">{e.lines.join('\n')}</pre>
            </figure>
          ))}
          {f.likelyCause && (
            <p>
              <strong>{t('ui.findings.likelyCause')}</strong> {f.likelyCause}
            </p>
          )}
          {f.nextStep && (
            <p>
              <strong>{t('ui.findings.nextStep')}</strong> <code>{f.nextStep}</code>
            </p>
          )}
        </details>
      ))}
    </section>
  );
}
