/**
 * A large output held as the pages it arrived in (never one 50 MB string), with line starts
 * found incrementally: `indexSome` does a bounded amount of work and returns, so the caller can
 * spread indexing over many short tasks and the window keeps answering.
 */
export class TextStore {
  private readonly pages: string[] = [];
  private readonly pageStarts: number[] = [];
  private size = 0;
  private starts = new Uint32Array(1024);
  private count = 1; // line 0 starts at 0
  private scanPage = 0;
  private scanAt = 0;
  /** The longest line seen so far (characters), for the horizontal extent. */
  longestLine = 0;
  /** No more text will arrive. */
  complete = false;

  get length(): number {
    return this.size;
  }

  append(text: string): void {
    if (!text) return;
    this.pageStarts.push(this.size);
    this.pages.push(text);
    this.size += text.length;
  }

  /** Every line start up to what has arrived is known. */
  get indexed(): boolean {
    return this.scanPage >= this.pages.length;
  }

  /**
   * Find line starts for at most `budgetMs` (checked every few thousand lines).
   * @returns true when everything that has arrived is indexed.
   */
  indexSome(budgetMs = 8, now: () => number = () => performance.now()): boolean {
    const t0 = now();
    let n = 0;
    while (this.scanPage < this.pages.length) {
      const page = this.pages[this.scanPage] ?? '';
      const base = this.pageStarts[this.scanPage] ?? 0;
      const nl = page.indexOf('\n', this.scanAt);
      if (nl < 0) {
        this.scanPage++;
        this.scanAt = 0;
        continue;
      }
      this.push(base + nl + 1);
      this.scanAt = nl + 1;
      if (++n % 4096 === 0 && now() - t0 > budgetMs) return this.indexed;
    }
    return true;
  }

  private push(start: number): void {
    if (this.count === this.starts.length) {
      const bigger = new Uint32Array(this.starts.length * 2);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    const prev = this.starts[this.count - 1] ?? 0;
    this.longestLine = Math.max(this.longestLine, start - 1 - prev);
    this.starts[this.count++] = start;
  }

  /** Lines known so far; a final newline does not open an empty last line. */
  get lineCount(): number {
    const lastStart = this.starts[this.count - 1] ?? 0;
    return this.count > 1 && lastStart === this.size && this.indexed ? this.count - 1 : this.count;
  }

  lineStart(i: number): number {
    return this.starts[i] ?? this.size;
  }

  /** End of line i, without its newline (and without a \r before it). */
  lineEnd(i: number): number {
    const next = i + 1 < this.count ? (this.starts[i + 1] ?? this.size) - 1 : this.size;
    return next > this.lineStart(i) && this.charAt(next - 1) === '\r' ? next - 1 : next;
  }

  /** The line holding this offset (binary search over the starts found so far). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private pageOf(offset: number): number {
    let lo = 0;
    let hi = this.pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.pageStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  charAt(offset: number): string {
    const p = this.pageOf(offset);
    return (this.pages[p] ?? '').charAt(offset - (this.pageStarts[p] ?? 0));
  }

  /** Text between two offsets, across page boundaries. */
  slice(start: number, end: number): string {
    start = Math.max(0, start);
    end = Math.min(this.size, end);
    if (end <= start) return '';
    let p = this.pageOf(start);
    let out = '';
    while (p < this.pages.length && (this.pageStarts[p] ?? 0) < end) {
      const base = this.pageStarts[p] ?? 0;
      out += (this.pages[p] ?? '').slice(Math.max(0, start - base), end - base);
      p++;
    }
    return out;
  }

  line(i: number): string {
    return this.slice(this.lineStart(i), this.lineEnd(i));
  }

  /** Everything, for "copy all" (built only when asked). */
  all(): string {
    return this.pages.join('');
  }
}

/** Where a query occurs, found a window at a time so a 50 MB scan never blocks for long. */
export class TextSearch {
  readonly matches: number[] = [];
  private pos = 0;
  private capped = false;
  private readonly re: RegExp | null;

  constructor(
    private readonly store: TextStore,
    readonly query: string,
    readonly caseSensitive: boolean,
    private readonly maxMatches = 100_000,
    private readonly window = 256 * 1024,
  ) {
    const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.re = query && !caseSensitive ? new RegExp(escaped, 'giu') : null;
  }

  /** Stopped at the cap: there are more matches than listed. */
  get isCapped(): boolean {
    return this.capped;
  }

  /** How far a search can go now: a match may still be arriving across the end of the text. */
  private get horizon(): number {
    return this.store.complete ? this.store.length : Math.max(0, this.store.length - (this.query.length - 1));
  }

  /** Searched everything that has arrived so far. */
  get caughtUp(): boolean {
    return this.isCapped || !this.query || this.pos >= this.horizon;
  }

  /** Share of the text searched, 0–1. */
  get progress(): number {
    return this.store.length === 0 ? 1 : Math.min(1, this.pos / this.store.length);
  }

  /** Search for at most `budgetMs`; returns true when caught up with the text that has arrived. */
  searchSome(budgetMs = 8, now: () => number = () => performance.now()): boolean {
    const t0 = now();
    const q = this.query;
    while (!this.caughtUp) {
      // A match may start near the end of the window: read the query's length past it.
      const end = Math.min(this.horizon, this.pos + this.window);
      const text = this.store.slice(this.pos, Math.min(this.store.length, end + q.length - 1));
      const limit = end - this.pos;
      if (this.re) {
        this.re.lastIndex = 0;
        for (let m = this.re.exec(text); m && m.index < limit; m = this.re.exec(text)) {
          if (!this.add(this.pos + m.index)) break;
          if (m[0].length === 0) this.re.lastIndex++;
        }
      } else {
        for (let i = text.indexOf(q); i >= 0 && i < limit; i = text.indexOf(q, i + 1)) if (!this.add(this.pos + i)) break;
      }
      this.pos = end;
      if (now() - t0 > budgetMs) break;
    }
    return this.caughtUp;
  }

  private add(offset: number): boolean {
    if (this.matches.length >= this.maxMatches) {
      this.capped = true;
      return false;
    }
    this.matches.push(offset);
    return true;
  }

  /** Index of the first match at or after `offset` (matches.length when none). */
  firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.matches[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Wrapped rows: line i takes ceil(length / cols) rows. Row starts are summed a slice at a time;
 * lines not summed yet count as one row until they are.
 */
export class WrapIndex {
  private firstRow = new Float64Array(1024);
  private done = 0;

  constructor(
    private readonly store: TextStore,
    readonly cols: number,
  ) {}

  private rowsOf(line: number): number {
    return Math.max(1, Math.ceil((this.store.lineEnd(line) - this.store.lineStart(line)) / this.cols));
  }

  /** The last line may still grow while output arrives: it is never summed until the text is complete. */
  private get stable(): number {
    const n = this.store.lineCount;
    return this.store.complete && this.store.indexed ? n : Math.max(0, n - 1);
  }

  buildSome(budgetMs = 8, now: () => number = () => performance.now()): boolean {
    const t0 = now();
    const target = this.stable;
    if (this.firstRow.length < target + 1) {
      const bigger = new Float64Array(Math.max(target + 1, this.firstRow.length * 2));
      bigger.set(this.firstRow);
      this.firstRow = bigger;
    }
    while (this.done < target) {
      this.firstRow[this.done + 1] = (this.firstRow[this.done] ?? 0) + this.rowsOf(this.done);
      this.done++;
      if (this.done % 8192 === 0 && now() - t0 > budgetMs) break;
    }
    return this.built;
  }

  get built(): boolean {
    return this.done >= this.stable;
  }

  get rows(): number {
    let rows = this.firstRow[this.done] ?? 0;
    const n = this.store.lineCount;
    rows += n - this.done > 1000 ? n - this.done : this.tailRows(n);
    return rows;
  }

  private tailRows(n: number): number {
    let r = 0;
    for (let i = this.done; i < n; i++) r += this.rowsOf(i);
    return r;
  }

  /** First row of a line. */
  rowOf(line: number): number {
    if (line <= this.done) return this.firstRow[line] ?? 0;
    return (this.firstRow[this.done] ?? 0) + (line - this.done);
  }

  /** The line a row belongs to, and which of its rows it is. */
  lineOfRow(row: number): { line: number; segment: number } {
    const base = this.firstRow[this.done] ?? 0;
    if (row >= base) {
      let r = base;
      for (let i = this.done; i < this.store.lineCount; i++) {
        const n = this.store.lineCount - this.done > 1000 ? 1 : this.rowsOf(i);
        if (row < r + n) return { line: i, segment: row - r };
        r += n;
      }
      return { line: Math.max(0, this.store.lineCount - 1), segment: 0 };
    }
    let lo = 0;
    let hi = this.done - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.firstRow[mid] ?? 0) <= row) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, segment: row - (this.firstRow[lo] ?? 0) };
  }
}
