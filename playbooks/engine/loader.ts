/**
 * Load playbooks: YAML → JSON Schema check → semantic checks → a typed PlaybookDef with defaults.
 * Every problem comes back as `file:line:col: what is wrong`; one broken playbook never stops the
 * others from loading.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import schema from '../playbook.schema.json' with { type: 'json' };
import type { Analyzer, ParamDef, PlaybookDef, StepDef } from './types.js';

export interface LoadProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: LoadProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

export interface LoadedPlaybook {
  def: PlaybookDef;
  file: string;
  analyze: Analyzer;
}

const validate = new Ajv({ allErrors: true, strict: false }).compile<unknown>(schema);

export const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;

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
      return { path, message: `${where} needs exactly one of "run" or "logs"` };
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

/**
 * Offsets of `{{…}}` placeholders that sit inside quotes. Inside double quotes a single-quoted
 * value would lose its protection (`"$(…)"` still expands), inside single quotes it would break
 * out; so placeholders must stand where a whole word goes.
 */
export function quotedPlaceholders(template: string): number[] {
  const bad: number[] = [];
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (template.startsWith('{{', i)) {
      if (quote) bad.push(i);
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = '';
    } else if (c === '\\') {
      i++;
    } else if (quote === '"') {
      if (c === '"') quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
    }
  }
  return bad;
}

function withDefaults(raw: Record<string, unknown>): PlaybookDef {
  const r = raw as unknown as PlaybookDef & { params?: ParamDef[]; steps: Array<Partial<StepDef> & Pick<StepDef, 'id' | 'title' | 'service'>> };
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
      ...(s.logs ? { logs: { tail: s.logs.tail, previous: s.logs.previous ?? false } } : {}),
      on: s.on ?? 'each',
      ...(s.roles ? { roles: s.roles } : {}),
      timeoutSec: s.timeoutSec ?? 30,
      mutating: s.mutating ?? false,
    })),
  };
}

/** Parse and check one playbook file's text. */
export function parsePlaybook(text: string, file: string, folder?: string): { def: PlaybookDef } | { problems: LoadProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (path: Array<string | number>, message: string, key?: string): LoadProblem => ({ file, ...position(doc, lc, path, key), message });
  if (doc.errors.length) {
    return {
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const raw: unknown = doc.toJS();
  if (!validate(raw)) {
    // oneOf failures repeat the sub-schema errors; the "required run/logs" ones are noise then.
    const errors = (validate.errors ?? []).filter((e: ErrorObject) => !(e.keyword === 'required' && /\/steps\/\d+$/.test(e.instancePath) && ['run', 'logs'].includes(String((e.params as { missingProperty: string }).missingProperty))));
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
    stepIds.add(s.id);
    if (s.run === undefined) return;
    for (const m of s.run.matchAll(PLACEHOLDER)) {
      if (!paramNames.has(m[1] as string)) problems.push(at(['steps', i, 'run'], `step "${s.id}" uses {{${m[1]}}} but the playbook declares no parameter "${m[1]}"`));
    }
    if (quotedPlaceholders(s.run).length) {
      problems.push(at(['steps', i, 'run'], `step "${s.id}" puts a {{parameter}} inside quotes; it must stand where a whole shell word goes (the engine quotes it)`));
    }
  });
  return problems.length ? { problems } : { def };
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

/**
 * Load every `<dir>/<id>/playbook.yaml`. Broken ones are reported and left out. A playbook
 * without a registered analyzer gets `fallback` when one is given (site playbooks), else it is
 * a problem. Playbooks already in `into` keep their place (the shipped catalogue wins).
 */
export function loadCatalogue(dir: string, analyzers: Record<string, Analyzer>, fallback?: Analyzer, into?: Catalogue): Catalogue {
  const playbooks = into?.playbooks ?? new Map<string, LoadedPlaybook>();
  const problems: LoadProblem[] = into?.problems ?? [];
  const folders = existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort() : [];
  for (const folder of folders) {
    const file = join(dir, folder, 'playbook.yaml');
    if (!existsSync(file)) continue;
    const result = parsePlaybook(readFileSync(file, 'utf8'), file, folder);
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
