/**
 * Errors cross every boundary (IPC, WebSocket, CLI) as plain `{code, message, detail}`
 * and are rebuilt as `StackscopeError` on the other side, so callers can branch on `code`.
 */
import type { NodeRole } from './inventory.js';

export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_CHANGED',
  'HOST_KEY_REVOKED',
  'SECRET_REQUIRED',
  'AUTH_FAILED',
  'CONNECT_TIMEOUT',
  'UNREACHABLE',
  'CONNECTION_LOST',
  'COMMAND_TIMEOUT',
  'CANCELLED',
  'UNAUTHORIZED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A password or key passphrase a node (or a jump host on its way) needs and this session lacks. */
export type MissingSecret = { nodeId: number; nodeName: string; kind: 'password' | 'passphrase' | 'sudo' };

/** The node an SSH error is about, and the address it was reached at. */
export type NodeAt = { nodeId?: number; node: string; host?: string; port?: number };

/** The key a host presented, as a refused connection saw it. */
export type HostKeySeen = { nodeId: number; node: string; host: string; port: number; fingerprint: string; keyType: string };

/** One field a method's input schema refused. */
export type FieldIssue = { path: string[]; message: string };

/** What an error's `detail` holds, by code (errors without detail have `never`). */
export interface ErrorDetails {
  INVALID_INPUT:
    | { method: string; issues?: FieldIssue[] }
    | (NodeAt & { keyPath?: string })
    | { cluster: string; roles: NodeRole[] }
    | { caseId: number; nodeId: number }
    | { playbookId: string }
    | { runbookId: string; stepId?: string }
    | { promptId: string };
  NOT_FOUND:
    | { caseId: number }
    | { runId: number }
    | { stepId: number }
    | { sessionId: number }
    /** A follow-up. */
    | { id: number }
    | { clusterId: number }
    | { cluster: string; node?: string }
    | { nodeId: number }
    | { playbookId: string }
    | { runbookId: string; stepId?: string }
    | { promptId: string };
  CONFLICT: { cluster: string } | { node: string; nodeId?: number } | { sessionId: number };
  /** policy 'ask': a client may offer the key for confirmation; 'refuse': the cluster wants no prompt. */
  HOST_KEY_UNKNOWN: HostKeySeen & { policy: 'ask' | 'refuse' };
  /** At connect: the key presented and the one trusted (or the known_hosts line listing another); at trust: the key presented and the one confirmed. */
  HOST_KEY_CHANGED: (HostKeySeen & { knownFingerprint: string; knownHosts?: { file: string; line: number } }) | { node: string; fingerprint: string; confirmed: string };
  /** A known_hosts `@revoked` line names the key the host presents. */
  HOST_KEY_REVOKED: HostKeySeen & { knownHosts: { file: string; line: number } };
  /** Ask for these, then try again (`secrets.provide`). */
  SECRET_REQUIRED: { missing: MissingSecret[] };
  AUTH_FAILED: NodeAt & { kind?: 'passphrase' };
  CONNECT_TIMEOUT: NodeAt;
  UNREACHABLE: NodeAt & { jump?: string };
  CONNECTION_LOST: NodeAt;
  COMMAND_TIMEOUT: NodeAt;
  CANCELLED: NodeAt;
  UNAUTHORIZED: never;
  /** A damaged case log (with the backup made of it), or a node that cannot do what was asked. */
  UNAVAILABLE: { file: string; backup?: string } | NodeAt;
  INTERNAL: never;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  detail?: Record<string, unknown>;
}

declare const made: unique symbol;
/**
 * The detail of an error already made (caught, or received over a transport), as it is read and
 * passed on. Checked where it was made; the mark keeps new object literals out of this door.
 */
export type ReceivedDetail = Readonly<Record<string, unknown>> & { readonly [made]: true };

class StackscopeErrorClass extends Error {
  readonly code: ErrorCode;
  readonly detail?: ReceivedDetail;

  constructor(code: ErrorCode, message: string, detail?: object) {
    super(message);
    this.name = 'StackscopeError';
    this.code = code;
    this.detail = detail as ReceivedDetail | undefined;
  }

  toWire(): WireError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** An error that names its code; read its detail typed with `isStackscopeError(err, code)`. */
export type StackscopeError = StackscopeErrorClass;

interface StackscopeErrorConstructor {
  /** A new error: its detail is checked against its code's type. */
  new <C extends ErrorCode>(code: C, message: string, detail?: ErrorDetails[C]): StackscopeError;
  /** An error that passes on the detail of one caught or received. */
  new (code: ErrorCode, message: string, detail: ReceivedDetail | undefined): StackscopeError;
  readonly prototype: StackscopeError;
}

/**
 * A class in all but its constructor's type, which checks `detail` against `code`. (A class with
 * a type parameter would make `instanceof` narrow to `StackscopeError<any>`, and `code` with it.)
 */
export const StackscopeError: StackscopeErrorConstructor = StackscopeErrorClass;

/** A StackscopeError with code C, its detail of C's type. */
export type StackscopeErrorOf<C extends ErrorCode> = StackscopeError & { readonly code: C; readonly detail?: ErrorDetails[C] };

/** `err` is a StackscopeError with this code; its `detail` is then typed for the code. */
export function isStackscopeError<C extends ErrorCode>(err: unknown, code: C): err is StackscopeErrorOf<C> {
  return err instanceof StackscopeError && err.code === code;
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** Turn anything thrown into the wire shape; unknown errors become INTERNAL with their message. */
export function toWireError(err: unknown): WireError {
  if (err instanceof StackscopeError) return err.toWire();
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}

export function fromWireError(wire: WireError): StackscopeError {
  const code = (errorCodes as readonly string[]).includes(wire.code) ? wire.code : 'INTERNAL';
  // What arrives over a transport is taken as sent: the detail's shape is the sender's word.
  return new StackscopeError(code, wire.message, wire.detail as ReceivedDetail | undefined);
}
