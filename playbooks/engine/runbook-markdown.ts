/**
 * The structure of a runbook Markdown file, with line numbers: front matter, the introduction,
 * and one `## ` section per step holding a ```step fenced metadata block and the `### Why`,
 * `### Healthy`, `### Broken` parts. Only structure here; what the metadata means is checked in
 * runbook-loader.ts.
 */
import type { LoadProblem } from './loader.js';

export type StepPart = 'body' | 'why' | 'healthy' | 'broken';

export interface RawStepSection {
  title: string;
  /** 1-based line of the `## ` heading. */
  line: number;
  /** The YAML inside the ```step fence and the line of its first content line. */
  meta: { text: string; line: number } | null;
  parts: Partial<Record<StepPart, string>>;
  /** Line of each `### ` heading, to point at a part. */
  partLines: Partial<Record<StepPart, number>>;
}

export interface RawRunbook {
  frontMatter: { text: string; line: number };
  intro: string;
  sections: RawStepSection[];
}

/** `### ` headings name a part in either language; the UI shows its own labels. */
const partHeadings: Array<[RegExp, StepPart]> = [
  [/^(why|왜)/i, 'why'],
  [/^(healthy|정상)/i, 'healthy'],
  [/^(broken|고장|문제)/i, 'broken'],
];

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

function trimBlock(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a]?.trim()) a++;
  while (b > a && !lines[b - 1]?.trim()) b--;
  return lines.slice(a, b).join('\n');
}

/** Split a runbook file into its parts; problems name file:line. */
export function splitRunbook(text: string, file: string): { runbook: RawRunbook } | { problems: LoadProblem[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: LoadProblem[] = [];
  const at = (line: number, message: string): LoadProblem => ({ file, line, col: 1, message });
  if (lines[0]?.trim() !== '---') return { problems: [at(1, 'a runbook starts with front matter: a line "---", the YAML fields, and "---"')] };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { problems: [at(1, 'the front matter is not closed by a line "---"')] };
  const frontMatter = { text: lines.slice(1, end).join('\n'), line: 2 };

  const intro: string[] = [];
  const sections: RawStepSection[] = [];
  let section: RawStepSection | null = null;
  let part: StepPart = 'body';
  let buffer: string[] = intro;
  let fence: { marker: string; line: number; meta: boolean; text: string[] } | null = null;

  const flush = (): void => {
    if (section && buffer !== intro) section.parts[part] = trimBlock(buffer);
  };

  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const n = i + 1;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]?.[0] === fence.marker[0] && (close[1]?.length ?? 0) >= fence.marker.length && !close[2]) {
        if (fence.meta && section) section.meta = { text: fence.text.join('\n'), line: fence.line + 1 };
        else buffer.push(line);
        fence = null;
      } else if (fence.meta) fence.text.push(line);
      else buffer.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      const isMeta = open[2]?.trim() === 'step';
      if (isMeta) {
        if (!section) problems.push(at(n, 'a ```step block outside a step: put it under the step\'s "## " heading'));
        else if (section.meta) problems.push(at(n, `step "${section.title}" has a second \`\`\`step block (first at line ${section.meta.line - 1})`));
        else if (part !== 'body') problems.push(at(n, `the \`\`\`step block of "${section.title}" must come before its "### " parts`));
      } else buffer.push(line);
      fence = { marker: open[1] as string, line: n, meta: isMeta && !!section && !section.meta && part === 'body', text: [] };
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const level = (h[1] as string).length;
      const title = (h[2] as string).trim();
      if (level === 1) {
        problems.push(at(n, 'no "# " title in a runbook: the title is the front matter\'s "title"'));
        continue;
      }
      if (level === 2) {
        flush();
        section = { title, line: n, meta: null, parts: {}, partLines: {} };
        sections.push(section);
        part = 'body';
        buffer = [];
        continue;
      }
      if (level === 3) {
        if (!section) {
          problems.push(at(n, `"### ${title}" before the first step ("## " heading)`));
          continue;
        }
        const which = partHeadings.find(([re]) => re.test(title))?.[1];
        if (!which) {
          problems.push(at(n, `unknown part "### ${title}" in step "${section.title}": use ### Why, ### Healthy output looks like, ### Broken output looks like`));
          continue;
        }
        if (section.partLines[which]) {
          problems.push(at(n, `step "${section.title}" has "### ${title}" twice (first at line ${section.partLines[which]})`));
          continue;
        }
        flush();
        part = which;
        section.partLines[which] = n;
        buffer = [];
        continue;
      }
    }
    buffer.push(line);
  }
  if (fence) problems.push(at(fence.line, 'a fenced block is not closed'));
  flush();
  for (const s of sections) if (!s.meta) problems.push(at(s.line, `step "${s.title}" has no \`\`\`step block (its id and what it runs)`));
  return problems.length ? { problems } : { runbook: { frontMatter, intro: trimBlock(intro), sections } };
}
