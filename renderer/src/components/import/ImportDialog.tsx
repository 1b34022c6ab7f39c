import { useId, useState } from 'react';
import type { MethodInput } from '../../../../main/contract/schemas.js';
import { deployments, importSourceKinds, maxImportSourceBytes, nodeRoles, type Cluster, type Deployment, type ImportApplied, type ImportPlan, type ImportSourceKind } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { Dialog } from '../Dialog.js';
import { useSecretRetry } from '../SecretDialog.js';
import { clusterNameProblem, parseRolePatterns } from '../settings/settings-checks.js';
import { BulkTrust } from './BulkTrust.js';
import { ImportPlanView } from './ImportPlanView.js';
import './import.css';

type ImportInput = MethodInput<'clusters.importPlan'>;

/**
 * "Import a cluster": a source (a file picked or pasted, or the nodes a kubectl node of the cluster
 * lists), a preview of exactly what changes, Apply (only that preview, by its digest), then the
 * cluster's host keys in one confirmation. Nothing changes before Apply.
 */
export function ImportDialog(props: { clusters: Cluster[]; onChanged: () => void; onClose: () => void; onSettings: (clusterId: number) => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const ids = useId();
  const secrets = useSecretRetry();
  const [kind, setKind] = useState<ImportSourceKind>('kolla');
  const [viaKubectl, setViaKubectl] = useState(false);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [cluster, setCluster] = useState(props.clusters.length === 1 ? (props.clusters[0]?.name ?? '') : '');
  const [via, setVia] = useState('');
  const [hosts, setHosts] = useState('');
  const [roles, setRoles] = useState('');
  const [prune, setPrune] = useState(false);
  const [deployment, setDeployment] = useState<Deployment | ''>('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [plan, setPlan] = useState<{ plan: ImportPlan; input: ImportInput } | null>(null);
  const [applied, setApplied] = useState<ImportApplied | null>(null);

  const existing = props.clusters.find((c) => c.name === cluster.trim());
  const nameWrong = clusterNameProblem(cluster, t);
  const rolePatterns = parseRolePatterns(roles, nodeRoles);
  const usesVia = kind === 'k8s' && viaKubectl;
  const missing = usesVia ? (!existing ? t('inv.import.viaNeedsCluster') : via === '' ? t('inv.import.viaPick') : '') : text.trim() === '' ? t('inv.import.noText') : '';
  const blocked = !!nameWrong || !!missing || (kind === 'ssh-config' && rolePatterns.bad !== null);

  const input = (): ImportInput => ({
    cluster: cluster.trim(),
    source: usesVia ? { kind, via } : { kind, text, ...(fileName ? { fileName } : {}) },
    ...(kind === 'ssh-config' ? { hosts: hosts.split(/[\s,]+/).filter(Boolean), roles: rolePatterns.rules as ImportInput['roles'] } : {}),
    prune,
    ...(deployment && !existing ? { deployment } : {}),
  });

  const preview = (): void => {
    const i = input();
    setBusy(true);
    setError('');
    api['clusters.importPlan'](i).then(
      (p) => {
        setBusy(false);
        setPlan({ plan: p, input: i });
      },
      (err: unknown) => {
        setBusy(false);
        // "From a kubectl node" logs in there: a password it needs is asked, then the preview runs again.
        if (!secrets.askThenRetry(err, preview)) setError(errorText(err));
      },
    );
  };

  const apply = (): void => {
    if (!plan) return;
    setBusy(true);
    setError('');
    api['clusters.importApply']({ ...plan.input, digest: plan.plan.digest }).then(
      (a) => {
        setBusy(false);
        setApplied(a);
        props.onChanged();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(err));
      },
    );
  };

  const pick = (file: File | undefined): void => {
    if (!file) return;
    setError('');
    if (file.size > maxImportSourceBytes) return setError(t('inv.import.tooBig', { name: file.name, mb: maxImportSourceBytes / 1024 / 1024 }));
    file.text().then(
      (s) => {
        setText(s);
        // It only names the source in messages: kept to what the contract takes (no control characters, 255 at most).
        setFileName(file.name.replace(/[\u0000-\u001f]/g, '').slice(0, 255));
      },
      (err: unknown) => setError(t('inv.import.unreadable', { name: file.name, why: errorText(err) })),
    );
  };

  const nothing = plan && plan.plan.counts.add === 0 && plan.plan.counts.change === 0 && plan.plan.counts.remove === 0;

  return (
    <Dialog title={t('inv.import.title')} onClose={props.onClose}>
      <div className="import">
        {applied ? (
          <>
            <p className="ok" role="status" data-testid="import-applied">
              {t(applied.created ? 'inv.applied.created' : 'inv.applied.updated', { cluster: applied.cluster.name, added: applied.added.length, changed: applied.changed.length, removed: applied.removed.length })}
            </p>
            <h3>{t('inv.trust.title')}</h3>
            {applied.cluster.nodes.length > 0 ? <BulkTrust clusterId={applied.cluster.id} clusterName={applied.cluster.name} onTrusted={props.onChanged} /> : <p className="hint">{t('inv.trust.noNodes')}</p>}
            <div className="actions">
              <button type="button" onClick={() => props.onSettings(applied.cluster.id)}>
                {t('inv.settings.open')}
              </button>
              <button type="button" className="primary" onClick={props.onClose}>
                {t('common.close')}
              </button>
            </div>
          </>
        ) : plan ? (
          <>
            <ImportPlanView plan={plan.plan} />
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <div className="actions">
              <button type="button" onClick={() => setPlan(null)} disabled={busy}>
                {t('inv.import.back')}
              </button>
              <button type="button" onClick={preview} disabled={busy}>
                {t('inv.import.again')}
              </button>
              <button type="button" className="primary" onClick={apply} disabled={busy || plan.plan.errors.length > 0 || !!nothing} title={plan.plan.errors.length > 0 ? t('inv.import.fixErrors') : undefined}>
                {t('inv.import.apply')}
              </button>
            </div>
          </>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setTouched(true);
              if (!blocked) preview();
            }}
          >
            <fieldset>
              <legend>{t('inv.import.kind')}</legend>
              {importSourceKinds.map((k) => (
                <label key={k} className="inline">
                  <input type="radio" name={`${ids}-kind`} checked={kind === k} onChange={() => setKind(k)} />
                  {t(`inv.kind.${k}`)}
                </label>
              ))}
            </fieldset>
            {kind === 'k8s' && (
              <fieldset>
                <legend>{t('inv.import.k8sFrom')}</legend>
                <label className="inline">
                  <input type="radio" name={`${ids}-k8s`} checked={viaKubectl} onChange={() => setViaKubectl(true)} />
                  {t('inv.import.viaKubectl')}
                </label>
                <label className="inline">
                  <input type="radio" name={`${ids}-k8s`} checked={!viaKubectl} onChange={() => setViaKubectl(false)} />
                  {t('inv.import.k8sText')}
                </label>
              </fieldset>
            )}
            <label>
              {t('inv.import.cluster')}
              <input value={cluster} onChange={(e) => setCluster(e.target.value)} list={`${ids}-clusters`} placeholder="prod-east" aria-invalid={touched && nameWrong ? true : undefined} required />
              <datalist id={`${ids}-clusters`}>
                {props.clusters.map((c) => (
                  <option key={c.id} value={c.name} />
                ))}
              </datalist>
              <small className="hint" data-testid="import-target">
                {nameWrong ? (cluster === '' ? t('inv.import.clusterHint') : '') : existing ? t('inv.import.existing', { n: existing.nodes.length, deployment: existing.deployment }) : t('inv.import.new')}
              </small>
              {cluster !== '' && nameWrong && (
                <small className="error" role="status">
                  {nameWrong}
                </small>
              )}
            </label>
            {!existing && (
              <label>
                {t('inv.import.deployment')}
                <select value={deployment} onChange={(e) => setDeployment(e.target.value as Deployment | '')}>
                  <option value="">{t('inv.import.fromSource')}</option>
                  {deployments.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {usesVia ? (
              <label>
                {t('inv.import.via')}
                <select value={via} onChange={(e) => setVia(e.target.value)} disabled={!existing}>
                  <option value="">{t('inv.import.viaPick')}</option>
                  {existing?.nodes.map((n) => (
                    <option key={n.id} value={n.name}>
                      {n.name} ({n.host})
                    </option>
                  ))}
                </select>
                <small className="hint">{existing ? t('inv.import.viaHint') : t('inv.import.viaNeedsCluster')}</small>
              </label>
            ) : (
              <>
                <label>
                  {t('inv.import.file')}
                  <input type="file" onChange={(e) => pick(e.target.files?.[0])} />
                </label>
                <label>
                  {fileName ? t('inv.import.textOf', { name: fileName }) : t('inv.import.paste')}
                  <textarea className="source-text" rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} placeholder={t(`inv.placeholder.${kind}`)} />
                </label>
              </>
            )}
            {kind === 'ssh-config' && (
              <div className="grid2">
                <label>
                  {t('inv.import.hosts')}
                  <input value={hosts} onChange={(e) => setHosts(e.target.value)} placeholder="ctl-* cmp-*" />
                  <small className="hint">{t('inv.import.hostsHint')}</small>
                </label>
                <label>
                  {t('inv.import.roles')}
                  <input value={roles} onChange={(e) => setRoles(e.target.value)} placeholder="ctl-*=controller cmp-*=compute" aria-invalid={rolePatterns.bad !== null ? true : undefined} />
                  {rolePatterns.bad !== null ? (
                    <small className="error" role="status">
                      {t('inv.import.roleBad', { word: rolePatterns.bad.slice(0, 60), roles: nodeRoles.join(', ') })}
                    </small>
                  ) : (
                    <small className="hint">{t('inv.import.rolesHint')}</small>
                  )}
                </label>
              </div>
            )}
            <label className="inline">
              <input type="checkbox" checked={prune} onChange={(e) => setPrune(e.target.checked)} />
              {t('inv.import.prune')}
            </label>
            {touched && missing && (
              <p className="error" role="status">
                {missing}
              </p>
            )}
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
            <div className="actions">
              <button type="button" onClick={props.onClose}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="primary" disabled={busy || (touched && blocked)}>
                {busy ? t('inv.import.previewing') : t('inv.import.preview')}
              </button>
            </div>
          </form>
        )}
      </div>
      {secrets.dialog}
    </Dialog>
  );
}
