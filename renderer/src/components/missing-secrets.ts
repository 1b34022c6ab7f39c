import { StackscopeError } from '../../../main/contract/errors.js';

/** A password or key passphrase a node needs before work can start on it (`detail.missing` of SECRET_REQUIRED). */
export interface MissingSecret {
  nodeId: number;
  nodeName: string;
  kind: 'password' | 'passphrase';
}

/** The credentials a refused start asks for, or null when it failed for another reason. */
export function missingSecrets(err: unknown): MissingSecret[] | null {
  return err instanceof StackscopeError && err.code === 'SECRET_REQUIRED' && Array.isArray(err.detail?.missing) ? (err.detail.missing as MissingSecret[]) : null;
}
