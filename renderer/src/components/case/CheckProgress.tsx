import { useState } from 'react';
import type { Run } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { nodeStates } from '../run-badge.js';
import { RunBadges } from '../RunBadges.js';
import { useRun } from '../useRun.js';

/**
 * A cluster check as it runs, above the findings: one row per playbook with its state and each
 * node's steps, kept current by the run events; one button cancels every run still going. The
 * findings below refresh as each run ends (the case view reloads them on run.finished).
 */
export function CheckProgress(props: { runIds: number[]; runs: Run[]; onHide: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [error, setError] = useState('');
  // A run the case has not listed yet (just started) counts as running.
  const running = props.runIds.filter((id) => (props.runs.find((r) => r.id === id)?.state ?? 'running') === 'running');
  const total = props.runIds.length;
  return (
    <section className="check-progress" aria-label={t('check.progress')} data-testid="check-progress" data-running={running.length > 0}>
      <header className="row">
        <strong>{running.length ? t('check.progressRunning', { done: total - running.length, total }) : t('check.progressDone', { total })}</strong>
        {running.length > 0 ? (
          <button type="button" className="small danger" onClick={() => running.forEach((runId) => void api['runs.cancel']({ runId }).catch((err: unknown) => setError(errorText(err))))}>
            {t('check.cancelAll')}
          </button>
        ) : (
          <button type="button" className="small" onClick={props.onHide}>
            {t('check.hide')}
          </button>
        )}
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {props.runIds.map((id) => (
          <CheckRow key={id} runId={id} />
        ))}
      </ul>
    </section>
  );
}

/** Outputs are not kept here (tail 0): the Runs tab shows them; this row needs only states. */
function CheckRow(props: { runId: number }) {
  const { t } = useLang();
  const { run, error } = useRun(props.runId, undefined, 0);
  if (error) return <li className="error">{error}</li>;
  if (!run) return <li className="hint">{t('ui.run.loading')}</li>;
  const nodes = nodeStates(run.steps);
  return (
    <li className="check-row" data-testid={`check-run-${run.title}`} data-state={run.state}>
      <code className="check-playbook">{run.title}</code>
      <RunBadges state={run.state} findings={run.findings} />
      <span className="check-nodes" role="list" aria-label={t('check.nodes', { playbook: run.title })}>
        {nodes.length === 0 && <span className="hint">{t('check.noSteps')}</span>}
        {nodes.map((n) => (
          <span key={n.node} role="listitem" className={`node-state state ${n.state}`} data-node={n.node} data-state={n.state}>
            {n.node} · {t(`ui.state.${n.state}`)}
          </span>
        ))}
      </span>
    </li>
  );
}
