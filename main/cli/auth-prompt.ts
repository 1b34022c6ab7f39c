import { StackscopeError } from '../contract/errors.js';
import type { AuthPrompt } from '../contract/types.js';
import { call, on, type Client } from './client.js';
import { terminalSafe } from './format.js';
import { askSecret } from './prompt.js';

const asked = (p: AuthPrompt): string => p.prompts.map((q) => `'${q.prompt.trim()}'`).join(', ');

/**
 * Answer login prompts the stored password does not answer (one-time codes, Duo menus) on the
 * terminal, one at a time, hidden unless the server asks to echo. With no terminal nobody can
 * answer: the login fails at once, naming the node and what it asks for.
 */
export function answerAuthPromptsOnTerminal(core: Client, interactive = Boolean(process.stdin.isTTY)): () => void {
  const asking = new Map<string, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  const stops = [
    // Timed out or the server hung up while the operator was typing: stop reading the terminal.
    on(core, 'auth.prompt.closed', (p) => asking.get(p.promptId)?.abort(new Error('the login stopped waiting'))),
    on(core, 'auth.prompt', (p) => {
      if (!interactive) {
        // The run must say why nobody answered.
        const reason = `node ${p.nodeName} asks for ${asked(p)}; run interactively or use key auth`.slice(0, 500);
        void call(core, 'auth.answer', { promptId: p.promptId, cancel: true, reason }).catch(() => undefined);
        return;
      }
      const stop = new AbortController();
      asking.set(p.promptId, stop);
      queue = queue.then(() => ask(core, p, stop.signal)).finally(() => asking.delete(p.promptId));
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

async function ask(core: Client, p: AuthPrompt, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  process.stderr.write(`\n${p.nodeName} (${p.user}@${p.host}:${p.port}) asks${p.title ? ` (${p.title})` : ''}:\n${p.instructions ? `${p.instructions.trimEnd()}\n` : ''}`);
  const answers: string[] = [];
  try {
    for (const q of p.prompts) answers.push(await askSecret(q.prompt, { echo: q.echo, signal }));
  } catch {
    if (!signal.aborted) await call(core, 'auth.answer', { promptId: p.promptId, cancel: true }).catch(() => undefined);
    return;
  }
  try {
    await call(core, 'auth.answer', { promptId: p.promptId, answers });
  } catch (err) {
    // NOT_FOUND: closed meanwhile (timed out, answered from another window); the login already said why.
    if (err instanceof StackscopeError && err.code === 'NOT_FOUND') return;
    // An answer the contract refuses (over 1 KiB) would leave the login waiting for nothing.
    process.stderr.write(`stackscope: ${terminalSafe((err as Error).message)}\n`);
    await call(core, 'auth.answer', { promptId: p.promptId, cancel: true }).catch(() => undefined);
  }
}
