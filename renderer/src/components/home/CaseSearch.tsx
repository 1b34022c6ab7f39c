import { useEffect, useState } from 'react';
import type { CaseSearchHit } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { routeHash } from '../../routing.js';
import { Highlighted, TimeAgo } from '../case/Bits.js';

/** Where a hit leads: the output viewer on that step at the hit's line (searching for the hit), the finding, the note. */
function hitHref(h: CaseSearchHit): string {
  switch (h.where) {
    case 'output': {
      const marked = /\u0002([^\u0003]*)\u0003/.exec(h.snippet)?.[1] ?? '';
      return routeHash({ page: 'case', caseId: h.caseId, tab: 'runs', focus: h.runId ?? undefined, output: h.stepId ?? undefined, stream: h.stream ?? undefined, find: marked, line: h.line ?? undefined });
    }
    case 'finding':
      return routeHash({ page: 'case', caseId: h.caseId, tab: 'findings', focus: h.findingId ?? undefined });
    case 'note':
      return routeHash({ page: 'case', caseId: h.caseId, tab: 'timeline' });
    default:
      return routeHash({ page: 'case', caseId: h.caseId });
  }
}

/** "Have we seen this before?": one box over every case's titles, notes, findings and command output. */
export function CaseSearch() {
  const { api } = useApp();
  const { t } = useLang();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CaseSearchHit[] | null>(null);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      setSearched('');
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      api['cases.search']({ query: q.slice(0, 500), limit: 60, asYouType: true }).then(
        (r) => {
          if (!alive) return;
          setHits(r);
          setSearched(q);
          setError('');
        },
        (err: unknown) => alive && setError(errorText(err)),
      );
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const groups: Array<{ first: CaseSearchHit; hits: CaseSearchHit[] }> = [];
  for (const h of hits ?? []) {
    const g = groups.find((x) => x.first.caseId === h.caseId);
    if (g) g.hits.push(h);
    else groups.push({ first: h, hits: [h] });
  }

  const where = (h: CaseSearchHit): string => {
    switch (h.where) {
      case 'output':
        return t('cases.search.inOutput', { stream: h.stream ?? 'stdout', node: h.nodeName ?? '?', line: h.line ?? '?' });
      case 'finding':
        return t('cases.search.inFinding', { node: h.nodeName ?? '—' });
      case 'note':
        return t('cases.search.inNote', { author: h.author ?? t('cases.someone') });
      default:
        return t('cases.search.inTitle');
    }
  };

  return (
    <section className="case-search" aria-label={t('cases.search.label')}>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <input type="search" aria-label={t('cases.search.label')} placeholder={t('cases.search.placeholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {hits !== null && (
        <div className="search-results" data-testid="search-results" aria-live="polite">
          <p className="hint">{groups.length === 0 ? t('cases.search.none', { query: searched }) : t('cases.search.count', { cases: groups.length, hits: hits.length })}</p>
          <ol>
            {groups.map((g) => (
              <li key={g.first.caseId} className="search-case" data-testid="search-case">
                <a className="search-case-head" href={routeHash({ page: 'case', caseId: g.first.caseId })}>
                  <span className={`sev ${g.first.caseSeverity}`}>{t(`common.${g.first.caseSeverity}`)}</span>
                  <strong>
                    #{g.first.caseId} {g.first.caseTitle}
                  </strong>
                  <span className={`status-tag ${g.first.caseStatus}`}>{t(`cases.status.${g.first.caseStatus}`)}</span>
                  <span className="hint">
                    {t('cases.meta.opened')} <TimeAgo iso={g.first.openedAt} />
                  </span>
                </a>
                <ul>
                  {g.hits.slice(0, 5).map((h, i) => (
                    <li key={i} className="search-hit" data-testid="search-hit" data-where={h.where}>
                      <a href={hitHref(h)}>
                        <span className="where">{where(h)}</span>
                        {h.step && <code className="cmd">{h.step}</code>}
                        {h.command && <code className="cmd">$ {h.command.length > 120 ? `${h.command.slice(0, 120)}…` : h.command}</code>}
                        <span className="hint">
                          <TimeAgo iso={h.at} />
                        </span>
                      </a>
                      <pre className="snippet">
                        <Highlighted text={h.snippet} />
                      </pre>
                    </li>
                  ))}
                  {g.hits.length > 5 && <li className="hint">{t('cases.search.moreHits', { n: g.hits.length - 5 })}</li>}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
