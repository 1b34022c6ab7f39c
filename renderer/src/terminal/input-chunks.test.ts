import { describe, expect, it } from 'vitest';
import { INPUT_CHUNK, inputChunks } from './input-chunks.js';

describe('terminal input chunks', () => {
  it('sends a keystroke as it is', () => {
    expect(inputChunks('l')).toEqual(['l']);
    expect(inputChunks('\u001b[A')).toEqual(['\u001b[A']);
    expect(inputChunks('')).toEqual([]);
  });

  it('cuts a 9 MB paste into ordered pieces that each fit one call and one frame', () => {
    const paste = Array.from({ length: 9 * 1024 * 1024 / 16 }, (_, i) => `${String(i).padStart(14, '0')}\r\n`).join('');
    const chunks = inputChunks(paste);
    expect(chunks.join('')).toBe(paste);
    expect(chunks.length).toBe(Math.ceil(paste.length / INPUT_CHUNK));
    for (const c of chunks) expect(c.length).toBeGreaterThan(0);
    // The contract caps `data` at 1 MiB; the server refuses frames over 8 MB. JSON's worst case is \u00XX for every unit.
    const worst = JSON.stringify({ type: 'call', id: 1, method: 'terminal.input', input: { sessionId: 1, data: '\u0001'.repeat(INPUT_CHUNK) } });
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(1024 * 1024);
    expect(new TextEncoder().encode(worst).length).toBeLessThan(8 * 1024 * 1024);
  });

  it('never splits a surrogate pair, wherever the boundary falls', () => {
    for (let offset = 0; offset < 4; offset++) {
      const text = `${'a'.repeat(offset)}${'😀'.repeat(20)}한글`;
      const chunks = inputChunks(text, 5);
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(5);
        expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
      }
    }
  });

  it('passes a lone surrogate through rather than losing it', () => {
    expect(inputChunks('ab\uD800cd', 3)).toEqual(['ab\uD800', 'cd']);
    expect(inputChunks('\uDC00\uDC00', 2)).toEqual(['\uDC00\uDC00']);
  });

  it('refuses a piece size that cannot hold a surrogate pair', () => {
    expect(() => inputChunks('😀', 1)).toThrow(/at least 2/);
  });
});
