/**
 * A small JSON parser that remembers on which output line every value starts, so a finding can
 * quote the exact `"reason": "CrashLoopBackOff"` line kubectl printed instead of a paraphrase.
 */

export type JNode =
  | { kind: 'object'; line: number; entries: Map<string, JNode> }
  | { kind: 'array'; line: number; items: JNode[] }
  | { kind: 'value'; line: number; value: string | number | boolean | null };

class Parser {
  private i = 0;
  private line: number;

  constructor(
    private readonly text: string,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  parse(): JNode {
    const node = this.value();
    this.ws();
    if (this.i < this.text.length) throw new Error(`trailing text at ${this.i}`);
    return node;
  }

  private ws(): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === '\n') this.line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      this.i++;
    }
  }

  private value(): JNode {
    this.ws();
    const line = this.line;
    const c = this.text[this.i];
    if (c === '{') return this.object(line);
    if (c === '[') return this.array(line);
    if (c === '"') return { kind: 'value', line, value: this.string() };
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.i, this.i + 64));
    if (!m) throw new Error(`unexpected ${JSON.stringify(c)} at ${this.i}`);
    this.i += m[0].length;
    const v = m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
    return { kind: 'value', line, value: v };
  }

  private string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === '\\') this.i += 2;
      else if (c === '"') break;
      else if (c === '\n') throw new Error('newline in string');
      else this.i++;
    }
    this.i++;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  private object(line: number): JNode {
    const entries = new Map<string, JNode>();
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return { kind: 'object', line, entries };
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') throw new Error(`expected key at ${this.i}`);
      const keyLine = this.line;
      const key = this.string();
      this.ws();
      if (this.text[this.i] !== ':') throw new Error(`expected : at ${this.i}`);
      this.i++;
      const v = this.value();
      // A scalar is quoted by the line of its key (kubectl prints `"key": value` on one line).
      entries.set(key, v.kind === 'value' ? { ...v, line: keyLine } : v);
      this.ws();
      const c = this.text[this.i++];
      if (c === '}') return { kind: 'object', line, entries };
      if (c !== ',') throw new Error(`expected , or } at ${this.i - 1}`);
    }
  }

  private array(line: number): JNode {
    const items: JNode[] = [];
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return { kind: 'array', line, items };
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.text[this.i++];
      if (c === ']') return { kind: 'array', line, items };
      if (c !== ',') throw new Error(`expected , or ] at ${this.i - 1}`);
    }
  }
}

/** Parse `text` (whose first line is output line `firstLine`); null when it is not JSON. */
export function parseWithLines(text: string, firstLine: number): JNode | null {
  try {
    return new Parser(text, firstLine).parse();
  } catch {
    return null;
  }
}

/** Follow object keys / array indexes; undefined when the path is missing. */
export function at(node: JNode | null | undefined, ...path: Array<string | number>): JNode | undefined {
  let n: JNode | undefined = node ?? undefined;
  for (const p of path) {
    if (!n) return undefined;
    if (typeof p === 'number') n = n.kind === 'array' ? n.items[p] : undefined;
    else n = n.kind === 'object' ? n.entries.get(p) : undefined;
  }
  return n;
}

export function str(node: JNode | null | undefined): string | undefined {
  return node?.kind === 'value' && typeof node.value === 'string' ? node.value : undefined;
}

export function num(node: JNode | null | undefined): number | undefined {
  return node?.kind === 'value' && typeof node.value === 'number' ? node.value : undefined;
}

export function bool(node: JNode | null | undefined): boolean | undefined {
  return node?.kind === 'value' && typeof node.value === 'boolean' ? node.value : undefined;
}

export function items(node: JNode | null | undefined): JNode[] {
  return node?.kind === 'array' ? node.items : [];
}

export function keys(node: JNode | null | undefined): string[] {
  return node?.kind === 'object' ? [...node.entries.keys()] : [];
}
