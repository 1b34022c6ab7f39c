import { useId, useState } from 'react';
import {
  connectionDefaults,
  containerEngines,
  deployments,
  unknownHostKeyPolicies,
  type Become,
  type Cluster,
  type ContainerEngine,
  type Deployment,
  type UnknownHostKeyPolicy,
} from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { routeHash } from '../../routing.js';
import { Dialog } from '../Dialog.js';
import { BulkTrust } from '../import/BulkTrust.js';
import '../import/import.css';
import { accessForm, accessInput, accessProblems, type AccessForm } from './access-checks.js';
import { ServiceAccess } from './ServiceAccess.js';
import { becomeUserProblem, knownHostsProblem, limitProblem, limitValue, namespaceProblem, type LimitKey } from './settings-checks.js';

const limits: LimitKey[] = ['connectTimeoutSec', 'keepaliveSec', 'concurrency'];
const shown = (v: number | null): string => (v === null ? '' : String(v));

/** One node's sudo: the cluster's (null) or its own. */
type Override = Become | null;

function Problem(props: { text: string; id: string }) {
  return props.text ? (
    <small className="error" id={props.id} role="status">
      {props.text}
    </small>
  ) : null;
}

/**
 * Everything about how Stackscope reaches a cluster, on one page: its flavour and profile, the
 * connection settings (empty = the app's default), what happens to an unknown host key (ask or
 * refuse; never accept), the known_hosts file, sudo for the steps that need root, each node's
 * own sudo where it differs, and where the service credentials are (ServiceAccess). Checked as typed with the contract's ranges; the contract has the last word.
 */
export function ClusterSettings(props: { cluster: Cluster; onChanged: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const ids = useId();
  const c = props.cluster;
  const [deployment, setDeployment] = useState<Deployment>(c.deployment);
  const [engine, setEngine] = useState<ContainerEngine>(c.containerEngine);
  const [namespace, setNamespace] = useState(c.namespace);
  const [conn, setConn] = useState<Record<LimitKey, string>>({ connectTimeoutSec: shown(c.connection.connectTimeoutSec), keepaliveSec: shown(c.connection.keepaliveSec), concurrency: shown(c.connection.concurrency) });
  const [unknownKeys, setUnknownKeys] = useState<UnknownHostKeyPolicy>(c.connection.unknownHostKeys);
  const [knownHosts, setKnownHosts] = useState(c.connection.knownHostsFile ?? '');
  const [become, setBecome] = useState<Become>(c.become);
  const [overrides, setOverrides] = useState<Record<number, Override>>(() => Object.fromEntries(c.nodes.map((n) => [n.id, n.become])));
  const [access, setAccess] = useState<AccessForm>(() => accessForm(c));
  const [trusting, setTrusting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState('');

  const problems: Record<string, string> = {
    ...Object.fromEntries(limits.map((k) => [k, limitProblem(k, conn[k], t)])),
    knownHosts: knownHostsProblem(knownHosts, t),
    namespace: deployment === 'openstack-helm' ? namespaceProblem(namespace, t) : '',
    becomeUser: becomeUserProblem(become.user, t),
    ...accessProblems(access, deployment, t),
    ...Object.fromEntries(c.nodes.map((n) => [`node-${n.id}`, overrides[n.id] ? becomeUserProblem(overrides[n.id]?.user ?? '', t) : ''])),
  };
  const invalid = Object.values(problems).some(Boolean);
  const edit = (f: () => void): void => {
    f();
    setSaved('');
  };

  const save = async (): Promise<void> => {
    setBusy(true);
    setError('');
    try {
      await api['clusters.update']({
        id: c.id,
        deployment,
        ...(deployment === 'kolla' ? { containerEngine: engine } : {}),
        ...(deployment === 'openstack-helm' ? { namespace } : {}),
        connectTimeoutSec: limitValue(conn.connectTimeoutSec),
        keepaliveSec: limitValue(conn.keepaliveSec),
        concurrency: limitValue(conn.concurrency),
        unknownHostKeys: unknownKeys,
        knownHostsFile: knownHosts === '' ? null : knownHosts,
        become,
        ...accessInput(access, deployment),
      });
      for (const n of c.nodes) {
        const want = overrides[n.id] ?? null;
        if (JSON.stringify(want) !== JSON.stringify(n.become)) await api['nodes.update']({ id: n.id, become: want });
      }
      setSaved(new Date().toLocaleTimeString());
      props.onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const limitField = (k: LimitKey) => (
    <label key={k}>
      {t(`inv.set.${k}`)}
      <input
        value={conn[k]}
        inputMode="numeric"
        onChange={(e) => edit(() => setConn((x) => ({ ...x, [k]: e.target.value })))}
        placeholder={t('inv.set.default', { value: connectionDefaults[k] })}
        aria-invalid={problems[k] ? true : undefined}
        aria-describedby={`${ids}-${k}`}
      />
      <Problem text={problems[k] ?? ''} id={`${ids}-${k}`} />
      {k === 'keepaliveSec' && !problems[k] && <small className="hint">{t('inv.set.keepaliveHint')}</small>}
    </label>
  );

  return (
    <div className="cluster-settings" data-testid="cluster-settings">
      <header className="settings-head">
        <a className="back" href={routeHash({ page: 'home' })}>
          {t('node.back')}
        </a>
        <h1>{t('inv.settings.title', { cluster: c.name })}</h1>
        <span className="tag">{c.deployment}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setTrusting(true)} disabled={c.nodes.length === 0}>
          {t('inv.trust.open')}
        </button>
      </header>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) void save();
        }}
      >
        <fieldset>
          <legend>{t('inv.settings.profile')}</legend>
          <div className="grid3">
            <label>
              {t('ui.cluster.deployment')}
              <select value={deployment} onChange={(e) => edit(() => setDeployment(e.target.value as Deployment))}>
                {deployments.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
            {deployment === 'kolla' && (
              <label>
                {t('ui.cluster.containerEngine')}
                <select value={engine} onChange={(e) => edit(() => setEngine(e.target.value as ContainerEngine))}>
                  {containerEngines.map((x) => (
                    <option key={x} value={x}>
                      {x}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {deployment === 'openstack-helm' && (
              <label>
                {t('inv.set.namespace')}
                <input value={namespace} onChange={(e) => edit(() => setNamespace(e.target.value))} aria-invalid={problems.namespace ? true : undefined} aria-describedby={`${ids}-ns`} />
                <Problem text={problems.namespace ?? ''} id={`${ids}-ns`} />
              </label>
            )}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('inv.settings.connection')}</legend>
          <div className="grid3">{limits.map(limitField)}</div>
          <fieldset>
            <legend>{t('inv.set.unknownHostKeys')}</legend>
            {unknownHostKeyPolicies.map((p) => (
              <label key={p} className="inline">
                <input type="radio" name={`${ids}-unknown`} checked={unknownKeys === p} onChange={() => edit(() => setUnknownKeys(p))} />
                {t(`inv.set.unknown.${p}`)}
              </label>
            ))}
            <small className="hint">{t('inv.set.neverAccept')}</small>
          </fieldset>
          <label>
            {t('inv.set.knownHostsFile')}
            <input value={knownHosts} onChange={(e) => edit(() => setKnownHosts(e.target.value))} placeholder={t('inv.set.knownHostsDefault')} aria-invalid={problems.knownHosts ? true : undefined} aria-describedby={`${ids}-kh`} />
            <Problem text={problems.knownHosts ?? ''} id={`${ids}-kh`} />
          </label>
        </fieldset>

        <fieldset>
          <legend>{t('inv.settings.become')}</legend>
          <p className="hint">{t('inv.set.becomeLead')}</p>
          <label className="inline">
            <input type="checkbox" checked={become.enabled} onChange={(e) => edit(() => setBecome({ ...become, enabled: e.target.checked }))} />
            {t('inv.set.becomeEnabled')}
          </label>
          <div className="grid3">
            <label>
              {t('inv.set.becomeUser')}
              <input value={become.user} onChange={(e) => edit(() => setBecome({ ...become, user: e.target.value }))} aria-invalid={problems.becomeUser ? true : undefined} aria-describedby={`${ids}-bu`} />
              <Problem text={problems.becomeUser ?? ''} id={`${ids}-bu`} />
            </label>
            <label className="inline">
              <input type="checkbox" checked={become.password} onChange={(e) => edit(() => setBecome({ ...become, password: e.target.checked }))} />
              {t('inv.set.becomePassword')}
            </label>
          </div>
          {c.nodes.length > 0 && (
            <>
              <h3>{t('inv.set.overrides')}</h3>
              <div className="table-scroll">
                <table className="override-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('inv.col.node')}</th>
                      <th scope="col">{t('inv.set.sudoOf')}</th>
                      <th scope="col">{t('inv.set.becomeEnabled')}</th>
                      <th scope="col">{t('inv.set.becomeUser')}</th>
                      <th scope="col">{t('inv.set.becomePassword')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.nodes.map((n) => {
                      const o = overrides[n.id] ?? null;
                      const set = (v: Override): void => edit(() => setOverrides((x) => ({ ...x, [n.id]: v })));
                      return (
                        <tr key={n.id} data-testid={`override-${n.name}`}>
                          <th scope="row">{n.name}</th>
                          <td>
                            <select aria-label={t('inv.set.sudoFor', { node: n.name })} value={o ? 'own' : 'cluster'} onChange={(e) => set(e.target.value === 'own' ? { ...become } : null)}>
                              <option value="cluster">{t('inv.become.cluster')}</option>
                              <option value="own">{t('inv.set.own')}</option>
                            </select>
                          </td>
                          <td>
                            <input type="checkbox" aria-label={t('inv.set.enabledFor', { node: n.name })} disabled={!o} checked={(o ?? become).enabled} onChange={(e) => o && set({ ...o, enabled: e.target.checked })} />
                          </td>
                          <td>
                            <input type="text" aria-label={t('inv.set.userFor', { node: n.name })} disabled={!o} value={(o ?? become).user} onChange={(e) => o && set({ ...o, user: e.target.value })} />
                            <Problem text={problems[`node-${n.id}`] ?? ''} id={`${ids}-n${n.id}`} />
                          </td>
                          <td>
                            <input type="checkbox" aria-label={t('inv.set.passwordFor', { node: n.name })} disabled={!o} checked={(o ?? become).password} onChange={(e) => o && set({ ...o, password: e.target.checked })} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </fieldset>

        <ServiceAccess form={access} onChange={(f) => edit(() => setAccess(f))} problems={problems} deployment={deployment} nodes={c.nodes} idBase={`${ids}-sa`} />

        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          {saved && (
            <span className="saved" role="status" data-testid="settings-saved">
              {t('inv.settings.saved', { time: saved })}
            </span>
          )}
          <button type="submit" className="primary" disabled={busy || invalid}>
            {t('inv.settings.save')}
          </button>
        </div>
      </form>
      {trusting && (
        <Dialog title={t('inv.trust.titleFor', { cluster: c.name })} onClose={() => setTrusting(false)}>
          <BulkTrust clusterId={c.id} clusterName={c.name} onTrusted={props.onChanged} />
          <div className="actions">
            <button type="button" onClick={() => setTrusting(false)}>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
