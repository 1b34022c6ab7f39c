import { useCallback, useEffect, useState } from 'react';

/**
 * Where the app is lives in the URL hash, so a reload, a link from search or the cluster picture,
 * and the back button land in the same place:
 *
 *   #/                                   home
 *   #/nodes/ID                           a node: its services, findings, runs, a terminal to it
 *   #/clusters/ID/settings               a cluster's profile, connection, host-key and sudo settings
 *   #/cases/ID[/TAB][?focus=…&output=STEP&stream=stdout|stderr&find=…&line=N&terminal=NODE]
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
  /** Terminals tab: open a terminal to this node (from the node view); dropped from the address once opened. */
  terminal?: number;
}

/** Where to go within a tab: the focus, the output viewer and what it searches for. */
export type CasePlace = Omit<CaseRoute, 'page' | 'caseId' | 'tab'>;

export interface NodeRoute {
  page: 'node';
  nodeId: number;
}

export interface ClusterSettingsRoute {
  page: 'cluster-settings';
  clusterId: number;
}

export type Route = { page: 'home' } | NodeRoute | ClusterSettingsRoute | CaseRoute;

const HOME = '#/';
/** What the viewer is asked to search for stays a short fragment: a whole evidence line is no address. */
export const FIND_MAX = 80;

/** Any hash (as `location.hash` gives it); what it does not name is home, a tab or field it does not know is left out. */
export function parseRoute(hash: string): Route {
  const node = /^#\/nodes\/(\d+)$/.exec(hash);
  if (node && Number(node[1]) > 0) return { page: 'node', nodeId: Number(node[1]) };
  const settings = /^#\/clusters\/(\d+)\/settings$/.exec(hash);
  if (settings && Number(settings[1]) > 0) return { page: 'cluster-settings', clusterId: Number(settings[1]) };
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
    find: q.get('find')?.slice(0, FIND_MAX) || undefined,
    line: positive('line'),
    terminal: positive('terminal'),
  };
}

/** The hash for a route; fields left undefined or empty are not written. */
export function routeHash(route: Route): string {
  if (route.page === 'home') return HOME;
  if (route.page === 'node') return `#/nodes/${route.nodeId}`;
  if (route.page === 'cluster-settings') return `#/clusters/${route.clusterId}/settings`;
  const q = new URLSearchParams();
  // A fixed order, so one place always has one address.
  for (const name of ['focus', 'output', 'stream', 'find', 'line', 'terminal'] as const) {
    const v = name === 'find' ? route.find?.slice(0, FIND_MAX) : route[name];
    if (v !== undefined && v !== '') q.set(name, String(v));
  }
  const query = q.toString();
  return `#/cases/${route.caseId}${route.tab ? `/${route.tab}` : ''}${query ? `?${query}` : ''}`;
}

/**
 * The route the address shows, kept current as the hash changes; `go` changes it (a history entry,
 * as a link would; `replace` rewrites the current entry instead, e.g. to drop a one-time request).
 */
export function useRoute(): [Route, (to: Route, how?: { replace?: boolean }) => void] {
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
    (to: Route, how: { replace?: boolean } = {}): void => {
      if (how.replace) history.replaceState(history.state, '', routeHash(to));
      else location.hash = routeHash(to);
      // Setting the hash it already has fires no hashchange; the state follows all the same.
      follow();
    },
    [follow],
  );
  return [route, go];
}
