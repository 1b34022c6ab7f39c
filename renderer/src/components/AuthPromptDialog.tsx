import { useEffect, useState } from 'react';
import type { AuthPrompt } from '../../../main/contract/types.js';
import { errorText, formatTime, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { Dialog, FormFooter } from './Dialog.js';

/**
 * Login prompts only a person can answer (one-time codes, Duo menus), from any run or terminal:
 * one dialog at a time, oldest first. A prompt closed elsewhere (answered in another window,
 * timed out, the server hung up) leaves the queue by its 'auth.prompt.closed' event.
 */
export function AuthPrompts() {
  const { api, transport } = useApp();
  const [queue, setQueue] = useState<AuthPrompt[]>([]);
  useEffect(() => {
    const add = (list: AuthPrompt[]): void => setQueue((q) => [...q, ...list.filter((p) => !q.some((x) => x.promptId === p.promptId))]);
    const offPrompt = transport.on('auth.prompt', (p) => add([p]));
    const offClosed = transport.on('auth.prompt.closed', (c) => setQueue((q) => q.filter((x) => x.promptId !== c.promptId)));
    // Prompts opened before this window listened (a reload while a login waits).
    api['auth.pending']({}).then(add, () => undefined);
    return () => {
      offPrompt();
      offClosed();
    };
  }, [api, transport]);
  const current = queue[0];
  if (!current) return null;
  const gone = (): void => setQueue((q) => q.filter((x) => x.promptId !== current.promptId));
  return <AuthPromptDialog key={current.promptId} prompt={current} onGone={gone} />;
}

/** The server's own words and one field per prompt; hidden prompts get a password field. */
function AuthPromptDialog(props: { prompt: AuthPrompt; onGone: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const p = props.prompt;
  const [answers, setAnswers] = useState<string[]>(() => p.prompts.map(() => ''));
  const [error, setError] = useState('');
  const reply = (input: { answers: string[] } | { cancel: true }): void => {
    // The answers go in this one call and nowhere else: not stored, not logged, not in an event.
    api['auth.answer']({ promptId: p.promptId, ...input }).then(props.onGone, (err) => setError(errorText(err)));
  };
  const cancel = (): void => reply({ cancel: true });
  return (
    <Dialog title={t('ui.authPrompt.title', { node: p.nodeName })} onClose={cancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reply({ answers });
        }}
      >
        <p className="hint">{t('ui.authPrompt.asks', { node: p.nodeName, target: `${p.user}@${p.host}:${p.port}` })}</p>
        {p.title && <p>{p.title}</p>}
        {p.instructions && <pre className="auth-instructions">{p.instructions}</pre>}
        {p.prompts.map((q, i) => (
          <label key={i}>
            {q.prompt}
            <input
              type={q.echo ? 'text' : 'password'}
              autoFocus={i === 0}
              autoComplete="off"
              spellCheck={false}
              value={answers[i] ?? ''}
              onChange={(e) => setAnswers(answers.map((a, k) => (k === i ? e.target.value : a)))}
            />
          </label>
        ))}
        <p className="hint">{t('ui.authPrompt.expires', { time: formatTime(p.expiresAt) })}</p>
        <FormFooter error={error} onCancel={cancel} submitLabel={t('ui.authPrompt.send')} />
      </form>
    </Dialog>
  );
}
