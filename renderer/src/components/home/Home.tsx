import { useCallback, useEffect, useState } from 'react';
import type { CheckStarted, Cluster, HomeOverview } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { routeHash } from '../../routing.js';
import { TimeAgo } from '../case/Bits.js';
import { CaseSearch } from './CaseSearch.js';
import { ClusterPicture } from './ClusterPicture.js';
import { useRefreshOnActivity } from '../useRefreshOnActivity.js';

/**
 * What the on-call engineer sees first: search over every past case, the open cases (worst and
 * most recently active first), and each cluster as a picture coloured by its latest findings,
 * with "Check cluster" on it (the check's case opens on its findings).
 */
export function Home(props: { clusters: Cluster[]; onCheckStarted: (started: CheckStarted) => void; onImport: () => void }) {
  const { api, info } = useApp();
  const { t } = useLang();
  const [overview, setOverview] = useState<HomeOverview | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(() => {
    api['home.overview']({}).then(setOverview, (err: unknown) => setError(errorText(err)));
  }, [api]);
  // Again when the inventory changes (a cluster or node added in the sidebar).
  useEffect(load, [load, props.clusters]);
  useRefreshOnActivity(load);

  return (
    <div className="home">
      <header className="home-head">
        <h1>{t('cases.home.title')}</h1>
        <p className="hint">{t('cases.home.lead')}</p>
      </header>
      <CaseSearch />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {overview && (
        <>
          <section className="open-cases" aria-label={t('cases.home.open')}>
            <h2>
              {t('cases.home.open')} <span className="tab-count">{overview.openCases.length}</span>
            </h2>
            {overview.openCases.length === 0 ? (
              <p className="hint">{t('cases.home.noOpen')}</p>
            ) : (
              <ul>
                {overview.openCases.map((c) => (
                  <li key={c.id}>
                    <a className={`open-case ${c.severity}`} href={routeHash({ page: 'case', caseId: c.id })} data-testid="open-case">
                      <span className={`sev ${c.severity}`}>{t(`common.${c.severity}`)}</span>
                      <span className="oc-title">
                        #{c.id} {c.title}
                      </span>
                      <span className={`status-tag ${c.status}`}>{t(`cases.status.${c.status}`)}</span>
                      {c.clusterName && <span className="tag">{c.clusterName}</span>}
                      <span className="oc-counts">
                        {c.critical > 0 && <span className="sev critical">{t('cases.count.critical', { n: c.critical })}</span>}
                        {c.warning > 0 && <span className="sev warning">{t('cases.count.warning', { n: c.warning })}</span>}
                      </span>
                      <span className="oc-age">
                        {t('cases.meta.opened')} <TimeAgo iso={c.openedAt} />
                        {c.lastActivityAt !== c.openedAt && (
                          <>
                            {' · '}
                            {t('cases.home.active')} <TimeAgo iso={c.lastActivityAt} />
                          </>
                        )}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {overview.clusters.length === 0 ? (
            <section className="welcome" data-testid="welcome">
              <p>{t('cases.home.welcome')}</p>
              <p>
                <button type="button" className="primary" onClick={props.onImport}>
                  {t('inv.import.title')}
                </button>{' '}
                <span className="hint">{t('inv.import.welcome')}</span>
              </p>
              <h2>{t('cases.home.labTitle')}</h2>
              <p>{t('cases.home.lab')}</p>
              <dl className="lab-commands">
                <dt>
                  <code>npm run demo</code>
                </dt>
                <dd>{t('cases.home.labDemo')}</dd>
                <dt>
                  <code>npx stackscope lab up</code>
                </dt>
                <dd>{t('cases.home.labUp')}</dd>
              </dl>
            </section>
          ) : (
            overview.clusters.map((c) => <ClusterPicture key={c.id} cluster={c} onCheckStarted={props.onCheckStarted} />)
          )}
        </>
      )}
      <p className="hint home-foot">
        {info.mode} · <code>{info.dataDir}</code> · v{info.version} · {t('cases.home.as', { author: info.author })}
      </p>
    </div>
  );
}
