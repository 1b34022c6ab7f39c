import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { services } from './profile.js';
import { serviceIds } from './types.js';

// A service id is written in three places: the list in types.ts, the profile table (which the
// compiler keeps in step with the list) and the JSON Schema's enum, which nothing type-checks.
describe('service ids', () => {
  it('are the same in types.ts, the deployment profile and playbook.schema.json', () => {
    const schema = JSON.parse(readFileSync(new URL('../playbook.schema.json', import.meta.url), 'utf8')) as {
      definitions: { step: { properties: { service: { enum: string[] } } } };
    };
    const inSchema = schema.definitions.step.properties.service.enum;
    expect([...inSchema].sort(), 'playbooks/playbook.schema.json definitions.step.properties.service.enum').toEqual([...serviceIds].sort());
    expect(Object.keys(services).sort(), 'playbooks/engine/profile.ts services').toEqual([...serviceIds].sort());
  });
});
