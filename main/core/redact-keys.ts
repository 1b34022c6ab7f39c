/**
 * Private key blocks (PEM, PKCS#8 encrypted, OpenSSH, PGP), replaced whole across lines. What
 * stands before BEGIN or after END on the same line is ordinary text and is redacted as such. A
 * block whose END never comes ends where key material ends (with a mark saying how many lines were
 * hidden), or after `maxLines` lines of it: output after a cut key is never dropped silently.
 */

export const KEY_MARK = '[REDACTED PRIVATE KEY]';

const keyBegin = /-{4,5} ?BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)? ?-{4,5}/g;
const keyEnd = /-{4,5} ?END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)? ?-{4,5}/g;
/** CSI, OSC and two-byte escape sequences: a colour code may sit inside a marker (`grep --color`). */
const escapes = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

const plain = (line: string): string => (line.includes('\x1b') ? line.replace(escapes, '') : line);

/**
 * A line of key material once its prefix is gone: base64 (a last line may be one short word), a
 * PGP checksum, a PEM or PGP header, nothing. Anything with spaces or other punctuation is not.
 */
function keyText(s: string): boolean {
  return s === '' || /^[A-Za-z0-9+/]+={0,3}$/.test(s) || /^=[A-Za-z0-9+/]{4}$/.test(s) || /^(?:Proc-Type|DEK-Info|Version|Comment|Charset|Hash):/.test(s);
}

function find(re: RegExp, s: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(s);
}

/** In a string whose line breaks are written `\n` (JSON, a Python repr), the string ends at its closing quote. */
function unescapedQuote(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"' || s[i] === "'") return i;
  }
  return -1;
}

export type BlockLine = { hide: true } | { after: string } | { mark: string };

export class KeyBlocks {
  private open: { prefix: string; lines: number; chars: number } | null = null;

  constructor(
    private readonly maxLines = 1000,
    private readonly maxChars = 256 * 1024,
  ) {}

  get inBlock(): boolean {
    return this.open !== null;
  }

  /**
   * A line while a block is open: hidden; or the text after its END marker; or the mark to emit
   * before the line, which is then redacted as usual (the block was cut).
   */
  continue(line: string): BlockLine {
    const open = this.open!;
    const text = plain(line);
    const end = find(keyEnd, text, 0);
    if (end) {
      this.open = null;
      return { after: text.slice(end.index + end[0].length) };
    }
    const p = open.prefix;
    const material = keyText(text.trim()) || (p.length > 0 && (keyText(text.slice(p.length).trim()) || (text.startsWith(p.trim()) && keyText(text.slice(p.trim().length).trim()))));
    if (material && open.lines < this.maxLines && open.chars < this.maxChars) {
      open.lines++;
      open.chars += line.length;
      return { hide: true };
    }
    this.open = null;
    if (material) return { mark: `[REDACTED PRIVATE KEY: no END marker within ${this.maxLines} lines; resuming]` };
    return { mark: open.lines > 0 ? `[REDACTED PRIVATE KEY: no END marker; ${open.lines} lines hidden]` : '' };
  }

  /**
   * A line outside any block: null when it holds no BEGIN marker; else the line with each key
   * replaced and the text around it passed through `redact`. Opens a block when a key runs on.
   */
  scan(line: string, redact: (text: string) => string): string | null {
    const text = plain(line);
    if (!text.includes('BEGIN') || !find(keyBegin, text, 0)) return null;
    let out = '';
    let pos = 0;
    for (;;) {
      const begin = find(keyBegin, text, pos);
      if (!begin) return out + redact(text.slice(pos));
      out += redact(text.slice(pos, begin.index)) + KEY_MARK;
      const after = begin.index + begin[0].length;
      const escaped = text.startsWith('\\n', after) || text.startsWith('\\r\\n', after);
      const end = find(keyEnd, text, after);
      if (end) {
        pos = end.index + end[0].length;
        // the line breaks written `\n` that close the key belong to it
        while (escaped && (text.startsWith('\\n', pos) || text.startsWith('\\r\\n', pos))) pos += text[pos + 1] === 'n' ? 2 : 4;
        continue;
      }
      if (escaped) {
        // No END on the line: the key ends with its string, or with the line when the string was cut.
        const close = unescapedQuote(text, after);
        if (close === -1) return out;
        pos = close;
        continue;
      }
      this.open = { prefix: text.slice(0, begin.index), lines: 0, chars: 0 };
      return out;
    }
  }

  /** The stream ended: say so if it ended inside a block. */
  end(): string {
    const open = this.open;
    this.open = null;
    return open && open.lines > 0 ? `[REDACTED PRIVATE KEY: the output ended before its END marker; ${open.lines} lines hidden]` : '';
  }
}
