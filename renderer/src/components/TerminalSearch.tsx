import { useState, type RefObject } from 'react';
import type { SearchAddon } from '@xterm/addon-search';
import { useLang } from '../i18n/index.js';

/** Find in the scrollback: Enter for the next match, Shift+Enter for the previous, Escape back to the terminal. */
export function TerminalSearch(props: { search: SearchAddon; inputRef: RefObject<HTMLInputElement | null>; onDone: () => void }) {
  const { t } = useLang();
  const [query, setQuery] = useState('');
  const [missed, setMissed] = useState(false);
  const find = (backwards: boolean): void => {
    if (!query) return;
    setMissed(!(backwards ? props.search.findPrevious(query) : props.search.findNext(query)));
  };
  return (
    <span className="term-search">
      <input
        ref={props.inputRef}
        type="search"
        aria-label={t('terminal.search')}
        placeholder={t('terminal.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setMissed(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find(e.shiftKey);
          } else if (e.key === 'Escape') {
            props.search.clearDecorations();
            props.onDone();
          }
        }}
      />
      <button type="button" className="small" aria-label={t('terminal.searchPrev')} title={t('terminal.searchPrev')} onClick={() => find(true)}>
        ↑
      </button>
      <button type="button" className="small" aria-label={t('terminal.searchNext')} title={t('terminal.searchNext')} onClick={() => find(false)}>
        ↓
      </button>
      {missed && <span className="hint">{t('terminal.noMatch')}</span>}
    </span>
  );
}
