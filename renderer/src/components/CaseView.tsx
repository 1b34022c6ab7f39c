import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { RunStarted } from '../../../main/contract/api.js';
import type { CaseDetail, CaseFinding, CaseStatus, Cluster, TimelineEntry } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { caseTabs, type CasePlace, type CaseRoute, type CaseTab, type Route } from '../routing.js';
import { TimeAgo } from './case/Bits.js';
import { CheckClusterButton } from './CheckClusterButton.js';
import { CaseFindings } from './case/CaseFindings.js';
import { CheckProgress } from './case/CheckProgress.js';
import { RunPanel } from './case/CommandPanel.js';
import { NoteComposer, Timeline } from './case/Timeline.js';
import { OutputViewer } from './output/OutputViewer.js';
import { PlaybookPanel } from './PlaybookPanel.js';
import { ReportPanel } from './report/ReportPanel.js';
import { RunbookPanel } from './runbooks/RunbookPanel.js';
import { TerminalsPanel } from './TerminalsPanel.js';
import { RunView } from './RunView.js';

const statuses: CaseStatus[] = ['open', 'mitigated', 'resolved'];

/**
 * A case: header with its status, then tabs — the timeline (with notes), the findings, the runs
 * (and the panels that start them), terminals and runbooks. The place inside a case lives in the
 * URL hash (`#/cases/ID/TAB?…`, see routing.ts), so a reload, a link from search or the back
 * button land there; the app follows the hash and hands the case its route.
 */
export function CaseView(props: { route: CaseRoute; go: (to: Route, how?: { replace?: boolean }) => void; clusters: Cluster[]; onChanged: () => void }) {
  const { api, transport } = useApp();
  const { t } = useLang();
  const { route } = props;
  const { caseId } = route;
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [findings, setFindings] = useState<CaseFinding[] | null>(null);
  const [error, setError] = useState('');
  /** The runs of a cluster check this view follows: what "Check cluster" started here, and playbook runs found running. */
  const [checkRuns, setCheckRuns] = useState<number[]>([]);

  const load = useCallback(() => {
    // Outputs stay on the server: the runs tab asks for tails, the viewer for pages.
    Promise.all([api['cases.get']({ caseId, outputTail: 0 }), api['cases.timeline']({ caseId }), api['cases.findings']({ caseId })]).then(
      ([d, tl, fs]) => {
        setDetail(d);
        setTimeline(tl);
        setFindings(fs);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [api, caseId]);
  useEffect(load, [load]);
  // A check started elsewhere (from home, which opens this case) shows as its running playbook runs.
  // A run started from this view's forms (an ovn-trace from the Runs tab) is not part of a check.
  const formRuns = useRef(new Set<number>());
  useEffect(() => {
    const running = (detail?.runs ?? []).filter((r) => r.kind === 'playbook' && r.state === 'running' && !formRuns.current.has(r.id)).map((r) => r.id);
    if (running.some((id) => !checkRuns.includes(id))) setCheckRuns((was) => [...was, ...running.filter((id) => !was.includes(id))]);
  }, [detail, checkRuns]);

  // Live: runs starting and ending, findings arriving, notes and status changes from anywhere.
  useEffect(() => {
    const mine = (p: { caseId?: number; run?: { caseId: number } }): boolean => (p.caseId ?? p.run?.caseId) === caseId;
    const offs = [
      transport.on('run.started', (p) => mine(p) && load()),
      transport.on('run.findings', (p) => mine(p) && load()),
      transport.on('run.finished', (p) => mine(p) && load()),
      transport.on('case.changed', (p) => mine(p) && load()),
    ];
    return () => offs.forEach((off) => off());
  }, [transport, load, caseId]);

  const hasHistory = (detail?.runs.length ?? 0) > 0 || (detail?.notes.length ?? 0) > 0;
  const tab: CaseTab = route.tab ?? (hasHistory ? 'timeline' : 'runs');
  const focus = route.focus ?? null;
  const navigate = (to: CaseTab, place: CasePlace = {}): void => props.go({ page: 'case', caseId, tab: to, ...place });
  // A run started from the forms is brought into view (the forms above it would push it below the fold).
  const started = (run: RunStarted): void => {
    formRuns.current.add(run.runId);
    // Its run.started event may have been seen first.
    setCheckRuns((was) => (was.includes(run.runId) ? was.filter((id) => id !== run.runId) : was));
    navigate('runs', { focus: run.runId });
    load();
    props.onChanged();
  };


  if (error) return <p className="error">{error}</p>;
  if (!detail) return <p className="hint">{t('common.loading')}</p>;
  const cluster = props.clusters.find((c) => c.id === detail.clusterId) ?? props.clusters[0];
  const opened = timeline.find((e) => e.kind === 'opened');
  const openOutput = (stepId: number, stream: 'stdout' | 'stderr', find = ''): void => navigate(tab, { focus: focus ?? undefined, output: stepId, stream, find });
  const outputStep = route.output ?? null;
  const problems = (findings ?? []).filter((f) => f.latest && (f.severity === 'critical' || f.severity === 'warning')).length;

  const counted = (label: string, n: number | null): ReactNode => (
    <>
      {label}
      {n !== null && n > 0 && <span className="tab-count">{n}</span>}
    </>
  );

  return (
    <div className="case">
      <header className="case-head">
        <h1>
          #{detail.id} {detail.title}
        </h1>
        <span className={`sev ${detail.severity}`}>{t(`common.${detail.severity}`)}</span>
        <div className="status-switch" role="group" aria-label={t('cases.status.label')}>
          {statuses.map((s) => (
            <button
              key={s}
              type="button"
              className={`status-${s}${detail.status === s ? ' on' : ''}`}
              aria-pressed={detail.status === s}
              onClick={() =>
                detail.status !== s &&
                api['cases.setStatus']({ caseId: detail.id, status: s }).then(
                  () => {
                    load();
                    props.onChanged();
                  },
                  (err: unknown) => setError(errorText(err)),
                )
              }
            >
              {t(`cases.status.${s}`)}
            </button>
          ))}
        </div>
        {detail.clusterId !== null && (
          <CheckClusterButton
            clusterId={detail.clusterId}
            clusterName={detail.clusterName ?? ''}
            caseId={detail.id}
            onStarted={(s) => {
              setCheckRuns(s.runs.map((r) => r.runId));
              navigate('findings');
              load();
              props.onChanged();
            }}
          />
        )}
        <p className="case-meta hint">
          {t('cases.meta.opened')} <TimeAgo iso={detail.openedAt} />
          {opened?.author && ` · ${t('cases.meta.by', { author: opened.author })}`}
          {detail.clusterName && ` · ${t('cases.meta.cluster', { cluster: detail.clusterName })}`}
        </p>
      </header>

      <nav className="tabs" role="tablist" aria-label={t('cases.tabs')}>
        {caseTabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'on' : ''} onClick={() => navigate(x)}>
            {counted(t(`cases.tab.${x}`), x === 'findings' ? problems : x === 'runs' ? detail.runs.length : null)}
          </button>
        ))}
      </nav>

      <div role="tabpanel" className={`tab-panel tab-${tab}`} aria-label={t(`cases.tab.${tab}`)}>
        {tab === 'timeline' && (
          <>
            <Timeline entries={timeline} runs={detail.runs} onShowRun={(runId) => navigate('runs', { focus: runId })} onShowFinding={(id) => navigate('findings', { focus: id })} />
            <NoteComposer caseId={detail.id} onAdded={load} />
          </>
        )}
        {tab === 'findings' && (
          <>
            {checkRuns.length > 0 && <CheckProgress runIds={checkRuns} runs={detail.runs} onHide={() => setCheckRuns([])} />}
            <CaseFindings findings={findings} focus={focus} onFocus={(id) => navigate('findings', { focus: id })} onOpenOutput={openOutput} />
          </>
        )}
        {tab === 'runs' && (
          <>
            {cluster && <PlaybookPanel caseId={detail.id} cluster={cluster} onStarted={started} />}
            <RunPanel caseId={detail.id} clusters={props.clusters} defaultClusterId={detail.clusterId} onStarted={started} />
            <section className="runs" aria-label={t('cases.tab.runs')}>
              {detail.runs.length === 0 && <p className="hint">{t('cases.runs.none')}</p>}
              {[...detail.runs].reverse().map((r) => (
                <RunView key={r.id} runId={r.id} onFinished={props.onChanged} onOpenOutput={openOutput} bringIntoView={r.id === focus} />
              ))}
            </section>
          </>
        )}
        {tab === 'terminals' && (
          <TerminalsPanel
            caseId={detail.id}
            clusters={props.clusters}
            clusterId={detail.clusterId}
            openNodeId={route.terminal}
            // Opened once: a reload or the back button does not open another terminal.
            onOpened={() => props.go({ page: 'case', caseId, tab: 'terminals' }, { replace: true })}
          />
        )}
        {tab === 'report' && <ReportPanel caseId={detail.id} />}
        {tab === 'runbooks' && <RunbookPanel caseId={detail.id} clusters={props.clusters} clusterId={detail.clusterId} onStarted={() => (load(), props.onChanged())} />}
      </div>

      {outputStep !== null && (
        <OutputViewer
          key={outputStep}
          stepId={outputStep}
          stream={route.stream ?? 'stdout'}
          find={route.find}
          line={route.line}
          onStream={(stream) => navigate(tab, { focus: focus ?? undefined, output: outputStep, stream })}
          onClose={() => navigate(tab, { focus: focus ?? undefined })}
        />
      )}
    </div>
  );
}
