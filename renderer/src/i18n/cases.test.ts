import { describe, expect, it } from 'vitest';
import { cases } from './cases.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('cases dictionary', () => {
  it('has every key in both languages, with the same placeholders', () => {
    expect(Object.keys(cases.ko).sort()).toEqual(Object.keys(cases.en).sort());
    for (const [key, en] of Object.entries(cases.en)) {
      const ko = cases.ko[key] ?? '';
      expect(ko.trim(), key).not.toBe('');
      expect(placeholders(ko), key).toEqual(placeholders(en));
    }
  });

  it('names every status, run state, health level and tab the UI builds keys for', () => {
    const built = [
      ...['open', 'mitigated', 'resolved'].map((s) => `cases.status.${s}`),
      ...['running', 'succeeded', 'failed', 'interrupted', 'cancelled'].map((s) => `cases.runState.${s}`),
      ...['critical', 'warning', 'unchecked', 'ok', 'unknown'].map((s) => `cases.health.${s}`),
      ...['controller', 'network', 'storage', 'compute'].map((s) => `cases.picture.group.${s}`),
      ...['timeline', 'findings', 'runs', 'terminals', 'runbooks'].map((s) => `cases.tab.${s}`),
    ];
    for (const key of built) expect(cases.en[key], key).toBeTruthy();
  });
});
