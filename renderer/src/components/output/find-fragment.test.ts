import { describe, expect, it } from 'vitest';
import { findFragment } from './find-fragment.js';

describe('findFragment: what the viewer searches for when it opens on an evidence line', () => {
  it('keeps a short line whole', () => {
    expect(findFragment('  wsrep_cluster_status non-Primary ')).toBe('wsrep_cluster_status non-Primary');
  });

  it('takes a short distinctive piece of a long JSON line, never the whole line', () => {
    const json = JSON.stringify({
      id: 'a6f1c1d2-4a4e-4b4e-9e0e-2f1c8d7e6b5a',
      binary: 'nova-compute',
      host: 'compute-1',
      state: 'down',
      disabled_reason: 'AUTO: Failed to connect to libvirt: Connection refused while reading',
      padding: 'x'.repeat(600),
    });
    expect(json.length).toBeGreaterThan(700);
    const f = findFragment(json);
    expect(f.length).toBeGreaterThan(0);
    expect(f.length).toBeLessThanOrEqual(40);
    expect(json).toContain(f);
    expect(f).not.toMatch(/["{}]/);
  });

  it('prefers the longest readable run and cuts it at a word', () => {
    const line = `2026-12-05 00:01:02.123 ERROR oslo_db.sqlalchemy.engines [-] ${'retrying; '.repeat(3)}ERROR 1047 (08S01) WSREP has not yet prepared node for application use and nothing else`;
    const f = findFragment(line);
    expect(line).toContain(f);
    expect(f.length).toBeLessThanOrEqual(40);
    expect(f).toBe('ERROR 1047 (08S01) WSREP has not yet');
  });

  it('says nothing for a long line with no words (hostile or binary-looking input)', () => {
    expect(findFragment('{'.repeat(500) + '"' + '1'.repeat(300))).toBe('');
    expect(findFragment('<script>'.repeat(20)).length).toBeLessThanOrEqual(40);
  });
});
