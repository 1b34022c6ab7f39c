import type { AuthPrompt } from '../contract/types.js';
import type { Core } from '../core/core.js';
import { askSecret } from './prompt.js';

const asked = (p: AuthPrompt): string => p.prompts.map((q) => `'${q.prompt.trim()}'`).join(', ');

/**
 * Answer login prompts the stored password does not answer (one-time codes, Duo menus) on the
 * terminal, one at a time, hidden unless the server asks to echo. With no terminal nobody can
 * answer: the login fails at once, naming the node and what it asks for.
 */
export function answerAuthPromptsOnTerminal(core: Pick<Core, 'events' | 'authPrompts'>, interactive = Boolean(process.stdin.isTTY)): () => void {
  const asking = new Map<string, AbortController>();
  let queue: Promise<void> = Promise.resolve();
  return core.events.subscribe((event, payload) => {
    if (event === 'auth.prompt.closed') {
      // Timed out or the server hung up while the operator was typing: stop reading the terminal.
      asking.get((payload as { promptId: string }).promptId)?.abort(new Error('the login stopped waiting'));
      return;
    }
    if (event !== 'auth.prompt') return;
    const p = payload as AuthPrompt;
    if (!interactive) {
      core.authPrompts.cancel(p.promptId, `node ${p.nodeName} asks for ${asked(p)}; run interactively or use key auth`);
      return;
    }
    const stop = new AbortController();
    asking.set(p.promptId, stop);
    queue = queue.then(() => ask(core, p, stop.signal)).finally(() => asking.delete(p.promptId));
  });
}

async function ask(core: Pick<Core, 'authPrompts'>, p: AuthPrompt, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  process.stderr.write(`\n${p.nodeName} (${p.user}@${p.host}:${p.port}) asks${p.title ? ` (${p.title})` : ''}:\n${p.instructions ? `${p.instructions.trimEnd()}\n` : ''}`);
  const answers: string[] = [];
  try {
    for (const q of p.prompts) answers.push(await askSecret(q.prompt, { echo: q.echo, signal }));
  } catch {
    if (!signal.aborted) core.authPrompts.cancel(p.promptId);
    return;
  }
  try {
    core.authPrompts.answer(p.promptId, answers);
  } catch {
    // closed meanwhile (timed out, answered from another window): the login already said why
  }
}
