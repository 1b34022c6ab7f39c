import { isStackscopeError, type MissingSecret } from '../../../main/contract/errors.js';

/**
 * The credentials a refused start asks for (SECRET_REQUIRED's `detail.missing`), or null when it
 * failed for another reason. The detail came over a transport, so its shape is checked, not assumed.
 */
export function missingSecrets(err: unknown): MissingSecret[] | null {
  return isStackscopeError(err, 'SECRET_REQUIRED') && Array.isArray(err.detail?.missing) ? err.detail.missing : null;
}
