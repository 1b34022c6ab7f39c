import { describe, expect, it } from 'vitest';
import { CREDENTIALS_EXIT, NO_CATALOG } from '../../playbooks/engine/credentials.js';
import { credentialsNotChecked } from './become.js';

describe('credentialsNotChecked', () => {
  it('reads the prelude\'s refusal only with its exit code, and tells a missing openrc from a token without a catalog', () => {
    const line = (why: string) => `stackscope-credentials: ${why}\n`;
    expect(credentialsNotChecked('prod', 'ctl-1', 'compute-services', 1, line(NO_CATALOG))).toBeNull();
    const pinned = credentialsNotChecked('prod', 'ctl-1', 'compute-services', CREDENTIALS_EXIT, line(NO_CATALOG));
    expect(pinned?.why).toBe(NO_CATALOG);
    // Every node would say the same: the engine stops at the first and the run stays complete.
    expect(pinned?.settled).toBe(true);
    expect(pinned?.likelyCause).toMatch(/no catalog/);
    expect(pinned?.nextStep).toBe('Say where admin credentials with a Keystone auth URL are: stackscope cluster update prod --credentials openrc|clouds-yaml|helm-secret …');
    const missing = credentialsNotChecked('prod', 'ctl-1', 'compute-services', CREDENTIALS_EXIT, line('the admin openrc /root/openrc is missing or not readable by this user on this node'));
    expect(missing?.error).toBe('could not check compute-services on ctl-1: the admin openrc /root/openrc is missing or not readable by this user on this node');
    expect(missing?.likelyCause).toMatch(/not where the cluster settings say/);
    expect(missing?.settled).toBeUndefined();
  });
});
