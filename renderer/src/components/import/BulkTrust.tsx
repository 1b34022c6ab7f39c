import { useCallback, useEffect, useState } from 'react';
import type { ClusterHostKeyProbe, ClusterHostKeyProbes, ClusterHostKeyTrust } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { rememberProbe } from './unreachable.js';

type Reachable = Extract<ClusterHostKeyProbe, { reachable: true }>;

/**
 * Every node's host key at once: what known_hosts or Stackscope already trust, what is unknown,
 * changed, revoked or did not answer. "Trust N keys" trusts exactly the unknown fingerprints shown,
 * after one confirmation that lists them; a changed or revoked key is never trusted from here.
 */
export function BulkTrust(props: { clusterId: number; clusterName: string; onTrusted?: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [probes, setProbes] = useState<ClusterHostKeyProbes | null>(null);
  const [busy, setBusy] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ClusterHostKeyTrust | null>(null);
  const [error, setError] = useState('');

  const probe = useCallback(() => {
    setBusy(true);
    setError('');
    api['hostKeys.probeCluster']({ clusterId: props.clusterId }).then(
      (p) => {
        rememberProbe(p.nodes);
        setProbes(p);
        setBusy(false);
      },
      (err: unknown) => {
        setError(errorText(err));
        setBusy(false);
      },
    );
  }, [api, props.clusterId]);
  useEffect(probe, [probe]);

  const unknown = (probes?.nodes ?? []).filter((n): n is Reachable => n.reachable && n.status === 'unknown');
  const blocked = (probes?.nodes ?? []).filter((n) => n.status === 'changed' || n.status === 'revoked');

  const trust = (): void => {
    setBusy(true);
    setConfirming(false);
    // Exactly the fingerprints on the screen: a node presenting another key now is refused by the core.
    api['hostKeys.trustCluster']({ clusterId: props.clusterId, confirmed: unknown.map((n) => ({ nodeId: n.nodeId, fingerprint: n.fingerprint })) }).then(
      (r) => {
        setResult(r);
        props.onTrusted?.();
        probe();
      },
      (err: unknown) => {
        setError(errorText(err));
        setBusy(false);
      },
    );
  };

  return (
    <section className="bulk-trust" aria-label={t('inv.trust.label', { cluster: props.clusterName })} data-testid="bulk-trust">
      {busy && !probes && <p role="status">{t('inv.trust.probing', { cluster: props.clusterName })}</p>}
      {probes && (
        <>
          <p className="hint">{t('inv.trust.lead')}</p>
          <div className="table-scroll">
            <table className="trust-table">
              <thead>
                <tr>
                  <th scope="col">{t('inv.col.node')}</th>
                  <th scope="col">{t('inv.col.address')}</th>
                  <th scope="col">{t('inv.col.status')}</th>
                  <th scope="col">{t('inv.col.fingerprint')}</th>
                </tr>
              </thead>
              <tbody>
                {probes.nodes.map((n) => (
                  <tr key={n.nodeId} className={`key-${n.status}`} data-testid={`probe-${n.nodeName}`} data-status={n.status}>
                    <th scope="row">{n.nodeName}</th>
                    <td>
                      <code>
                        {n.host}:{n.port}
                      </code>
                    </td>
                    <td>
                      <span className={`key-status ${n.status}`}>{t(`inv.key.${n.status}`)}</span>
                      {n.reachable && n.knownHosts && n.knownHosts.file !== '' && (
                        <div className="hint">
                          {n.knownHosts.file}:{n.knownHosts.line}
                        </div>
                      )}
                      {!n.reachable && <div className="hint">{n.error.message}</div>}
                    </td>
                    <td>
                      {n.reachable && (
                        <>
                          <code className="fp">{n.fingerprint}</code> <span className="hint">{n.keyType}</span>
                          {n.status === 'changed' && n.knownFingerprint && (
                            <div className="hint">
                              {t('inv.trust.was')} <code className="fp">{n.knownFingerprint}</code>
                            </div>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {probes.knownHostsNotes.length > 0 && (
            <ul className="hint notes">
              {probes.knownHostsNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {blocked.length > 0 && (
            <p className="error" role="alert">
              {t('inv.trust.blocked', { n: blocked.length })}
            </p>
          )}
          {probes.nodes.some((n) => !n.reachable) && <p className="hint">{t('inv.trust.unreachableHint')}</p>}
          {result && (
            <p className="ok" role="status" data-testid="trust-result">
              {t('inv.trust.done', { n: result.trusted.length })}
              {result.refused.map((r) => (
                <span key={r.nodeId} className="error">
                  {' '}
                  {r.nodeName}: {r.reason}
                </span>
              ))}
            </p>
          )}
          {confirming ? (
            <div className="confirm" role="group" aria-label={t('inv.trust.confirmTitle', { n: unknown.length })}>
              <p>
                <strong>{t('inv.trust.confirmTitle', { n: unknown.length })}</strong> {t('inv.trust.confirmText')}
              </p>
              <div className="actions">
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
                <button type="button" className="primary" autoFocus onClick={trust}>
                  {t('inv.trust.confirm', { n: unknown.length })}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" onClick={probe} disabled={busy}>
                {t('inv.trust.again')}
              </button>
              <button type="button" className="primary" disabled={busy || unknown.length === 0} onClick={() => setConfirming(true)}>
                {unknown.length === 0 ? t('inv.trust.nothing') : t('inv.trust.button', { n: unknown.length })}
              </button>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
