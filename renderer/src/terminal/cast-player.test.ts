import type { Terminal } from '@xterm/xterm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCast } from './asciicast.js';
import { CastPlayer, type PlayerStatus } from './cast-player.js';

/** What the player did to the screen, in order (write callbacks run at once, as after a parse). */
function fakeTerm(): { term: Terminal; log: string[] } {
  const log: string[] = [];
  const term = {
    write: (data: string, cb?: () => void) => {
      if (data) log.push(`o:${data}`);
      cb?.();
    },
    resize: (cols: number, rows: number) => log.push(`r:${cols}x${rows}`),
    reset: () => log.push('reset'),
  } as unknown as Terminal;
  return { term, log };
}

const cast = parseCast(
  [
    '{"version":2,"width":80,"height":24}',
    '[0.5,"o","a"]',
    '[0.6,"o","b"]',
    '[1.0,"r","100x30"]',
    '[1.0,"o","c"]',
    '[11.0,"o","after ten idle seconds"]',
    '[11.5,"o","end"]',
  ].join('\n'),
);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('cast player', () => {
  it('plays events at their times with idle capped, resizing between outputs, to the very last event', () => {
    const { term, log } = fakeTerm();
    const seen: PlayerStatus[] = [];
    const player = new CastPlayer(term, cast, 2, (s) => seen.push(s));
    expect(player.duration).toBe(3.5);
    player.play();
    expect(log).toEqual([]);
    vi.advanceTimersByTime(550);
    expect(log).toEqual(['o:a']);
    vi.advanceTimersByTime(500);
    expect(log).toEqual(['o:a', 'o:b', 'r:100x30', 'o:c']);
    vi.advanceTimersByTime(1900); // the ten idle seconds became two
    expect(log).toHaveLength(4);
    vi.advanceTimersByTime(100);
    expect(log.at(-1)).toBe('o:after ten idle seconds');
    vi.advanceTimersByTime(500);
    expect(log.at(-1)).toBe('o:end');
    expect(seen.at(-1)).toEqual({ playing: false, position: 3.5, duration: 3.5 });
  });

  it('pauses, changes speed and skips to the end', () => {
    const { term, log } = fakeTerm();
    const player = new CastPlayer(term, cast, 2, () => undefined);
    player.play();
    vi.advanceTimersByTime(700);
    player.pause();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['o:a', 'o:b']);
    player.setSpeed(4);
    player.play();
    vi.advanceTimersByTime(100); // 0.4 s of recording
    expect(log).toEqual(['o:a', 'o:b', 'r:100x30', 'o:c']);
    player.toEnd();
    expect(log.slice(-1)).toEqual(['o:after ten idle secondsend']);
    expect(player.status()).toEqual({ playing: false, position: 3.5, duration: 3.5 });
    player.restart();
    expect(log.slice(-2)).toEqual(['reset', 'r:80x24']);
  });
});
