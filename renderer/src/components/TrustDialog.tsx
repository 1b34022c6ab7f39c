import { useEffect, useState } from 'react';
import type { ClusterNode, HostKeyProbe } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

/** Shows the key the node presents now; trusting is an explicit click, and a changed key is shouted about. */
export function TrustDialog(props: { node: ClusterNode; onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [probe, setProbe] = useState<HostKeyProbe | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    api['hostKeys.probe']({ nodeId: props.node.id }).then(
      (p) => {
        setProbe(p);
        setBusy(false);
      },
      (err) => {
        setError(errorText(err));
        setBusy(false);
      },
    );
  }, [api, props.node.id]);

  const trust = (): void => {
    if (!probe) return;
    setBusy(true);
    api['hostKeys.trust']({ nodeId: probe.nodeId, fingerprint: probe.fingerprint }).then(props.onDone, (err) => {
      setError(errorText(err));
      setBusy(false);
    });
  };

  return (
    <Dialog title={t('ui.trust.title', { name: props.node.name })} onClose={props.onCancel}>
      {busy && !probe && <p>{t('ui.trust.connecting', { host: props.node.host, port: props.node.port })}</p>}
      {probe && (
        <div className="trust">
          <p>{t('ui.trust.presents', { host: probe.host, port: probe.port, type: probe.keyType })}</p>
          <code className="fingerprint" data-testid="fingerprint">{probe.fingerprint}</code>
          {probe.status === 'unknown' && (
            <p className="hint">
              {t('ui.trust.compare')} <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code>. {t('ui.trust.onlyIfMatch')}
            </p>
          )}
          {probe.status === 'trusted' && <p className="ok">{t('ui.trust.already')}</p>}
          {probe.status === 'known_hosts' && probe.knownHosts && <p className="ok">{t('ui.trust.knownHosts', { file: probe.knownHosts.file, line: probe.knownHosts.line })}</p>}
          {probe.status === 'changed' && (
            <p className="error" role="alert">
              {probe.knownHosts ? t('ui.trust.changedIn', { file: probe.knownHosts.file, line: probe.knownHosts.line }) : t('ui.trust.changed')} <code>{probe.knownFingerprint}</code>. {t('ui.trust.changedWhy')}
            </p>
          )}
          {probe.status === 'revoked' && probe.knownHosts && (
            <p className="error" role="alert">
              {t('ui.trust.revoked', { file: probe.knownHosts.file, line: probe.knownHosts.line })}
            </p>
          )}
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="button" onClick={props.onCancel}>{t('common.cancel')}</button>
        {/* Nothing to trust when it is trusted already (here or in known_hosts), and a revoked key never is. */}
        {probe && (probe.status === 'unknown' || probe.status === 'changed') && (
          <button type="button" className={probe.status === 'changed' ? 'danger' : 'primary'} disabled={busy} onClick={trust}>
            {probe.status === 'changed' ? t('ui.trust.replace') : t('ui.trust.trust')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
