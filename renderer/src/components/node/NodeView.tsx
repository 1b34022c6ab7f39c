import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary, Cluster, ClusterNode, HealthLevel, NodeHealth } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { routeHash, type Route } from '../../routing.js';
import { TimeAgo } from '../case/Bits.js';
import { HealthPill } from '../home/ClusterPicture.js';
import { RunBadges } from '../RunBadges.js';
import { useRefreshOnActivity } from '../useRefreshOnActivity.js';
import { casesToRead, runsOnNode, terminalCase, type NodeRun } from './node-runs.js';
import './node.css';

const icon: Record<HealthLevel, string> = { critical: '✖', warning: '▲', unchecked: '⊘', ok: '✔', unknown: '?' };

/**
 * One node as the on-call engineer asks about it: where it is and how it is reached, what the
 * latest checks saw there (the home picture's own truth: home.overview), its latest findings
 * (each a link to the finding in its case), a terminal to it, and the runs that touched it. Opened
 * from a node card of the picture or a node in the sidebar; editing it is one button away.
 */
export function NodeView(props: { nodeId: number; clusters: Cluster[]; go: (to: Route) => void; onEdit: (cluster: Cluster, node: ClusterNode) => void; onChanged: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const cluster = props.clusters.find((c) => c.nodes.some((n) => n.id === props.nodeId));
  const node = cluster?.nodes.find((n) => n.id === props.nodeId);
  const [health, setHealth] = useState<NodeHealth | null>(null);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [runs, setRuns] = useState<NodeRun[] | null>(null);
  const [error, setError] = useState('');
  const clusterId = cluster?.id;

  const load = useCallback(() => {
    if (clusterId === undefined) return;
    api['home.overview']({}).then(
      (o) => setHealth(o.clusters.flatMap((c) => c.nodes).find((n) => n.id === props.nodeId) ?? null),
      (err: unknown) => setError(errorText(err)),
    );
    // No contract method lists a node's runs yet: read the cluster's newest cases (see node-runs.ts).
    api['cases.list']({})
      .then(async (all) => {
        setCases(all);
        const details = await Promise.all(casesToRead(all, clusterId).map((c) => api['cases.get']({ caseId: c.id, outputTail: 0 })));
        setRuns(runsOnNode(details, props.nodeId));
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, [api, clusterId, props.nodeId]);
  useEffect(load, [load, props.clusters]);
  useRefreshOnActivity(load);

  if (!cluster || !node) return props.clusters.length === 0 ? <p className="hint">{t('common.loading')}</p> : <p className="error">{t('node.notFound', { id: props.nodeId })}</p>;
  const jump = node.jumpNodeId === null ? null : cluster.nodes.find((n) => n.id === node.jumpNodeId);
  const target = cases ? terminalCase(cases, cluster.id) : null;
  const level = health?.health ?? 'unknown';

  const openTerminal = (): void => {
    setError('');
    const open = (caseId: number): void => props.go({ page: 'case', caseId, tab: 'terminals', terminal: node.id });
    if (target) return open(target.id);
    api['cases.create']({ title: t('node.terminalTitle', { name: node.name }), severity: 'info', clusterId: cluster.id }).then(
      (c) => {
        props.onChanged();
        open(c.id);
      },
      (err: unknown) => setError(errorText(err)),
    );
  };

  return (
    <div className={`node-view ${level}`} data-testid="node-view" data-health={level}>
      <header className="node-view-head">
        <a className="back" href={routeHash({ page: 'home' })}>
          {t('node.back')}
        </a>
        <h1>
          <span className="health-icon" aria-hidden="true">
            {icon[level]}
          </span>{' '}
          {node.name}
        </h1>
        <HealthPill level={level} />
        <span className="tag">{t('node.cluster', { name: cluster.name })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => props.onEdit(cluster, node)}>
          {t('node.edit')}
        </button>
        <a className="button-link" href={routeHash({ page: 'cluster-settings', clusterId: cluster.id })}>
          {t('inv.settings.ofCluster')}
        </a>
      </header>

      <dl className="node-facts">
        <dt>{t('node.address')}</dt>
        <dd>
          <code>
            {node.user}@{node.host}:{node.port}
          </code>
        </dd>
        <dt>{t('node.roles')}</dt>
        <dd>{node.roles.join(', ')}</dd>
        <dt>{t('node.jump')}</dt>
        <dd>{jump ? <a href={routeHash({ page: 'node', nodeId: jump.id })}>{jump.name}</a> : t('node.direct')}</dd>
        <dt>{t('node.hostKey')}</dt>
        <dd>{node.hostKey ? <code className="fp">{node.hostKey.fingerprint}</code> : <span className="hint">{t('node.keyUntrusted')}</span>}</dd>
        <dt>{t('node.checked')}</dt>
        <dd>{health?.checkedAt ? <TimeAgo iso={health.checkedAt} /> : <span className="hint">{t('cases.picture.neverChecked')}</span>}</dd>
      </dl>

      <section className="node-terminal" aria-label={t('node.terminal')}>
        <button type="button" className="primary" onClick={openTerminal} disabled={cases === null}>
          {t('node.terminal')}
        </button>{' '}
        {cases !== null && (
          <span className="hint" data-testid="terminal-case">
            {target ? t('node.terminalIn', { id: target.id, title: target.title, cluster: cluster.name }) : t('node.terminalNew', { title: t('node.terminalTitle', { name: node.name }), cluster: cluster.name })}
          </span>
        )}
      </section>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <section className="node-section node-findings" aria-label={t('node.findings')}>
        <h2>{t('node.findings')}</h2>
        {!health || health.checkedAt === null ? (
          <p className="hint">{t('node.neverChecked')}</p>
        ) : health.problems.length === 0 ? (
          <p className="hint">{t('node.noFindings')}</p>
        ) : (
          <ul>
            {health.problems.map((p) => (
              <li key={p.findingId} className={`${p.severity}${p.stale ? ' stale' : ''}${p.explained ? ' explained' : ''}`} data-testid="node-finding" data-severity={p.severity}>
                <a href={routeHash({ page: 'case', caseId: p.caseId, tab: 'findings', focus: p.findingId })}>
                  <span aria-hidden="true">{icon[p.severity]}</span> {p.title}
                </a>{' '}
                <span className="hint">
                  {p.stale && <span className="stale-tag">{t('cases.picture.stale')}</span>}
                  <TimeAgo iso={p.checkedAt} /> · {t('node.runCase', { id: p.caseId })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="node-section" aria-label={t('node.services')}>
        <h2>{t('node.services')}</h2>
        {!health || health.services.length === 0 ? (
          <p className="hint">{t('node.noServices')}</p>
        ) : (
          <ul className="node-services">
            {health.services.map((s) => (
              <li key={`${s.kind}:${s.name}`} className={`svc ${s.health} ${s.kind}${s.stale ? ' stale' : ''}`} data-testid={`node-service-${s.name}`} data-health={s.health}>
                <span className="svc-name">{s.name}</span>
                <span className="svc-state">
                  {icon[s.health]} {t(`cases.health.${s.health}`)}
                </span>
                {s.detail && <span className="svc-detail">{s.detail}</span>}
                <span className="svc-age">
                  {s.stale && <span className="stale-tag">{t('cases.picture.stale')}</span>}
                  <TimeAgo iso={s.checkedAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="node-section" aria-label={t('node.runs')}>
        <h2>
          {t('node.runs')} {cases && <span className="hint">{t('node.runsScope', { n: casesToRead(cases, cluster.id).length, cluster: cluster.name })}</span>}
        </h2>
        {runs === null ? (
          <p className="hint">{t('common.loading')}</p>
        ) : runs.length === 0 ? (
          <p className="hint">{t('node.noRuns')}</p>
        ) : (
          <ul className="node-runs">
            {runs.map((r) => (
              <li key={r.run.id} data-testid="node-run">
                <a href={routeHash({ page: 'case', caseId: r.caseId, tab: 'runs', focus: r.run.id })}>
                  <code className="run-title">{r.run.title}</code>
                </a>
                <RunBadges state={r.run.state} findings={r.run.findings} />
                <span className="hint">
                  <TimeAgo iso={r.run.startedAt} /> · {t('node.steps', { n: r.steps })} ·{' '}
                  <a href={routeHash({ page: 'case', caseId: r.caseId })}>
                    {t('node.runCase', { id: r.caseId })} {r.caseTitle}
                  </a>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
