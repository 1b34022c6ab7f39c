import { describe, expect, it } from 'vitest';
import { fromWireError, isStackscopeError, StackscopeError, toWireError, type MissingSecret } from './errors.js';

describe('errors across a transport', () => {
  it('keep code, message and detail through toWire and fromWireError', () => {
    const missing: MissingSecret[] = [{ nodeId: 3, nodeName: 'db-1', kind: 'password' }];
    const wire = toWireError(new StackscopeError('SECRET_REQUIRED', 'db-1 needs a password; provide it to run this command', { missing }));
    expect(JSON.parse(JSON.stringify(wire))).toEqual({ code: 'SECRET_REQUIRED', message: 'db-1 needs a password; provide it to run this command', detail: { missing } });
    const back = fromWireError(wire);
    expect(back).toBeInstanceOf(StackscopeError);
    // Narrowed by code, the detail has its code's type: no cast to read the missing secrets.
    if (!isStackscopeError(back, 'SECRET_REQUIRED')) throw new Error(`expected SECRET_REQUIRED, got ${back.code}`);
    const names: string[] = back.detail?.missing.map((m) => m.nodeName) ?? [];
    expect(names).toEqual(['db-1']);
    expect(isStackscopeError(back, 'NOT_FOUND')).toBe(false);
  });

  it('turns an unknown code into INTERNAL and anything else thrown into INTERNAL with its message', () => {
    expect(fromWireError({ code: 'NOPE' as never, message: 'm' }).code).toBe('INTERNAL');
    expect(toWireError(new Error('boom'))).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(toWireError('text')).toEqual({ code: 'INTERNAL', message: 'text' });
    expect(toWireError(new StackscopeError('CANCELLED', 'stopped'))).toEqual({ code: 'CANCELLED', message: 'stopped' });
  });
});
