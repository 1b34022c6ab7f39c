import { useCallback, useEffect, useState } from 'react';

/**
 * Where the app is lives in the URL hash, so a reload, a link from search or the cluster picture,
 * and the back button land in the same place:
 *
 *   #/                                   home
 *   #/cases/ID[/TAB][?focus=…&output=STEP&stream=stdout|stderr&find=…&line=N]
 *
 * One parser and one builder: every link is written by `routeHash` and read by `parseRoute`.
 */
export const caseTabs = ['timeline', 'findings', 'runs', 'terminals', 'runbooks', 'report'] as const;
export type CaseTab = (typeof caseTabs)[number];

/** A place inside a case. Without a tab the case chooses (its timeline once it has history). */
export interface CaseRoute {
  page: 'case';
  caseId: number;
  tab?: CaseTab;
  /** The run (runs tab) or finding (findings tab) to bring into view. */
  focus?: number;
  /** The step whose output the viewer shows, which of its streams, what to search for, at which line. */
  output?: number;
  stream?: 'stdout' | 'stderr';
  find?: string;
  line?: number;
}

/** Where to go within a tab: the focus, the output viewer and what it searches for. */
export type CasePlace = Omit<CaseRoute, 'page' | 'caseId' | 'tab'>;

export type Route = { page: 'home' } | CaseRoute;

const HOME = '#/';

/** Any hash (as `location.hash` gives it); what it does not name is home, a tab or field it does not know is left out. */
export function parseRoute(hash: string): Route {
  const m = /^#\/cases\/(\d+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(hash);
  if (!m) return { page: 'home' };
  const q = new URLSearchParams(m[3] ?? '');
  const positive = (name: string): number | undefined => {
    const v = q.get(name) ?? '';
    return /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined;
  };
  const tab = caseTabs.find((x) => x === m[2]);
  const stream = q.get('stream');
  return {
    page: 'case',
    caseId: Number(m[1]),
    tab,
    focus: positive('focus'),
    output: positive('output'),
    stream: stream === 'stdout' || stream === 'stderr' ? stream : undefined,
    find: q.get('find') || undefined,
    line: positive('line'),
  };
}

/** The hash for a route; fields left undefined or empty are not written. */
export function routeHash(route: Route): string {
  if (route.page === 'home') return HOME;
  const q = new URLSearchParams();
  // A fixed order, so one place always has one address.
  for (const name of ['focus', 'output', 'stream', 'find', 'line'] as const) {
    const v = route[name];
    if (v !== undefined && v !== '') q.set(name, String(v));
  }
  const query = q.toString();
  return `#/cases/${route.caseId}${route.tab ? `/${route.tab}` : ''}${query ? `?${query}` : ''}`;
}

/** The route the address shows, kept current as the hash changes; `go` changes it (a history entry, as a link would). */
export function useRoute(): [Route, (to: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  // The same place parsed again keeps its object, so nothing re-renders for it.
  const follow = useCallback((): void => {
    const now = parseRoute(location.hash);
    setRoute((was) => (routeHash(was) === routeHash(now) ? was : now));
  }, []);
  useEffect(() => {
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [follow]);
  const go = useCallback(
    (to: Route): void => {
      location.hash = routeHash(to);
      // Setting the hash it already has fires no hashchange; the state follows all the same.
      follow();
    },
    [follow],
  );
  return [route, go];
}
