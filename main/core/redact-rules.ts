/**
 * What one line of output may hold that must not be stored: credentials in URLs, `name = value`
 * settings whose name says secret (ini, YAML, env, JSON, HTTP headers, table rows), command-line
 * passwords (`mysql -pX`, `curl -u u:X`, `--password X`), token and key shapes (Fernet, JWT, ceph
 * keys, base64 PEM keys), values under a Kubernetes Secret's `data`, secrets written in prose.
 * Every rule is linear in the line: patterns start only where a run starts, values are found by
 * scanning, never by backtracking (a 64 kB line from a terminal must not cost seconds).
 */
import { keepValue, secretKind, type SecretKind } from './redact-names.js';

export const REDACTED = '[REDACTED]';

/** A value hidden, its quotes kept: `'x'` → `'[REDACTED]'`; one already hidden stays as it is. */
export function hide(value: string): string {
  if (/^["']?\[REDACTED/.test(value)) return value;
  return /^(["']).*\1$/s.test(value) ? `${value[0]}${REDACTED}${value[0]}` : REDACTED;
}

/** [pattern, replacement, a text every match contains (the pattern is skipped on lines without it)] */
const patterns: Array<[RegExp, string | ((...m: string[]) => string), string]> = [
  // scheme://user:password@host (mysql+pymysql, rabbit, amqp, redis, http…). The scheme is
  // matched from the start of its run only: trying every position inside a long run of letters
  // (a hex dump in a terminal) was quadratic, 2 s for one 64 kB line.
  [/((?<![a-z0-9+.-])[a-z0-9+.-]+:\/\/[^\s:/@'"]*:)([^\s@'"]+)(@)/gi, `$1${REDACTED}$3`, '@'],
  // further hosts of a multi-host URL: rabbit://u:p@h1:5672,u:p@h2:5672/
  [/(,[^\s:/@,'"]+:)([^\s@'",]+)(@)/g, `$1${REDACTED}$3`, '@'],
  // Keystone Fernet tokens; JWTs (Keystone JWS, Kubernetes service account tokens)
  [/(?<![A-Za-z0-9_-])gAAAAA[A-Za-z0-9_-]{20,}={0,2}/g, REDACTED, 'gAAAAA'],
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{6,}\.eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g, REDACTED, 'eyJ'],
  // Ceph keys (keyrings, `ceph auth get-key`, `virsh secret-get-value`, /etc/libvirt/secrets/*.base64)
  [/(?<![A-Za-z0-9+/])AQ[A-Za-z0-9+/]{36}==(?![A-Za-z0-9+/=])/g, REDACTED, '=='],
  // A PEM private key in base64 (kubeconfig client-key-data, a Secret's tls.key); certificates stay.
  [/(?<![A-Za-z0-9+/])LS0tLS1CRUdJT[A-Za-z0-9+/]*={0,2}/g, (m) => (Buffer.from(m.slice(0, 80), 'base64').toString('latin1').includes('PRIVATE KEY') ? REDACTED : m), 'LS0tLS1CRUdJT'],
  // Kubernetes env entries on one line: {"name":"DB_PASSWORD","value":"…"}
  [/("name"\s*:\s*"([A-Za-z0-9_.-]*)"\s*,\s*"value"\s*:\s*)("(?:[^"\\]|\\.)*")/g, (m, head: string, name: string, value: string) => (secretKind(name) && !keepValue('secret', value.slice(1, -1)) ? head + hide(value) : m), '"value"'],
  // Galera SST credentials: wsrep_sst_auth = user:password
  [/(wsrep_sst_auth\s*[=:]\s*["']?[^:\s"']*:)([^\s"']+)/gi, `$1${REDACTED}`, ''], // any case: WSREP_SST_AUTH in an env dump
  // Command lines and config lines that carry a password after a word rather than after `=`.
  [/(\bsshpass(?:\s+-[vV])*\s+-p\s*)("[^"]*"|'[^']*'|\S+)/g, (_, head: string, v: string) => head + hide(v), 'sshpass'],
  [/(-pass(?:in|out)?\s+pass:)(\S+)/g, (_, head: string, v: string) => head + hide(v), 'pass:'],
  [/(\bauth_pass\s+)(\S+)/g, (_, head: string, v: string) => head + hide(v), 'auth_pass'], // keepalived
  [/(\bstats\s+auth\s+[^\s:]+:)(\S+)/g, (_, head: string, v: string) => head + hide(v), 'auth'], // haproxy
  [/(\binsecure-password\s+)(\S+)/g, (_, head: string, v: string) => head + hide(v), 'insecure-password'], // haproxy userlist
  [/(\blogin\s+\S+\s+password\s+)(\S+)/g, (_, head: string, v: string) => head + hide(v), 'password'], // ~/.netrc
  [/(\bsecret\s+)("[^"]*")(\s*;)/g, (_, head: string, v: string, end: string) => head + hide(v) + end, 'secret'], // BIND rndc.key
  [/(?<![\w-])AGE-SECRET-KEY-1[0-9A-Z]+/g, REDACTED, 'AGE-SECRET-KEY-'],
  // SQL typed in a mysql client (a terminal recording): IDENTIFIED BY 'x', PASSWORD('x'), SET PASSWORD … = 'x'
  [/(\bIDENTIFIED\s+(?:WITH\s+\S+\s+)?(?:BY|AS)\s+(?:PASSWORD\s+)?)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s;]+)/gi, (_, head: string, v: string) => head + hide(v), ''],
  [/(\bPASSWORD\s*\(\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/gi, (_, head: string, v: string) => head + hide(v), ''],
  [/(\bSET\s+PASSWORD\b[^=;]*=\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/gi, (_, head: string, v: string) => head + hide(v), ''],
  // <password>x</password> (XML configs and inventories)
  [/<([A-Za-z][\w.:-]*)>([^<]+)<\/\1>/g, (m, tag: string, v: string) => (secretKind(tag) && !keepValue(secretKind(tag)!, v) ? `<${tag}>${REDACTED}</${tag}>` : m), '</'],
  // Secrets written in prose, in notes and follow-ups: "the root password is Xy9!", "DB 비밀번호는 X".
  // Words that say something about the password rather than being it (wrong, expired…) are kept.
  [/\b((?:password|passwd|passphrase|secret|token)s?\s+(?:is|was|are|were)\s+(?:now\s+)?)(?!(?:wrong|incorrect|invalid|expired|correct|right|fine|ok|set|unset|empty|missing|required|not|no|the|a|an|in|stored|changed|rotated|reset|known|unknown|read|kept|held|never|only)\b)("[^"]*"|'[^']*'|`[^`]*`|\S+)/gi, `$1${REDACTED}`, ''],
  [/((?:비밀번호|암호|패스워드|토큰)(?:는|은|가|:)\s*)("[^"]*"|'[^']*'|\S+)/g, `$1${REDACTED}`, ''],
];

/**
 * Options that take a password after a given command only: `mysql -pX` (but `-P3306` is a port and
 * `-p` alone prompts), `curl -u user:X`, `redis-cli -a X`, `rabbitmqctl change_password user X`,
 * `ipmitool -P X`, `rabbitmqadmin -p X`, `docker login -p X`. Applied to what follows the command's
 * name, so `ssh -p 2222` stays.
 */
const commandRules: Array<[RegExp, RegExp]> = [
  [/\b(?:mysql[\w-]*|mariadb[\w-]*|mariabackup|xtrabackup|innobackupex)\b/, /(\s-p)("[^"]*"|'[^']*'|[^\s'"]\S*)/g],
  [/\bcurl\b/, /(\s(?:-u|-U|--user|--proxy-user)(?:\s+|=)?["']?[^\s:'"]*:)([^\s'"]+)/g],
  [/\bredis-cli\b/, /(\s-a\s+)("[^"]*"|'[^']*'|\S+)/g],
  [/\brabbitmqctl\b/, /(\b(?:add_user|change_password|authenticate_user)\s+(?:"[^"]*"|'[^']*'|\S+)\s+)("[^"]*"|'[^']*'|\S+)/g],
  [/\bipmitool\b/, /(\s-P\s*)("[^"]*"|'[^']*'|\S+)/g],
  [/\brabbitmqadmin\b/, /(\s-p\s+)("[^"]*"|'[^']*'|\S+)/g],
  [/\b(?:docker|podman|nerdctl|buildah)\s+login\b/, /(\s-p(?:\s+|=))("[^"]*"|'[^']*'|\S+)/g],
];

function commandLines(line: string): string {
  let out = line;
  for (const [command, option] of commandRules) {
    const c = command.exec(out);
    if (!c) continue;
    const at = c.index + c[0].length;
    out = out.slice(0, at) + out.slice(at).replace(option, (_, head: string, v: string) => head + hide(v));
  }
  return out;
}

/** Where a quoted string that opens at `i` closes (index of the closing quote), or -1. */
function closingQuote(line: string, i: number): number {
  const q = line[i];
  for (let j = i + 1; j < line.length; j++) {
    if (line[j] === q) return j;
    if (q === '"' && line[j] === '\\') j++;
  }
  return -1;
}

interface ValueContext {
  kind: SecretKind;
  /** The pair sits inside a string that opened just before its name (`echo 'password=x'`, `"DB_PASSWORD=x"`). */
  inside: string;
  /** Only indentation (or `export `, `- `) before the name: the value is the rest of the line. */
  wholeLine: boolean;
}

/** The value that starts at `i` and what replaces it; null leaves it (and what it holds) to the other rules. */
function secretValue(line: string, i: number, ctx: ValueContext): { end: number; text: string } | null {
  const c = line[i];
  if (c === undefined || c === '{' || c === '[') return null; // a structure: its members are pairs of their own
  // A quote, or an escaped one: JSON inside a JSON string (`openstack credential show`'s blob).
  const q = c === '"' || c === "'" ? c : c === '\\' && (line[i + 1] === '"' || line[i + 1] === "'") ? `\\${line[i + 1]}` : '';
  const quoted = q !== '';
  const close = q.length === 1 ? closingQuote(line, i) : quoted ? line.indexOf(q, i + 2) : -1;
  // A lone opening quote starts a multi-line scalar or a key block: the next lines decide.
  if (quoted && close === -1 && i + q.length === line.length) return null;
  const start = i + q.length;
  // Authorization: Bearer X, Basic X: the scheme says which kind of credential; keep it.
  const scheme = ctx.kind === 'authorization' ? (/^[A-Za-z][A-Za-z0-9-]{0,19}[ \t]+(?=[^\s'"])/.exec(line.slice(start, start + 48))?.[0] ?? '') : '';
  const from = start + scheme.length;
  let end: number;
  if (quoted) end = close === -1 ? line.length : close;
  else if (ctx.inside) {
    end = line.indexOf(ctx.inside, from);
    if (end === -1) end = line.length;
  } else if (ctx.wholeLine) {
    end = line.length;
    while (end > from && /\s/.test(line[end - 1]!)) end--;
  } else {
    end = from;
    while (end < line.length && !/\s/.test(line[end]!)) end++;
  }
  const value = line.slice(from, end);
  if (value === '' || keepValue(ctx.kind, value) || /^[|>][-+0-9]*$/.test(value)) return null;
  return { end, text: line.slice(i, from) + REDACTED };
}

/** `name = value`, `name: value`, `"name": "value"`, `'name=value'`, `Name: value` (HTTP headers). */
const pair = /(?<![A-Za-z0-9_.-])(\\?["']|)([A-Za-z][A-Za-z0-9_.-]*)(\\?["']|)(\s*[:=]\s*)/g;
/** `--password X`, `--os-password=X`, `--client-secret X`. */
const flag = /(?<![\w-])--([A-Za-z][A-Za-z0-9-]*)(=|\s+)/g;

function pairs(line: string): string {
  if (!line.includes(':') && !line.includes('=')) return line;
  let out = '';
  let last = 0;
  pair.lastIndex = 0;
  for (let m = pair.exec(line); m; m = pair.exec(line)) {
    const [whole, q1 = '', name = '', q2 = ''] = m;
    const kind = secretKind(name);
    if (!kind || (q2 && q2 !== q1)) continue;
    const inside = q1 && !q2 ? q1 : '';
    const wholeLine = !q1 && m.index < 64 && /^\s*(?:export\s+|-\s+)?$/.test(line.slice(0, m.index));
    const v = secretValue(line, m.index + whole.length, { kind, inside, wholeLine });
    if (!v) continue;
    out += line.slice(last, m.index + whole.length) + v.text;
    last = v.end;
    pair.lastIndex = v.end;
  }
  return out + line.slice(last);
}

function flags(line: string): string {
  if (!line.includes('--')) return line;
  let out = '';
  let last = 0;
  flag.lastIndex = 0;
  for (let m = flag.exec(line); m; m = flag.exec(line)) {
    const name = m[1] ?? '';
    const kind = name === 'pass' ? 'secret' : secretKind(name); // redis-cli --pass
    if (!kind || kind === 'bare-key') continue; // curl --key is a file
    const at = m.index + m[0].length;
    if (m[2] !== '=' && line[at] === '-') continue; // --password followed by the next option: mysql prompts
    const v = secretValue(line, at, { kind, inside: '', wholeLine: false });
    if (!v) continue;
    out += line.slice(last, at) + v.text;
    last = v.end;
    flag.lastIndex = v.end;
  }
  return out + line.slice(last);
}

/** A table cell's text hidden, the cell as wide as it was (the table stays aligned). */
export function padCell(cell: string): string {
  return ` ${REDACTED.padEnd(cell.length - 2)} `;
}

/** `| secret | X |`: a two-column table row (openstack … show / create) whose field names a secret. */
function tableRow(line: string): string {
  const t = line.trimEnd();
  if (!t.startsWith('|') || !t.endsWith('|') || t.length < 5) return line;
  const cells = t.slice(1, -1).split('|');
  if (cells.length !== 2) return line;
  const kind = secretKind(cells[0]!.trim());
  const value = cells[1]!.trim();
  if (!kind || value === '' || keepValue(kind, value)) return line;
  return `|${cells[0]}|${padCell(cells[1]!)}|${line.slice(t.length)}`;
}

/**
 * Values under `"data": {…}` and `"stringData": {…}` on one line (`kubectl … -o json | jq -c`, the
 * last-applied annotation). Under `data` every one-word value goes (a Secret's values are base64);
 * text with spaces or line breaks (a ConfigMap's file) stays for the other rules. Under
 * `stringData` everything goes.
 */
function jsonData(line: string): string {
  if (!line.includes('ata"')) return line;
  const opener = /"(data|stringData)"\s*:\s*\{/g;
  let out = '';
  let last = 0;
  for (let m = opener.exec(line); m; m = opener.exec(line)) {
    const all = m[1] === 'stringData';
    let depth = 1;
    let expectValue = false;
    let i = m.index + m[0].length;
    while (i < line.length && depth > 0) {
      const c = line[i];
      if (c === '"') {
        const close = closingQuote(line, i);
        const end = close === -1 ? line.length : close;
        const value = line.slice(i + 1, end);
        if (expectValue && depth === 1 && (all || !/\s|\\[nrt]/.test(value)) && value !== '' && !value.startsWith('[REDACTED')) {
          out += line.slice(last, i + 1) + REDACTED;
          last = end;
        }
        expectValue = false;
        i = end + 1;
        continue;
      }
      if (c === ':') expectValue = true;
      else if (c !== ' ' && c !== '\t') {
        expectValue = false;
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
      }
      i++;
    }
    opener.lastIndex = i;
  }
  return out + line.slice(last);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Redact one complete line (no newline inside), plus any literal secrets known to this session. */
export function redactLine(line: string, literals: readonly string[] = []): string {
  let out = line;
  for (const [re, replacement, needle] of patterns) if (out.includes(needle)) out = out.replace(re, replacement as string);
  out = tableRow(flags(pairs(commandLines(jsonData(out)))));
  for (const secret of literals) {
    if (secret.length >= 4) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  return out;
}
