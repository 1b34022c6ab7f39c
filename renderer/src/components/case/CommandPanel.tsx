import { useMemo, useState } from 'react';
import type { RunStarted } from '../../../../main/contract/api.js';
import { nodeRoles, type Cluster, type NodeRole } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { ClusterOptions } from '../ClusterOptions.js';
import { useSecretRetry } from '../SecretDialog.js';

/** Run one read-only command on chosen nodes (or whole roles) of a cluster. */
export function RunPanel(props: { caseId: number; clusters: Cluster[]; defaultClusterId: number | null; onStarted: (started: RunStarted) => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [clusterId, setClusterId] = useState<number | null>(props.defaultClusterId ?? props.clusters[0]?.id ?? null);
  const cluster = props.clusters.find((c) => c.id === clusterId) ?? props.clusters[0];
  const [nodeIds, setNodeIds] = useState<number[]>([]);
  const [roles, setRoles] = useState<NodeRole[]>([]);
  const [command, setCommand] = useState('');
  const [timeoutSec, setTimeoutSec] = useState('120');
  const [error, setError] = useState('');
  const secrets = useSecretRetry();

  const selected = useMemo(
    () => (cluster ? cluster.nodes.filter((n) => nodeIds.includes(n.id) || n.roles.some((r) => roles.includes(r))) : []),
    [cluster, nodeIds, roles],
  );

  const start = (): void => {
    if (!cluster) return;
    setError('');
    api['exec.start']({ caseId: props.caseId, clusterId: cluster.id, nodeIds, roles, command, timeoutSec: Number(timeoutSec) }).then(
      (started) => props.onStarted(started),
      (err) => {
        if (!secrets.askThenRetry(err, start)) setError(errorText(err));
      },
    );
  };

  if (!cluster) return <p className="hint">{t('ui.command.noCluster')}</p>;
  const rolesPresent = nodeRoles.filter((r) => cluster.nodes.some((n) => n.roles.includes(r)));
  return (
    <>
      <form
        className="run-panel"
        aria-label={t('ui.command.form')}
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <div className="row">
          <label>
            {t('ui.command.cluster')}
            <select value={cluster.id} onChange={(e) => (setClusterId(Number(e.target.value)), setNodeIds([]), setRoles([]))}>
              <ClusterOptions clusters={props.clusters} />
            </select>
          </label>
          <div className="pick" role="group" aria-label={t('ui.command.roles')}>
            {rolesPresent.map((r) => (
              <label key={r} className="chip">
                <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} />
                {t('ui.command.allRole', { role: r })}
              </label>
            ))}
          </div>
        </div>
        <div className="pick" role="group" aria-label={t('ui.command.nodes')}>
          {cluster.nodes.map((n) => (
            <label key={n.id} className="chip">
              <input
                type="checkbox"
                aria-label={t('ui.command.node', { name: n.name })}
                checked={nodeIds.includes(n.id) || n.roles.some((r) => roles.includes(r))}
                disabled={n.roles.some((r) => roles.includes(r))}
                onChange={(e) => setNodeIds(e.target.checked ? [...nodeIds, n.id] : nodeIds.filter((x) => x !== n.id))}
              />
              {n.name}
            </label>
          ))}
        </div>
        <div className="row">
          <input
            className="command-input"
            aria-label={t('ui.command.command')}
            placeholder={t('ui.command.placeholder')}
            value={command}
            onChange={(e) => setCommand(e.target.value)}
          />
          <label className="inline">
            {t('ui.command.timeout')}
            <input className="narrow" aria-label={t('ui.command.timeoutSeconds')} value={timeoutSec} onChange={(e) => setTimeoutSec(e.target.value)} inputMode="numeric" />
            {t('ui.command.seconds')}
          </label>
          <button type="submit" className="primary" disabled={selected.length === 0 || !command.trim()}>
            {t(selected.length === 1 ? 'ui.command.runOne' : 'ui.command.runMany', { n: selected.length })}
          </button>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
      {secrets.dialog}
    </>
  );
}
