import { StackscopeError } from '../../contract/errors.js';
import type { AuthPrompt } from '../../contract/types.js';

/** One prompt of a keyboard-interactive round, as the server sent it. */
export interface ServerPrompt {
  prompt: string;
  echo?: boolean;
}

/** A round of prompts only a person can answer, with the node it is for (texts sanitised); the contract's AuthPrompt once it has an id. */
export type AuthPromptRequest = Omit<AuthPrompt, 'promptId'>;

/** Whoever can ask a person: the app's dialog, the CLI's terminal. */
export interface AuthPrompter {
  /**
   * Resolves with one answer per prompt, or rejects (cancelled, nobody to ask). `signal` aborts
   * when the login stops waiting (timeout, the server hung up); the prompt must then close.
   */
  ask(request: AuthPromptRequest, signal: AbortSignal): Promise<string[]>;
}

/**
 * The prompts answered with the node's stored password, and only these: the whole prompt, once
 * trimmed, must be one of
 *   `Password:`                      (OpenSSH/PAM pam_unix)
 *   `user@host's password:`          (OpenSSH's own wording)
 *   `Password for user@host:`        (pam_sss, FreeIPA)
 *   `[sudo] password for user:`      (sudo through PAM)
 *   `Passwort:`, `Mot de passe :`, `Contraseña:`, `Senha:`, `Пароль:`, `密码：`, `パスワード:`, `암호:`
 *   or `비밀번호:`                   (pam_unix's Password: in the locales PAM ships most often)
 * and the server must not ask to echo the answer. Anything else goes to a person: one-time
 * passwords and codes ("Verification code:", "Passcode:", "One-time password:", "OTP:"), Duo's
 * menu, "New password:" and "(current) UNIX password:" of a forced password change.
 */
const PASSWORD_PROMPT =
  /^(?:\[sudo\] )?(?:(?:password|passwort|mot de passe|contraseña|senha|пароль|密码|パスワード|암호|비밀번호)(?: for [\w.@-]+)?|[\w.-]+@[\w.:-]+'s password)\s*[:：]$/iu;

export function isPasswordPrompt(p: ServerPrompt): boolean {
  return p.echo !== true && PASSWORD_PROMPT.test(p.prompt.trim());
}

/** Bounds on what a server may put in front of a person. */
const MAX_PROMPTS = 16;
const MAX_PROMPT_CHARS = 256;
const MAX_INSTRUCTION_CHARS = 2048;

/**
 * Server text shown in a dialog and on the operator's terminal: control characters (escape
 * sequences could rewrite the screen or the clipboard) become '?', tabs and newlines stay in the
 * instructions only, and the length is capped.
 */
export function sanitizePromptText(text: string, max: number, multiline = false): string {
  const cleaned = text.replace(multiline ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g, '?');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}

export interface KeyboardInteractiveOptions {
  target: { nodeId: number; name: string; host: string; port: number; user: string };
  /** The node's stored password, when it authenticates with one. */
  password: string | undefined;
  prompter: AuthPrompter | undefined;
  /** How long a person has to answer one round. */
  timeoutMs: number;
  /** Called while a person is being asked, so the handshake timeout does not run meanwhile. */
  onWaiting: (waiting: boolean) => void;
}

/**
 * Answers the keyboard-interactive rounds of one login. The stored password answers the first
 * password prompt (see isPasswordPrompt) and no other: if the server asks for a password again
 * the stored one was refused, and sending it again would only loop, so that prompt goes to a
 * person like every other one.
 */
export class KeyboardInteractive {
  private passwordSent = false;
  private readonly abort = new AbortController();

  constructor(private readonly options: KeyboardInteractiveOptions) {}

  /** The login ended (connected, failed, closed): close any prompt still open. */
  stop(reason: Error): void {
    if (!this.abort.signal.aborted) this.abort.abort(reason);
  }

  async round(title: string, instructions: string, prompts: ServerPrompt[]): Promise<string[]> {
    const t = this.options.target;
    const where = `${t.name} (${t.user}@${t.host}:${t.port})`;
    const detail = { nodeId: t.nodeId, node: t.name, host: t.host, port: t.port };
    if (prompts.length > MAX_PROMPTS) {
      throw new StackscopeError('AUTH_FAILED', `${where}: the server sent ${prompts.length} login prompts at once (at most ${MAX_PROMPTS} are shown); use key auth for this node`, detail);
    }
    const answers: Array<string | undefined> = prompts.map(() => undefined);
    if (this.options.password !== undefined && !this.passwordSent) {
      const i = prompts.findIndex(isPasswordPrompt);
      if (i >= 0) {
        answers[i] = this.options.password;
        this.passwordSent = true;
      }
    }
    const open = prompts.map((p, i) => ({ p, i })).filter(({ i }) => answers[i] === undefined);
    if (open.length === 0) return answers as string[];

    const shown = open.map(({ p }) => ({ prompt: sanitizePromptText(p.prompt, MAX_PROMPT_CHARS), echo: p.echo === true }));
    const asked = shown.map((p) => `'${p.prompt.trim()}'`).join(', ');
    const prompter = this.options.prompter;
    if (!prompter) {
      throw new StackscopeError('AUTH_FAILED', `${where}: the server asks for ${asked}, which only a person can answer, and nobody can be asked here; use key auth for this node`, detail);
    }
    if (this.abort.signal.aborted) throw this.abort.signal.reason as Error;
    const ms = this.options.timeoutMs;
    const within = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    const expired = new StackscopeError('CONNECT_TIMEOUT', `${where}: the server asked for ${asked} and no answer came within ${within}; answer sooner or use key auth for this node`, detail);
    const timer = setTimeout(() => this.stop(expired), this.options.timeoutMs);
    const stopped = new Promise<never>((_resolve, reject) => {
      const onAbort = (): void => reject(this.abort.signal.reason as Error);
      if (this.abort.signal.aborted) onAbort();
      else this.abort.signal.addEventListener('abort', onAbort, { once: true });
    });
    this.options.onWaiting(true);
    try {
      const request: AuthPromptRequest = {
        nodeId: t.nodeId,
        nodeName: t.name,
        host: t.host,
        port: t.port,
        user: t.user,
        title: sanitizePromptText(title, MAX_PROMPT_CHARS),
        instructions: sanitizePromptText(instructions, MAX_INSTRUCTION_CHARS, true),
        prompts: shown,
        expiresAt: new Date(Date.now() + this.options.timeoutMs).toISOString(),
      };
      const typed = await Promise.race([prompter.ask(request, this.abort.signal), stopped]);
      if (typed.length !== open.length) {
        throw new StackscopeError('INVALID_INPUT', `${where}: ${typed.length} answer(s) for ${open.length} prompt(s)`, detail);
      }
      open.forEach(({ i }, k) => (answers[i] = typed[k] ?? ''));
      return answers as string[];
    } finally {
      clearTimeout(timer);
      stopped.catch(() => undefined);
      this.options.onWaiting(false);
    }
  }
}
