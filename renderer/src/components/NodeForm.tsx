import { useState } from 'react';
import { nodeRoles, type Cluster, type ClusterNode, type NodeAuth, type NodeRole } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog, FormFooter } from './Dialog.js';
import { hostProblem, portProblem } from './field-checks.js';

type AuthMethod = NodeAuth['method'];

/** Add or edit a node. Secrets are not asked here: they are asked when a connection needs them. */
export function NodeForm(props: { cluster: Cluster; node?: ClusterNode; onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const n = props.node;
  const [name, setName] = useState(n?.name ?? '');
  const [host, setHost] = useState(n?.host ?? '');
  const [port, setPort] = useState(String(n?.port ?? 22));
  const [user, setUser] = useState(n?.user ?? 'root');
  const [roles, setRoles] = useState<NodeRole[]>(n?.roles ?? ['controller']);
  const [method, setMethod] = useState<AuthMethod>(n?.auth.method ?? 'key');
  const [keyPath, setKeyPath] = useState(n?.auth.method === 'key' ? n.auth.keyPath : '');
  const [passphrase, setPassphrase] = useState(n?.auth.method === 'key' ? n.auth.passphrase : false);
  const [jump, setJump] = useState<string>(n?.jumpNodeId ? String(n.jumpNodeId) : '');
  const [error, setError] = useState('');
  /** Which fields were typed in: an untouched empty field only disables the submit button. */
  const [touched, setTouched] = useState<{ host?: boolean; port?: boolean }>({});
  const hostWrong = hostProblem(host, t);
  const portWrong = portProblem(port, t);

  const auth: NodeAuth = method === 'key' ? { method, keyPath, passphrase } : method === 'agent' ? { method } : { method };
  const fields = { name, host, port: Number(port), user, roles, auth, jumpNodeId: jump ? Number(jump) : null };

  const submit = (): void => {
    const call = n ? api['nodes.update']({ id: n.id, ...fields }) : api['nodes.add']({ clusterId: props.cluster.id, ...fields });
    call.then(props.onDone, (err) => setError(errorText(err)));
  };

  return (
    <Dialog title={n ? t('ui.node.editTitle', { name: n.name }) : t('ui.node.addTitle', { cluster: props.cluster.name })} onClose={props.onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid2">
          <label>
            {t('ui.node.name')}
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="ctl-1" required />
          </label>
          <label>
            {t('ui.node.address')}
            <input
              value={host}
              onChange={(e) => (setHost(e.target.value), setTouched((x) => ({ ...x, host: true })))}
              placeholder="10.0.0.11"
              required
              aria-invalid={touched.host && hostWrong ? true : undefined}
            />
            {touched.host && hostWrong && (
              <small className="error" role="status">
                {hostWrong}
              </small>
            )}
          </label>
          <label>
            {t('ui.node.port')}
            <input
              value={port}
              onChange={(e) => (setPort(e.target.value), setTouched((x) => ({ ...x, port: true })))}
              inputMode="numeric"
              required
              aria-invalid={touched.port && portWrong ? true : undefined}
            />
            {touched.port && portWrong && (
              <small className="error" role="status">
                {portWrong}
              </small>
            )}
          </label>
          <label>
            {t('ui.node.user')}
            <input value={user} onChange={(e) => setUser(e.target.value)} required />
          </label>
        </div>
        <fieldset>
          <legend>{t('ui.node.roles')}</legend>
          {nodeRoles.map((r) => (
            <label key={r} className="inline">
              <input
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              {r}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('ui.node.auth')}</legend>
          {(['key', 'agent', 'password'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name="auth" checked={method === m} onChange={() => setMethod(m)} />
              {t(`ui.node.auth.${m}`)}
            </label>
          ))}
          {method === 'key' && (
            <>
              <label>
                {t('ui.node.keyFile')}
                <input value={keyPath} onChange={(e) => setKeyPath(e.target.value)} placeholder="/home/me/.ssh/id_ed25519" required />
              </label>
              <label className="inline">
                <input type="checkbox" checked={passphrase} onChange={(e) => setPassphrase(e.target.checked)} />
                {t('ui.node.passphrase')}
              </label>
            </>
          )}
          {method === 'password' && <p className="hint">{t('ui.node.passwordHint')}</p>}
        </fieldset>
        <label>
          {t('ui.node.jump')}
          <select value={jump} onChange={(e) => setJump(e.target.value)}>
            <option value="">{t('ui.node.direct')}</option>
            {props.cluster.nodes
              .filter((x) => x.id !== n?.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
          </select>
        </label>
        <FormFooter error={error} onCancel={props.onCancel} submitLabel={n ? t('ui.node.save') : t('ui.node.add')} disabled={!!hostWrong || !!portWrong} />
      </form>
    </Dialog>
  );
}
