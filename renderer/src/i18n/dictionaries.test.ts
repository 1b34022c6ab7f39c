import { describe, expect, it } from 'vitest';
import { connectionLimits, importSourceKinds, serviceCredentialKinds, unknownHostKeyPolicies } from '../../../main/contract/types.js';
import { access } from './access.js';
import { check } from './check.js';
import { common } from './common.js';
import { translate } from './index.js';
import { inv } from './inv.js';
import { node } from './node.js';
import { runbooks } from './runbooks.js';
import { ui } from './ui.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('UI dictionaries', () => {
  for (const [name, d] of Object.entries({ common, ui, runbooks, check, node, inv, access })) {
    it(`${name}: Korean has every English key, in natural Korean, with the same {placeholders}`, () => {
      expect(Object.keys(d.ko).sort()).toEqual(Object.keys(d.en).sort());
      for (const [key, en] of Object.entries(d.en)) {
        const ko = d.ko[key] as string;
        expect(placeholders(ko), key).toEqual(placeholders(en));
        expect(key.startsWith(`${name}.`), key).toBe(true);
      }
      // Words with Hangul in them: not English copied over (ids like ssh-agent may stay).
      const hangul = Object.values(d.ko).filter((s) => /[가-힣]/.test(s)).length;
      expect(hangul / Object.keys(d.ko).length).toBeGreaterThan(0.9);
    });
  }

  it('inv: every key the import, bulk-trust and settings screens build from contract values exists', () => {
    const built = [
      ...importSourceKinds.flatMap((k) => [`inv.kind.${k}`, `inv.placeholder.${k}`]),
      ...(['add', 'change', 'same', 'remove'] as const).flatMap((a) => [`inv.action.${a}`, `inv.count.${a}`]),
      ...['host', 'port', 'user', 'roles', 'auth', 'jump', 'become'].map((f) => `inv.field.${f}`),
      ...['trusted', 'known_hosts', 'unknown', 'changed', 'revoked', 'unreachable'].map((s) => `inv.key.${s}`),
      ...['action', 'node', 'address', 'user', 'roles', 'auth', 'jump', 'become', 'changes', 'status', 'fingerprint'].map((c) => `inv.col.${c}`),
      ...Object.keys(connectionLimits).map((k) => `inv.set.${k}`),
      ...unknownHostKeyPolicies.map((p) => `inv.set.unknown.${p}`),
    ];
    for (const key of built) expect(inv.en[key], key).toBeTruthy();
  });

  it('access: every key the service credentials section builds from contract values exists', () => {
    const built = [...serviceCredentialKinds.flatMap((k) => [`access.mode.${k}`, `access.describe.${k}`]), 'access.mode.default', 'access.path.openrc', 'access.path.clouds-yaml'];
    for (const key of built) expect(access.en[key], key).toBeTruthy();
  });

  it('fills placeholders and falls back to English, then to the key', () => {
    expect(translate('ko', 'runbooks.progress', { understood: 2, total: 4, ran: 3 })).toBe('4단계 중 2단계 이해 · 3단계 실행');
    expect(translate('en', 'ui.run.exit', { code: 0 })).toBe('exit 0');
    expect(translate('ko', 'no.such.key')).toBe('no.such.key');
  });
});
