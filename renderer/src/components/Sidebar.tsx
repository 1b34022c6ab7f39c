import type { CaseSummary, Cluster, ClusterNode } from '../../../main/contract/types.js';
import { LanguageSwitch, useLang } from '../i18n/index.js';

export function Sidebar(props: {
  clusters: Cluster[];
  cases: CaseSummary[];
  selectedCaseId: number | null;
  onAddCluster: () => void;
  onAddNode: (c: Cluster) => void;
  onEditNode: (c: Cluster, n: ClusterNode) => void;
  onTrust: (n: ClusterNode) => void;
  onNewCase: () => void;
  onSelectCase: (id: number) => void;
  onHome: () => void;
}) {
  const { t } = useLang();
  return (
    <nav className="sidebar" aria-label="Inventory and cases">
      <header className="brand">
        <h1>Stackscope</h1>
        <button type="button" className={props.selectedCaseId === null ? 'on' : ''} onClick={props.onHome}>
          {t('cases.home.nav')}
        </button>
        <LanguageSwitch />
      </header>
      <section>
        <header>
          <h2>Clusters</h2>
          <button type="button" onClick={props.onAddCluster}>+ Cluster</button>
        </header>
        {props.clusters.length === 0 && <p className="hint">No cluster yet. Add one, then its nodes.</p>}
        {props.clusters.map((c) => (
          <div key={c.id} className="cluster" data-testid={`cluster-${c.name}`}>
            <div className="cluster-head">
              <strong>{c.name}</strong> <span className="tag">{c.deployment}</span>
              <button type="button" className="small" onClick={() => props.onAddNode(c)}>+ Node</button>
            </div>
            <ul>
              {c.nodes.map((n) => (
                <li key={n.id} data-testid={`node-${n.name}`}>
                  <button type="button" className="link" onClick={() => props.onEditNode(c, n)} title={`${n.user}@${n.host}:${n.port}`}>
                    {n.name}
                  </button>
                  <span className="roles">{n.roles.join(', ')}</span>
                  {n.hostKey ? (
                    <span className="key ok" title={n.hostKey.fingerprint}>key trusted</span>
                  ) : (
                    <button type="button" className="small warn" onClick={() => props.onTrust(n)}>Trust key…</button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section>
        <header>
          <h2>Cases</h2>
          <button type="button" onClick={props.onNewCase}>+ Case</button>
        </header>
        <ul className="cases">
          {props.cases.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`case-link ${props.selectedCaseId === c.id ? 'selected' : ''}`}
                onClick={() => props.onSelectCase(c.id)}
              >
                <span className={`sev ${c.severity}`}>{c.severity}</span> #{c.id} {c.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </nav>
  );
}
