import type { RunbookStepInfo } from '../../../../main/contract/types.js';
import { matchStepRun } from '../../../../main/shared/runbook-match.js';
import { useLang } from '../../i18n/index.js';
import { Findings } from '../Findings.js';
import { Output } from '../RunView.js';
import { useRun } from '../useRun.js';

/**
 * What a runbook step's run produced, shown beside the expectations: the findings of a playbook
 * run, or each node's output of a command. Kept current while it runs.
 */
/** `outputs`: a command step (run as a one-step playbook): show what each node printed, not findings. */
export function StepResult(props: { runId: number; step?: RunbookStepInfo; outputs?: boolean; onFinished?: () => void }) {
  const { t } = useLang();
  const { run, error } = useRun(props.runId, props.onFinished);
  if (error) return <p className="error">{error}</p>;
  if (!run) return <p className="hint">{t('common.loading')}</p>;
  // A command step succeeds when it exited 0 on every node (as an ad-hoc command does).
  const nodeSteps = run.steps.filter((s) => s.stepKey !== 'discover-pods');
  const state = props.outputs && run.state === 'succeeded' && nodeSteps.some((s) => s.state !== 'succeeded') ? 'failed' : run.state;
  const match = props.step ? matchStepRun(props.step, run) : null;
  return (
    <div className="rb-result-run" data-testid="runbook-result" data-state={state} data-run={run.id}>
      <p className="rb-run-state">
        <span className={`state ${state}`}>{t('runbooks.runState', { id: run.id, state: t(`ui.state.${state}`) })}</span>
      </p>
      {match && match !== 'pending' && (
        // Decided from the run's findings or each node's output, never from the trainee's say-so.
        <p className={`rb-match ${match}`} data-testid="runbook-match" data-match={match}>
          {t(`runbooks.match.${match}`)}
        </p>
      )}
      {run.kind === 'playbook' && !props.outputs ? (
        run.findings.length > 0 ? (
          <Findings findings={run.findings} />
        ) : (
          <p className="hint">{run.state === 'running' ? t('runbooks.running') : t('runbooks.noFindings')}</p>
        )
      ) : (
        nodeSteps.map((s) => (
          <section key={s.id} className="rb-node" data-testid={`runbook-output-${s.nodeName}`} data-state={s.state}>
            <header>
              <strong>{s.nodeName}</strong> <span className={`state ${s.state}`}>{t(`ui.state.${s.state}`)}</span>
              {s.exitCode !== null && <span className="exit">{t('ui.run.exit', { code: s.exitCode })}</span>}
            </header>
            {s.error && <p className="error">{s.error}</p>}
            {s.stdout && <Output text={s.stdout} kind="stdout" />}
            {s.stderr && <Output text={s.stderr} kind="stderr" />}
          </section>
        ))
      )}
    </div>
  );
}
