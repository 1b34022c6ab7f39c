import type { Become, ImportIssue, ImportPlan, NodeAuth, PlannedNode } from '../../../../main/contract/types.js';
import { useLang, type T } from '../../i18n/index.js';

const authText = (a: NodeAuth, t: T): string => (a.method === 'key' ? `${t('inv.auth.key')} ${a.keyPath}` : a.method === 'agent' ? t('inv.auth.agent') : t('inv.auth.password'));
const becomeText = (b: Become | null, t: T): string => (b === null ? t('inv.become.cluster') : b.enabled ? `sudo -u ${b.user}${b.password ? ` (${t('inv.become.password')})` : ''}` : t('inv.become.off'));

function Issues(props: { issues: ImportIssue[]; kind: 'error' | 'warning' }) {
  const { t } = useLang();
  if (props.issues.length === 0) return null;
  return (
    <div className={`import-issues ${props.kind}`} role={props.kind === 'error' ? 'alert' : undefined} data-testid={`import-${props.kind}s`}>
      <strong>{t(props.kind === 'error' ? 'inv.plan.errors' : 'inv.plan.warnings', { n: props.issues.length })}</strong>
      <ul>
        {props.issues.map((i, k) => (
          <li key={k}>
            <code>
              {i.file}:{i.line}
            </code>
            {i.host && <span className="tag">{i.host}</span>} {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Row(props: { n: PlannedNode }) {
  const { t } = useLang();
  const n = props.n;
  return (
    <tr className={`plan-${n.action}`} data-testid={`plan-${n.name}`} data-action={n.action}>
      <td>
        <span className={`plan-action ${n.action}`}>{t(`inv.action.${n.action}`)}</span>
      </td>
      <th scope="row">{n.name}</th>
      <td>
        <code>
          {n.host}:{n.port}
        </code>
      </td>
      <td>{n.user}</td>
      <td>{n.roles.length ? n.roles.join(', ') : <span className="hint">{t('inv.plan.bastion')}</span>}</td>
      <td className="wrap">{authText(n.auth, t)}</td>
      <td>{n.jump ?? <span className="hint">{t('inv.plan.direct')}</span>}</td>
      <td>{becomeText(n.become, t)}</td>
      <td className="wrap">
        {n.changes.map((c) => (
          <div key={c.field} className="change">
            <span className="field">{t(`inv.field.${c.field}`)}</span> <del>{c.from || '—'}</del> → <ins>{c.to || '—'}</ins>
          </div>
        ))}
        <span className="hint src">
          {n.file}:{n.line}
        </span>
      </td>
    </tr>
  );
}

/** What an import would do, before it does it: rows to add, change, keep or remove, and every problem with file:line. */
export function ImportPlanView(props: { plan: ImportPlan }) {
  const { t } = useLang();
  const p = props.plan;
  const nothing = p.counts.add === 0 && p.counts.change === 0 && p.counts.remove === 0;
  return (
    <div className="import-plan" data-testid="import-plan">
      <p>
        {p.clusterId === null ? t('inv.plan.newCluster', { cluster: p.cluster, deployment: p.deployment }) : t('inv.plan.existing', { cluster: p.cluster, deployment: p.deployment })}{' '}
        <span className="plan-counts" data-testid="plan-counts">
          {(['add', 'change', 'same', 'remove'] as const).map((k) => (
            <span key={k} className={`plan-action ${p.counts[k] > 0 ? k : 'none'}`}>
              {t(`inv.count.${k}`, { n: p.counts[k] })}
            </span>
          ))}
        </span>
      </p>
      {nothing && p.errors.length === 0 && (
        <p className="ok" role="status" data-testid="nothing-to-change">
          {t('inv.plan.nothing')}
        </p>
      )}
      <Issues issues={p.errors} kind="error" />
      <Issues issues={p.warnings} kind="warning" />
      <div className="table-scroll">
        <table className="plan-table">
          <thead>
            <tr>
              {(['action', 'node', 'address', 'user', 'roles', 'auth', 'jump', 'become', 'changes'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`inv.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.nodes.map((n) => (
              <Row key={n.name} n={n} />
            ))}
            {p.remove.map((r) => (
              <tr key={r.nodeId} className="plan-remove" data-testid={`plan-${r.name}`} data-action="remove">
                <td>
                  <span className="plan-action remove">{t('inv.action.remove')}</span>
                </td>
                <th scope="row">{r.name}</th>
                <td colSpan={7} className="hint">
                  {t('inv.plan.removeWhy')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.kept.length > 0 && <p className="hint">{t('inv.plan.kept', { n: p.kept.length, names: p.kept.slice(0, 20).join(', ') + (p.kept.length > 20 ? ', …' : '') })}</p>}
    </div>
  );
}
