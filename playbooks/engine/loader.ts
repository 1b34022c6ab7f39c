/**
 * Load playbooks: YAML → JSON Schema check → semantic checks → a typed PlaybookDef with defaults.
 * Every problem comes back as `file:line:col: what is wrong`; one broken playbook never stops the
 * others from loading.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import schema from '../playbook.schema.json' with { type: 'json' };
import { parseDebianVersion } from './debian-version.js';
import { isEngineStepId, missingSignatureTexts, signatureSteps } from './log-signatures.js';
import { windowSeconds } from './log-time.js';
import { MAX_PLAYBOOK_BYTES, readLimited, reason, scriptProblems } from './playbook-files.js';
import { regexProblem } from './regex-safety.js';
import { PLACEHOLDER, unsafePlaceholders, type UnsafeContext, type UnsafePlaceholder } from './shell.js';
import type { Analyzer, LogSignatureDef, ParamDef, PlaybookDef, StepDef } from './types.js';

export interface LoadProblem {
  file: string;
  /** 0 when the problem is the file or folder as a whole (missing, unreadable, too big). */
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: LoadProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}:${p.col}: ${p.message}` : `${p.file}: ${p.message}`;
}

export { MAX_PLAYBOOK_BYTES };
/** yaml's own default, written out: anchors and aliases stay usable, an alias bomb does not expand. */
const MAX_ALIAS_COUNT = 100;
const MAX_YAML_ERRORS = 5;

export interface LoadedPlaybook {
  def: PlaybookDef;
  file: string;
  analyze: Analyzer;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile<unknown>(schema);

function pathOf(instancePath: string): Array<string | number> {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeError(e: ErrorObject): { path: Array<string | number>; key?: string; message: string } {
  const path = pathOf(e.instancePath);
  const where = path.length ? path.join('.') : 'the playbook';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      return { path, key, message: `unknown field "${key}" in ${where}` };
    }
    case 'required':
      return { path, message: `${where} is missing the field "${(e.params as { missingProperty: string }).missingProperty}"` };
    case 'enum':
      return { path, message: `${where} must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}` };
    case 'type':
      return { path, message: `${where} must be ${(e.params as { type: string }).type}` };
    case 'oneOf':
      if (path[0] === 'logSignatures') return { path, message: `${where} must be a step id or a list of step ids` };
      return { path, message: `${where} needs exactly one of "run", "script" or "logs"` };
    case 'pattern':
      if (path.at(-1) === 'script') return { path, message: `${where} must be a file name beside playbook.yaml ending in .sh (letters, digits, dot, dash, underscore; no folder)` };
      return { path, message: `${where} ${e.message ?? 'is invalid'}` };
    default:
      return { path, message: `${where} ${e.message ?? 'is invalid'}` };
  }
}

function position(doc: Document, lc: LineCounter, path: Array<string | number>, key?: string): { line: number; col: number } {
  let node = doc.getIn(path, true) as YamlNode | undefined;
  // Walk up until a node with a position exists (a missing field points at its parent).
  for (let p = path; !node && p.length; p = p.slice(0, -1)) node = doc.getIn(p.slice(0, -1), true) as YamlNode | undefined;
  node ??= doc.contents ?? undefined;
  if (key && node && isMap(node)) {
    const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
    if (pair && isScalar(pair.key) && pair.key.range) node = pair.key;
  }
  const offset = node?.range?.[0] ?? 0;
  return lc.linePos(offset);
}

const unsafeWhy: Record<UnsafeContext, string> = {
  quotes: 'inside quotes, where the value would end the quoted string',
  'here-document': 'inside a here-document, where the shell runs $(…) and `…` even inside the engine\'s quotes (and <<\'EOF\' would keep the quotes as text)',
  backticks: 'inside backticks, where a backtick in the value would end them',
  'parameter expansion': 'inside ${…}, where the shell runs $(…) even inside the engine\'s quotes',
  arithmetic: 'inside $((…)), where the shell runs $(…) even inside the engine\'s quotes',
};

function unsafeFix(u: UnsafePlaceholder): string {
  const n = u.name;
  return u.inside === 'arithmetic'
    ? `declare "${n}" as an integer parameter (bash evaluates a text variable's value as code too), assign it first (${n}={{${n}}}) and use $((${n} …))`
    : `it must stand where a whole shell word goes (the engine quotes it): assign it first (${n}={{${n}}}) and use "$${n}" there`;
}

/**
 * Where the placeholder at offset `at` of a scalar's value is in the file: the k-th `{{…}}` of the
 * value is the k-th of the scalar's source (a block scalar drops indentation, so offsets differ).
 * The scalar itself when its source spells them otherwise (escapes in a quoted scalar).
 */
function placeholderPosition(doc: Document, lc: LineCounter, text: string, path: Array<string | number>, value: string, at: number): { line: number; col: number } {
  const range = (doc.getIn(path, true) as YamlNode | undefined)?.range;
  const inValue = [...value.matchAll(PLACEHOLDER)];
  const k = inValue.findIndex((m) => m.index === at);
  if (range && k >= 0) {
    const inSource = [...text.slice(range[0], range[1]).matchAll(PLACEHOLDER)];
    if (inSource.length === inValue.length) return lc.linePos(range[0] + (inSource[k]?.index ?? 0));
  }
  return position(doc, lc, path);
}

function withDefaults(raw: Record<string, unknown>): PlaybookDef {
  type RawStep = Omit<Partial<StepDef>, 'script'> & Pick<StepDef, 'id' | 'title' | 'service'> & { script?: string };
  type RawSignature = Omit<LogSignatureDef, 'steps' | 'windowSec' | 'minCount' | 'undated' | 'ignoreCase'> & Partial<Pick<LogSignatureDef, 'minCount' | 'undated' | 'ignoreCase'>> & { step: string | string[] };
  const r = raw as unknown as Omit<PlaybookDef, 'params' | 'steps' | 'logSignatures'> & { params?: ParamDef[]; steps: RawStep[]; logSignatures?: RawSignature[] };
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    appliesTo: r.appliesTo,
    roles: r.roles,
    params: (r.params ?? []).map((p) => ({ ...p, required: p.required ?? false })),
    steps: r.steps.map((s) => ({
      id: s.id,
      title: s.title,
      service: s.service,
      ...(s.run !== undefined ? { run: s.run } : {}),
      ...(s.script !== undefined ? { script: { file: s.script, text: '' } } : {}),
      ...(s.logs ? { logs: { tail: s.logs.tail, previous: s.logs.previous ?? false } } : {}),
      on: s.on ?? 'each',
      ...(s.roles ? { roles: s.roles } : {}),
      timeoutSec: s.timeoutSec ?? 30,
      mutating: s.mutating ?? false,
      root: s.root ?? false,
      ...(s.client ? { client: s.client } : {}),
      ...(s.withoutCatalog ? { withoutCatalog: true } : {}),
    })),
    ...(r.logSignatures?.length
      ? {
          logSignatures: r.logSignatures.map((g) => ({
            id: g.id,
            steps: typeof g.step === 'string' ? [g.step] : g.step,
            regex: g.regex,
            ignoreCase: g.ignoreCase ?? false,
            window: g.window,
            windowSec: windowSeconds(g.window) ?? 0,
            minCount: g.minCount ?? 1,
            severity: g.severity,
            undated: g.undated ?? 'ignore',
            ...(g.explainedBy ? { explainedBy: [...g.explainedBy] } : {}),
            ...(g.startGrace ? { startGrace: { line: g.startGrace.line, seconds: g.startGrace.seconds } } : {}),
            ...(g.knownBug ? { knownBug: { lp: g.knownBug.lp, package: g.knownBug.package, fixedIn: g.knownBug.fixedIn.map((f) => ({ line: f.line, version: f.version })) } } : {}),
          })),
        }
      : {}),
  };
}

/**
 * A playbook's log signatures, beyond the schema: each reads a step of the playbook, its regex
 * is safe to run over every line (regex-safety.ts), its window is within bounds, its texts are in
 * the finding-texts table in both languages and a known bug's fixed versions are versions.
 */
function signatureProblems(def: PlaybookDef, at: (path: Array<string | number>, message: string) => LoadProblem): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const ids = new Set<string>();
  (def.logSignatures ?? []).forEach((g, i) => {
    const where = `log signature "${g.id}"`;
    if (ids.has(g.id)) problems.push(at(['logSignatures', i, 'id'], `${where} is declared twice`));
    ids.add(g.id);
    for (const step of g.steps) {
      if (!def.steps.some((s) => s.id === step)) problems.push(at(['logSignatures', i, 'step'], `${where} reads step "${step}", which the playbook does not have (steps: ${def.steps.map((s) => s.id).join(', ')})`));
    }
    const bad = regexProblem(g.regex, g.ignoreCase ? 'i' : '');
    if (bad) problems.push(at(['logSignatures', i, 'regex'], `${where}: the regex ${bad}`));
    const badStart = g.startGrace ? regexProblem(g.startGrace.line, '') : null;
    if (badStart) problems.push(at(['logSignatures', i, 'startGrace', 'line'], `${where}: the start line's regex ${badStart}`));
    if (!g.windowSec) problems.push(at(['logSignatures', i, 'window'], `${where}: window "${g.window}" must be between 1m and 30d (e.g. 30m, 6h, 7d)`));
    const missing = missingSignatureTexts(def.id, g.id);
    if (missing.length) problems.push(at(['logSignatures', i, 'id'], `${where} has no text in English and Korean for ${missing.join(', ')}: add them to main/shared/finding-texts/${def.id}.ts (a title, what it means, what to do)`));
    g.knownBug?.fixedIn.forEach((f, k) => {
      if (!parseDebianVersion(f.version)) problems.push(at(['logSignatures', i, 'knownBug', 'fixedIn', k, 'version'], `${where}: "${f.version}" is not a Debian version ([epoch:]upstream[-revision])`));
    });
  });
  return problems;
}

/**
 * Parse and check one playbook file's text. `script:` steps are read from `dir` (the folder of
 * `file` unless given) and checked there too.
 */
export function parsePlaybook(text: string, file: string, folder?: string, dir = dirname(file)): { def: PlaybookDef } | { problems: LoadProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (path: Array<string | number>, message: string, key?: string): LoadProblem => ({ file, ...position(doc, lc, path, key), message });
  if (doc.errors.length) {
    // A pathological file (200,000 unclosed brackets) yields an error per bracket: show a few.
    const problems: LoadProblem[] = doc.errors.slice(0, MAX_YAML_ERRORS).map((e) => {
      const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
      return { file, line: pos.line, col: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
    });
    const more = doc.errors.length - problems.length;
    if (more > 0) problems.push({ file, line: 0, col: 0, message: `${more} more YAML error(s) not shown` });
    return { problems };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml refuses to expand an alias bomb ("billion laughs"); point at the first alias.
    if (!(err instanceof ReferenceError)) throw err;
    let alias: YamlNode | undefined;
    visit(doc, { Alias: (_key, node) => ((alias = node), visit.BREAK) });
    const pos = lc.linePos(alias?.range?.[0] ?? 0);
    return { problems: [{ file, ...pos, message: `YAML: ${(err as Error).message} (aliases may expand to at most ${MAX_ALIAS_COUNT} nodes; write the values out)` }] };
  }
  if (!validate(raw)) {
    // oneOf failures repeat the sub-schema errors; the "required run/script/logs" ones are noise then.
    const errors = (validate.errors ?? []).filter((e: ErrorObject) => !(e.keyword === 'required' && /\/steps\/\d+$/.test(e.instancePath) && ['run', 'script', 'logs'].includes(String((e.params as { missingProperty: string }).missingProperty))));
    const seen = new Set<string>();
    const problems: LoadProblem[] = [];
    for (const e of errors) {
      const d = describeError(e);
      const p = at(d.path, d.message, d.key);
      const k = formatProblem(p);
      if (!seen.has(k)) problems.push(p);
      seen.add(k);
    }
    return { problems };
  }
  const def = withDefaults(raw as Record<string, unknown>);
  const problems: LoadProblem[] = [];
  if (folder && def.id !== folder) problems.push(at(['id'], `id "${def.id}" must equal the folder name "${folder}"`));
  const paramNames = new Set<string>();
  def.params.forEach((p, i) => {
    if (paramNames.has(p.name)) problems.push(at(['params', i, 'name'], `parameter "${p.name}" is declared twice`));
    paramNames.add(p.name);
    if (p.type === 'enum' && !p.values?.length) problems.push(at(['params', i], `enum parameter "${p.name}" needs "values"`));
    if (p.pattern !== undefined) {
      try {
        new RegExp(p.pattern);
      } catch (err) {
        problems.push(at(['params', i, 'pattern'], `pattern of "${p.name}" is not a valid regular expression: ${(err as Error).message}`));
      }
    }
    if (p.default !== undefined) {
      const problem = checkParamValue(p, String(p.default));
      if (problem) problems.push(at(['params', i, 'default'], `default of "${p.name}": ${problem}`));
    }
  });
  const stepIds = new Set<string>();
  def.steps.forEach((s, i) => {
    if (stepIds.has(s.id)) problems.push(at(['steps', i, 'id'], `step id "${s.id}" is used twice`));
    if (isEngineStepId(s.id)) problems.push(at(['steps', i, 'id'], `step id "${s.id}" is one the engine adds for log signatures; choose another`));
    stepIds.add(s.id);
    // The credentials are loaded in the node's own shell, where the client runs; inside a container they would not be.
    if (s.client && s.service !== 'host') problems.push(at(['steps', i, 'client'], `step "${s.id}" says client: ${s.client}, which runs on the host: give it service: host`));
    if (s.client && s.logs) problems.push(at(['steps', i, 'client'], `step "${s.id}" reads a log: it calls no client`));
    if (s.withoutCatalog !== undefined && !s.client) problems.push(at(['steps', i, 'withoutCatalog'], `step "${s.id}" says withoutCatalog but calls no client: it goes with client: openstack`));
    if (s.script) {
      const read = readStepScript(join(dir, s.script.file), s.id, [...paramNames]);
      if ('text' in read) s.script.text = read.text;
      // A problem with the file as a whole points at the `script:` field that names it.
      else problems.push(...read.problems.map((p) => (p.line ? p : { ...p, file, ...position(doc, lc, ['steps', i, 'script']) })));
      return;
    }
    if (s.run === undefined) return;
    for (const m of s.run.matchAll(PLACEHOLDER)) {
      if (!paramNames.has(m[1] as string)) problems.push(at(['steps', i, 'run'], `step "${s.id}" uses {{${m[1]}}} but the playbook declares no parameter "${m[1]}"`));
    }
    for (const u of unsafePlaceholders(s.run)) {
      problems.push({ file, ...placeholderPosition(doc, lc, text, ['steps', i, 'run'], s.run, u.at), message: `step "${s.id}" puts {{${u.name}}} ${unsafeWhy[u.inside]}; ${unsafeFix(u)}` });
    }
  });
  problems.push(...signatureProblems(def, at));
  if (problems.length) return { problems };
  // The engine's own steps for the signatures (the node clock, installed packages) run like any other.
  def.steps.push(...signatureSteps(def));
  return { def };
}

/**
 * A step's script file, or its problems: in the script at file:line:col, or (line 0) about the
 * file as a whole, for the caller to place at the `script:` field.
 */
function readStepScript(file: string, stepId: string, paramNames: string[]): { text: string } | { problems: LoadProblem[] } {
  let read: ReturnType<typeof readLimited>;
  try {
    read = readLimited(file, 'a step script is a shell file');
  } catch (err) {
    read = { problem: `cannot read: ${reason(err)}` };
  }
  const whole = (message: string): { problems: LoadProblem[] } => ({ problems: [{ file, line: 0, col: 0, message: `step "${stepId}": script ${file} ${message}` }] });
  if (read === null) return whole('does not exist (put the file beside playbook.yaml, or fix the name)');
  if ('problem' in read) return whole(read.problem);
  const problems = scriptProblems(read.text, paramNames).map((p) => ({ file, ...p }));
  return problems.length ? { problems } : read;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+(%[\w.-]+)?$/;

/** Why `value` is not acceptable for `p`, or null. */
export function checkParamValue(p: ParamDef, value: string): string | null {
  switch (p.type) {
    case 'integer':
    case 'port': {
      if (!/^-?\d+$/.test(value)) return `"${value}" is not a whole number`;
      const n = Number(value);
      const min = p.min ?? (p.type === 'port' ? 1 : undefined);
      const max = p.max ?? (p.type === 'port' ? 65535 : undefined);
      if (min !== undefined && n < min) return `${n} is below the minimum ${min}`;
      if (max !== undefined && n > max) return `${n} is above the maximum ${max}`;
      return null;
    }
    case 'ip':
      return IPV4.test(value) || (value.includes(':') && IPV6.test(value)) ? null : `"${value}" is not an IP address`;
    case 'enum':
      return p.values?.includes(value) ? null : `"${value}" is not one of ${(p.values ?? []).join(', ')}`;
    case 'string':
      if (p.pattern !== undefined && !new RegExp(`^(?:${p.pattern})$`).test(value)) return `"${value}" does not match ${p.pattern}`;
      return value.length > 4096 ? 'longer than 4096 characters' : null;
  }
}

export interface Catalogue {
  playbooks: Map<string, LoadedPlaybook>;
  problems: LoadProblem[];
}

/** One `<dir>/<folder>/playbook.yaml` read with its limits, or why not; null when there is none. */
function readPlaybookFile(folderPath: string, file: string): { text: string } | { problem: LoadProblem } | null {
  try {
    if (!statSync(folderPath).isDirectory()) return null;
  } catch (err) {
    return { problem: { file: folderPath, line: 0, col: 0, message: `cannot read: ${reason(err)}` } };
  }
  const read = readLimited(file, 'a playbook is a YAML file');
  return read && 'problem' in read ? { problem: { file, line: 0, col: 0, message: read.problem } } : read;
}

/**
 * Load every `<dir>/<id>/playbook.yaml`. Broken ones are reported and left out; so are a folder
 * that cannot be read and a file over MAX_PLAYBOOK_BYTES: nothing here throws, since the
 * catalogue loads when the core starts and every command would fail with it. A playbook
 * without a registered analyzer gets `fallback` when one is given (site playbooks), else it is
 * a problem. Playbooks already in `into` keep their place (the shipped catalogue wins).
 */
export function loadCatalogue(dir: string, analyzers: Record<string, Analyzer>, fallback?: Analyzer, into?: Catalogue): Catalogue {
  const playbooks = into?.playbooks ?? new Map<string, LoadedPlaybook>();
  const problems: LoadProblem[] = into?.problems ?? [];
  let folders: string[];
  try {
    folders = readdirSync(dir).sort();
  } catch (err) {
    problems.push({ file: dir, line: 0, col: 0, message: `cannot read this playbook folder: ${reason(err)} (site folders come from STACKSCOPE_PLAYBOOKS; fix the path or remove it)` });
    return { playbooks, problems };
  }
  for (const folder of folders) {
    const file = join(dir, folder, 'playbook.yaml');
    let result: ReturnType<typeof parsePlaybook>;
    try {
      const read = readPlaybookFile(join(dir, folder), file);
      if (read === null) continue;
      if ('problem' in read) {
        problems.push(read.problem);
        continue;
      }
      result = parsePlaybook(read.text, file, folder);
    } catch (err) {
      problems.push({ file, line: 0, col: 0, message: `cannot load: ${reason(err)}` });
      continue;
    }
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    if (playbooks.has(result.def.id)) {
      problems.push({ file, line: 1, col: 1, message: `a playbook "${result.def.id}" is already loaded from ${playbooks.get(result.def.id)?.file}` });
      continue;
    }
    const analyze = analyzers[result.def.id] ?? fallback;
    if (!analyze) {
      problems.push({ file, line: 1, col: 1, message: `no analyzer registered for "${result.def.id}" (playbooks/catalogue/index.ts)` });
      continue;
    }
    playbooks.set(result.def.id, { def: result.def, file, analyze });
  }
  return { playbooks, problems };
}
