import { describe, expect, it } from 'vitest';
import { terminal } from './terminal.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('terminal dictionary', () => {
  it('has every key in both languages, namespaced, with the same placeholders', () => {
    expect(Object.keys(terminal.ko).sort()).toEqual(Object.keys(terminal.en).sort());
    for (const [key, en] of Object.entries(terminal.en)) {
      expect(key).toMatch(/^terminal\./);
      expect(placeholders(terminal.ko[key] ?? ''), key).toEqual(placeholders(en));
    }
  });
});
