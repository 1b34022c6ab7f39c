import { useEffect, useMemo, useState } from 'react';
import type { Cluster, PlaybookInfo, RunbookCatalogue, RunbookProgress } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { Markdown } from './Markdown.js';
import { RunbookComplete, runbookDone } from './RunbookComplete.js';
import { RunbookStep } from './RunbookStep.js';

/** The runbook a case had open, so a reload comes back to it. */
const storageKey = (caseId: number): string => `stackscope.runbook.case.${caseId}`;

/**
 * Guided runbooks in a case: pick one that fits the cluster's deployment, follow its steps (run,
 * compare with the expectations, mark understood). Progress lives in the case log, so it is the
 * same after a reload or on another machine with the same data dir.
 */
export function RunbookPanel(props: { caseId: number; clusters: Cluster[]; clusterId: number | null; onStarted?: () => void }) {
  const { api } = useApp();
  const { t, lang } = useLang();
  const cluster = props.clusters.find((c) => c.id === props.clusterId) ?? props.clusters[0];
  const [catalogue, setCatalogue] = useState<RunbookCatalogue | null>(null);
  const [playbooks, setPlaybooks] = useState<PlaybookInfo[]>([]);
  const [runbookId, setRunbookId] = useState<string>(() => localStorage.getItem(storageKey(props.caseId)) ?? '');
  const [progress, setProgress] = useState<RunbookProgress | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api['runbooks.list']({}).then(setCatalogue, (err) => setError(errorText(err)));
    api['playbooks.list']({}).then((c) => setPlaybooks(c.playbooks), () => undefined);
  }, [api]);

  const usable = useMemo(() => (catalogue?.runbooks ?? []).filter((r) => cluster && r.appliesTo.includes(cluster.deployment)), [catalogue, cluster]);
  const runbook = usable.find((r) => r.id === runbookId);

  useEffect(() => {
    setProgress(null);
    if (!runbook) return;
    let alive = true;
    api['runbooks.progress.get']({ caseId: props.caseId, runbookId: runbook.id }).then((p) => alive && setProgress(p), (err) => setError(errorText(err)));
    return () => {
      alive = false;
    };
    // Keyed by id: a refreshed cluster list must not refetch (and blank) the progress.
  }, [api, props.caseId, runbook?.id]);

  const choose = (id: string): void => {
    setRunbookId(id);
    if (id) localStorage.setItem(storageKey(props.caseId), id);
    else localStorage.removeItem(storageKey(props.caseId));
  };

  if (!cluster || !catalogue) return error ? <p className="error">{error}</p> : null;
  const understood = progress?.steps.filter((s) => s.understood).length ?? 0;
  const ran = progress?.steps.filter((s) => s.runId !== null).length ?? 0;
  const total = runbook?.steps.length ?? 0;
  return (
    <section className="runbooks" aria-label={t('runbooks.area')}>
      <header className="rb-head">
        <h2>{t('runbooks.area')}</h2>
        <label className="inline">
          {t('runbooks.pick')}
          <select aria-label={t('runbooks.pick')} value={runbook?.id ?? ''} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('runbooks.choose')}</option>
            {usable.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title[lang] || r.title.en} · {t(`runbooks.level.${r.level}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{usable.length ? t('runbooks.forCluster', { cluster: cluster.name, deployment: cluster.deployment }) : t('runbooks.none', { deployment: cluster.deployment })}</span>
      </header>
      {catalogue.problems.length > 0 && <p className="hint">{t('runbooks.loadProblems', { count: catalogue.problems.length, list: catalogue.problems.join('; ') })}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {runbook && (
        <div className="rb-body" data-testid={`runbook-${runbook.id}`}>
          <div className="rb-title">
            <h2>{runbook.title[lang] || runbook.title.en}</h2>
            <span className="tag">{t(`runbooks.level.${runbook.level}`)}</span>
            {runbook.fault && <code className="hint">{t('runbooks.fault', { fault: runbook.fault })}</code>}
          </div>
          {!runbook.languages.includes(lang) && <p className="hint">{t('runbooks.englishOnly')}</p>}
          <Markdown text={runbook.summary[lang] || runbook.summary.en} className="rb-summary" />
          {progress && (
            <div className="rb-progress" data-testid="runbook-progress">
              <progress max={total} value={understood} aria-label={t('runbooks.progress', { understood, total, ran })} />
              <span>{t('runbooks.progress', { understood, total, ran })}</span>
            </div>
          )}
          {progress && (
            <ol className="rb-steps" aria-label={t('runbooks.steps')}>
              {runbook.steps.map((s, i) => (
                <RunbookStep
                  key={s.id}
                  caseId={props.caseId}
                  cluster={cluster}
                  runbookId={runbook.id}
                  index={i}
                  step={s}
                  progress={progress.steps[i] ?? { stepId: s.id, runId: null, ranAt: null, understood: false, understoodAt: null }}
                  playbook={s.action.kind === 'playbook' ? playbooks.find((p) => p.id === (s.action as { playbookId: string }).playbookId) : undefined}
                  onProgress={setProgress}
                  onStarted={() => props.onStarted?.()}
                />
              ))}
            </ol>
          )}
          {progress && runbookDone(runbook, progress) && <RunbookComplete caseId={props.caseId} runbook={runbook} progress={progress} onNote={() => props.onStarted?.()} />}
        </div>
      )}
    </section>
  );
}
