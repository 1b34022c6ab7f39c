import type { CheckStarted, ClusterOverview, HealthLevel, NodeHealth, NodeRole } from '../../../../main/contract/types.js';
import { useLang } from '../../i18n/index.js';
import { routeHash } from '../../routing.js';
import { TimeAgo } from '../case/Bits.js';
import { CheckClusterButton } from '../CheckClusterButton.js';
import { shownHealth, type Unreached } from '../import/unreachable.js';

const groups: NodeRole[] = ['controller', 'network', 'storage', 'compute'];
/** What a node is drawn as: its health, or `unreachable` when the last host-key probe could not reach it and nothing checked it since (import/unreachable.ts). */
type Shown = HealthLevel | 'unreachable';
const icon: Record<Shown, string> = { critical: '✖', warning: '▲', unchecked: '⊘', unreachable: '⊗', ok: '✔', unknown: '?' };
const word = (level: Shown): string => (level === 'unreachable' ? 'inv.health.unreachable' : `cases.health.${level}`);
/** More nodes than this in a tier: small tiles (name, colour, service dots) so 100 computes fit. */
const COMPACT_OVER = 16;
const SERVICES_SHOWN = 8;

export function HealthPill(props: { level: Shown }) {
  const { t } = useLang();
  return (
    <span className={`health-pill ${props.level}`}>
      <span aria-hidden="true">{icon[props.level]}</span> {t(word(props.level))}
    </span>
  );
}

/** A node card opens the node view; a click on a link inside it (its problem) goes where that link goes. */
function NodeCard(props: { node: NodeHealth; compact: boolean; level: Shown; unreached?: Unreached }) {
  const { t } = useLang();
  const n = props.node;
  const level = props.level;
  const problem = n.problems[0];
  const shown = n.services.slice(0, props.compact ? 12 : SERVICES_SHOWN);
  const more = n.services.length - shown.length;
  return (
    <article
      className={`node-card ${level}${props.compact ? ' compact' : ''}`}
      data-testid={`picture-node-${n.name}`}
      data-health={n.health}
      data-shown={level}
      aria-label={`${n.name}: ${t(word(level))}`}
      title={props.compact ? [n.name, n.host, ...(props.unreached ? [props.unreached.message] : []), ...n.problems.map((p) => p.title)].join('\n') : undefined}
      onClick={(e) => {
        if (!(e.target instanceof Element && e.target.closest('a'))) location.hash = routeHash({ page: 'node', nodeId: n.id });
      }}
    >
      <header>
        <span className="health-icon" aria-hidden="true">
          {icon[level]}
        </span>
        <a className="node-name" href={routeHash({ page: 'node', nodeId: n.id })} aria-label={t('cases.picture.openNode', { name: n.name })}>
          {n.name}
        </a>
        {!props.compact && <span className="health-word">{t(word(level))}</span>}
      </header>
      {!props.compact && (
        <div className="node-sub">
          {n.host}
          {n.roles.length > 1 && ` · ${n.roles.join(', ')}`}
        </div>
      )}
      {!props.compact && props.unreached && (
        <div className="unreached" title={props.unreached.message}>
          {t('inv.health.unreachedAt', { host: `${props.unreached.host}:${props.unreached.port}` })} <TimeAgo iso={props.unreached.at} />
        </div>
      )}
      {!props.compact && problem && (
        <a
          className={`node-problem ${problem.severity}${problem.stale ? ' stale' : ''}`}
          href={routeHash({ page: 'case', caseId: problem.caseId, tab: 'findings', focus: problem.findingId })}
          title={problem.title}
        >
          {problem.stale && (
            <span className="stale-tag">
              {t('cases.picture.stale')} <TimeAgo iso={problem.checkedAt} />
            </span>
          )}
          {problem.title}
          {n.problems.length > 1 && <span className="more"> +{n.problems.length - 1}</span>}
        </a>
      )}
      {shown.length > 0 && (
        <ul className={`services${props.compact ? ' dots' : ''}`} aria-label={t('cases.picture.services')}>
          {shown.map((s) => (
            <li
              key={`${s.kind}:${s.name}`}
              className={`svc ${s.health} ${s.kind}${s.stale ? ' stale' : ''}`}
              title={`${s.name}${s.detail ? ` · ${s.detail}` : ''} · ${t(`cases.health.${s.health}`)}${s.stale ? ` · ${t('cases.picture.stale')}` : ''}`}
            >
              {props.compact ? '' : s.name}
            </li>
          ))}
          {more > 0 && <li className="svc more">+{more}</li>}
        </ul>
      )}
      {!props.compact && <footer className="checked">{n.checkedAt ? <TimeAgo iso={n.checkedAt} /> : t('cases.picture.neverChecked')}</footer>}
    </article>
  );
}

/**
 * The cluster as a picture: controllers on top, then network and storage nodes, the computes in
 * a grid; each node in the colour of its worst finding from the latest runs, with the services
 * and pods those runs saw on it. Colour is never the only signal: icon and word say it too.
 */
export function ClusterPicture(props: { cluster: ClusterOverview; onCheckStarted: (started: CheckStarted) => void }) {
  const { t } = useLang();
  const c = props.cluster;
  const shown = new Map(c.nodes.map((n) => [n.id, shownHealth(n, undefined)]));
  const levelOf = (n: NodeHealth): Shown => shown.get(n.id)?.level ?? n.health;
  const counts = (['critical', 'warning', 'unchecked', 'unreachable', 'ok', 'unknown'] as const).map((h) => [h, c.nodes.filter((n) => levelOf(n) === h).length] as const).filter(([, n]) => n > 0);
  return (
    <section className={`picture ${c.health}`} aria-label={t('cases.picture.label', { name: c.name })} data-testid={`picture-${c.name}`}>
      <header className="picture-head">
        <h2>{c.name}</h2>
        <span className="tag">{c.deployment}</span>
        <HealthPill level={c.health} />
        <span className="picture-counts">
          {counts.map(([h, n]) => (
            <span key={h} className={`count ${h}`}>
              {n} {t(word(h))}
            </span>
          ))}
        </span>
        <span className="picture-checked">{c.checkedAt ? <>{t('cases.picture.checked')} <TimeAgo iso={c.checkedAt} /></> : t('cases.picture.neverRun')}</span>
        <a className="picture-settings" href={routeHash({ page: 'cluster-settings', clusterId: c.id })} aria-label={t('inv.settings.openFor', { cluster: c.name })}>
          {t('inv.settings.short')}
        </a>
        {c.nodes.length > 0 && <CheckClusterButton clusterId={c.id} clusterName={c.name} onStarted={props.onCheckStarted} />}
      </header>
      {c.problems.length > 0 && (
        <ul className="cluster-problems">
          {c.problems.map((p) => (
            <li key={p.findingId} className={`${p.severity}${p.stale ? ' stale' : ''}${p.explained ? ' explained' : ''}`}>
              <a href={routeHash({ page: 'case', caseId: p.caseId, tab: 'findings', focus: p.findingId })}>
                <span aria-hidden="true">{icon[p.severity]}</span> {p.stale && <span className="stale-tag">{t('cases.picture.stale')} <TimeAgo iso={p.checkedAt} /></span>} {p.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      {c.nodes.length === 0 && <p className="hint">{t('cases.picture.noNodes')}</p>}
      <div className="tiers">
        {groups.map((g) => {
          const nodes = c.nodes.filter((n) => n.group === g);
          if (nodes.length === 0) return null;
          const compact = nodes.length > COMPACT_OVER;
          return (
            <div key={g} className={`tier tier-${g}`}>
              <h3>
                {t(`cases.picture.group.${g}`)} <span className="tier-count">{nodes.length}</span>
              </h3>
              <div className={`tier-nodes${g === 'compute' ? ' grid' : ''}${compact ? ' compact' : ''}`}>
                {nodes.map((n) => (
                  <NodeCard key={n.id} node={n} compact={compact} level={levelOf(n)} unreached={shown.get(n.id)?.unreached} />
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
