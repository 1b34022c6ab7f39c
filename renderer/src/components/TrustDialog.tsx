import { useEffect, useState } from 'react';
import type { ClusterNode, HostKeyProbe } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { Dialog } from './Dialog.js';

/** Shows the key the node presents now; trusting is an explicit click, and a changed key is shouted about. */
export function TrustDialog(props: { node: ClusterNode; onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
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
    <Dialog title={`Host key of ${props.node.name}`} onClose={props.onCancel}>
      {busy && !probe && <p>Connecting to {props.node.host}:{props.node.port}…</p>}
      {probe && (
        <div className="trust">
          <p>
            {probe.host}:{probe.port} presents this {probe.keyType} key:
          </p>
          <code className="fingerprint" data-testid="fingerprint">{probe.fingerprint}</code>
          {probe.status === 'unknown' && (
            <p className="hint">
              Compare it with the server's own: <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code>. Trust it only if they match.
            </p>
          )}
          {probe.status === 'trusted' && <p className="ok">This key is already trusted.</p>}
          {probe.status === 'changed' && (
            <p className="error" role="alert">
              The host key CHANGED. Trusted before: <code>{probe.knownFingerprint}</code>. This can mean a man-in-the-middle, or a rebuilt host. Replace the trusted
              key only once you know why.
            </p>
          )}
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="button" onClick={props.onCancel}>Cancel</button>
        {probe && probe.status !== 'trusted' && (
          <button type="button" className={probe.status === 'changed' ? 'danger' : 'primary'} disabled={busy} onClick={trust}>
            {probe.status === 'changed' ? 'Replace trusted key' : 'Trust this key'}
          </button>
        )}
      </div>
    </Dialog>
  );
}
