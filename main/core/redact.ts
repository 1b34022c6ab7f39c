/**
 * Redaction applied to every line of output before it is stored, shown or exported.
 * Patterns cover what OpenStack hosts print: connection URLs with credentials, password
 * settings in config files and environments, Keystone Fernet tokens, private key blocks.
 */

export const REDACTED = '[REDACTED]';

const linePatterns: Array<[RegExp, string]> = [
  // scheme://user:password@host (mysql+pymysql, rabbit, amqp, redis, http…). The scheme is
  // matched from the start of its run only: trying every position inside a long run of letters
  // (a hex dump in a terminal) was quadratic, 2 s for one 64 kB line.
  [/((?<![a-z0-9+.-])[a-z0-9+.-]+:\/\/[^\s:/@'"]*:)([^\s@'"]+)(@)/gi, `$1${REDACTED}$3`],
  // further hosts of a multi-host URL: rabbit://u:p@h1:5672,u:p@h2:5672/
  [/(,[^\s:/@,'"]+:)([^\s@'",]+)(@)/g, `$1${REDACTED}$3`],
  // OS_PASSWORD=…, export OS_PASSWORD=…, MYSQL_PWD=…, *_PASSWORD=… in env dumps
  [/\b([A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN)[A-Z0-9_]*\s*=\s*)("[^"]*"|'[^']*'|\S+)/g, `$1${REDACTED}`],
  // password = …, admin_password: …, rabbit_password=…  (ini / yaml style, case-insensitive keys)
  // (MySQL's "(using password: YES)" says whether one was sent, not what it was: keep it.)
  [/(^|[\s,{])((?:[a-z0-9_.-]*_)?(?:password|passwd|secret|token|transport_url_password)\s*[:=]\s*)(?!(?:YES|NO)\))("[^"]*"|'[^']*'|\S+)/gim, `$1$2${REDACTED}`],
  // --password X, --os-password X, -p'secret' is too ambiguous; --password=X
  [/(--(?:os-)?password(?:=|\s+))("[^"]*"|'[^']*'|\S+)/gi, `$1${REDACTED}`],
  // JSON keys: "admin_password": "…", "token": "…" (API responses, kubectl -o json)
  [/("[a-z0-9_.-]*(?:password|passwd|secret|token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, `$1"${REDACTED}"`],
  // Kubernetes env entries on one line: {"name":"DB_PASSWORD","value":"…"}
  [/("name"\s*:\s*"[A-Za-z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|password|secret|token)[A-Za-z0-9_]*"\s*,\s*"value"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${REDACTED}"`],
  // Galera SST credentials: wsrep_sst_auth = user:password
  [/(wsrep_sst_auth\s*[=:]\s*["']?[^:\s"']*:)([^\s"']+)/gi, `$1${REDACTED}`],
  // Secrets written in prose, in notes and follow-ups: "the root password is Xy9!", "DB 비밀번호는 X".
  // Words that say something about the password rather than being it (wrong, expired…) are kept.
  [/\b((?:password|passwd|passphrase|secret|token)s?\s+(?:is|was|are|were)\s+(?:now\s+)?)(?!(?:wrong|incorrect|invalid|expired|correct|right|fine|ok|set|unset|empty|missing|required|not|no|the|a|an|in|stored|changed|rotated|reset|known|unknown)\b)("[^"]*"|'[^']*'|`[^`]*`|\S+)/gi, `$1${REDACTED}`],
  [/((?:비밀번호|암호|패스워드|토큰)(?:는|은|가|:)\s*)("[^"]*"|'[^']*'|\S+)/g, `$1${REDACTED}`],
  // Keystone Fernet tokens
  [/\bgAAAAA[A-Za-z0-9_-]{20,}={0,2}/g, REDACTED],
  // X-Auth-Token headers
  // (a quote after the value belongs to the command line around it: keep it)
  [/(x-auth-token:\s*)[^\s"']+/gi, `$1${REDACTED}`],
];

const keyBegin = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const keyEnd = /-----END [A-Z0-9 ]*PRIVATE KEY-----/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Redact one complete line (no newline inside), plus any literal secrets known to this session. */
export function redactLine(line: string, literals: readonly string[] = []): string {
  let out = line;
  for (const [re, replacement] of linePatterns) out = out.replace(re, replacement);
  for (const secret of literals) {
    if (secret.length >= 4) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  return out;
}

/** Redact a whole text at once (reports, one-shot outputs). */
export function redactText(text: string, literals: readonly string[] = []): string {
  const redactor = new StreamRedactor(() => literals);
  return redactor.push(text) + redactor.end();
}

/**
 * Redacts a stream line by line. Bytes after the last line break are held back until the line
 * completes (or grows past `maxHold`), so a secret is never split across two stored chunks.
 * Private key blocks are replaced whole, across lines.
 */
export class StreamRedactor {
  private pending = '';
  private inKeyBlock = false;
  /** The previous line named a secret env var (pretty-printed `kubectl -o json`): its value follows. */
  private secretNameBefore = false;

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
    return rest.length > 0 ? this.redactComplete(rest, '') : '';
  }

  private indexOfBreak(from: number): number {
    for (let i = from; i < this.pending.length; i++) {
      const c = this.pending.charCodeAt(i);
      if (c === 10 || c === 13) return i;
    }
    return -1;
  }

  private redactComplete(line: string, eol: string): string {
    if (this.inKeyBlock) {
      if (keyEnd.test(line)) this.inKeyBlock = false;
      return '';
    }
    if (keyBegin.test(line)) {
      this.inKeyBlock = !keyEnd.test(line);
      return `${line.slice(0, line.search(keyBegin))}[REDACTED PRIVATE KEY]${eol}`;
    }
    let out = redactLine(line, this.literals());
    if (this.secretNameBefore) out = out.replace(/^(\s*"value"\s*:\s*)"(?:[^"\\]|\\.)*"/, `$1"${REDACTED}"`);
    this.secretNameBefore = /^\s*"name"\s*:\s*"[A-Za-z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|password|secret|token)[A-Za-z0-9_]*"\s*,?\s*$/.test(line);
    return out + eol;
  }
}
