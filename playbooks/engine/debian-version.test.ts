import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareVersionText, inReleaseLine, parseDebianVersion } from './debian-version.js';

// Pairs that exercise each rule of deb-version(7): epochs, ~ before the end, letters before
// other characters, digit runs as numbers, leading zeros, the last hyphen splitting the revision,
// and the versions the shipped known bugs name (Ubuntu Cloud Archive ~cloud0, nova's epoch 3).
const pairs: Array<[string, string]> = [
  ['1.0', '1.0'],
  ['1.0', '1.1'],
  ['1.0~rc1', '1.0'],
  ['1.0~rc1', '1.0~rc2'],
  ['1.0~~', '1.0~'],
  ['1.0', '1.0-0ubuntu1'],
  ['1.0-0ubuntu1', '1.0+dfsg'],
  ['1.0a', '1.0+'],
  ['1.0a', '1.0.'],
  ['1.0', '1.0a'],
  ['1:0.1', '2.0'],
  ['0:2.0', '2.0'],
  ['2:16.4.2-0ubuntu4', '2:16.4.2-0ubuntu6.3'],
  ['1.01', '1.1'],
  ['1.001', '1.0010'],
  ['1.9', '1.10'],
  ['12.13.0-0ubuntu1.2~cloud0', '12.13.0-0ubuntu1.2'],
  ['12.13.0-0ubuntu1.1', '12.13.0-0ubuntu1.2~cloud0'],
  ['12.13.0-0ubuntu1.2', '12.13.0-0ubuntu1.10'],
  ['3:25.2.1-0ubuntu2.7', '3:25.2.1-0ubuntu2.8'],
  ['3:25.2.1-0ubuntu2.8~cloud0', '3:25.2.1-0ubuntu2.8'],
  ['3:25.1.1-0ubuntu1.1~cloud0', '3:26.2.0-0ubuntu1~cloud0'],
  ['20.03.2-0ubuntu0.20.04.3', '20.12.0'],
  ['20.12.0~1', '20.12.0'],
  ['2.17.0-0ubuntu1', '2.17.1-0ubuntu0.22.04.1'],
  ['1.2-3-4', '1.2-3'],
  ['1.2-3-4', '1.2-3-5'],
  ['a', 'b'],
  ['1.0+b1', '1.0.1'],
  ['7.0.0-1~deb12u1', '7.0.0-1'],
];

const dpkgSays = (a: string, op: 'lt' | 'eq' | 'gt', b: string): boolean => {
  try {
    execFileSync('dpkg', ['--compare-versions', a, op, b], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('Debian versions', () => {
  it('order every pair exactly as dpkg --compare-versions does', () => {
    for (const [a, b] of pairs) {
      if (!parseDebianVersion(a) || !parseDebianVersion(b)) continue; // 'a' is not a version: checked below
      const ours = Math.sign(compareVersionText(a, b)) || 0;
      const dpkg = dpkgSays(a, 'lt', b) ? -1 : dpkgSays(a, 'eq', b) ? 0 : 1;
      expect(ours, `${a} vs ${b}`).toBe(dpkg);
      expect(Math.sign(compareVersionText(b, a)) || 0, `${b} vs ${a}`).toBe(dpkg === 0 ? 0 : -dpkg);
    }
  });

  it('sort ~ before the end and the Cloud Archive build before the plain one', () => {
    expect(compareVersionText('1.0~rc1', '1.0')).toBeLessThan(0);
    expect(compareVersionText('12.13.0-0ubuntu1.2~cloud0', '12.13.0-0ubuntu1.2')).toBeLessThan(0);
    expect(compareVersionText('1:0.1', '9.9')).toBeGreaterThan(0);
  });

  it('split epoch, upstream and revision, and refuse what is not a version', () => {
    expect(parseDebianVersion('3:25.2.1-0ubuntu2.8')).toEqual({ epoch: 3, upstream: '25.2.1', revision: '0ubuntu2.8' });
    expect(parseDebianVersion('1.2-3-4')).toEqual({ epoch: 0, upstream: '1.2-3', revision: '4' });
    expect(parseDebianVersion('20.12.0')).toEqual({ epoch: 0, upstream: '20.12.0', revision: '' });
    for (const bad of ['', 'a', '1.0 2', 'x:1.0', '1.0-', '1:', "1.0'; rm -rf /", '9'.repeat(300), 'dpkg-query: no packages found matching x']) {
      expect(parseDebianVersion(bad), bad).toBeNull();
    }
    expect(() => compareVersionText('1.0', 'nope')).toThrow('not a Debian version: "nope"');
  });

  it('place a version in its release line at a component boundary', () => {
    expect(inReleaseLine('3:25.1.1-0ubuntu1', '3:25')).toBe(true);
    expect(inReleaseLine('3:250.1', '3:25')).toBe(false);
    expect(inReleaseLine('25.1.1', '3:25')).toBe(false);
    expect(inReleaseLine('12.13.0-0ubuntu1.2~cloud0', '12.13')).toBe(true);
    expect(inReleaseLine('12.130.0', '12.13')).toBe(false);
    expect(inReleaseLine('12.13', '12.13')).toBe(true);
  });
});
