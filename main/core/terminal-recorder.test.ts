import { describe, expect, it } from 'vitest';
import { AsciicastRecorder, redactStyledLines } from './terminal-recorder.js';

function recorder(maxChars = 1024 * 1024, secrets: string[] = []): { rec: AsciicastRecorder; tick: (ms: number) => void } {
  let now = 1000;
  const rec = new AsciicastRecorder({
    sessionId: 7,
    width: 80,
    height: 24,
    startedAt: new Date('2026-01-02T03:04:05.678Z'),
    term: 'xterm-256color',
    secrets: () => secrets,
    maxChars,
    clock: () => now,
  });
  return { rec, tick: (ms) => (now += ms) };
}

const events = (rec: AsciicastRecorder): unknown[] => (rec.take()?.events ?? '').trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);

describe('asciicast recorder', () => {
  it('writes a v2 header and timed output and resize events', () => {
    const { rec, tick } = recorder();
    expect(JSON.parse(rec.header)).toEqual({ version: 2, width: 80, height: 24, timestamp: 1767323045, env: { TERM: 'xterm-256color' } });
    tick(250);
    rec.output('hello\r\n', 7);
    tick(1000);
    rec.resize(100, 30);
    expect(events(rec)).toEqual([
      [0.25, 'o', 'hello\r\n'],
      [1.25, 'r', '100x30'],
    ]);
    expect(rec.take()).toBeNull();
  });

  it('holds a partial line until it completes, so a secret typed and echoed in pieces is still seen whole', () => {
    const { rec } = recorder();
    for (const ch of 'export OS_PASSWORD=tops3cret') rec.output(ch, 1);
    expect(rec.take()).toEqual({ sessionId: 7, events: '', bytes: 28 });
    rec.output('\r\n', 2);
    expect(events(rec)).toEqual([[0, 'o', 'export OS_PASSWORD=[REDACTED]\r\n']]);
    rec.output('$ ', 2);
    rec.end(); // the prompt at the end is released, not lost
    expect(events(rec)).toEqual([[0, 'o', '$ ']]);
  });

  it('redacts literal secrets of the session and secrets split by colour codes', () => {
    const { rec } = recorder(1024 * 1024, ['node-pass-123']);
    rec.output('login with node-pass-123 ok\n\x1b[01;31mpassword\x1b[m: visible-secret\n\x1b[32mgreen\x1b[m stays coloured\n', 100);
    expect(events(rec)).toEqual([[0, 'o', 'login with [REDACTED] ok\npassword: [REDACTED]\n\x1b[32mgreen\x1b[m stays coloured\n']]);
  });

  it('stops recording past its cap and says so, while counting the bytes that still arrive', () => {
    const { rec } = recorder(2 * 1024 * 1024);
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 3000; i++) rec.output(line, 1024);
    const batch = rec.take();
    expect(batch?.bytes).toBe(3000 * 1024);
    const all = (batch?.events ?? '').trimEnd().split('\n').map((l) => JSON.parse(l) as [number, string, string]);
    const text = all.map((e) => e[2]).join('');
    expect(text.length).toBeLessThan(2 * 1024 * 1024 + 2048);
    expect(all.at(-1)?.[2]).toBe('\r\n[stackscope: recording stopped after 2 MB of output; the live session went on]\r\n');
  });
});

describe('redactStyledLines', () => {
  it('leaves lines without escapes or without secrets untouched', () => {
    expect(redactStyledLines('plain password: x\n', [])).toBe('plain password: x\n'); // plain lines are the stream redactor's job
    expect(redactStyledLines('\x1b[1mbold\x1b[0m\r\n', [])).toBe('\x1b[1mbold\x1b[0m\r\n');
    expect(redactStyledLines('a\x1b[m\r\nDB_PASSWORD\x1b[0m=hunter2\r\n', [])).toBe('a\x1b[m\r\nDB_PASSWORD=[REDACTED]\r\n');
  });
});
