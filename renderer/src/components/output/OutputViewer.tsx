import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { OutputPage } from '../../../../main/contract/types.js';
import { errorText, formatDuration, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { formatSize } from '../case/Bits.js';
import { copyToClipboard, FindBar } from './FindBar.js';
import { geometry, LINE_HEIGHT, MAX_ROW_CHARS, OutputRows, scrollTopFor } from './OutputRows.js';
import { TextSearch, TextStore, WrapIndex } from './text-store.js';

/** Characters per request: well under the transports' message limits, small enough to parse in a few ms. */
const PAGE_CHARS = 1024 * 1024;
/** Work per slice of the background loop; the window answers between slices. */
const SLICE_MS = 10;

type Stream = 'stdout' | 'stderr';

/**
 * A step's full output: fetched in pages, lines indexed and searched in short slices, only the
 * rows in view rendered. 50 MB scrolls and searches without freezing the window.
 */
export function OutputViewer(props: { stepId: number; stream: Stream; find?: string; line?: number; onStream: (s: Stream) => void; onClose: () => void }) {
  const { api } = useApp();
  const { t } = useLang();
  const dialog = useRef<HTMLDialogElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const store = useRef(new TextStore());
  const wrapIndex = useRef<WrapIndex | null>(null);
  const search = useRef<TextSearch | null>(null);
  /** Go to the first match at or after this offset as soon as the search finds one. */
  const pendingJump = useRef<number | null>(props.find && !props.line ? 0 : null);
  /** A search hit's line (1-based): the jump starts there once the lines up to it are indexed. */
  const pendingLine = useRef<number | null>(props.find && props.line ? props.line : null);
  const busy = useRef(false);
  const frame = useRef(0);
  const [, setVersion] = useState(0);
  const [meta, setMeta] = useState<OutputPage['step'] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [view, setView] = useState({ w: 800, h: 400 });
  const [charW, setCharW] = useState(7.5);
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState(props.find ?? '');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [selection, setSelection] = useState<{ anchor: number; from: number; to: number } | null>(null);
  const [notice, setNotice] = useState('');

  const render = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setVersion((v) => v + 1);
    });
  }, []);

  // One background loop for indexing, wrapping and searching, in slices of SLICE_MS.
  const kick = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    const tick = (): void => {
      const deadline = performance.now() + SLICE_MS;
      const left = (): number => Math.max(1, deadline - performance.now());
      let more = !store.current.indexSome(left());
      if (wrapIndex.current && !wrapIndex.current.buildSome(left())) more = true;
      const s = search.current;
      if (s && !s.searchSome(left())) more = true;
      const line = pendingLine.current;
      if (line !== null && (store.current.lineCount > line || (store.current.complete && store.current.indexed))) {
        pendingLine.current = null;
        pendingJump.current = store.current.lineStart(Math.max(0, Math.min(line, store.current.lineCount) - 1));
      }
      if (s && pendingJump.current !== null) {
        const i = s.firstAtOrAfter(pendingJump.current);
        if (i < s.matches.length || (s.caughtUp && store.current.complete && s.matches.length > 0)) {
          pendingJump.current = null;
          setCurrent(i < s.matches.length ? i : 0);
        }
      }
      render();
      if (more) setTimeout(tick, 0);
      else busy.current = false;
    };
    setTimeout(tick, 0);
  }, [render]);

  // Fetch the output page by page.
  useEffect(() => {
    let alive = true;
    store.current = new TextStore();
    wrapIndex.current = null;
    search.current = null;
    setCurrent(null);
    setSelection(null);
    setError('');
    setTotal(0);
    (async () => {
      let offset = 0;
      for (;;) {
        const page = await api['steps.output']({ stepId: props.stepId, stream: props.stream, offset, length: PAGE_CHARS });
        if (!alive) return;
        if (offset === 0) setMeta(page.step);
        store.current.append(page.text);
        offset = page.nextOffset;
        setTotal(page.total);
        if (offset >= page.total) {
          store.current.complete = page.complete;
          kick();
          render();
          return;
        }
        kick();
      }
    })().catch((err: unknown) => alive && setError(errorText(err)));
    return () => {
      alive = false;
    };
  }, [api, props.stepId, props.stream, reloads, kick, render]);

  // The search follows the query (debounced) over whatever has arrived, and keeps up as more does;
  // like find-in-page, it goes to the first hit from the top of the view.
  const viewTop = useRef(0);
  const firstSearch = useRef(true);
  useEffect(() => {
    const timer = setTimeout(() => {
      search.current = query ? new TextSearch(store.current, query, caseSensitive) : null;
      setCurrent(null);
      if (!firstSearch.current) pendingJump.current = query ? viewTop.current : null;
      firstSearch.current = false;
      kick();
      render();
    }, 150);
    return () => clearTimeout(timer);
  }, [query, caseSensitive, reloads, props.stepId, props.stream, kick, render]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  // Size of the view and of one monospace character (rows and wrap columns are computed from them).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const probe = document.createElement('span');
    probe.className = 'viewer-probe';
    probe.textContent = 'x'.repeat(100);
    el.append(probe);
    setCharW(probe.getBoundingClientRect().width / 100 || 7.5);
    probe.remove();
    const ro = new ResizeObserver(() => setView({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const s = store.current;
  const gutterChars = Math.max(4, String(s.lineCount).length);
  const cols = Math.max(20, Math.floor((view.w - (gutterChars + 2) * charW - 24) / charW));
  useEffect(() => {
    wrapIndex.current = wrap ? new WrapIndex(store.current, cols) : null;
    kick();
    render();
  }, [wrap, cols, reloads, props.stepId, props.stream, kick, render]);

  const w = wrapIndex.current;
  const rows = w ? w.rows : s.lineCount;
  const g = geometry(rows, scrollTop, view.h);

  const rowOfOffset = useCallback(
    (offset: number): number => {
      const line = store.current.lineOf(offset);
      const wi = wrapIndex.current;
      return wi ? wi.rowOf(line) + Math.floor((offset - store.current.lineStart(line)) / wi.cols) : line;
    },
    [],
  );

  // Bring the current match into view (horizontally too when lines are not wrapped).
  useEffect(() => {
    const m = current === null ? undefined : search.current?.matches[current];
    const el = scroller.current;
    if (m === undefined || !el) return;
    const column = m - store.current.lineStart(store.current.lineOf(m));
    if (!wrapIndex.current && column > MAX_ROW_CHARS - 100) {
      setWrap(true); // the hit is past what an unwrapped row shows
      return;
    }
    const g2 = geometry(wrapIndex.current ? wrapIndex.current.rows : store.current.lineCount, el.scrollTop, el.clientHeight);
    el.scrollTop = scrollTopFor(rowOfOffset(m), el.clientHeight, g2);
    if (!wrapIndex.current) {
      const x = (gutterChars + 2 + column) * charW;
      if (x < el.scrollLeft + 40 || x > el.scrollLeft + el.clientWidth - 80) el.scrollLeft = Math.max(0, x - el.clientWidth / 3);
    }
    setScrollTop(el.scrollTop);
  }, [current, wrap, rowOfOffset, gutterChars, charW]);

  const sr = search.current;
  viewTop.current = g.rows > 0 ? s.lineStart(w ? w.lineOfRow(g.firstRow).line : g.firstRow) : 0;
  const go = (dir: 1 | -1): void => {
    if (!sr || !sr.query) return;
    const n = sr.matches.length;
    if (n === 0) {
      pendingJump.current = viewTop.current;
      kick();
      return;
    }
    if (current === null) {
      // From the top of the view.
      const i = sr.firstAtOrAfter(viewTop.current);
      setCurrent(dir === 1 ? (i < n ? i : 0) : i > 0 ? i - 1 : n - 1);
      return;
    }
    const next = current + dir;
    if (next >= n) setCurrent(sr.caughtUp ? 0 : current);
    else setCurrent(next < 0 ? n - 1 : next);
  };

  const selectedText = (): string => {
    if (selection) return s.slice(s.lineStart(selection.from), s.lineEnd(selection.to));
    const native = window.getSelection();
    return native && scroller.current?.contains(native.anchorNode) ? native.toString() : '';
  };
  const copy = (text: string, what: string): void => {
    copyToClipboard(text).then(
      () => setNotice(t('cases.viewer.copied', { what, size: formatSize(text.length) })),
      (err: unknown) => setNotice(t('cases.viewer.copyFailed', { error: errorText(err) })),
    );
  };

  const loaded = s.length;
  const loading = loaded < total || (total === 0 && !s.complete && !error && meta === null);
  const status = [
    loading ? t('cases.viewer.loading', { done: formatSize(loaded), total: formatSize(total) }) : t('cases.viewer.size', { size: formatSize(loaded) }),
    t('cases.viewer.lines', { n: s.lineCount.toLocaleString() }),
    !s.indexed ? t('cases.viewer.indexing') : '',
    w && !w.built ? t('cases.viewer.wrapping') : '',
  ].filter(Boolean);

  const title = meta ? t('cases.viewer.title', { step: meta.stepKey, node: meta.nodeName }) : t('common.loading');
  return (
    <dialog
      ref={dialog}
      className="viewer"
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'f') {
          e.preventDefault();
          (e.currentTarget.querySelector('input[type=search]') as HTMLInputElement | null)?.focus();
        }
        if ((e.ctrlKey || e.metaKey) && e.key === 'c' && selection && !window.getSelection()?.toString()) copy(selectedText(), t('cases.viewer.selection'));
      }}
    >
      <header className="viewer-head">
        <h2>{title}</h2>
        {meta && (
          <span className="viewer-meta">
            <code title={meta.command}>{meta.command}</code>
            <span className={`state ${meta.state}`}>{meta.state}</span>
            {meta.exitCode !== null && <span className="exit">exit {meta.exitCode}</span>}
            <span className="hint">{formatDuration(meta.durationMs)}</span>
          </span>
        )}
        <button type="button" className="close" onClick={props.onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </header>
      <div className="viewer-bar">
        <div className="seg" role="tablist" aria-label={t('cases.viewer.stream')}>
          {(['stdout', 'stderr'] as const).map((st) => (
            <button key={st} type="button" role="tab" aria-selected={props.stream === st} className={props.stream === st ? 'on' : ''} onClick={() => props.onStream(st)}>
              {st} <span className="hint">{meta ? formatSize(st === 'stdout' ? meta.stdoutChars : meta.stderrChars) : ''}</span>
            </button>
          ))}
        </div>
        <FindBar
          query={query}
          onQuery={setQuery}
          caseSensitive={caseSensitive}
          onCaseSensitive={setCaseSensitive}
          onGo={go}
          count={
            sr && sr.query
              ? sr.matches.length === 0
                ? sr.caughtUp && !loading
                  ? t('cases.viewer.noMatch')
                  : t('cases.viewer.searching', { pct: Math.round(sr.progress * 100) })
                : t('cases.viewer.matchOf', {
                    i: current === null ? '–' : (current + 1).toLocaleString(),
                    n: `${sr.matches.length.toLocaleString()}${sr.isCapped ? '+' : ''}${!sr.caughtUp || loading ? '…' : ''}`,
                  })
              : ''
          }
        />
        <label className="inline small" title={t('cases.viewer.wrapHint')}>
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
          {t('cases.viewer.wrap')}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => scroller.current?.scrollTo({ top: 0 })}>
          {t('cases.viewer.top')}
        </button>
        <button type="button" onClick={() => scroller.current?.scrollTo({ top: scroller.current.scrollHeight })}>
          {t('cases.viewer.end')}
        </button>
        <button type="button" onClick={() => copy(selectedText(), t('cases.viewer.selection'))} title={t('cases.viewer.copySelectionHint')}>
          {selection ? t('cases.viewer.copyLines', { from: selection.from + 1, to: selection.to + 1 }) : t('cases.viewer.copySelection')}
        </button>
        <button type="button" disabled={loading} onClick={() => copy(s.all(), t('cases.viewer.everything'))}>
          {t('cases.viewer.copyAll')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div
        ref={scroller}
        className={`viewer-scroll${wrap ? ' wrapped' : ''}`}
        data-testid="viewer-scroll"
        tabIndex={0}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div
          className="viewer-content"
          style={{ height: `${Math.max(g.contentPx, LINE_HEIGHT)}px`, width: wrap ? undefined : `${(gutterChars + 2 + Math.min(s.longestLine, MAX_ROW_CHARS) + 4) * charW}px` }}
        >
          <OutputRows
            store={s}
            wrap={w}
            search={sr}
            current={current}
            g={g}
            gutterChars={gutterChars}
            selection={selection}
            moreChars={(n) => t('cases.viewer.more', { n: n.toLocaleString() })}
            onLineClick={(line, extend) =>
              setSelection((sel) => {
                if (extend && sel) return { anchor: sel.anchor, from: Math.min(sel.anchor, line), to: Math.max(sel.anchor, line) };
                return sel && !extend && sel.from === line && sel.to === line ? null : { anchor: line, from: line, to: line };
              })
            }
          />
        </div>
        {!loading && loaded === 0 && !error && <p className="hint empty">{t('cases.viewer.empty')}</p>}
      </div>
      <footer className="viewer-status" data-testid="viewer-status" data-loaded={!loading && s.indexed ? 'true' : 'false'}>
        <span>{status.join(' · ')}</span>
        {wrap && <span className="hint">{t('cases.viewer.wrappedAt', { cols })}</span>}
        {!wrap && s.longestLine > MAX_ROW_CHARS && <span className="hint">{t('cases.viewer.longLines', { n: MAX_ROW_CHARS.toLocaleString() })}</span>}
        {g.scale > 1 && <span className="hint">{t('cases.viewer.scaled')}</span>}
        {meta && !loading && !s.complete && (
          <button type="button" className="small" onClick={() => setReloads((r) => r + 1)}>
            {t('cases.viewer.stillRunning')}
          </button>
        )}
        {notice && <span role="status">{notice}</span>}
      </footer>
    </dialog>
  );
}
