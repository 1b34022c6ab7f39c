import { Fragment, type ReactNode } from 'react';
import type { TextSearch, TextStore, WrapIndex } from './text-store.js';

export const LINE_HEIGHT = 18;
/** Browsers cap an element's height (Chromium near 33 M px); beyond this the scroll range is scaled. */
export const MAX_SCROLL_PX = 10_000_000;
/** A row shows at most this much of an unwrapped line; wrapping shows all of it. */
export const MAX_ROW_CHARS = 2000;

export interface Geometry {
  rows: number;
  /** Height of the scrollable content. */
  contentPx: number;
  /** Virtual pixels per scrolled pixel (1 unless the content is taller than MAX_SCROLL_PX). */
  scale: number;
  firstRow: number;
  /** Where the first rendered row starts, relative to the content top. */
  layerTop: number;
  count: number;
}

export function geometry(rows: number, scrollTop: number, viewH: number): Geometry {
  const totalPx = rows * LINE_HEIGHT;
  const contentPx = Math.min(totalPx, MAX_SCROLL_PX);
  const scale = totalPx > contentPx && contentPx > viewH ? (totalPx - viewH) / (contentPx - viewH) : 1;
  const virtualTop = scrollTop * scale;
  const firstRow = Math.max(0, Math.floor(virtualTop / LINE_HEIGHT));
  return {
    rows,
    contentPx,
    scale,
    firstRow,
    layerTop: scrollTop - (virtualTop - firstRow * LINE_HEIGHT),
    count: Math.min(rows - firstRow, Math.ceil(viewH / LINE_HEIGHT) + 2),
  };
}

/** The scrollTop that puts `row` a third of the way down the view. */
export function scrollTopFor(row: number, viewH: number, g: Pick<Geometry, 'scale'>): number {
  return Math.max(0, (row * LINE_HEIGHT - viewH / 3) / g.scale);
}

/** Text of one row with the search hits marked; the current hit stands out. */
function marked(text: string, start: number, search: TextSearch | null, current: number | null): ReactNode {
  if (!search || !search.query || search.matches.length === 0) return text;
  const q = search.query.length;
  const end = start + text.length;
  const parts: ReactNode[] = [];
  let at = start;
  for (let i = search.firstAtOrAfter(start - q + 1); i < search.matches.length; i++) {
    const m = search.matches[i] ?? 0;
    if (m >= end) break;
    const a = Math.max(m, start);
    const b = Math.min(m + q, end);
    if (a > at) parts.push(text.slice(at - start, a - start));
    parts.push(
      <mark key={i} className={i === current ? 'current' : undefined} data-match={i}>
        {text.slice(a - start, b - start)}
      </mark>,
    );
    at = b;
  }
  if (at < end) parts.push(text.slice(at - start));
  return parts.map((p, i) => <Fragment key={i}>{p}</Fragment>);
}

export interface RowsProps {
  store: TextStore;
  wrap: WrapIndex | null;
  search: TextSearch | null;
  current: number | null;
  g: Geometry;
  gutterChars: number;
  selection: { from: number; to: number } | null;
  onLineClick: (line: number, extend: boolean) => void;
  moreChars: (n: number) => string;
}

/** Only the rows in view are in the DOM; a 50 MB output renders like a 50-line one. */
export function OutputRows(p: RowsProps) {
  const rows: ReactNode[] = [];
  for (let r = p.g.firstRow; r < p.g.firstRow + p.g.count; r++) {
    let line: number;
    let start: number;
    let end: number;
    let segment = 0;
    if (p.wrap) {
      ({ line, segment } = p.wrap.lineOfRow(r));
      const lineStart = p.store.lineStart(line);
      start = lineStart + segment * p.wrap.cols;
      end = Math.min(p.store.lineEnd(line), start + p.wrap.cols);
    } else {
      line = r;
      start = p.store.lineStart(line);
      end = p.store.lineEnd(line);
    }
    const cut = !p.wrap && end - start > MAX_ROW_CHARS ? end - start - MAX_ROW_CHARS : 0;
    const text = p.store.slice(start, cut ? start + MAX_ROW_CHARS : end);
    const selected = p.selection !== null && line >= p.selection.from && line <= p.selection.to;
    rows.push(
      <div key={r} className={`row${selected ? ' selected' : ''}`} data-line={line + 1}>
        <span
          className="ln"
          style={{ width: `${p.gutterChars + 1}ch` }}
          onMouseDown={(e) => {
            e.preventDefault(); // a click on the number selects lines, not text
            p.onLineClick(line, e.shiftKey);
          }}
        >
          {segment === 0 ? line + 1 : '↪'}
        </span>
        <span className="tx">
          {marked(text, start, p.search, p.current)}
          {cut > 0 && <span className="more">{p.moreChars(cut)}</span>}
        </span>
      </div>,
    );
  }
  return (
    <div className="rows" style={{ transform: `translateY(${p.g.layerTop}px)` }}>
      {rows}
    </div>
  );
}
