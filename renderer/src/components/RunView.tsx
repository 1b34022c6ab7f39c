import { formatDuration, formatTime, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Findings } from './Findings.js';
import { useRun } from './useRun.js';

/** Most recent part of a long output kept on screen; the full text stays in the case log. */
const SHOWN_CHARS = 1_000_000;

/** One run with a pane per node, kept current while it runs. */
export function RunView(props: { runId: number; onFinished?: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const { run, error } = useRun(props.runId, props.onFinished);

  if (error) return <p className="error">{error}</p>;
  if (!run) return <p className="hint">{t('ui.run.loading')}</p>;
  return (
    <article className="run" data-testid={`run-${run.id}`} data-state={run.state}>
      <header>
        <code className="command">{run.kind === 'playbook' ? t('ui.run.playbook', { title: run.title }) : `$ ${run.title}`}</code>
        <span className={`state ${run.state}`}>{t(`ui.state.${run.state}`)}</span>
        <span className="hint">{formatTime(run.startedAt)}</span>
        {run.state === 'running' && (
          <button type="button" className="small danger" onClick={() => void api['runs.cancel']({ runId: run.id })}>
            {t('ui.run.cancel')}
          </button>
        )}
      </header>
      <Findings findings={run.findings} />
      <div className="steps">
        {run.steps.map((s) => (
          <section key={s.id} className="step" data-testid={run.kind === 'playbook' ? `step-${s.stepKey}-${s.nodeName}` : `step-${s.nodeName}`} data-state={s.state}>
            <header>
              {run.kind === 'playbook' && <code>{s.stepKey}</code>}
              <strong>{s.nodeName}</strong>
              <span className={`state ${s.state}`}>{t(`ui.state.${s.state}`)}</span>
              {s.exitCode !== null && (
                <span className="exit" data-testid="exit-code">
                  {t('ui.run.exit', { code: s.exitCode })}
                </span>
              )}
              {s.exitSignal && <span className="exit">{t('ui.run.signal', { signal: s.exitSignal })}</span>}
              <span className="hint">{formatDuration(s.durationMs)}</span>
            </header>
            {s.error && <p className="error">{s.error}</p>}
            {s.stdout && <Output text={s.stdout} kind="stdout" />}
            {s.stderr && <Output text={s.stderr} kind="stderr" />}
          </section>
        ))}
      </div>
    </article>
  );
}

/** A step's stdout or stderr; a very long one shows its end. */
export function Output(props: { text: string; kind: 'stdout' | 'stderr' }) {
  const { t } = useLang();
  const cut = props.text.length > SHOWN_CHARS;
  return (
    <>
      {cut && <p className="hint">{t('ui.run.shown', { shown: (SHOWN_CHARS / 1e6).toFixed(0), total: (props.text.length / 1e6).toFixed(1) })}</p>}
      <pre className={`output ${props.kind}`} data-testid={props.kind}>
        {cut ? props.text.slice(-SHOWN_CHARS) : props.text}
      </pre>
    </>
  );
}
