import { StackscopeError } from '../contract/errors.js';

/** A commander parser (or a plain check) for a positive whole number, naming the flag when it is not one. */
export function positiveInt(label: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new StackscopeError('INVALID_INPUT', `${label} must be a positive whole number, got "${v}"`);
    return n;
  };
}
