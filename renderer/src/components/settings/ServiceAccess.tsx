import type { ClusterNode, Deployment } from '../../../../main/contract/types.js';
import { useLang } from '../../i18n/index.js';
import { credentialModes, describeDefault, type AccessForm } from './access-checks.js';

function Problem(props: { text: string | undefined; id: string }) {
  return props.text ? (
    <small className="error" id={props.id} role="status">
      {props.text}
    </small>
  ) : null;
}

/**
 * The settings page's "Service credentials" section: where the admin credentials, Kolla's
 * passwords.yml and the kube-access node are. Only places are typed here, never a value; the page
 * owns the form (ClusterSettings saves it with the rest) and the checks (access-checks.ts).
 */
export function ServiceAccess(props: { form: AccessForm; onChange: (f: AccessForm) => void; problems: Record<string, string>; deployment: Deployment; nodes: ClusterNode[]; idBase: string }) {
  const { t } = useLang();
  const { form: f, problems, deployment, idBase } = props;
  const set = (patch: Partial<AccessForm>): void => props.onChange({ ...f, ...patch });
  // helm-secret only makes sense with kubectl; it stays listed when a cluster already says it.
  const modes = credentialModes.filter((m) => m !== 'helm-secret' || deployment === 'openstack-helm' || f.mode === m);
  const onFile = f.mode === 'openrc' || f.mode === 'clouds-yaml';
  const nodePicker = (label: string, value: string, empty: string, onPick: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">{empty}</option>
        {props.nodes.map((n) => (
          <option key={n.id} value={n.name}>
            {n.name}
          </option>
        ))}
        {/* A node named before it was removed or renamed: shown as it is stored, the core says it is missing. */}
        {value !== '' && !props.nodes.some((n) => n.name === value) && <option value={value}>{value}</option>}
      </select>
    </label>
  );
  const text = (key: string, label: string, value: string, onType: (v: string) => void, placeholder?: string) => (
    <label>
      {label}
      <input value={value} onChange={(e) => onType(e.target.value)} placeholder={placeholder} spellCheck={false} aria-invalid={problems[key] ? true : undefined} aria-describedby={`${idBase}-${key}`} />
      <Problem text={problems[key]} id={`${idBase}-${key}`} />
    </label>
  );

  return (
    <fieldset data-testid="service-access">
      <legend>{t('access.title')}</legend>
      <p className="hint">{t('access.lead')}</p>
      <label>
        {t('access.where')}
        <select value={f.mode} onChange={(e) => set({ mode: e.target.value as AccessForm['mode'] })}>
          {modes.map((m) => (
            <option key={m} value={m}>
              {m === 'default' ? describeDefault(deployment, t) : t(`access.mode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {onFile && (
        <div className="grid3">
          {text('credPath', t(`access.path.${f.mode}`), f.path, (v) => set({ path: v }), f.mode === 'openrc' ? '/etc/kolla/admin-openrc.sh' : '/etc/openstack/clouds.yaml')}
          {f.mode === 'clouds-yaml' && text('cloud', t('access.cloud'), f.cloud, (v) => set({ cloud: v }))}
          {nodePicker(t('access.node'), f.node, t('access.stepNode'), (v) => set({ node: v }))}
        </div>
      )}
      {f.mode === 'helm-secret' && <div className="grid3">{text('secret', t('access.secret'), f.secret, (v) => set({ secret: v }), 'keystone-keystone-admin')}</div>}
      {deployment === 'kolla' && (
        <fieldset>
          <legend>{t('access.passwords')}</legend>
          <div className="grid3">
            {nodePicker(t('access.passwordsNode'), f.passwordsNode, t('access.eachDbNode'), (v) => set({ passwordsNode: v }))}
            {text('passwordsPath', t('access.passwordsPath'), f.passwordsPath, (v) => set({ passwordsPath: v }), '/etc/kolla/passwords.yml')}
          </div>
        </fieldset>
      )}
      {deployment === 'openstack-helm' && (
        <div className="grid3">
          {nodePicker(t('access.kubeNode'), f.kubeNode, t('access.anyController'), (v) => set({ kubeNode: v }))}
          <div>
            {text('infraNamespaces', t('access.infraNamespaces'), f.infraNamespaces, (v) => set({ infraNamespaces: v }), 'osh-infra')}
            {!problems.infraNamespaces && <small className="hint">{t('access.infraHint')}</small>}
          </div>
        </div>
      )}
    </fieldset>
  );
}
