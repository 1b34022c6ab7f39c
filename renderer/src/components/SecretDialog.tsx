import { useCallback, useState, type ReactNode } from 'react';
import type { MissingSecret } from '../../../main/contract/errors.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog, FormFooter } from './Dialog.js';
import { missingSecrets } from './missing-secrets.js';

export interface SecretRetry {
  /**
   * When `err` refused a start for missing credentials: opens the dialog for them, calls `retry`
   * once they are provided (or `cancelled`, if given, when the person cancels) and returns true.
   * Any other error: returns false and shows nothing; the caller reports it as before.
   */
  askThenRetry: (err: unknown, retry: () => void, cancelled?: () => void) => boolean;
  /**
   * The dialog while it is open, else null. Render it outside any <form>: a form nested in another
   * never reaches React's submit handler in Chromium, so Continue would do nothing.
   */
  dialog: ReactNode;
}

/** The one path from "this needs a password" to the same action again, for every place that starts work on nodes. */
export function useSecretRetry(): SecretRetry {
  const [pending, setPending] = useState<{ missing: MissingSecret[]; retry: () => void; cancelled?: () => void } | null>(null);
  const askThenRetry = useCallback((err: unknown, retry: () => void, cancelled?: () => void): boolean => {
    const missing = missingSecrets(err);
    if (!missing) return false;
    setPending({ missing, retry, cancelled });
    return true;
  }, []);
  const dialog = pending && (
    <SecretDialog
      missing={pending.missing}
      onCancel={() => {
        setPending(null);
        pending.cancelled?.();
      }}
      onDone={() => {
        setPending(null);
        pending.retry();
      }}
    />
  );
  return { askThenRetry, dialog };
}

/** Asks for the passwords/passphrases a run needs. Kept in memory (browser mode) or the OS keychain if asked to (desktop). */
function SecretDialog(props: { missing: MissingSecret[]; onDone: () => void; onCancel: () => void }) {
  const { api, info } = useApp();
  const { t } = useLang();
  const [values, setValues] = useState<Record<string, string>>({});
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState('');
  const key = (m: MissingSecret): string => `${m.nodeId}:${m.kind}`;
  return (
    <Dialog title={t('ui.secret.title')} onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          Promise.all(props.missing.map((m) => api['secrets.provide']({ nodeId: m.nodeId, kind: m.kind, value: values[key(m)] ?? '', remember }))).then(
            props.onDone,
            (err) => setError(errorText(err)),
          );
        }}
      >
        {props.missing.map((m, i) => (
          <label key={key(m)}>
            {t(m.kind === 'password' ? 'ui.secret.password' : m.kind === 'sudo' ? 'ui.secret.sudo' : 'ui.secret.passphrase', { node: m.nodeName })}
            <input
              type="password"
              autoFocus={i === 0}
              autoComplete="off"
              value={values[key(m)] ?? ''}
              onChange={(e) => setValues({ ...values, [key(m)]: e.target.value })}
              required
            />
          </label>
        ))}
        {info.secretStorage === 'keychain' ? (
          <label className="inline">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('ui.secret.remember')}
          </label>
        ) : (
          <p className="hint">
            {info.keychainUnavailable ? `${t(info.keychainUnavailable === 'no-keyring' ? 'ui.secret.noKeyring' : 'ui.secret.noKeychain')} ` : ''}
            {t('ui.secret.memory')}
          </p>
        )}
        <FormFooter error={error} onCancel={props.onCancel} submitLabel={t('ui.secret.continue')} />
      </form>
    </Dialog>
  );
}
