import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary, Cluster, ClusterNode } from '../../main/contract/types.js';
import { AuthPrompts } from './components/AuthPromptDialog.js';
import { CaseView } from './components/CaseView.js';
import { ClusterForm } from './components/ClusterForm.js';
import { ClusterOptions } from './components/ClusterOptions.js';
import { Dialog, FormFooter } from './components/Dialog.js';
import { Home } from './components/home/Home.js';
import { ImportDialog } from './components/import/ImportDialog.js';
import { NodeForm } from './components/NodeForm.js';
import { NodeView } from './components/node/NodeView.js';
import { ClusterSettings } from './components/settings/ClusterSettings.js';
import { Sidebar } from './components/Sidebar.js';
import { TrustDialog } from './components/TrustDialog.js';
import { errorText, useApp } from './context.js';
import { useLang } from './i18n/index.js';
import { useRoute } from './routing.js';

type Modal =
  | { kind: 'cluster' }
  | { kind: 'import' }
  | { kind: 'node'; cluster: Cluster; node?: ClusterNode }
  | { kind: 'trust'; node: ClusterNode }
  | { kind: 'case' }
  | null;

export function App() {
  const { api } = useApp();
  const [clusters, setClusters] = useState<Cluster[]>([]);
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [route, go] = useRoute();
  const [modal, setModal] = useState<Modal>(null);
  const [error, setError] = useState('');

  const refresh = useCallback(() => {
    Promise.all([api['clusters.list']({}), api['cases.list']({})]).then(
      ([cl, cs]) => {
        setClusters(cl);
        setCases(cs);
      },
      (err) => setError(errorText(err)),
    );
  }, [api]);
  useEffect(refresh, [refresh]);

  const openCase = (id: number): void => go({ page: 'case', caseId: id });
  const done = (): void => {
    setModal(null);
    refresh();
  };

  return (
    <div className="app">
      <Sidebar
        clusters={clusters}
        cases={cases}
        selectedCaseId={route.page === 'case' ? route.caseId : null}
        selectedNodeId={route.page === 'node' ? route.nodeId : null}
        onHomePage={route.page === 'home'}
        onAddCluster={() => setModal({ kind: 'cluster' })}
        onImport={() => setModal({ kind: 'import' })}
        onSettings={(cluster) => go({ page: 'cluster-settings', clusterId: cluster.id })}
        onAddNode={(cluster) => setModal({ kind: 'node', cluster })}
        onSelectNode={(node) => go({ page: 'node', nodeId: node.id })}
        onTrust={(node) => setModal({ kind: 'trust', node })}
        onNewCase={() => setModal({ kind: 'case' })}
        onSelectCase={openCase}
        onHome={() => go({ page: 'home' })}
      />
      <main className="main">
        {error && <p className="error" role="alert">{error}</p>}
        {route.page === 'case' ? (
          <CaseView key={route.caseId} route={route} go={go} clusters={clusters} onChanged={refresh} />
        ) : route.page === 'cluster-settings' ? (
          <SettingsPage clusterId={route.clusterId} clusters={clusters} onChanged={refresh} />
        ) : route.page === 'node' ? (
          <NodeView key={route.nodeId} nodeId={route.nodeId} clusters={clusters} go={go} onEdit={(cluster, node) => setModal({ kind: 'node', cluster, node })} onChanged={refresh} />
        ) : (
          <Home
            clusters={clusters}
            onImport={() => setModal({ kind: 'import' })}
            onCheckStarted={(started) => {
              refresh();
              go({ page: 'case', caseId: started.caseId, tab: 'findings' });
            }}
          />
        )}
      </main>
      <AuthPrompts />
      {modal?.kind === 'cluster' && <ClusterForm onDone={done} onCancel={() => setModal(null)} />}
      {modal?.kind === 'import' && (
        <ImportDialog
          clusters={clusters}
          onChanged={refresh}
          onClose={done}
          onSettings={(clusterId) => {
            done();
            go({ page: 'cluster-settings', clusterId });
          }}
        />
      )}
      {modal?.kind === 'node' && <NodeForm cluster={modal.cluster} node={modal.node} onDone={done} onCancel={() => setModal(null)} />}
      {modal?.kind === 'trust' && <TrustDialog node={modal.node} onDone={done} onCancel={() => setModal(null)} />}
      {modal?.kind === 'case' && (
        <NewCase
          clusters={clusters}
          onCancel={() => setModal(null)}
          onDone={(id) => {
            done();
            openCase(id);
          }}
        />
      )}
    </div>
  );
}

/** The settings page of a cluster that exists; one removed meanwhile is said so. */
function SettingsPage(props: { clusterId: number; clusters: Cluster[]; onChanged: () => void }) {
  const { t } = useLang();
  const cluster = props.clusters.find((c) => c.id === props.clusterId);
  if (!cluster) return props.clusters.length === 0 ? <p className="hint">{t('common.loading')}</p> : <p className="error">{t('inv.settings.notFound', { id: props.clusterId })}</p>;
  return <ClusterSettings key={cluster.id} cluster={cluster} onChanged={props.onChanged} />;
}

function NewCase(props: { clusters: Cluster[]; onDone: (id: number) => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<'critical' | 'warning' | 'info'>('warning');
  const [clusterId, setClusterId] = useState<string>(props.clusters[0] ? String(props.clusters[0].id) : '');
  const [error, setError] = useState('');
  return (
    <Dialog title={t('ui.newCase.title')} onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          api['cases.create']({ title, severity, clusterId: clusterId ? Number(clusterId) : null }).then(
            (c) => props.onDone(c.id),
            (err) => setError(errorText(err)),
          );
        }}
      >
        <label>
          {t('ui.newCase.caseTitle')}
          <input autoFocus value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('ui.newCase.placeholder')} required />
        </label>
        <label>
          {t('ui.newCase.severity')}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            {(['critical', 'warning', 'info'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`common.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ui.newCase.cluster')}
          <select value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
            <option value="">{t('ui.newCase.none')}</option>
            <ClusterOptions clusters={props.clusters} />
          </select>
        </label>
        <FormFooter error={error} onCancel={props.onCancel} submitLabel={t('ui.newCase.submit')} />
      </form>
    </Dialog>
  );
}
