import { describe, expect, it } from 'vitest';
import { TextSearch, TextStore, WrapIndex } from './text-store.js';

function storeOf(pages: string[]): TextStore {
  const s = new TextStore();
  for (const p of pages) s.append(p);
  while (!s.indexSome()) {
    // index in slices until done
  }
  return s;
}

describe('TextStore', () => {
  it('finds lines across page boundaries and ignores a final newline', () => {
    const s = storeOf(['alpha\nbe', 'ta\r\n', '\ngamma\n']);
    expect(s.lineCount).toBe(4);
    expect([0, 1, 2, 3].map((i) => s.line(i))).toEqual(['alpha', 'beta', '', 'gamma']);
    expect(s.lineOf(s.lineStart(3) + 2)).toBe(3);
    expect(s.slice(3, 9)).toBe('ha\nbet');
    expect(s.all()).toBe('alpha\nbeta\r\n\ngamma\n');
    expect(s.longestLine).toBe(5);
  });

  it('keeps a last line without newline and grows as pages arrive', () => {
    const s = storeOf(['one\ntw']);
    expect(s.lineCount).toBe(2);
    expect(s.line(1)).toBe('tw');
    s.append('o\nthree');
    expect(s.indexed).toBe(false);
    while (!s.indexSome()) {
      // continue
    }
    expect([s.line(1), s.line(2), s.lineCount]).toEqual(['two', 'three', 3]);
  });

  it('stops indexing when its time budget is spent and resumes where it stopped', () => {
    const text = 'x\n'.repeat(50_000);
    const s = new TextStore();
    s.append(text);
    let clock = 0;
    const slow = (): number => (clock += 5); // every check looks 5 ms later
    expect(s.indexSome(8, slow)).toBe(false);
    const partial = s.lineCount;
    expect(partial).toBeGreaterThan(1);
    expect(partial).toBeLessThan(50_000);
    while (!s.indexSome(8, slow)) {
      // resume
    }
    expect(s.lineCount).toBe(50_000);
  });
});

describe('TextSearch', () => {
  it('finds every match, also one split between two pages, case-insensitively by default', () => {
    const s = storeOf(['ERROR one\nno error', 'here\nerr', 'or two\n']);
    const search = new TextSearch(s, 'error', false, 100, 4);
    while (!search.searchSome()) {
      // next window
    }
    expect(search.matches.map((m) => s.slice(m, m + 5))).toEqual(['ERROR', 'error', 'error']);
    const exact = new TextSearch(s, 'ERROR', true, 100, 4);
    while (!exact.searchSome()) {
      // next window
    }
    expect(exact.matches).toEqual([0]);
  });

  it('stops at the cap and says so, and finds the next match from an offset', () => {
    const s = storeOf(['ab'.repeat(1000)]);
    const search = new TextSearch(s, 'ab', true, 10);
    search.searchSome();
    expect(search.matches).toHaveLength(10);
    expect(search.isCapped).toBe(true);
    expect(search.caughtUp).toBe(true);
    expect(search.firstAtOrAfter(5)).toBe(3);
    expect(search.firstAtOrAfter(10_000)).toBe(10);
  });

  it('searches text that arrives after it caught up, also a match cut by the end of a page', () => {
    const s = storeOf(['needle\nnee']);
    const search = new TextSearch(s, 'needle', true);
    expect(search.searchSome()).toBe(true);
    expect(search.matches).toEqual([0]);
    s.append('dle more needle\n');
    expect(search.caughtUp).toBe(false);
    search.searchSome();
    s.complete = true;
    search.searchSome();
    expect(search.matches).toEqual([0, 7, 19]);
  });
});

describe('WrapIndex', () => {
  it('maps rows to lines and back when lines wrap at a column count', () => {
    const s = storeOf(['1234567890\n', 'ab\n\n', 'x'.repeat(25) + '\n']);
    s.complete = true;
    const w = new WrapIndex(s, 4);
    while (!w.buildSome()) {
      // sum rows
    }
    // 10 chars → 3 rows, 2 → 1, empty → 1, 25 → 7
    expect(w.rows).toBe(12);
    expect([0, 1, 2, 3].map((l) => w.rowOf(l))).toEqual([0, 3, 4, 5]);
    expect(w.lineOfRow(2)).toEqual({ line: 0, segment: 2 });
    expect(w.lineOfRow(4)).toEqual({ line: 2, segment: 0 });
    expect(w.lineOfRow(11)).toEqual({ line: 3, segment: 6 });
  });

  it('counts the last line live while output still arrives', () => {
    const s = storeOf(['abcdefgh\nabc']);
    const w = new WrapIndex(s, 4);
    w.buildSome();
    expect(w.rows).toBe(3);
    s.append('defghi');
    while (!s.indexSome()) {
      // index
    }
    expect(w.rows).toBe(5);
    expect(w.lineOfRow(4)).toEqual({ line: 1, segment: 2 });
  });
});
