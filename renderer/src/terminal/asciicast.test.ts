import { describe, expect, it } from 'vitest';
import { capIdle, castFileName, nextIndex, parseCast, parseSize } from './asciicast.js';

const text = [
  '{"version":2,"width":80,"height":24,"timestamp":1767323045,"env":{"TERM":"xterm-256color"}}',
  '[0.5,"o","hello\\r\\n"]',
  '[1.0,"r","100x30"]',
  '[31.0,"o","after a long pause"]',
  '[31.25,"o","!"]',
  '',
].join('\n');

describe('asciicast v2', () => {
  it('parses the header and events', () => {
    const cast = parseCast(text);
    expect(cast.header).toMatchObject({ version: 2, width: 80, height: 24 });
    expect(cast.events).toEqual([
      { t: 0.5, kind: 'o', data: 'hello\r\n' },
      { t: 1, kind: 'r', data: '100x30' },
      { t: 31, kind: 'o', data: 'after a long pause' },
      { t: 31.25, kind: 'o', data: '!' },
    ]);
  });

  it('names the broken line', () => {
    expect(() => parseCast('{"version":1,"width":80,"height":24}\n')).toThrow('line 1: not an asciicast v2 header');
    expect(() => parseCast(`${text}[1,"o"\n`)).toThrow('line 6: not JSON');
    expect(() => parseCast(`${text}{"t":1}\n`)).toThrow('line 6: an event is [seconds, code, data]');
  });

  it('caps idle time and keeps the order', () => {
    const capped = capIdle(parseCast(text).events, 2);
    expect(capped.map((e) => e.t)).toEqual([0.5, 1, 3, 3.25]);
    expect(nextIndex(capped, 0, 1)).toBe(2);
    expect(nextIndex(capped, 2, 10)).toBe(4);
  });

  it('reads resize sizes and makes safe file names', () => {
    expect(parseSize('132x40')).toEqual({ cols: 132, rows: 40 });
    expect(parseSize('wide')).toBeNull();
    expect(castFileName(12, 'ctl-1', 7)).toBe('case-12-ctl-1-7.cast');
    expect(castFileName(3, 'a/b c', 1)).toBe('case-3-a_b_c-1.cast');
  });
});
