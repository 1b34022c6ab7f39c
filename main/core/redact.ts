/**
 * Redaction applied to every line of output before it is stored, shown or exported.
 * Patterns cover what OpenStack hosts print: connection URLs with credentials, password
 * settings in config files and environments, Keystone Fernet tokens, private key blocks,
 * Kubernetes Secrets, command lines with passwords (redact-rules.ts lists them).
 */
import { KeyBlocks } from './redact-keys.js';
import { redactLine } from './redact-rules.js';
import { SecretStructure } from './redact-structure.js';

export { REDACTED, redactLine } from './redact-rules.js';

/** Redact a whole text at once (reports, one-shot outputs). */
export function redactText(text: string, literals: readonly string[] = []): string {
  const redactor = new StreamRedactor(() => literals);
  return redactor.push(text) + redactor.end();
}

/**
 * Redacts a stream line by line. Bytes after the last line break are held back until the line
 * completes (or grows past `maxHold`), so a secret is never split across two stored chunks.
 * Private key blocks are replaced whole, across lines; what a line means may depend on the lines
 * before it (a Secret's `data:`, an env var's name), so one redactor serves one stream.
 */
export class StreamRedactor {
  private pending = '';
  private readonly keys = new KeyBlocks();
  private readonly structure = new SecretStructure();

  constructor(
    private readonly literals: () => readonly string[] = () => [],
    private readonly maxHold = 64 * 1024,
  ) {}

  push(text: string): string {
    this.pending += text;
    let out = '';
    let start = 0;
    for (;;) {
      const nl = this.indexOfBreak(start);
      if (nl === -1) break;
      // keep \r\n together
      const end = this.pending[nl] === '\r' && this.pending[nl + 1] === '\n' ? nl + 2 : nl + 1;
      if (this.pending[nl] === '\r' && nl + 1 === this.pending.length) break; // wait: might be \r\n
      out += this.redactComplete(this.pending.slice(start, nl), this.pending.slice(nl, end));
      start = end;
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > this.maxHold) {
      out += this.redactComplete(this.pending, '');
      this.pending = '';
    }
    return out;
  }

  /** Flush whatever is held (end of stream). */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    return (rest.length > 0 ? this.redactComplete(rest, '') : '') + this.keys.end();
  }

  private indexOfBreak(from: number): number {
    for (let i = from; i < this.pending.length; i++) {
      const c = this.pending.charCodeAt(i);
      if (c === 10 || c === 13) return i;
    }
    return -1;
  }

  private redactComplete(line: string, eol: string): string {
    let mark = '';
    let text = line;
    if (this.keys.inBlock) {
      const r = this.keys.continue(line);
      if ('hide' in r) return '';
      if ('after' in r) {
        // the rest of the END line, if anything
        if (r.after.trim() === '') return '';
        text = r.after;
      } else if (r.mark) mark = r.mark + eol;
    }
    return mark + this.redactOutsideKey(text) + eol;
  }

  private redactOutsideKey(line: string): string {
    const literals = this.literals();
    const structured = this.structure.inside(line);
    if (structured !== null) return redactLine(structured, literals);
    const withKey = this.keys.scan(line, (segment) => redactLine(segment, literals));
    if (withKey !== null) return withKey;
    return this.structure.after(line, redactLine(line, literals));
  }
}
