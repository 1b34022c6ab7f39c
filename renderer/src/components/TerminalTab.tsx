import { useEffect, useRef, useState } from 'react';
import type { ClusterNode } from '../../../main/contract/types.js';
import { useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { LiveTerminal, type LiveState } from '../terminal/live-terminal.js';
import { useSecretRetry } from './SecretDialog.js';
import { TerminalSearch } from './TerminalSearch.js';

/**
 * One tab: a live terminal on a node with its toolbar (copy, paste, search, reconnect). It stays
 * mounted while another tab is shown, so its screen and session live on; unmounting hangs up.
 */
export function TerminalTab(props: { caseId: number; node: ClusterNode; active: boolean; onChange: (state: LiveState, sessionId: number | null) => void }) {
  const { api, transport } = useApp();
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<LiveTerminal | null>(null);
  const [state, setState] = useState<LiveState>('connecting');
  const { askThenRetry, dialog: secretDialog } = useSecretRetry();
  const searchRef = useRef<HTMLInputElement>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const tRef = useRef(t);
  tRef.current = t;
  // The node as it was when the tab opened: a reloaded inventory must not reopen the session.
  const node = useRef(props.node).current;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const lt = new LiveTerminal(api, transport, (key, vars) => tRef.current(key, vars), el, props.caseId, node);
    lt.onChange = (s, id) => {
      setState(s);
      onChange.current(s, id);
    };
    // Given the credentials, connect again; cancelled, the screen says the terminal was not opened.
    lt.onOpenFailed = (err) => askThenRetry(err, () => lt.connect(), () => lt.secretsCancelled());
    lt.screen.term.attachCustomKeyEventHandler((e) => {
      if (!(e.ctrlKey && e.shiftKey) || !['KeyC', 'KeyV', 'KeyF'].includes(e.code)) return true;
      // Ours, not the shell's (Ctrl+C stays SIGINT); the browser must not act on it either.
      e.preventDefault();
      if (e.type === 'keydown') {
        if (e.code === 'KeyC') lt.copy();
        else if (e.code === 'KeyV') lt.paste();
        else searchRef.current?.focus();
      }
      return false;
    });
    const observer = new ResizeObserver(() => requestAnimationFrame(() => lt.screen.refit()));
    observer.observe(el);
    setLive(lt);
    // Deferred, so a mount that is immediately undone (React StrictMode) opens no session.
    const start = setTimeout(() => lt.connect(), 0);
    return () => {
      clearTimeout(start);
      observer.disconnect();
      lt.dispose();
    };
  }, [api, transport, props.caseId, node, askThenRetry]);

  useEffect(() => {
    if (!props.active || !live) return;
    box.current?.scrollIntoView({ block: 'nearest' });
    live.screen.refit();
    live.screen.term.focus();
  }, [props.active, live]);

  return (
    <div className="term-view" role="tabpanel" hidden={!props.active} data-testid={`terminal-${props.node.name}`} data-state={state}>
      <div className="term-toolbar">
        <button type="button" className="small" onClick={() => live?.copy()}>
          {t('terminal.copy')}
        </button>
        <button type="button" className="small" onClick={() => live?.paste()} disabled={state !== 'live'}>
          {t('terminal.paste')}
        </button>
        {node.user !== 'root' && (
          <button type="button" className="small" onClick={() => live?.sudoShell()} disabled={state !== 'live'} title={t('terminal.sudoTitle')} data-testid="terminal-sudo">
            {t('terminal.sudo')}
          </button>
        )}
        {live && <TerminalSearch search={live.screen.search} inputRef={searchRef} onDone={() => live.screen.term.focus()} />}
        {(state === 'ended' || state === 'failed') && (
          <button type="button" className="small primary" onClick={() => live?.connect()}>
            {t('terminal.reconnect')}
          </button>
        )}
      </div>
      <div className="term-screen" ref={box} aria-label={t('terminal.screen', { node: props.node.name })} />
      {secretDialog}
    </div>
  );
}
