/**
 * Secrets that a line cannot recognise alone, only with the lines before it:
 * - every value under a Kubernetes Secret's `data:` / `stringData:` (kubectl -o yaml, pretty -o json),
 * - a YAML block scalar whose key names a secret (`password: |`, a stringData file),
 * - an env value whose name came on the line before (`- name: DB_PASSWORD` / `value: …`),
 * - a column of a table whose header names a secret (`openstack ec2 credentials list`).
 * Under `data` every one-word value goes (a Secret's values are base64, one word); values with
 * spaces (a ConfigMap's file, `ceph -s`'s `data:` section) stay for the ordinary rules.
 */
import { keepValue, secretKind } from './redact-names.js';
import { hide, padCell, REDACTED } from './redact-rules.js';

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isSecretName = (name: string): boolean => {
  const kind = secretKind(name);
  return kind === 'secret' || kind === 'authorization' || kind === 'key';
};

/** JSON nesting a line adds (strings skipped). */
function depthChange(line: string): number {
  let d = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      for (i++; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
    } else if (c === '{' || c === '[') d++;
    else if (c === '}' || c === ']') d--;
  }
  return d;
}

const yamlChild = /^(\s*(?:-\s+)?(?:[-._A-Za-z0-9/]+|"[^"]*"|'[^']*'):)(?:([ \t]+)(.*))?$/;
const jsonChild = /^(\s*"(?:[^"\\]|\\.)*"\s*:\s*)("(?:[^"\\]|\\.)*")(.*)$/;

export class SecretStructure {
  private yaml: { indent: number; all: boolean; child: number | null; hideDeeper: boolean } | null = null;
  private json: { depth: number; all: boolean } | null = null;
  /** Lines indented deeper than this are a secret's value (a block scalar). */
  private hideDeeperThan: number | null = null;
  /** The previous line named a secret env var: its value follows. */
  private secretNameBefore = false;
  private table: { cells: number; secret: number[] } | null = null;
  private headerNext = false;

  /** A line that belongs to a secret structure, redacted; null when it is the ordinary rules' business. */
  inside(line: string): string | null {
    const indent = indentOf(line);
    const blank = indent === line.length;
    if (this.hideDeeperThan !== null) {
      if (blank) return line;
      if (indent > this.hideDeeperThan) return line.slice(0, indent) + REDACTED;
      this.hideDeeperThan = null;
    }
    if (this.yaml && !blank) {
      const d = this.yaml;
      if (indent <= d.indent) this.yaml = null;
      else {
        d.child ??= indent;
        if (indent > d.child) return d.hideDeeper ? line.slice(0, indent) + REDACTED : null;
        const m = yamlChild.exec(line);
        const value = (m?.[3] ?? '').trim();
        d.hideDeeper = d.all;
        if (!m || value === '' || /^[|>][-+0-9]*$/.test(value)) return null;
        if (!d.all && /\s/.test(value)) return null;
        d.hideDeeper = true;
        return `${m[1]}${m[2]}${hide(value)}`;
      }
    }
    if (this.json) {
      const j = this.json;
      const top = j.depth === 1;
      j.depth += depthChange(line);
      if (j.depth <= 0) this.json = null;
      const m = top ? jsonChild.exec(line) : null;
      if (m && (j.all || !/\s|\\[nrt]/.test(m[2]!.slice(1, -1))) && m[2] !== '""') return `${m[1]}${hide(m[2]!)}${m[3]}`;
    }
    return null;
  }

  /** After the ordinary rules: what the line opens for the next ones, and an env value its name announced. */
  after(line: string, out: string): string {
    let result = out;
    if (this.secretNameBefore) {
      result = result.replace(/^(\s*"value"\s*:\s*)("(?:[^"\\]|\\.)*")/, (m, head: string, v: string) => (keepValue('secret', v.slice(1, -1)) ? m : head + hide(v)));
      const y = /^(\s*value:[ \t]*)(\S.*?)\s*$/.exec(result);
      if (y && /^[|>][-+0-9]*$/.test(y[2]!)) this.hideDeeperThan = indentOf(line);
      else if (y && !keepValue('secret', y[2]!)) result = y[1] + hide(y[2]!);
    }
    this.secretNameBefore =
      /^\s*"name"\s*:\s*"([A-Za-z0-9_.-]*)"\s*,?\s*$/.test(line) && isSecretName(/"name"\s*:\s*"([^"]*)"/.exec(line)![1]!)
        ? true
        : isSecretName(/^\s*(?:-\s+)?name:\s*["']?([A-Za-z0-9_.-]+)["']?\s*$/.exec(line)?.[1] ?? '');
    const data = /^(\s*)(-\s+)?(data|stringData):\s*$/.exec(line);
    if (data) this.yaml = { indent: data[1]!.length + (data[2]?.length ?? 0), all: data[3] === 'stringData', child: null, hideDeeper: false };
    const json = /^\s*"(data|stringData)"\s*:\s*\{\s*$/.exec(line);
    if (json) this.json = { depth: 1, all: json[1] === 'stringData' };
    const block = /^(\s*)(-\s+)?([A-Za-z][\w.-]*):\s*[|>][-+0-9]*\s*$/.exec(line);
    if (block && isSecretName(block[3]!)) this.hideDeeperThan = block[1]!.length + (block[2]?.length ?? 0);
    return this.tableRow(line, result);
  }

  /** Columns of a table whose header names a secret (`| Access | Secret | Project ID |`). */
  private tableRow(line: string, out: string): string {
    const t = line.trim();
    if (/^\+[-+=]+\+$/.test(t)) {
      this.headerNext = this.table === null;
      return out;
    }
    if (!t.startsWith('|') || !t.endsWith('|')) {
      this.table = null;
      this.headerNext = false;
      return out;
    }
    const cells = t.slice(1, -1).split('|');
    if (this.headerNext) {
      this.headerNext = false;
      const secret = cells.map((c, i) => (isSecretName(c.trim()) ? i : -1)).filter((i) => i >= 0);
      this.table = secret.length > 0 && cells.length > 2 ? { cells: cells.length, secret } : null;
      return out;
    }
    // Split what the ordinary rules left, so a secret they hid in another cell stays hidden.
    const outCells = out.trim().slice(1, -1).split('|');
    if (!this.table || cells.length !== this.table.cells || outCells.length !== cells.length) return out;
    for (const i of this.table.secret) {
      const v = outCells[i]!.trim();
      if (v !== '' && !keepValue('secret', v)) outCells[i] = padCell(outCells[i]!);
    }
    return `${out.slice(0, out.indexOf('|'))}|${outCells.join('|')}|`;
  }
}
