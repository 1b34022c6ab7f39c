/**
 * Parameters never reach a shell unquoted: everything that rule needs lives here, side by side.
 *
 * - `shellQuote`: a value as one POSIX shell word (the engine, the profile, the SSH wrapper and
 *   the analyzers' next-step commands all quote with it);
 * - load time: `{{name}}` placeholders of a `run:` script may stand only where a whole shell word
 *   goes (`unsafePlaceholders`), and a `script:` file has none at all (`scriptPlaceholders`);
 * - run time: `renderRun` replaces each placeholder by its quoted value; a `script:` file gets
 *   the values as positional arguments instead (`shCommand`), never in its text.
 *
 * Why a placeholder must stand where a word goes: shellQuote protects the value only where the
 * shell reads a plain word: at command level, or inside `$(…)`. Everywhere else the quotes are
 * text or are re-read:
 *
 * - inside '…' or "…" the value's own quotes end the string (`"$(…)"` still expands);
 * - in a here-document body `<<EOF` expands `$(…)` and backticks whatever quotes surround it,
 *   and a quoted delimiter (`<<'EOF'`) would keep the quotes as part of the text, so any
 *   placeholder in any here-document body (or in its delimiter) is refused: one simple rule;
 * - inside backticks a backtick in the value ends the substitution;
 * - inside `${…}` and `$((…))` the word is expanded as if in double quotes: `$(…)` runs even
 *   inside the engine's single quotes (bash and dash both do this).
 *
 * The way out is always the same: assign the placeholder to a variable at command level
 * (`x={{x}}`) and use "$x" where it is needed; the shell never re-reads an expanded variable.
 * A here-string (`<<<{{x}}`) is a plain word and fine.
 *
 * This models POSIX sh for the constructs playbooks use and errs towards refusing. It cannot
 * stop an author who runs the value as code on purpose (`eval`, `sh -c "$x"`): site playbooks are
 * trusted code; the parameter values are not.
 */

/** Quote a value as one POSIX shell word: nothing inside is interpreted by the shell that reads it. */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

export type UnsafeContext = 'quotes' | 'here-document' | 'backticks' | 'parameter expansion' | 'arithmetic';

export interface UnsafePlaceholder {
  /** Offset of the `{{` in the script. */
  at: number;
  name: string;
  inside: UnsafeContext;
}

type Frame = { kind: 'command' | 'arithmetic'; parens: number } | { kind: 'double' } | { kind: 'brace' };

const insideOf = { double: 'quotes', brace: 'parameter expansion', arithmetic: 'arithmetic' } as const;

const PLACEHOLDER_AT = new RegExp(PLACEHOLDER.source, 'y');
const WORD_END = /[\s;&|()<>]/;

/** Every placeholder of `script` that does not stand where a whole shell word goes. */
export function unsafePlaceholders(script: string): UnsafePlaceholder[] {
  const bad: UnsafePlaceholder[] = [];
  const stack: Frame[] = [{ kind: 'command', parens: 0 }];
  const heredocs: Array<{ delimiter: string; stripTabs: boolean }> = [];

  /** Records every placeholder in script[from, to) as unsafe. */
  const refuseIn = (from: number, to: number, inside: UnsafeContext): void => {
    for (const m of script.slice(from, to).matchAll(PLACEHOLDER)) bad.push({ at: from + (m.index ?? 0), name: m[1] as string, inside });
  };
  /** The end of a single-quoted string opened at `open` (`$'…'` honours backslashes). */
  const singleQuoteEnd = (open: number, ansi: boolean): number => {
    let j = open + 1;
    while (j < script.length && script[j] !== "'") j += ansi && script[j] === '\\' ? 2 : 1;
    return Math.min(j, script.length);
  };
  /** Here-document bodies start after the newline at `nl`; returns where scanning resumes. */
  const skipHeredocBodies = (nl: number): number => {
    let at = nl + 1;
    for (const h of heredocs.splice(0)) {
      while (at < script.length) {
        const lineStart = at;
        const eol = script.indexOf('\n', at);
        const end = eol === -1 ? script.length : eol;
        const line = script.slice(lineStart, end);
        at = end + 1;
        if ((h.stripTabs ? line.replace(/^\t+/, '') : line) === h.delimiter) break;
        refuseIn(lineStart, end, 'here-document');
      }
    }
    return at - 1;
  };
  /** Reads the delimiter word after `<<` / `<<-`; returns the offset of its last character. */
  const readHeredocOperator = (start: number): number => {
    let j = start + 2;
    const stripTabs = script[j] === '-';
    if (stripTabs) j++;
    while (script[j] === ' ' || script[j] === '\t') j++;
    const wordStart = j;
    let delimiter = '';
    while (j < script.length && !WORD_END.test(script[j] as string)) {
      const c = script[j] as string;
      if (c === "'" || c === '"') {
        const close = script.indexOf(c, j + 1);
        const end = close === -1 ? script.length : close;
        delimiter += script.slice(j + 1, end);
        j = end + 1;
      } else if (c === '\\') {
        delimiter += script[j + 1] ?? '';
        j += 2;
      } else {
        delimiter += c;
        j++;
      }
    }
    refuseIn(wordStart, j, 'here-document');
    if (delimiter) heredocs.push({ delimiter, stripTabs });
    return j - 1;
  };

  for (let i = 0; i < script.length; i++) {
    const frame = stack[stack.length - 1] as Frame;
    const c = script[i] as string;
    PLACEHOLDER_AT.lastIndex = i;
    const placeholder = c === '{' ? PLACEHOLDER_AT.exec(script) : null;
    if (placeholder) {
      if (frame.kind !== 'command') bad.push({ at: i, name: placeholder[1] as string, inside: insideOf[frame.kind] });
      i += placeholder[0].length - 1;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      // Everything up to the closing backtick is re-read by the shell: nothing in it is safe.
      let j = i + 1;
      while (j < script.length && script[j] !== '`') j += script[j] === '\\' ? 2 : 1;
      refuseIn(i + 1, Math.min(j, script.length), 'backticks');
      i = j;
      continue;
    }
    if (c === '$' && script[i + 1] === '(') {
      const arithmetic = script[i + 2] === '(';
      stack.push({ kind: arithmetic ? 'arithmetic' : 'command', parens: 0 });
      i += arithmetic ? 2 : 1;
      continue;
    }
    if (c === '$' && script[i + 1] === '{') {
      stack.push({ kind: 'brace' });
      i++;
      continue;
    }
    if (frame.kind === 'double') {
      if (c === '"') stack.pop();
      continue;
    }
    if (frame.kind === 'arithmetic') {
      // Quotes are not special here; `))` closes (a single `)` closes a nested `(`).
      if (c === '(') frame.parens++;
      else if (c === ')' && frame.parens > 0) frame.parens--;
      else if (c === ')') {
        stack.pop();
        i++;
      }
      continue;
    }
    if (c === "'" && !(frame.kind === 'brace' && stack.some((f) => f.kind === 'double'))) {
      const end = singleQuoteEnd(i, script[i - 1] === '$');
      refuseIn(i + 1, end, 'quotes');
      i = end;
      continue;
    }
    if (c === '"') {
      stack.push({ kind: 'double' });
      continue;
    }
    if (frame.kind === 'brace') {
      if (c === '}') stack.pop();
      continue;
    }
    // Command level (the script itself or inside `$(…)`).
    if (c === '(') frame.parens++;
    else if (c === ')') {
      if (frame.parens > 0) frame.parens--;
      else if (stack.length > 1) stack.pop();
    } else if (c === '#' && (i === 0 || WORD_END.test(script[i - 1] as string))) {
      const eol = script.indexOf('\n', i);
      i = (eol === -1 ? script.length : eol) - 1;
    } else if (c === '<' && script[i + 1] === '<') {
      if (script[i + 2] === '<') i += 2; // a here-string: its word is an ordinary word
      else i = readHeredocOperator(i);
    } else if (c === '\n' && heredocs.length) {
      i = skipHeredocBodies(i);
    }
  }
  return bad;
}

export type ParamValues = Record<string, string | number>;

/** A `run:` script with every placeholder replaced by one quoted shell word (checked at load by unsafePlaceholders). */
export function renderRun(run: string, values: ParamValues): string {
  return run.replace(PLACEHOLDER, (_m, name: string) => shellQuote(String(values[name] ?? '')));
}

/** Every `{{…}}` of a `script:` file: its parameters arrive as "$1"…, so a placeholder there is a mistake. */
export function scriptPlaceholders(text: string): Array<{ at: number; name: string }> {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ at: m.index ?? 0, name: m[1] as string }));
}

/**
 * How a `script:` step receives its parameters: as positional arguments, "$1" … "$n" in the order
 * the playbook declares them (a parameter without a value is an empty word), so nothing is ever
 * spliced into the script text.
 */
export function scriptArgs(paramNames: string[], values: ParamValues): string[] {
  return paramNames.map((n) => String(values[n] ?? ''));
}

/**
 * `sh -c SCRIPT NAME ARG…`: the script as one quoted word, `$0` its file name (so the shell's own
 * errors name it), then each argument as one more quoted word. Without arguments it is the plain
 * `sh -c SCRIPT` every `run:` step has always been wrapped in. The same argv works on the host,
 * after `docker|podman exec CONTAINER` and after `kubectl exec POD --`: none of those re-reads its
 * arguments through a shell, and stdin is not used (the SSH wrapper closes it).
 */
export function shCommand(script: string, args?: { name: string; values: string[] }): string {
  const tail = args ? ` ${shellQuote(args.name)}${args.values.map((v) => ` ${shellQuote(v)}`).join('')}` : '';
  return `sh -c ${shellQuote(script)}${tail}`;
}
