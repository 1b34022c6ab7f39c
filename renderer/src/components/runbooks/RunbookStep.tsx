import { useEffect, useState } from 'react';
import type { Cluster, LocalText, PlaybookInfo, RunbookProgress, RunbookStepInfo, RunbookStepProgress } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { useSecretRetry } from '../SecretDialog.js';
import { Markdown } from './Markdown.js';
import { StepResult } from './StepResult.js';

/**
 * One runbook step: what it runs and why, healthy and broken expectations beside the trainee's
 * own result, a Run button and the "I understand" mark.
 */
export function RunbookStep(props: {
  caseId: number;
  cluster: Cluster;
  runbookId: string;
  index: number;
  step: RunbookStepInfo;
  progress: RunbookStepProgress;
  playbook: PlaybookInfo | undefined;
  onProgress: (p: RunbookProgress) => void;
  onStarted: () => void;
}) {
  const { api } = useApp();
  const { t, lang } = useLang();
  const [error, setError] = useState('');
  const secrets = useSecretRetry();
  const [busy, setBusy] = useState(false);
  // The box follows the click at once; the stored mark (props.progress) has the last word.
  const [understood, setUnderstood] = useState(props.progress.understood);
  useEffect(() => setUnderstood(props.progress.understood), [props.progress.understood]);
  const text = (l: LocalText): string => l[lang] || l.en;
  const { step, progress } = props;
  const a = step.action;

  const run = (): void => {
    setError('');
    setBusy(true);
    api['runbooks.step.run']({ caseId: props.caseId, clusterId: props.cluster.id, runbookId: props.runbookId, stepId: step.id }).then(
      (r) => {
        setBusy(false);
        props.onProgress(r.progress);
        props.onStarted();
      },
      (err) => {
        setBusy(false);
        if (!secrets.askThenRetry(err, run)) setError(errorText(err));
      },
    );
  };

  const mark = (value: boolean): void => {
    setError('');
    setUnderstood(value);
    api['runbooks.step.mark']({ caseId: props.caseId, runbookId: props.runbookId, stepId: step.id, understood: value }).then(props.onProgress, (err) => {
      setUnderstood(props.progress.understood);
      setError(errorText(err));
    });
  };

  return (
    <li className={`rb-step ${progress.understood ? 'done' : ''}`} data-testid={`runbook-step-${step.id}`} data-ran={progress.runId !== null} data-understood={progress.understood}>
      <header className="rb-step-head">
        <span className="rb-num" aria-hidden="true">
          {props.index + 1}
        </span>
        <h3>{text(step.title)}</h3>
        {progress.runId !== null && <span className="tag">{t('runbooks.ran')}</span>}
        {progress.understood && <span className="tag ok">{t('runbooks.understoodBadge')}</span>}
      </header>
      <div className="rb-what">
        <strong>{t('runbooks.runs')}</strong>{' '}
        {a.kind === 'playbook' ? (
          <>
            {t('runbooks.runsPlaybook', { title: props.playbook ? text(props.playbook.title) : a.playbookId, id: a.playbookId })}
            {Object.entries(a.params).map(([k, v]) => (
              <code key={k} className="rb-param">
                {k}={v}
              </code>
            ))}
          </>
        ) : a.kind === 'command' ? (
          <>
            {t(`runbooks.runsCommand.${a.on}`, { roles: a.roles.join(', ') })}
            <pre className="rb-command" data-testid="runbook-command">
              $ {a.command}
            </pre>
          </>
        ) : (
          t('runbooks.runsNothing')
        )}
      </div>
      <Markdown text={text(step.body)} />
      {text(step.why) && (
        <section className="rb-why">
          <h4>{t('runbooks.why')}</h4>
          <Markdown text={text(step.why)} />
        </section>
      )}
      {a.kind !== 'read' && (
        <div className="rb-compare">
          <div className="rb-expect">
            <section className="rb-healthy">
              <h4>{t('runbooks.healthy')}</h4>
              <Markdown text={text(step.healthy)} />
            </section>
            <section className="rb-broken">
              <h4>{t('runbooks.broken')}</h4>
              <Markdown text={text(step.broken)} />
            </section>
          </div>
          <section className="rb-result" aria-label={t('runbooks.result')}>
            <header>
              <h4>{t('runbooks.result')}</h4>
              <button type="button" className="primary" disabled={busy} onClick={run}>
                {progress.runId === null ? t('runbooks.run') : t('runbooks.runAgain')}
              </button>
            </header>
            {progress.runId !== null ? <StepResult key={progress.runId} runId={progress.runId} outputs={a.kind === 'command'} onFinished={props.onStarted} /> : <p className="hint">{t('runbooks.notRun')}</p>}
          </section>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label className="inline rb-mark">
        <input type="checkbox" checked={understood} onChange={(e) => mark(e.target.checked)} />
        {t('runbooks.understood')}
      </label>
      {secrets.dialog}
    </li>
  );
}
