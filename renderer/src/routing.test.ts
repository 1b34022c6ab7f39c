import { describe, expect, it } from 'vitest';
import { caseTabs, FIND_MAX, parseRoute, routeHash, type Route } from './routing.js';

describe('routing: one parser, one builder for the URL hash', () => {
  it('reads back every route it writes, and writes back every address it reads', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'case', caseId: 7 },
      ...caseTabs.map((tab): Route => ({ page: 'case', caseId: 12, tab })),
      { page: 'case', caseId: 3, tab: 'runs', focus: 41 },
      { page: 'case', caseId: 3, tab: 'findings', focus: 9 },
      { page: 'case', caseId: 3, tab: 'runs', focus: 41, output: 118, stream: 'stderr', find: 'No valid host', line: 2048 },
      { page: 'case', caseId: 3, output: 118, stream: 'stdout' },
      { page: 'node', nodeId: 4 },
      { page: 'cluster-settings', clusterId: 2 },
      { page: 'case', caseId: 3, tab: 'terminals', terminal: 4 },
    ];
    for (const route of routes) {
      const hash = routeHash(route);
      expect(parseRoute(hash), hash).toEqual(route);
      expect(routeHash(parseRoute(hash))).toBe(hash);
    }
  });

  it('writes the addresses the app has always linked to (bookmarks keep working)', () => {
    expect(routeHash({ page: 'home' })).toBe('#/');
    expect(routeHash({ page: 'case', caseId: 5 })).toBe('#/cases/5');
    expect(routeHash({ page: 'case', caseId: 5, tab: 'findings', focus: 8 })).toBe('#/cases/5/findings?focus=8');
    expect(routeHash({ page: 'case', caseId: 5, tab: 'runs', focus: 2, output: 30, stream: 'stderr', find: 'oom', line: 12 })).toBe(
      '#/cases/5/runs?focus=2&output=30&stream=stderr&find=oom&line=12',
    );
    // Unset and empty fields are left out rather than written empty.
    expect(routeHash({ page: 'case', caseId: 5, tab: 'runs', focus: undefined, find: '' })).toBe('#/cases/5/runs');
  });

  it('encodes what is searched for and reads it back exactly', () => {
    for (const find of ['a b', 'x&focus=99', '100%', 'name=value#frag', '노드 장애', "o'brien; touch /tmp/x", '?/+', ' leading and trailing ']) {
      const hash = routeHash({ page: 'case', caseId: 4, tab: 'runs', output: 6, find });
      // No raw space or second #, and no field smuggled in by what was typed.
      expect(hash.slice(1), hash).not.toMatch(/[ #]/);
      expect([...new URLSearchParams(hash.split('?')[1]).keys()], hash).toEqual(['output', 'find']);
      const back = parseRoute(hash);
      expect(back, hash).toEqual({ page: 'case', caseId: 4, tab: 'runs', output: 6, find });
    }
    // As a browser may hand it over: percent-encoded, or with + for a space.
    expect(parseRoute('#/cases/4/runs?find=no%20valid%20host')).toEqual({ page: 'case', caseId: 4, tab: 'runs', find: 'no valid host' });
    expect(parseRoute('#/cases/4/runs?find=no+valid+host')).toEqual({ page: 'case', caseId: 4, tab: 'runs', find: 'no valid host' });
  });

  it('a node has its own address; what searches for a whole evidence line is cut to a fragment', () => {
    expect(routeHash({ page: 'node', nodeId: 12 })).toBe('#/nodes/12');
    expect(routeHash({ page: 'case', caseId: 5, tab: 'terminals', terminal: 12 })).toBe('#/cases/5/terminals?terminal=12');
    const line = JSON.stringify({ id: 'a6f1c1d2-4a4e-4b4e-9e0e-2f1c8d7e6b5a', reason: 'x'.repeat(700) });
    const hash = routeHash({ page: 'case', caseId: 5, output: 9, find: line });
    expect(decodeURIComponent(hash).length).toBeLessThan(140);
    const back = parseRoute(`#/cases/5?output=9&find=${encodeURIComponent(line)}`);
    expect(back.page === 'case' && back.find?.length).toBe(FIND_MAX);
  });

  it('takes anything it does not know as home', () => {
    for (const hash of ['', '#', '#/', '#/settings', '#/cases', '#/cases/', '#/cases/abc', '#/cases/-1', '#cases/5', '/cases/5', '#/case/5', '#/cases/5x', '#/nodes', '#/nodes/0', '#/nodes/x', '#/nodes/3/edit', '#/nodes/-3', '#/clusters/0/settings', '#/clusters/2', '#/clusters/2/settings/x', '#/clusters/x/settings', '#/clusters/-2/settings']) {
      expect(parseRoute(hash), JSON.stringify(hash)).toEqual({ page: 'home' });
    }
  });

  it('keeps the case when a tab or field is unknown, and leaves that part out', () => {
    expect(parseRoute('#/cases/5/settings')).toEqual({ page: 'case', caseId: 5 });
    expect(parseRoute('#/cases/5/Runs')).toEqual({ page: 'case', caseId: 5 });
    expect(parseRoute('#/cases/5/runs/extra')).toEqual({ page: 'case', caseId: 5 });
    expect(parseRoute('#/cases/5/')).toEqual({ page: 'case', caseId: 5 });
    expect(parseRoute('#/cases/5?focus=3')).toEqual({ page: 'case', caseId: 5, focus: 3 });
    expect(parseRoute('#/cases/5/runs?focus=three&output=-2&line=0&stream=both&find=&colour=red')).toEqual({ page: 'case', caseId: 5, tab: 'runs' });
    expect(parseRoute('#/cases/5/runs?output=1.5&line=1e3')).toEqual({ page: 'case', caseId: 5, tab: 'runs' });
  });
});
