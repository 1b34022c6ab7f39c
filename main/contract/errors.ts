/**
 * Errors cross every boundary (IPC, WebSocket, CLI) as plain `{code, message, detail}`
 * and are rebuilt as `StackscopeError` on the other side, so callers can branch on `code`.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_CHANGED',
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

export interface WireError {
  code: ErrorCode;
  message: string;
  detail?: Record<string, unknown>;
}

export class StackscopeError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.name = 'StackscopeError';
    this.code = code;
    this.detail = detail;
  }

  toWire(): WireError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
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
  return new StackscopeError(code, wire.message, wire.detail);
}
