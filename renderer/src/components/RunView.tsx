import { useEffect, useRef } from 'react';
import { formatDuration, formatTime, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { formatSize } from './case/Bits.js';
import { Findings } from './Findings.js';
import { RunBadges } from './RunBadges.js';
import { useRun } from './useRun.js';

/** The end of each output shown in the run; the whole of it opens in the output viewer (paged). */
const SHOWN_CHARS = 64 * 1024;

type Stream = 'stdout' | 'stderr';

/** One run with a pane per node, kept current while it runs (playbook steps appear as they start). */
export function RunView(props: { runId: number; onFinished?: () => void; onOpenOutput?: (stepId: number, stream: Stream) => void; bringIntoView?: boolean }) {
  const { api } = useApp();
  const { t } = useLang();
  const { run, error } = useRun(props.runId, props.onFinished, SHOWN_CHARS);
  // The run asked for ("Show run", or one just started under the forms) comes into view once it
  // has loaded, and only once: its steps ending later do not pull the page back.
  const article = useRef<HTMLElement | null>(null);
  const shown = useRef(false);
  const loaded = run !== null;
  useEffect(() => {
    if (!props.bringIntoView || !loaded || shown.current) return;
    shown.current = true;
    article.current?.scrollIntoView({ block: 'start' });
  }, [props.bringIntoView, loaded]);

  if (error) return <p className="error">{error}</p>;
  if (!run) return <p className="hint">{t('ui.run.loading')}</p>;
  return (
    <article ref={article} className="run" data-testid={`run-${run.id}`} data-state={run.state}>
      <header>
        <code className="command">{run.kind === 'playbook' ? t('ui.run.playbook', { title: run.title }) : `$ ${run.title}`}</code>
        <RunBadges state={run.state} findings={run.findings} />
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
            {s.stdout && <Output text={s.stdout} total={s.stdoutChars ?? s.stdout.length} kind="stdout" onOpen={props.onOpenOutput && (() => props.onOpenOutput?.(s.id, 'stdout'))} />}
            {s.stderr && <Output text={s.stderr} total={s.stderrChars ?? s.stderr.length} kind="stderr" onOpen={props.onOpenOutput && (() => props.onOpenOutput?.(s.id, 'stderr'))} />}
          </section>
        ))}
      </div>
    </article>
  );
}

/** A step's stdout or stderr; a long one shows its end, the whole opens in the viewer. */
export function Output(props: { text: string; total?: number; kind: Stream; onOpen?: () => void }) {
  const { t } = useLang();
  const cut = (props.total ?? props.text.length) > props.text.length;
  return (
    <>
      {(cut || props.onOpen) && (
        <p className="output-note hint">
          {cut && t('cases.run.tail', { shown: formatSize(props.text.length), total: formatSize(props.total ?? props.text.length), stream: props.kind })}
          {props.onOpen && (
            <button type="button" className="small" onClick={props.onOpen}>
              {t('cases.run.openOutput', { stream: props.kind })}
            </button>
          )}
        </p>
      )}
      <pre className={`output ${props.kind}`} data-testid={props.kind}>
        {props.text}
      </pre>
    </>
  );
}
