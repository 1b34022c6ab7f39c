import { StackscopeError } from '../contract/errors.js';
import { nodeRoles, type NodeRole } from '../contract/types.js';

/** A commander parser (or a plain check) for a positive whole number, naming the flag when it is not one. */
export function positiveInt(label: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new StackscopeError('INVALID_INPUT', `${label} must be a positive whole number, got "${v}"`);
    return n;
  };
}

/** A repeatable flag's values, in order. */
export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `--role` values, checked here so the error names the flag rather than a schema path. */
export function rolesOf(values: string[] | undefined): NodeRole[] {
  for (const v of values ?? []) {
    if (!(nodeRoles as readonly string[]).includes(v)) {
      throw new StackscopeError('INVALID_INPUT', `--role "${v}" is not a role; use one of ${nodeRoles.join(', ')}`);
    }
  }
  return (values ?? []) as NodeRole[];
}
