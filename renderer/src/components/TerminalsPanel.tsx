import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Cluster, ClusterNode, TerminalSession } from '../../../main/contract/types.js';
import { errorText, formatDuration, formatTime, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { castFileName } from '../terminal/asciicast.js';
import type { LiveState } from '../terminal/live-terminal.js';

// xterm is most of the bundle's weight: loaded when the first terminal or replay opens.
const TerminalTab = lazy(() => import('./TerminalTab.js').then((m) => ({ default: m.TerminalTab })));
const ReplayPlayer = lazy(() => import('./ReplayPlayer.js').then((m) => ({ default: m.ReplayPlayer })));

interface Tab {
  key: number;
  node: ClusterNode;
  state: LiveState;
  sessionId: number | null;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`;
}

/**
 * Live terminals to the case's nodes, in tabs, and the case's recorded sessions with replay and
 * export. `openNodeId` (from the node view) opens a terminal to that node at once; `onOpened` then
 * drops the request from the address.
 */
export function TerminalsPanel(props: { caseId: number; clusters: Cluster[]; clusterId: number | null; openNodeId?: number; onOpened?: () => void }) {
  const { api, transport } = useApp();
  const { t } = useLang();
  const cluster = props.clusters.find((c) => c.id === props.clusterId) ?? (props.clusterId === null ? props.clusters[0] : undefined);
  const nodes = cluster?.nodes ?? [];
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [tabs, setTabs] = useState<Tab[]>([]);
  const [active, setActive] = useState<number | null>(null);
  const [sessions, setSessions] = useState<TerminalSession[]>([]);
  const [replay, setReplay] = useState<TerminalSession | null>(null);
  const [error, setError] = useState('');
  const nextKey = useRef(1);
  const node = nodes.find((n) => n.id === nodeId) ?? nodes[0];

  const reload = useCallback(() => {
    api['terminal.list']({ caseId: props.caseId }).then(setSessions, (err) => setError(errorText(err)));
  }, [api, props.caseId]);
  useEffect(reload, [reload]);
  // A session that ends (a closed tab included, whose screen is gone) is listed with its end.
  useEffect(() => transport.on('terminal.closed', () => reload()), [transport, reload]);

  const openTab = useCallback((to: ClusterNode | undefined): void => {
    if (!to) return;
    const key = nextKey.current++;
    setTabs((ts) => [...ts, { key, node: to, state: 'connecting', sessionId: null }]);
    setActive(key);
  }, []);

  const { openNodeId, onOpened } = props;
  const asked = nodes.find((n) => n.id === openNodeId);
  // Once per mount: renders before the address drops the request must not open a second tab.
  const answered = useRef(false);
  useEffect(() => {
    if (!asked || answered.current) return;
    answered.current = true;
    setNodeId(asked.id);
    openTab(asked);
    onOpened?.();
  }, [asked, openTab, onOpened]);

  const closeTab = (key: number): void => {
    // Unmounting the tab hangs up its session.
    const rest = tabs.filter((x) => x.key !== key);
    setTabs(rest);
    if (active === key) setActive(rest.at(-1)?.key ?? null);
  };

  const onTabChange = (key: number, state: LiveState, sessionId: number | null): void => {
    setTabs((ts) => ts.map((x) => (x.key === key ? { ...x, state, sessionId } : x)));
    if (state === 'live') reload();
  };

  const exportCast = (s: TerminalSession): void => {
    api['terminal.recording']({ sessionId: s.id }).then(
      (text) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'application/x-asciicast' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = castFileName(props.caseId, s.nodeName, s.id);
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      (err) => setError(errorText(err)),
    );
  };

  return (
    <section className="run-panel terminals" aria-label={t('terminal.panel')}>
      <div className="row">
        <h2>{t('terminal.panel')}</h2>
        {nodes.length === 0 ? (
          <span className="hint">{t('terminal.noNodes')}</span>
        ) : (
          <>
            <label className="inline">
              {t('terminal.node')}
              <select value={node?.id ?? ''} onChange={(e) => setNodeId(Number(e.target.value))}>
                {nodes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="primary" onClick={() => openTab(node)}>
              {t('terminal.open')}
            </button>
            <span className="hint">{t('terminal.keys')}</span>
          </>
        )}
      </div>
      {tabs.length > 0 && (
        <div className="term-tabs" role="tablist" aria-label={t('terminal.tabs')}>
          {tabs.map((x) => (
            <span key={x.key} className={`term-tab${x.key === active ? ' active' : ''}`}>
              <button type="button" role="tab" aria-selected={x.key === active} onClick={() => setActive(x.key)}>
                {x.node.name}
                {x.sessionId !== null && <span className="hint"> #{x.sessionId}</span>}
                <span className={`term-dot ${x.state}`} title={t(`terminal.state.${x.state}`)} />
              </button>
              <button type="button" className="term-tab-close" aria-label={t('terminal.closeTab', { node: x.node.name })} onClick={() => closeTab(x.key)}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <Suspense fallback={<p className="hint">{t('common.loading')}</p>}>
        {tabs.map((x) => (
          <TerminalTab key={x.key} caseId={props.caseId} node={x.node} active={x.key === active} onChange={(state, id) => onTabChange(x.key, state, id)} />
        ))}
      </Suspense>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <RecordedSessions sessions={sessions} onReplay={setReplay} onExport={exportCast} />
      {replay && (
        <Suspense fallback={<p className="hint">{t('common.loading')}</p>}>
          <ReplayPlayer key={replay.id} session={replay} onExport={() => exportCast(replay)} onClose={() => setReplay(null)} />
        </Suspense>
      )}
    </section>
  );
}

function RecordedSessions(props: { sessions: TerminalSession[]; onReplay: (s: TerminalSession) => void; onExport: (s: TerminalSession) => void }) {
  const { t } = useLang();
  return (
    <details className="term-sessions" open={props.sessions.length > 0}>
      <summary>
        {t('terminal.past')} ({props.sessions.length})
      </summary>
      {props.sessions.length === 0 ? (
        <p className="hint">{t('terminal.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('terminal.col.node')}</th>
              <th>{t('terminal.col.started')}</th>
              <th>{t('terminal.col.duration')}</th>
              <th>{t('terminal.col.size')}</th>
              <th>{t('terminal.col.output')}</th>
              <th>{t('terminal.col.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {[...props.sessions].reverse().map((s) => (
              <tr key={s.id} data-testid={`session-${s.id}`}>
                <td>{s.id}</td>
                <td>{s.nodeName}</td>
                <td>{formatTime(s.startedAt)}</td>
                <td>{s.endedAt ? formatDuration(Date.parse(s.endedAt) - Date.parse(s.startedAt)) : ''}</td>
                <td>
                  {s.width}×{s.height}
                </td>
                <td>{size(s.bytes)}</td>
                <td>
                  <span className={`state ${s.state === 'open' ? 'running' : s.state}`} title={s.closeReason ?? ''}>
                    {t(`terminal.sessionState.${s.state}`)}
                  </span>
                </td>
                <td className="term-actions">
                  <button type="button" className="small" onClick={() => props.onReplay(s)}>
                    {t('terminal.replay')}
                  </button>
                  <button type="button" className="small" onClick={() => props.onExport(s)}>
                    {t('terminal.export')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
