import { useState } from 'react';
import type { CheckStarted } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { useSecretRetry } from './SecretDialog.js';

/**
 * "Check cluster": every playbook that applies to the cluster and needs no parameter, one run each,
 * in the given case or a new one. A node that needs a password asks for it and the check starts
 * again; any other refusal (nothing applies, an unknown case) is shown where the button is.
 */
export function CheckClusterButton(props: { clusterId: number; clusterName: string; caseId?: number; onStarted: (started: CheckStarted) => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const secrets = useSecretRetry();

  const start = (): void => {
    setBusy(true);
    setError('');
    api['checks.start']({ clusterId: props.clusterId, only: [], skip: [], ...(props.caseId !== undefined ? { caseId: props.caseId } : {}) }).then(
      (started) => {
        setBusy(false);
        props.onStarted(started);
      },
      (err: unknown) => {
        setBusy(false);
        if (!secrets.askThenRetry(err, start)) setError(errorText(err));
      },
    );
  };

  return (
    <span className="check-cluster">
      <button type="button" className="primary" onClick={start} disabled={busy} title={t('check.buttonHint', { cluster: props.clusterName })}>
        {busy ? t('check.starting') : t('check.button')}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
      {secrets.dialog}
    </span>
  );
}
