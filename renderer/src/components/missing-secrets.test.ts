import { describe, expect, it } from 'vitest';
import { fromWireError, StackscopeError, toWireError } from '../../../main/contract/errors.js';
import { missingSecrets } from './missing-secrets.js';

// What the credentials dialog is opened with: decided from the error as it arrives in the renderer
// (rebuilt from the wire), never from its message.
describe('missingSecrets', () => {
  const missing = [
    { nodeId: 3, nodeName: 'ctl-1', kind: 'password' as const },
    { nodeId: 4, nodeName: 'bastion', kind: 'passphrase' as const },
  ];

  it('lists what a SECRET_REQUIRED refusal asks for, after the trip over a transport', () => {
    const sent = new StackscopeError('SECRET_REQUIRED', 'ctl-1 needs a password; bastion needs a passphrase; provide it to run this command', { missing });
    expect(missingSecrets(fromWireError(JSON.parse(JSON.stringify(toWireError(sent)))))).toEqual(missing);
  });

  it('is null for every other failure, so the caller shows it as an error', () => {
    expect(missingSecrets(new StackscopeError('AUTH_FAILED', 'ctl-1: the password was refused', { node: 'ctl-1' }))).toBeNull();
    expect(missingSecrets(fromWireError({ code: 'UNREACHABLE', message: 'needs a password', detail: { missing } }))).toBeNull();
    expect(missingSecrets(new Error('SECRET_REQUIRED'))).toBeNull();
    expect(missingSecrets({ code: 'SECRET_REQUIRED', message: 'plain object', detail: { missing } })).toBeNull();
    expect(missingSecrets(undefined)).toBeNull();
  });

  it('is null when the refusal does not say what is missing (nothing to ask for)', () => {
    expect(missingSecrets(new StackscopeError('SECRET_REQUIRED', 'no detail'))).toBeNull();
    expect(missingSecrets(fromWireError({ code: 'SECRET_REQUIRED', message: 'odd detail', detail: { missing: 'ctl-1' } }))).toBeNull();
  });
});
