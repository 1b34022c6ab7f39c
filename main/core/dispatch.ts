import type { CallOutcome, StackscopeHandlers } from '../contract/api.js';
import { StackscopeError, toWireError } from '../contract/errors.js';
import { isMethodName } from '../contract/methods.js';
import { methodInputs } from '../contract/schemas.js';

/** Turn schema issues into one line that names the method and field. */
function validationError(method: string, issues: Array<{ path: PropertyKey[]; message: string }>): StackscopeError {
  const parts = issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  return new StackscopeError('INVALID_INPUT', `${method}: ${parts.join('; ')}`, {
    method,
    issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/**
 * The one door of every transport (IPC, WebSocket, CLI): the method is checked against the
 * allow-list and its input against the contract's schema before any handler runs. Never throws:
 * a failure comes back as a wire error, `explain` first turning what it can into a clearer one.
 */
export function createDispatch(handlers: StackscopeHandlers, explain: (err: unknown) => unknown): (method: unknown, input: unknown) => Promise<CallOutcome> {
  return async (method, input) => {
    try {
      if (!isMethodName(method)) throw new StackscopeError('INVALID_INPUT', `unknown method ${JSON.stringify(method)}`, { method: String(method) });
      const parsed = methodInputs[method].safeParse(input ?? {});
      if (!parsed.success) throw validationError(method, parsed.error.issues);
      const handler = handlers[method] as (i: unknown) => unknown;
      return { ok: true, value: (await handler(parsed.data)) ?? null };
    } catch (err) {
      return { ok: false, error: toWireError(explain(err)) };
    }
  };
}
