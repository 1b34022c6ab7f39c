import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployments } from '../../../main/contract/types.js';
import { localizeFinding, renderMessage } from '../../../main/shared/finding-texts/index.js';
import { loadFixture } from '../../engine/fixtures.js';
import { analyze } from './analyzer.js';

/**
 * Every finding galera-health emits, over every captured scenario and every deployment flavour,
 * carries its texts as messages: they render to exactly the English it stores, and to Korean.
 */
const dir = join(import.meta.dirname, 'fixtures');
const scenarios = readdirSync(dir);

describe('galera-health finding texts', () => {
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    it(`${scenario}: every finding renders to its English text and to Korean`, () => {
      const input = loadFixture(join(dir, scenario));
      for (const deployment of deployments) {
        for (const f of analyze({ ...input, deployment })) {
          expect(f.text, `${scenario} ${f.check}: ${f.title}`).toBeDefined();
          if (!f.text) continue;
          seen.add(f.text.title.id);
          expect(renderMessage(f.text.title, 'en')).toBe(f.title);
          expect(renderMessage(f.text.explanation, 'en')).toBe(f.explanation);
          expect(f.text.likelyCause ? renderMessage(f.text.likelyCause, 'en') : '').toBe(f.likelyCause);
          expect(f.text.nextStep ? renderMessage(f.text.nextStep, 'en') : '').toBe(f.nextStep);
          const ko = localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko');
          for (const part of ['title', 'explanation'] as const) expect(ko[part], `${scenario} ${f.check} ${part}`).toMatch(/[가-힣]/);
          if (f.likelyCause) expect(ko.likelyCause).toMatch(/[가-힣]/);
          if (f.nextStep) expect(ko.nextStep).toMatch(/[가-힣]/);
        }
      }
    });
  }

  it('the scenarios reach the main findings a trainee meets', () => {
    for (const id of ['galera.mysqld-down.title', 'galera.non-primary.title', 'galera.bootstrap.title.chosen', 'galera.primary.title.many', 'galera.cluster-size.ok.title', 'galera.cluster-size.low.title']) {
      expect([...seen], id).toContain(id);
    }
  });
});
