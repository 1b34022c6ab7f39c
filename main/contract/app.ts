/** The app itself: what it is and where it keeps things, its languages, login prompts for a person. */

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  dataDir: string;
  /** Where secrets go in this mode. */
  secretStorage: 'keychain' | 'session';
  /** Desktop only: why secrets are not remembered (no OS keyring, so Electron would use a key built into the app; or no keychain at all). */
  keychainUnavailable?: 'no-keyring' | 'no-encryption';
  /** Who notes, status changes and runs are recorded as (the OS user unless configured). */
  author: string;
}

/**
 * A keyboard-interactive round a person must answer: a one-time code, a Duo menu, anything but
 * the node's password (which is answered from the secret store). Texts come from the server,
 * with control characters replaced and lengths capped.
 */
export interface AuthPrompt {
  promptId: string;
  nodeId: number;
  nodeName: string;
  host: string;
  port: number;
  user: string;
  title: string;
  instructions: string;
  /** `echo: false`: the answer is hidden while typed (and redacted if output echoes it). */
  prompts: Array<{ prompt: string; echo: boolean }>;
  /** When the login stops waiting (ISO time). */
  expiresAt: string;
}

export type Lang = 'en' | 'ko';
export type LocalText = Record<Lang, string>;
