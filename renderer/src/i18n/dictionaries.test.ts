import { describe, expect, it } from 'vitest';
import { check } from './check.js';
import { common } from './common.js';
import { translate } from './index.js';
import { node } from './node.js';
import { runbooks } from './runbooks.js';
import { ui } from './ui.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('UI dictionaries', () => {
  for (const [name, d] of Object.entries({ common, ui, runbooks, check, node })) {
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

  it('fills placeholders and falls back to English, then to the key', () => {
    expect(translate('ko', 'runbooks.progress', { understood: 2, total: 4, ran: 3 })).toBe('4단계 중 2단계 이해 · 3단계 실행');
    expect(translate('en', 'ui.run.exit', { code: 0 })).toBe('exit 0');
    expect(translate('ko', 'no.such.key')).toBe('no.such.key');
  });
});
