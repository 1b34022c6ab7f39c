import { useEffect, useState } from 'react';
import type { Cluster, LocalText, PlaybookInfo, RunbookProgress, RunbookStepInfo, RunbookStepProgress } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { ConfirmActions, Dialog } from '../Dialog.js';
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
  const mutating = a.kind === 'command' && a.mutating;
  // `on: pick`: the trainee chooses the node among the cluster's nodes with the step's roles.
  const candidates = a.kind === 'command' && a.on === 'pick' ? props.cluster.nodes.filter((n) => n.roles.some((r) => a.roles.includes(r))).map((n) => n.name) : [];
  const [picked, setPicked] = useState('');
  const [confirming, setConfirming] = useState(false);

  const run = (allowMutating = false): void => {
    setError('');
    setBusy(true);
    const choice = candidates.length ? { nodeNames: [picked] } : {};
    api['runbooks.step.run']({ caseId: props.caseId, clusterId: props.cluster.id, runbookId: props.runbookId, stepId: step.id, allowMutating, ...choice }).then(
      (r) => {
        setBusy(false);
        props.onProgress(r.progress);
        props.onStarted();
      },
      (err) => {
        setBusy(false);
        // Given the credentials, the same run again: a confirmed change stays confirmed.
        if (!secrets.askThenRetry(err, () => run(allowMutating))) setError(errorText(err));
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
            {mutating && (
              <p className="rb-mutating" data-testid="runbook-mutating">
                <span className="tag warning">{t('runbooks.mutating')}</span> {t('runbooks.mutatingHint')}
              </p>
            )}
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
              {candidates.length > 0 && (
                <label className="inline">
                  {t('runbooks.pickNode')}
                  <select aria-label={t('runbooks.pickNode')} value={picked} onChange={(e) => setPicked(e.target.value)}>
                    <option value="">{t('runbooks.pickNodeChoose')}</option>
                    {candidates.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </label>
              )}
              <button type="button" className="primary" disabled={busy || (candidates.length > 0 && !picked)} onClick={() => (mutating ? setConfirming(true) : run())}>
                {progress.runId === null ? t('runbooks.run') : t('runbooks.runAgain')}
              </button>
            </header>
            {progress.runId !== null ? (
              <StepResult key={progress.runId} runId={progress.runId} step={step} outputs={a.kind === 'command'} onFinished={props.onStarted} />
            ) : (
              <p className="hint">{t('runbooks.notRun')}</p>
            )}
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
      {confirming && a.kind === 'command' && (
        <Dialog title={t('runbooks.confirmTitle', { step: text(step.title) })} onClose={() => setConfirming(false)}>
          <p>{t(picked ? 'runbooks.confirmTextOn' : 'runbooks.confirmText', { node: picked, roles: a.roles.join(', ') })}</p>
          <pre className="rb-command">$ {a.command}</pre>
          <ConfirmActions
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              run(true);
            }}
            confirmLabel={t('runbooks.confirm')}
          />
        </Dialog>
      )}
      {secrets.dialog}
    </li>
  );
}
