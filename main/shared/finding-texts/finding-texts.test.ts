import { describe, expect, it } from 'vitest';
import type { FindingTexts } from '../../contract/types.js';
import { findingTexts, localizeFinding, renderMessage, say, texts } from './index.js';

const placeholders = (t: string): string[] => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();
/** Templates that are only placeholders and punctuation read the same in every language. */
const onlyPlaceholders = (t: string): boolean => t.replace(/\{\w+\}/g, '').replace(/[\s.:;,]/g, '') === '';

describe('finding texts', () => {
  const ids = Object.keys(findingTexts);

  it('give every message in English and Korean with the same placeholders, like the UI dictionaries', () => {
    expect(ids.length).toBeGreaterThan(90);
    for (const id of ids) {
      const m = findingTexts[id];
      expect(m?.en, id).toBeTruthy();
      expect(m?.ko, id).toBeTruthy();
      expect(placeholders(m?.ko ?? ''), id).toEqual(placeholders(m?.en ?? ''));
      if (!onlyPlaceholders(m?.en ?? '')) expect(m?.ko, id).toMatch(/[가-힣]/);
      expect(id).toMatch(/^[a-z0-9-]+(\.[a-z0-9/ -]+)+$/);
    }
  });

  it('fill parameters once: a value that looks like a placeholder or markup is shown as it is', () => {
    const m = say('galera.mysqld-down.title', { node: '{node}<img src=x onerror=alert(1)>' });
    expect(renderMessage(m, 'en')).toBe('mysqld is not running on {node}<img src=x onerror=alert(1)>');
    expect(renderMessage(m, 'ko')).toBe('{node}<img src=x onerror=alert(1)>에서 mysqld가 실행되고 있지 않음');
    expect(renderMessage(say('galera.primary.title.many', { nodes: '$& $1 $`' }), 'en')).toBe("$& $1 $` are in the Primary component");
  });

  it('join lists the way each language does, and nest messages', () => {
    const m = say('galera.bootstrap.why.ahead', { nodes: { list: ['controller-2', 'controller-3', 'controller-4'] } });
    expect(renderMessage(m, 'en')).toBe('controller-2, controller-3 and controller-4 may be further ahead: recover their positions before bootstrapping.');
    expect(renderMessage(m, 'ko')).toBe('controller-2, controller-3, controller-4이(가) 더 앞설 수 있습니다. 부트스트랩하기 전에 그 위치를 복구하세요.');
    const nested = say('galera.bootstrap.explanation', { lead: say('galera.bootstrap.lead.all'), why: [say('galera.bootstrap.why.highest', { node: 'c1', seqno: 7 }), say('galera.bootstrap.why.none-known')] });
    expect(renderMessage(nested, 'en')).toMatch(/^No database node is in a Primary component, .* c1 has the highest known position \(seqno 7\)\. No node has a known position/);
  });

  it('say nothing rather than half a sentence: an unknown id or a missing parameter falls back to the stored text', () => {
    expect(renderMessage(say('galera.no-such-message'), 'ko')).toBeNull();
    expect(renderMessage(say('galera.mysqld-down.title'), 'ko')).toBeNull();
    expect(renderMessage(say('galera.bootstrap.explanation', { lead: say('nope'), why: [] }), 'ko')).toBeNull();
    expect(() => texts({ title: say('galera.mysqld-down.title'), explanation: say('galera.primary.explanation') })).toThrow(/finding text galera\.mysqld-down\.title: no English template, or a parameter is missing/);

    const stored = { status: 'FAILED', title: 'T', explanation: 'E', likelyCause: 'C', nextStep: 'N', skippedReason: null };
    const text: FindingTexts = { title: say('galera.mysqld-down.title', { node: 'c2' }), explanation: say('from-a-newer-analyzer') };
    expect(localizeFinding({ ...stored, text }, 'ko')).toEqual({ ...stored, text, title: 'c2에서 mysqld가 실행되고 있지 않음' });
    expect(localizeFinding({ ...stored, text }, 'en')).toEqual({ ...stored, text });
    expect(localizeFinding({ ...stored, text: null }, 'ko')).toEqual({ ...stored, text: null });
  });

  it('give a skipped check its reason in the same language as its explanation', () => {
    const t = texts({ title: say('galera.cluster-size.skipped.title'), explanation: say('galera.cluster-size.skipped.no-size') });
    const f = { status: 'SKIPPED', title: t.title, explanation: t.explanation, likelyCause: '', nextStep: '', skippedReason: t.explanation, text: t.text };
    expect(localizeFinding(f, 'ko')).toMatchObject({ title: '클러스터 크기를 확인하지 않음', skippedReason: 'wsrep_cluster_size를 보고한 Primary 노드가 없습니다.' });
  });
});
