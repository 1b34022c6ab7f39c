import { clusterProfileDefaults, type CaseSummary, type Cluster, type ClusterNode } from '../../../main/contract/types.js';
import { LanguageSwitch, useLang } from '../i18n/index.js';

export function Sidebar(props: {
  clusters: Cluster[];
  cases: CaseSummary[];
  selectedCaseId: number | null;
  selectedNodeId: number | null;
  onHomePage: boolean;
  onAddCluster: () => void;
  /** "Import a cluster": from a Kolla/Ansible inventory, an ssh config or kubectl's nodes. */
  onImport: () => void;
  onSettings: (c: Cluster) => void;
  onAddNode: (c: Cluster) => void;
  /** Opens the node view (its services, findings, runs, a terminal; editing is one button there). */
  onSelectNode: (n: ClusterNode) => void;
  onTrust: (n: ClusterNode) => void;
  onNewCase: () => void;
  onSelectCase: (id: number) => void;
  onHome: () => void;
}) {
  const { t } = useLang();
  return (
    <nav className="sidebar" aria-label={t('ui.sidebar.label')}>
      <header className="brand">
        <h1>Stackscope</h1>
        <button type="button" className={props.onHomePage ? 'on' : ''} onClick={props.onHome}>
          {t('cases.home.nav')}
        </button>
        <LanguageSwitch />
      </header>
      <section>
        <header>
          <h2>{t('ui.sidebar.clusters')}</h2>
          <span className="head-buttons">
            <button type="button" onClick={props.onImport}>{t('inv.import.button')}</button>
            <button type="button" onClick={props.onAddCluster}>{t('ui.sidebar.addCluster')}</button>
          </span>
        </header>
        {props.clusters.length === 0 && <p className="hint">{t('ui.sidebar.noCluster')}</p>}
        {props.clusters.map((c) => (
          <div key={c.id} className="cluster" data-testid={`cluster-${c.name}`}>
            <div className="cluster-head">
              <strong>{c.name}</strong> <span className="tag">{c.deployment}</span>
              {/* The profile where it is not the default, as `stackscope cluster list` shows it. */}
              {c.containerEngine !== clusterProfileDefaults.containerEngine && <span className="tag">{c.containerEngine}</span>}
              {c.namespace !== clusterProfileDefaults.namespace && <span className="tag">{c.namespace}</span>}
              <button type="button" className="small" onClick={() => props.onAddNode(c)}>{t('ui.sidebar.addNode')}</button>
              <button type="button" className="small" onClick={() => props.onSettings(c)} aria-label={t('inv.settings.openFor', { cluster: c.name })} title={t('inv.settings.openFor', { cluster: c.name })}>
                {t('inv.settings.short')}
              </button>
            </div>
            <ul>
              {c.nodes.map((n) => (
                <li key={n.id} data-testid={`node-${n.name}`}>
                  <button
                    type="button"
                    className={`link${props.selectedNodeId === n.id ? ' selected' : ''}`}
                    aria-current={props.selectedNodeId === n.id ? 'page' : undefined}
                    onClick={() => props.onSelectNode(n)}
                    title={`${n.user}@${n.host}:${n.port}`}
                  >
                    {n.name}
                  </button>
                  <span className="roles">{n.roles.join(', ')}</span>
                  {n.hostKey ? (
                    <span className="key ok" title={n.hostKey.fingerprint}>{t('ui.sidebar.keyTrusted')}</span>
                  ) : (
                    <button type="button" className="small warn" onClick={() => props.onTrust(n)}>{t('ui.sidebar.trustKey')}</button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section>
        <header>
          <h2>{t('ui.sidebar.cases')}</h2>
          <button type="button" onClick={props.onNewCase}>{t('ui.sidebar.addCase')}</button>
        </header>
        <ul className="cases">
          {props.cases.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`case-link ${props.selectedCaseId === c.id ? 'selected' : ''}`}
                onClick={() => props.onSelectCase(c.id)}
              >
                <span className={`sev ${c.severity}`}>{t(`common.${c.severity}`)}</span> #{c.id} {c.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </nav>
  );
}
