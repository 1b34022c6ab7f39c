import { randomUUID } from 'node:crypto';
import { StackscopeError } from '../contract/errors.js';
import type { AuthPrompt } from '../contract/types.js';
import type { EventBus } from './events.js';
import type { AuthPrompter, AuthPromptRequest } from './ssh/auth-prompts.js';

interface Pending {
  prompt: AuthPrompt;
  answer(answers: string[]): void;
  cancel(err: StackscopeError): void;
}

/**
 * Login prompts a person must answer (one-time codes, Duo menus), passed to whoever listens:
 * the app's dialog ('auth.prompt' event, answered with 'auth.answer') or the CLI's terminal.
 * Answers go straight to the waiting login: they are never stored, logged or put in an event;
 * hidden ones are kept in memory only so output that echoes them is redacted.
 */
export class AuthPromptService implements AuthPrompter {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly events: EventBus,
    private readonly redactAlso: (value: string) => void,
  ) {}

  ask(request: AuthPromptRequest, signal: AbortSignal): Promise<string[]> {
    const prompt: AuthPrompt = { promptId: randomUUID(), ...request };
    const where = `${request.nodeName} (${request.user}@${request.host}:${request.port})`;
    return new Promise((resolve, reject) => {
      const close = (reason: 'answered' | 'cancelled' | 'ended'): void => {
        this.pending.delete(prompt.promptId);
        signal.removeEventListener('abort', onAbort);
        this.events.emit('auth.prompt.closed', { promptId: prompt.promptId, reason });
      };
      const onAbort = (): void => {
        close('ended');
        reject(signal.reason as Error);
      };
      this.pending.set(prompt.promptId, {
        prompt,
        answer: (answers) => {
          if (answers.length !== prompt.prompts.length) {
            throw new StackscopeError('INVALID_INPUT', `${where} asked ${prompt.prompts.length} question(s); ${answers.length} answer(s) given`, { promptId: prompt.promptId });
          }
          answers.forEach((a, i) => {
            if (prompt.prompts[i]?.echo === false) this.redactAlso(a);
          });
          close('answered');
          resolve(answers);
        },
        cancel: (err) => {
          close('cancelled');
          reject(err);
        },
      });
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.events.emit('auth.prompt', prompt);
    });
  }

  /** Prompts waiting for an answer now (a window opened after the event still finds them). */
  list(): AuthPrompt[] {
    return [...this.pending.values()].map((p) => p.prompt);
  }

  answer(promptId: string, answers: string[]): void {
    this.require(promptId).answer(answers);
  }

  /** Refuse to answer: the login fails with `message` (or a plain "cancelled"), naming the node. */
  cancel(promptId: string, message?: string): void {
    const p = this.require(promptId);
    const where = `${p.prompt.nodeName} (${p.prompt.user}@${p.prompt.host}:${p.prompt.port})`;
    const detail = { nodeId: p.prompt.nodeId, node: p.prompt.nodeName };
    p.cancel(
      message === undefined
        ? new StackscopeError('CANCELLED', `${where}: login cancelled at the prompt ${p.prompt.prompts.map((q) => `'${q.prompt.trim()}'`).join(', ')}; nothing was sent`, detail)
        : new StackscopeError('AUTH_FAILED', message, detail),
    );
  }

  /** Shutting down: every login waiting for a person fails now, naming its node. */
  cancelAll(why: string): void {
    for (const p of [...this.pending.values()]) {
      const where = `${p.prompt.nodeName} (${p.prompt.user}@${p.prompt.host}:${p.prompt.port})`;
      p.cancel(new StackscopeError('CANCELLED', `${where}: ${why} while the login waited at the prompt`, { nodeId: p.prompt.nodeId, node: p.prompt.nodeName }));
    }
  }

  private require(promptId: string): Pending {
    const p = this.pending.get(promptId);
    if (!p) throw new StackscopeError('NOT_FOUND', `login prompt ${promptId} is no longer waiting (answered elsewhere, cancelled, or the login gave up)`, { promptId });
    return p;
  }
}
