/**
 * What each analyzer's texts.test.ts checks of one finding: its messages render to exactly the
 * English the finding stores (so search, reports and older clients read the same), and every
 * part renders fully in Korean (no English left mid-page for a reader in 한국어).
 */
import { expect } from 'vitest';
import type { FindingMessageParam } from '../../main/contract/types.js';
import { localizeFinding, renderMessage } from '../../main/shared/finding-texts/index.js';
import type { Finding } from '../engine/types.js';

/** Every message id in `m`, however deep its parameters nest messages, added to `into`. */
export function messageIds(m: FindingMessageParam | undefined, into: Set<string>): void {
  if (m === undefined || typeof m === 'string' || typeof m === 'number' || 'list' in m) return;
  for (const x of Array.isArray(m) ? m : [m]) {
    into.add(x.id);
    for (const p of Object.values(x.params ?? {})) messageIds(p, into);
  }
}

/** `used`, when given, collects the ids the finding's messages use (to prove a table has no dead entry). */
export function expectFindingTexts(f: Finding, where: string, used?: Set<string>): void {
  if (used) for (const m of [f.text?.title, f.text?.explanation, f.text?.likelyCause, f.text?.nextStep]) messageIds(m, used);
  expect(f.text, `${where} ${f.check}: ${f.title}`).toBeDefined();
  if (!f.text) return;
  expect(renderMessage(f.text.title, 'en')).toBe(f.title);
  expect(renderMessage(f.text.explanation, 'en')).toBe(f.explanation);
  expect(f.text.likelyCause ? renderMessage(f.text.likelyCause, 'en') : '').toBe(f.likelyCause);
  expect(f.text.nextStep ? renderMessage(f.text.nextStep, 'en') : '').toBe(f.nextStep);
  for (const m of [f.text.title, f.text.explanation, f.text.likelyCause, f.text.nextStep]) if (m) expect(renderMessage(m, 'ko'), `${where} ${m.id}`).not.toBeNull();
  const ko = localizeFinding({ ...f, skippedReason: f.skippedReason ?? null }, 'ko');
  for (const part of ['title', 'explanation'] as const) expect(ko[part], `${where} ${f.check} ${part}`).toMatch(/[가-힣]/);
  if (f.likelyCause) expect(ko.likelyCause, `${where} ${f.check} likelyCause`).toMatch(/[가-힣]/);
  if (f.nextStep) expect(ko.nextStep, `${where} ${f.check} nextStep`).toMatch(/[가-힣]/);
  if (f.status === 'SKIPPED' || f.skippedReason) expect(ko.skippedReason).toBe(ko.explanation);
}
