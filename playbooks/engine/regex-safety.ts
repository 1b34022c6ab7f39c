/**
 * Whether a playbook's regular expression is safe to run over every line of a log: it compiles,
 * is short, and cannot backtrack catastrophically. JavaScript's engine backtracks, so a group
 * that repeats something which itself repeats (`(a+)+`, `(.*x){20}`) or repeats an alternation
 * (`(a|aa)*`) takes exponential time on a line that almost matches; those are refused, as are
 * backreferences and lookarounds (neither is needed to recognise a log line). Each line is also
 * cut to MAX_MATCH_CHARS before matching, which bounds what a polynomial pattern can cost.
 */

export const MAX_REGEX_CHARS = 512;
export const MAX_UNBOUNDED_QUANTIFIERS = 4;
/** Characters of a line a signature looks at (a 1 MB line of base64 is not read to the end). */
export const MAX_MATCH_CHARS = 2048;

interface Frame {
  /** Something inside repeats (a quantifier with a maximum above one). */
  repeats: boolean;
  alternation: boolean;
}

/** The quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), its length and whether it repeats and without bound. */
function quantifierAt(src: string, i: number): { length: number; repeats: boolean; unbounded: boolean } | null {
  const c = src[i];
  let length = 0;
  let repeats = false;
  let unbounded = false;
  if (c === '*' || c === '+') [length, repeats, unbounded] = [1, true, true];
  else if (c === '?') [length, repeats, unbounded] = [1, false, false];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (!m) return null;
    length = m[0].length;
    unbounded = m[2] !== undefined && m[3] === '';
    repeats = unbounded || Number(m[3] ?? m[1]) > 1;
  } else return null;
  if (src[i + length] === '?') length++; // lazy: the same backtracking, in another order
  return { length, repeats, unbounded };
}

/** Why `source` may not be used, or null when it is fine. */
export function regexProblem(source: string, flags = ''): string | null {
  if (source.length > MAX_REGEX_CHARS) return `is ${source.length} characters long; keep it under ${MAX_REGEX_CHARS} (match the distinctive words, not the whole line)`;
  try {
    new RegExp(source, flags);
  } catch (err) {
    return `is not a valid regular expression: ${(err as Error).message}`;
  }
  if (/^(\.\*|\.\+)/.test(source)) return 'starts with .* or .+, which only makes the search slower (a match is looked for anywhere in the line): drop it';
  const stack: Frame[] = [{ repeats: false, alternation: false }];
  let unboundedCount = 0;
  let i = 0;
  /** What the last atom was, for the quantifier that may follow it. */
  let last: { kind: 'atom' } | { kind: 'group'; frame: Frame } | null = null;
  while (i < source.length) {
    const c = source[i] as string;
    const top = stack[stack.length - 1] as Frame;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'uses a backreference, which can take exponential time: match the text itself';
      i += next === 'u' && source[i + 2] === '{' ? source.indexOf('}', i) + 1 - i : 2;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '(') {
      if (/^\(\?(=|!|<=|<!)/.test(source.slice(i))) return 'uses a lookahead or lookbehind; a log signature needs neither (match the text in order)';
      stack.push({ repeats: false, alternation: false });
      const named = /^\(\?(:|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i));
      i += named ? named[0].length : 1;
      last = null;
      continue;
    }
    if (c === ')') {
      const frame = stack.pop() as Frame;
      i++;
      last = { kind: 'group', frame };
      const parent = stack[stack.length - 1] as Frame;
      parent.repeats ||= frame.repeats;
      continue;
    }
    if (c === '|') {
      top.alternation = true;
      i++;
      last = null;
      continue;
    }
    const q = quantifierAt(source, i);
    if (q) {
      if (q.unbounded) unboundedCount++;
      if (last?.kind === 'group' && q.repeats) {
        if (last.frame.repeats) return `repeats a group that itself repeats (at character ${i + 1}), which can take exponential time on a line that almost matches: write the inner part once`;
        if (last.frame.alternation) return `repeats a group of alternatives (at character ${i + 1}), which can take exponential time when they overlap: match one fixed word instead`;
      }
      if (q.repeats) top.repeats = true;
      i += q.length;
      last = null;
      continue;
    }
    i++;
    last = { kind: 'atom' };
  }
  if (unboundedCount > MAX_UNBOUNDED_QUANTIFIERS) return `has ${unboundedCount} unbounded repeats (*, +, {n,}); at most ${MAX_UNBOUNDED_QUANTIFIERS} keep the search fast (anchor on the distinctive words)`;
  return null;
}
