import { useState } from 'react';
import type { RunbookInfo, RunbookProgress } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { Markdown } from './Markdown.js';

/** Every step understood, and every step that runs something has run. */
export function runbookDone(runbook: RunbookInfo, progress: RunbookProgress): boolean {
  return runbook.steps.every((s, i) => {
    const p = progress.steps[i];
    return !!p?.understood && (s.action.kind === 'read' || p.runId !== null);
  });
}

/** From the first thing the trainee did in this runbook to the last, from the stored progress. */
export function timeTaken(progress: RunbookProgress): number {
  const times = progress.steps.flatMap((s) => [s.ranAt, s.understoodAt]).filter((x): x is string => !!x).map((x) => Date.parse(x));
  return times.length ? Math.max(...times) - Math.min(...times) : 0;
}

/**
 * The end of a runbook: how long it took, how many steps ran, what the runbook says was learned,
 * and a button that writes this summary into the case as a note.
 */
export function RunbookComplete(props: { caseId: number; runbook: RunbookInfo; progress: RunbookProgress; onNote?: () => void }) {
  const { api } = useApp();
  const { t, lang } = useLang();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState('');
  const { runbook, progress } = props;
  const ms = timeTaken(progress);
  const duration = t('runbooks.done.duration', { min: Math.floor(ms / 60_000), sec: Math.round((ms % 60_000) / 1000) });
  const ran = progress.steps.filter((s) => s.runId !== null).length;
  const title = runbook.title[lang] || runbook.title.en;
  const learned = runbook.learned.map((l) => l[lang] || l.en);

  const note = [
    t('runbooks.done.noteTitle', { title }),
    t('runbooks.done.stats', { duration, ran, total: runbook.steps.length }),
    ...(learned.length ? ['', t('runbooks.done.learned'), ...learned.map((l) => `- ${l}`)] : []),
  ].join('\n');

  const write = (): void => {
    setError('');
    setState('saving');
    api['notes.add']({ caseId: props.caseId, text: note }).then(
      () => {
        setState('saved');
        props.onNote?.();
      },
      (err) => {
        setState('idle');
        setError(errorText(err));
      },
    );
  };

  return (
    <section className="rb-complete" data-testid="runbook-complete" aria-label={t('runbooks.done.title')}>
      <h3>{t('runbooks.done.title')}</h3>
      <p data-testid="runbook-complete-stats">{t('runbooks.done.stats', { duration, ran, total: runbook.steps.length })}</p>
      {learned.length > 0 && (
        <>
          <h4>{t('runbooks.done.learned')}</h4>
          <ul className="rb-learned">
            {learned.map((l) => (
              <li key={l}>
                <Markdown text={l} />
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="primary" disabled={state !== 'idle'} onClick={write}>
        {state === 'saved' ? t('runbooks.done.noted') : t('runbooks.done.note')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
