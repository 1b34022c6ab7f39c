import { useState } from 'react';
import { StackscopeError } from '../../../main/contract/errors.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog, FormFooter } from './Dialog.js';

export interface MissingSecret {
  nodeId: number;
  nodeName: string;
  kind: 'password' | 'passphrase';
}

/** The credentials a refused start asks for, or null when it failed for another reason. */
export function secretsNeeded(err: unknown): MissingSecret[] | null {
  return err instanceof StackscopeError && err.code === 'SECRET_REQUIRED' && Array.isArray(err.detail?.missing) ? (err.detail.missing as MissingSecret[]) : null;
}

/** Asks for the passwords/passphrases a run needs. Kept in memory (browser mode) or the OS keychain if asked to (desktop). */
export function SecretDialog(props: { missing: MissingSecret[]; onDone: () => void; onCancel: () => void }) {
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
            {t(m.kind === 'password' ? 'ui.secret.password' : 'ui.secret.passphrase', { node: m.nodeName })}
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
