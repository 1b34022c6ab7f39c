import { useRef } from 'react';
import type { RunFinding } from '../../../main/contract/types.js';
import { localizeFinding } from '../../../main/shared/finding-texts/index.js';
import { useLang } from '../i18n/index.js';
import { RefText, type RefTarget } from './RefText.js';

/**
 * A run's findings, worst first (the engine stores them sorted), each open to its evidence. A next
 * step that names another finding of the run links to it by its title.
 */
export function Findings(props: { findings: RunFinding[] }) {
  const { t, lang } = useLang();
  const section = useRef<HTMLElement>(null);
  // In the UI language where the analyzer gave its texts as messages (the stored English otherwise).
  const findings = props.findings.map((f) => localizeFinding(f, lang));
  if (findings.length === 0) return null;
  const count = (s: RunFinding['severity']) => findings.filter((f) => f.severity === s && f.status !== 'SKIPPED').length;
  const skipped = findings.filter((f) => f.status === 'SKIPPED').length;
  const resolve = (check: string): RefTarget | undefined => {
    const of = findings.filter((f) => f.check === check);
    return of.find((f) => f.status === 'FAILED') ?? of[0];
  };
  const jump = (id: number): void => {
    const el = section.current?.querySelector<HTMLDetailsElement>(`[data-finding-id="${id}"]`);
    if (!el) return;
    el.open = true;
    el.scrollIntoView({ block: 'center' });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the highlight when the same finding is followed twice
    el.classList.add('flash');
  };
  return (
    <section ref={section} className="findings" aria-label={t('ui.findings.label')}>
      <p className="summary">{t('ui.findings.summary', { critical: count('critical'), warning: count('warning'), ok: count('ok'), skipped })}</p>
      {findings.map((f) => (
        <details key={f.id} className={`finding ${f.status === 'SKIPPED' ? 'not-checked' : f.severity}`} data-testid="finding" data-finding-id={f.id} data-severity={f.severity} data-check={f.check} open={f.severity === 'critical'}>
          <summary>
            <span className={`sev ${f.status === 'SKIPPED' ? 'skipped' : f.severity}`}>{f.status === 'SKIPPED' ? t('ui.findings.notChecked') : t(`common.${f.severity}`)}</span>
            {f.title}
          </summary>
          {f.explanation && (
            <p>
              <RefText text={f.explanation} resolve={resolve} onJump={jump} />
            </p>
          )}
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
              <strong>{t('ui.findings.likelyCause')}</strong> <RefText text={f.likelyCause} resolve={resolve} onJump={jump} />
            </p>
          )}
          {f.nextStep && (
            <p>
              <strong>{t('ui.findings.nextStep')}</strong> <RefText text={f.nextStep} resolve={resolve} onJump={jump} plain="code" />
            </p>
          )}
        </details>
      ))}
    </section>
  );
}
