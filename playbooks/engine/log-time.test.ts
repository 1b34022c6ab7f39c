import { describe, expect, it } from 'vitest';
import { lineTime, parseNodeClock, spanText, windowSeconds, type NodeClock } from './log-time.js';

// 2026-12-05 08:58:36 UTC
const T = Date.UTC(2026, 11, 5, 8, 58, 36) / 1000;
const utc: NodeClock = { now: T + 60, offsetMin: 0 };
const seoul: NodeClock = { now: T + 60, offsetMin: 540 };

describe('log line times', () => {
  it('read each flavour of timestamp at the start of a line', () => {
    expect(lineTime('2026-12-05 08:58:36.123 1234 ERROR oslo.messaging._drivers.impl_rabbit [-] x', utc)).toBe(T);
    expect(lineTime('2026-12-05T08:58:36.123Z|00012|reconnect|ERR|ssl:10.0.0.1:6642: no response to inactivity probe', utc)).toBe(T);
    expect(lineTime('2026-12-05 08:58:36.123456+00:00 [error] <0.123.0> closing AMQP connection', utc)).toBe(T);
    expect(lineTime('2026-12-05 17:58:36.123456+09:00 [error] <0.123.0> x', utc)).toBe(T);
    expect(lineTime('2026-12-05T08:58:36.123456789Z 2026-12-05 17:58:36.000 7 ERROR nova x', seoul)).toBe(T);
    expect(lineTime('Dec  5 08:58:36 compute-1 nova-compute[3334105]: greenlet.error: cannot switch to a different thread', utc)).toBe(T);
    expect(lineTime('Dec 05 08:58:36 compute-1 nova-compute[1]: x', utc)).toBe(T);
    expect(lineTime('=ERROR REPORT==== 5-Dec-2026::08:58:36 ===', utc)).toBe(T);
  });

  it('read a time without a zone in the node’s own offset, never this machine’s', () => {
    expect(lineTime('2026-12-05 17:58:36.123 1234 ERROR x', seoul)).toBe(T);
    expect(lineTime('Dec  5 17:58:36 host x: y', seoul)).toBe(T);
    expect(lineTime('2026-12-05T08:58:36Z|x', seoul)).toBe(T);
  });

  it('put a syslog line without a year in the year before when it would be in the future', () => {
    const jan: NodeClock = { now: Date.UTC(2027, 0, 1, 0, 10, 0) / 1000, offsetMin: 0 };
    expect(lineTime('Dec 31 23:59:00 host x: y', jan)).toBe(Date.UTC(2026, 11, 31, 23, 59, 0) / 1000);
  });

  it('give no time to lines that carry none, or an impossible one', () => {
    for (const l of ['Traceback (most recent call last):', '  File "/usr/lib/python3/dist-packages/eventlet/hubs/hub.py", line 476', "operation queue.declare caused a channel exception not_found: failed to perform operation on queue 'q'", '2026-13-05 08:58:36 x', '2026-12-05 25:58:36 x', 'Foo  5 08:58:36 x', '20261205 085836 x', '']) {
      expect(lineTime(l, utc), l).toBeNull();
    }
  });

  it('read the node clock from date +%s %z', () => {
    expect(parseNodeClock('1796461116 +0900\n')).toEqual({ now: 1796461116, offsetMin: 540 });
    expect(parseNodeClock('1796461116 -0330')).toEqual({ now: 1796461116, offsetMin: -210 });
    for (const bad of ['', 'date: invalid', '1796461116', '1796461116 +2500', 'x 1796461116 +0000']) expect(parseNodeClock(bad), bad).toBeNull();
  });
});

describe('windows', () => {
  it('take minutes, hours and days within a minute and 30 days', () => {
    expect(windowSeconds('6h')).toBe(21_600);
    expect(windowSeconds('30m')).toBe(1800);
    expect(windowSeconds('7d')).toBe(604_800);
    expect(windowSeconds('30d')).toBe(2_592_000);
    for (const bad of ['0h', '31d', '99999d', '720h1', '6 h', '6H', '-6h', '6', 'h', '1e3h', '6h;rm', '']) expect(windowSeconds(bad), bad).toBeNull();
    expect(windowSeconds('720h')).toBe(2_592_000);
  });

  it('say a span as people read it', () => {
    expect(spanText(7800)).toBe('2 h 10 min');
    expect(spanText(3600)).toBe('1 h');
    expect(spanText(2700)).toBe('45 min');
    expect(spanText(20)).toBe('1 min');
    expect(spanText(3 * 86_400 + 4 * 3600)).toBe('3 d 4 h');
  });
});
