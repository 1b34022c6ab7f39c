/**
 * Load guided runbooks: `<dir>/<id>/runbook.md` (English, with all metadata) and a translation
 * per other language, `runbook.<lang>.md`, which repeats the step sections in the same order with
 * only the step ids in their ```step blocks. A broken runbook is left out and reported as
 * `file:line:col: reason`; steps that run a playbook must name a catalogue playbook with valid
 * parameters, and commands must pass the read-only check.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { deployments, nodeRoles, runbookLevels, type Lang, type LocalText, type RunbookAction, type RunbookInfo, type RunbookStepInfo } from '../../main/contract/types.js';
import { formatProblem, type Catalogue, type LoadProblem } from './loader.js';
import { mutatingReason } from './read-only.js';
import { splitRunbook, type RawRunbook, type RawStepSection, type StepPart } from './runbook-markdown.js';
import { bindParams, PlaybookInputError } from './run.js';
import { serviceIds } from './types.js';

const langs = ['en', 'ko'] as const satisfies readonly Lang[];
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');
const text = z.string().trim().min(1, 'must not be empty');

const frontMatterSchema = z
  .object({
    id: slug,
    title: z.object({ en: text, ko: text }).strict(),
    level: z.enum(runbookLevels),
    languages: z.array(z.enum(langs)).min(1).refine((l) => l.includes('en'), 'must include en (runbook.md is English)'),
    appliesTo: z.array(z.enum(deployments)).min(1),
    fault: slug.optional(),
    learned: z.array(text).max(8).optional(),
  })
  .strict();

const translationFrontMatterSchema = z.object({ translates: slug, lang: z.enum(langs), learned: z.array(text).max(8).optional() }).strict();

/** A regular expression a step's output is matched with: it must compile. */
const pattern = text.refine((p) => {
  try {
    new RegExp(p, 'm');
    return true;
  } catch {
    return false;
  }
}, 'is not a valid regular expression');

const stepMetaSchema = z
  .object({
    id: slug,
    playbook: slug.optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    command: text.optional(),
    service: z.enum(serviceIds).optional(),
    roles: z.array(z.enum(nodeRoles)).min(1).optional(),
    on: z.enum(['each', 'one', 'pick']).optional(),
    timeoutSec: z.number().int().min(1).max(3600).optional(),
    mutating: z.boolean().optional(),
    root: z.boolean().optional(),
    expect: z.object({ healthy: pattern, broken: pattern }).strict().optional(),
  })
  .strict();
type StepMeta = z.infer<typeof stepMetaSchema>;

const translationStepSchema = z.object({ id: slug }).strict();

export interface RunbookSet {
  runbooks: Map<string, RunbookInfo>;
  problems: LoadProblem[];
}

/**
 * Line and column of a path in a YAML document: the value when it is there (the key when `key`),
 * else the nearest parent that is.
 */
function position(doc: Document, lc: LineCounter, path: PropertyKey[], key = false): { line: number; col: number } {
  const keys = path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  for (let p = keys; ; p = p.slice(0, -1)) {
    const node = (p.length ? doc.getIn(p, true) : doc.contents) as YamlNode | undefined;
    if (!key && node?.range) return lc.linePos(node.range[0]);
    const parent = (p.length > 1 ? doc.getIn(p.slice(0, -1), true) : doc.contents) as YamlNode | undefined;
    if (p.length && parent && isMap(parent)) {
      const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p.at(-1)));
      if (pair && isScalar(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]);
    }
    if (node?.range) return lc.linePos(node.range[0]);
    if (!p.length) return { line: 1, col: 1 };
  }
}

/** Parse YAML that starts at `firstLine` of `file` and check it against `schema`. */
function parseYaml<S extends z.ZodType>(
  yamlText: string,
  firstLine: number,
  file: string,
  schema: S,
  what: string,
): { value: z.output<S>; posOf: (path: PropertyKey[]) => { line: number; col: number } } | { problems: LoadProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const where = (pos: { line: number; col: number }): { file: string; line: number; col: number } => ({ file, line: firstLine + pos.line - 1, col: pos.col });
  if (doc.errors.length) return { problems: doc.errors.map((e) => ({ ...where(e.linePos?.[0] ?? lc.linePos(e.pos[0])), message: `YAML in ${what}: ${e.message.split('\n')[0]}` })) };
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => {
        const unknownKey = i.code === 'unrecognized_keys' ? (i.keys[0] as string) : undefined;
        const path = unknownKey ? [...i.path, unknownKey] : i.path;
        const field = path.length ? path.map(String).join('.') : what;
        const missing = i.code === 'invalid_type' && !doc.hasIn(path.map((k) => (typeof k === 'symbol' ? String(k) : k)));
        const message = unknownKey ? `unknown field "${unknownKey}" in ${what}` : missing ? `${what} is missing the field "${field}"` : `${field}: ${i.message}`;
        return { ...where(position(doc, lc, path, !!unknownKey)), message };
      }),
    };
  }
  return { value: parsed.data, posOf: (path) => where(position(doc, lc, path)) };
}

const parts: StepPart[] = ['body', 'why', 'healthy', 'broken'];

function action(meta: StepMeta): RunbookAction {
  if (meta.playbook) return { kind: 'playbook', playbookId: meta.playbook, params: Object.fromEntries(Object.entries(meta.params ?? {}).map(([k, v]) => [k, String(v)])) };
  if (meta.command) return { kind: 'command', command: meta.command, service: meta.service ?? 'host', roles: meta.roles ?? [], on: meta.on ?? 'each', timeoutSec: meta.timeoutSec ?? 60, mutating: meta.mutating === true, root: meta.root === true };
  return { kind: 'read' };
}

/** What is wrong with a step's metadata, given the catalogue, as [path, message] pairs. */
function stepProblems(meta: StepMeta, appliesTo: RunbookInfo['appliesTo'], catalogue: Catalogue): Array<[PropertyKey[], string]> {
  const out: Array<[PropertyKey[], string]> = [];
  const s = `step "${meta.id}"`;
  if (meta.playbook && meta.command) out.push([['command'], `${s} gives both "playbook" and "command"; a step runs one of them`]);
  if (!meta.playbook && meta.params) out.push([['params'], `${s} has "params" but runs no playbook`]);
  if (!meta.command) for (const k of ['roles', 'on', 'timeoutSec', 'service', 'mutating', 'root', 'expect'] as const) if (meta[k] !== undefined) out.push([[k], `${s} has "${k}" but runs no command`]);
  if (meta.command && !meta.roles) out.push([['command'], `${s} runs a command: say on which nodes with "roles" (e.g. [controller])`]);
  if (meta.command && !meta.mutating) {
    const why = mutatingReason(meta.command);
    if (why) out.push([['command'], `${s}: this command ${why}; runbook commands only read unless the step says "mutating: true" (then it runs only after the trainee confirms it)`]);
  }
  if (meta.on === 'pick' && !meta.mutating) out.push([['on'], `${s}: "on: pick" (the trainee chooses the node) is for steps that change the cluster ("mutating: true")`]);
  if (meta.playbook) {
    const p = catalogue.playbooks.get(meta.playbook);
    if (!p) {
      out.push([['playbook'], `${s}: no playbook "${meta.playbook}" in the catalogue (known: ${[...catalogue.playbooks.keys()].join(', ')})`]);
      return out;
    }
    const mutating = p.def.steps.filter((x) => x.mutating).map((x) => x.id);
    if (mutating.length) out.push([['playbook'], `${s}: playbook "${meta.playbook}" changes the cluster (${mutating.join(', ')}); runbooks only read`]);
    const missing = appliesTo.filter((d) => !p.def.appliesTo.includes(d));
    if (missing.length) out.push([['playbook'], `${s}: playbook "${meta.playbook}" does not apply to ${missing.join(', ')}, which the runbook's appliesTo lists`]);
    try {
      bindParams(p.def, Object.fromEntries(Object.entries(meta.params ?? {}).map(([k, v]) => [k, String(v)])));
    } catch (err) {
      if (!(err instanceof PlaybookInputError)) throw err;
      out.push([['params'], `${s}: ${err.message}`]);
    }
  }
  return out;
}

interface Translation {
  lang: Lang;
  file: string;
  raw: RawRunbook;
}

/** Parse one runbook (its English file and translations) against the catalogue. */
export function parseRunbook(
  source: { file: string; text: string; folder?: string },
  translations: Array<{ file: string; text: string }>,
  catalogue: Catalogue,
): { runbook: RunbookInfo } | { problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  const split = splitRunbook(source.text, source.file);
  if ('problems' in split) return split;
  const raw = split.runbook;
  const fm = parseYaml(raw.frontMatter.text, raw.frontMatter.line, source.file, frontMatterSchema, 'the front matter');
  if ('problems' in fm) return fm;
  const front = fm.value;
  const at = (pos: number | { line: number; col: number }, message: string, file = source.file): LoadProblem => ({ file, ...(typeof pos === 'number' ? { line: pos, col: 1 } : pos), message });
  if (source.folder && front.id !== source.folder) problems.push(at(fm.posOf(['id']), `id "${front.id}" must equal the folder name "${source.folder}"`));
  if (raw.sections.length === 0) problems.push(at(raw.frontMatter.line, 'a runbook needs at least one step ("## " heading with a ```step block)'));

  const steps: Array<{ meta: StepMeta; section: RawStepSection }> = [];
  const ids = new Map<string, { line: number; col: number }>();
  for (const section of raw.sections) {
    const meta = section.meta as { text: string; line: number };
    const parsed = parseYaml(meta.text, meta.line, source.file, stepMetaSchema, `the step block of "${section.title}"`);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const m = parsed.value;
    if (ids.has(m.id)) problems.push(at(parsed.posOf(['id']), `step id "${m.id}" is used twice (first at line ${ids.get(m.id)?.line})`));
    ids.set(m.id, parsed.posOf(['id']));
    for (const [path, message] of stepProblems(m, front.appliesTo, catalogue)) problems.push(at(parsed.posOf(path), message));
    const needed: StepPart[] = m.playbook || m.command ? ['why', 'healthy', 'broken'] : ['why'];
    for (const p of needed) if (!section.parts[p]) problems.push(at(section.line, `step "${m.id}" has no "### ${p === 'why' ? 'Why' : p === 'healthy' ? 'Healthy output looks like' : 'Broken output looks like'}" part`));
    steps.push({ meta: m, section });
  }

  const translated = new Map<Lang, Translation>();
  const learnedByLang = new Map<Lang, string[]>();
  // Translations are compared step by step with runbook.md: only once runbook.md itself is sound.
  for (const t of problems.length ? [] : translations) {
    const ts = splitRunbook(t.text, t.file);
    if ('problems' in ts) {
      problems.push(...ts.problems);
      continue;
    }
    const tfm = parseYaml(ts.runbook.frontMatter.text, ts.runbook.frontMatter.line, t.file, translationFrontMatterSchema, 'the front matter');
    if ('problems' in tfm) {
      problems.push(...tfm.problems);
      continue;
    }
    if (tfm.value.translates !== front.id) problems.push(at(tfm.posOf(['translates']), `translates "${tfm.value.translates}" but the runbook is "${front.id}"`, t.file));
    if (!front.languages.includes(tfm.value.lang)) problems.push(at(tfm.posOf(['lang']), `a ${tfm.value.lang} translation, but the runbook's languages are ${front.languages.join(', ')}`, t.file));
    const tsteps = ts.runbook.sections;
    tsteps.forEach((section, i) => {
      const meta = section.meta as { text: string; line: number };
      const parsed = parseYaml(meta.text, meta.line, t.file, translationStepSchema, `the step block of "${section.title}" (a translation gives only the id)`);
      if ('problems' in parsed) return void problems.push(...parsed.problems);
      const expected = steps[i]?.meta.id;
      if (parsed.value.id !== expected) {
        problems.push(at(parsed.posOf(['id']), expected ? `step ${i + 1} is "${parsed.value.id}" here but "${expected}" in runbook.md; translations keep the steps in the same order` : `step "${parsed.value.id}" is not in runbook.md`, t.file));
        return;
      }
      const original = steps[i]?.section;
      for (const p of parts) if (original?.parts[p] && !section.parts[p]) problems.push(at(section.line, `step "${expected}" has no ${p === 'body' ? 'text before its parts' : `"### ${p}" part`}, which runbook.md has`, t.file));
    });
    for (const missing of steps.slice(tsteps.length)) problems.push(at(ts.runbook.frontMatter.line, `step "${missing.meta.id}" of runbook.md is missing here`, t.file));
    const tl = tfm.value.learned;
    if ((tl?.length ?? 0) !== (front.learned?.length ?? 0)) {
      problems.push(at(tfm.posOf(tl ? ['learned'] : ['lang']), `learned has ${tl?.length ?? 0} line(s) here and ${front.learned?.length ?? 0} in runbook.md; a translation gives each line once, in the same order`, t.file));
    }
    if (tl) learnedByLang.set(tfm.value.lang, tl);
    translated.set(tfm.value.lang, { lang: tfm.value.lang, file: t.file, raw: ts.runbook });
  }
  if (!problems.length) for (const l of front.languages) if (l !== 'en' && !translated.has(l)) problems.push(at(fm.posOf(['languages']), `languages lists ${l} but there is no runbook.${l}.md`));
  if (problems.length) return { problems };

  const local = (pick: (r: RawRunbook) => string): LocalText => {
    const en = pick(raw);
    return { en, ko: translated.get('ko') ? pick((translated.get('ko') as Translation).raw) : en };
  };
  const stepInfos: RunbookStepInfo[] = steps.map(({ meta }, i) => {
    const of = (p: StepPart) => local((r) => r.sections[i]?.parts[p] ?? '');
    return { id: meta.id, action: action(meta), title: local((r) => r.sections[i]?.title ?? ''), body: of('body'), why: of('why'), healthy: of('healthy'), broken: of('broken'), expect: meta.expect ?? null };
  });
  const learnedKo = learnedByLang.get('ko');
  const learned = (front.learned ?? []).map((en, i) => ({ en, ko: learnedKo?.[i] ?? en }));
  return {
    runbook: {
      id: front.id,
      title: front.title,
      summary: local((r) => r.intro),
      level: front.level,
      languages: front.languages,
      appliesTo: front.appliesTo,
      fault: front.fault ?? null,
      steps: stepInfos,
      learned,
      file: source.file,
    },
  };
}

/** Load every `<dir>/<id>/runbook.md` with its `runbook.<lang>.md` translations. */
export function loadRunbooks(dir: string, catalogue: Catalogue): RunbookSet {
  const runbooks = new Map<string, RunbookInfo>();
  const problems: LoadProblem[] = [];
  const folders = existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort() : [];
  for (const folder of folders) {
    const file = join(dir, folder, 'runbook.md');
    if (!existsSync(file)) continue;
    const translations = readdirSync(join(dir, folder))
      .filter((f) => /^runbook\.[a-z]{2}\.md$/.test(f))
      .sort()
      .map((f) => ({ file: join(dir, folder, f), text: readFileSync(join(dir, folder, f), 'utf8') }));
    const r = parseRunbook({ file, text: readFileSync(file, 'utf8'), folder }, translations, catalogue);
    if ('problems' in r) problems.push(...r.problems);
    else runbooks.set(r.runbook.id, r.runbook);
  }
  return { runbooks, problems };
}

export { formatProblem };
