import { describe, expect, it } from 'vitest';
import type { ClusterHostKeyProbe } from '../../../../main/contract/types.js';
import { rememberProbe, shownHealth } from './unreachable.js';

/** The Web Storage interface over a Map (vitest runs in Node, which has no localStorage). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

const down = (nodeId: number, host = '10.0.0.9'): ClusterHostKeyProbe => ({ reachable: false, nodeId, nodeName: `n${nodeId}`, host, port: 22, status: 'unreachable', error: { code: 'UNREACHABLE', message: 'connect ECONNREFUSED' } });
const up = (nodeId: number): ClusterHostKeyProbe => ({ reachable: true, nodeId, nodeName: `n${nodeId}`, host: '10.0.0.9', port: 22, keyType: 'ssh-ed25519', fingerprint: 'SHA256:x', status: 'unknown' });
const node = (id: number, health: 'unknown' | 'ok' | 'unchecked' | 'critical', checkedAt: string | null = null, host = '10.0.0.9') => ({ id, host, health, checkedAt });

describe('nodes a bulk probe could not reach', () => {
  it('are drawn unreachable only while nothing checked them, at the address probed', () => {
    const s = memoryStorage();
    const at = new Date('2026-01-01T10:00:00Z');
    rememberProbe([down(1), down(2), up(3)], at, s);
    expect(shownHealth(node(1, 'unknown'), 22, s).level).toBe('unreachable');
    expect(shownHealth(node(1, 'unknown'), 22, s).unreached?.message).toBe('connect ECONNREFUSED');
    // A check's result always wins, and nothing becomes ok.
    expect(shownHealth(node(1, 'unchecked', '2026-01-01T10:05:00Z'), 22, s).level).toBe('unchecked');
    expect(shownHealth(node(1, 'critical', '2026-01-01T10:05:00Z'), 22, s).level).toBe('critical');
    // Moved to another address or port since: the old word says nothing about it.
    expect(shownHealth(node(2, 'unknown', null, '10.0.0.10'), 22, s).level).toBe('unknown');
    expect(shownHealth(node(2, 'unknown'), 2222, s).level).toBe('unknown');
    expect(shownHealth(node(3, 'unknown'), 22, s).level).toBe('unknown');
    // Answering a later probe forgets it.
    rememberProbe([up(1)], new Date('2026-01-01T11:00:00Z'), s);
    expect(shownHealth(node(1, 'unknown'), 22, s).level).toBe('unknown');
    // A week later the old word is dropped.
    rememberProbe([], new Date('2026-01-09T11:00:00Z'), s);
    expect(shownHealth(node(2, 'unknown'), 22, s).level).toBe('unknown');
  });

  it('ignores a store that is not what it wrote (garbage, an array, no storage at all)', () => {
    const s = memoryStorage();
    for (const bad of ['not json', '[1,2]', 'null', '"x"']) {
      s.setItem('stackscope.unreachable', bad);
      expect(shownHealth(node(1, 'unknown'), 22, s).level).toBe('unknown');
    }
    rememberProbe([down(1)], new Date(), undefined);
    expect(shownHealth(node(1, 'unknown'), 22, undefined).level).toBe('unknown');
  });
});
