import { clusterProfileDefaults, type CaseDetail, type CaseSearchHit, type CaseSummary, type Cluster, type Run, type StepResult } from '../contract/types.js';

/**
 * C0 and C1 controls (but tab and newline), DEL, and the bidi controls that reorder what follows.
 * Printed as they are, remote output could set the clipboard (OSC 52), retitle the window, move the
 * cursor, erase or overwrite lines (CSI, `\r`, `ESC c`) or reverse text (U+202E) and so hide or
 * fake what a command printed.
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE_TEXT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const UNSAFE_LINE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const UNSAFE_JSON = new RegExp(`[\\u007f-\\u009f${BIDI}]`, 'g');

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text from a node, a playbook or a user, made safe to print: each unsafe character is shown as
 * `\x1b` (below U+0100) or `\u202e`, so it stays visible and does nothing; CRLF line ends become
 * LF. `one-line` also escapes tab and newline, for a field that must not start a fake line (a title
 * in a table). Apply it to the text before painting it: our own colours come after. `--json`
 * output goes through toJson instead.
 */
export function terminalSafe(text: string, mode: 'lines' | 'one-line' = 'lines'): string {
  return mode === 'lines' ? text.replace(/\r\n/g, '\n').replace(UNSAFE_TEXT, escapeChar) : text.replace(UNSAFE_LINE, escapeChar);
}

/** terminalSafe for one field of a line or a table cell. */
export const oneLine = (text: string): string => terminalSafe(text, 'one-line');

/**
 * `--json` output: JSON.stringify escapes C0 controls but writes DEL, C1 controls and bidi
 * controls raw; as `\u…` escapes they are the same JSON value and harmless on a terminal.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (s: string) => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s);
export const red = paint(31);
export const green = paint(32);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

export function duration(ms: number | null): string {
  if (ms === null) return '-';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ')).join('\n');
}

export function stepLine(s: StepResult): string[] {
  const state = s.state === 'succeeded' ? green(s.state) : s.state === 'running' || s.state === 'pending' ? s.state : red(s.state);
  const exit = s.exitCode !== null ? `exit ${s.exitCode}` : s.exitSignal ? `signal ${s.exitSignal}` : '-';
  // A playbook's step is named by its id (its generated script stays in the case log).
  return [s.stepKey === 'exec' ? oneLine(s.nodeName) : `${oneLine(s.stepKey)} · ${oneLine(s.nodeName)}`, state, exit, duration(s.durationMs), oneLine(s.error ?? '')];
}

/** `kolla, podman`: the flavour, then what its profile says when it is not the default. */
export function clusterKind(c: Pick<Cluster, 'deployment' | 'containerEngine' | 'namespace'>): string {
  const extra = [c.containerEngine !== clusterProfileDefaults.containerEngine ? c.containerEngine : '', c.namespace !== clusterProfileDefaults.namespace ? `namespace ${c.namespace}` : ''];
  return oneLine([c.deployment, ...extra.filter(Boolean)].join(', '));
}

export function formatClusters(clusters: Cluster[]): string {
  if (clusters.length === 0) return 'No clusters yet. Add one: stackscope cluster add NAME --deployment packages';
  return clusters
    .map((c) => {
      const rows = c.nodes.map((n) => [
        `  ${oneLine(n.name)}`,
        oneLine(`${n.user}@${n.host}:${n.port}`),
        n.roles.join(','),
        n.auth.method,
        // Where root steps go through sudo (become): `sudo root`, `sudo root (password)`.
        (n.become ?? c.become).enabled && n.user !== 'root' ? oneLine(`sudo ${(n.become ?? c.become).user}${(n.become ?? c.become).password ? ' (password)' : ''}`) : '',
        n.jumpNodeId ? `via ${oneLine(c.nodes.find((j) => j.id === n.jumpNodeId)?.name ?? String(n.jumpNodeId))}` : '',
        n.hostKey ? dim(n.hostKey.fingerprint) : yellow('host key not trusted'),
      ]);
      return `${bold(oneLine(c.name))} (${clusterKind(c)})\n${rows.length ? table(rows) : '  (no nodes)'}`;
    })
    .join('\n\n');
}

export function formatCases(cases: CaseSummary[]): string {
  if (cases.length === 0) return 'No cases yet.';
  return table([
    ['ID', 'SEVERITY', 'STATUS', 'RUNS', 'OPENED', 'TITLE'],
    ...cases.map((c) => [String(c.id), c.severity, c.status, String(c.runCount), c.openedAt.replace('T', ' ').slice(0, 19), oneLine(c.title)]),
  ]);
}

export function formatRun(run: Run, withOutput: boolean): string {
  const head = `Run ${run.id} · ${run.kind} · ${run.state} · started ${run.startedAt}\n$ ${terminalSafe(run.title)}`;
  const summary = table(run.steps.map(stepLine));
  if (!withOutput) return `${head}\n${summary}`;
  const outputs = run.steps
    .map((s) => {
      const parts = [`--- ${oneLine(s.nodeName)} (${s.state}${s.exitCode !== null ? `, exit ${s.exitCode}` : ''}) ---`];
      if (s.stdout) parts.push(terminalSafe(s.stdout).replace(/\n$/, ''));
      if (s.stderr) parts.push(dim('[stderr]'), terminalSafe(s.stderr).replace(/\n$/, ''));
      if (s.error) parts.push(red(`[${terminalSafe(s.error)}]`));
      return parts.join('\n');
    })
    .join('\n');
  return `${head}\n${summary}\n${outputs}`;
}

/** The case: its head, the summary of its findings (lines from summary-format.ts), then its runs. */
export function formatCase(c: CaseDetail, o: { summary: string[]; withOutput: boolean }): string {
  const head = `Case ${c.id}: ${oneLine(c.title)}\nseverity ${c.severity} · status ${c.status} · cluster ${oneLine(c.clusterName ?? '-')} · opened ${c.openedAt}`;
  if (c.runs.length === 0) return `${head}\n\nNo runs yet.`;
  const findings = o.summary.length ? o.summary.join('\n') : dim('No findings: only ad-hoc commands ran.');
  const runs = c.runs.map((r) => formatRun(r, o.withOutput)).join('\n\n');
  return `${head}\n\n${findings}\n\n${bold('RUNS')}${o.withOutput ? '' : dim(` (outputs: stackscope case show ${c.id} --output)`)}\n${runs}`;
}

/** Where a search hit is: its case, and the output line, finding or note it was found in. */
export function formatHitPlace(h: CaseSearchHit): string {
  const where =
    h.where === 'output'
      ? `${oneLine(h.nodeName ?? '?')} · ${h.step !== null ? oneLine(h.step) : `$ ${oneLine(h.command ?? '')}`} · ${h.stream ?? 'stdout'} line ${h.line ?? '?'} (step ${h.stepId})`
      : h.where === 'finding'
        ? `finding${h.nodeName ? ` on ${oneLine(h.nodeName)}` : ''}`
        : h.where === 'note'
          ? `note by ${oneLine(h.author ?? '?')}`
          : 'title';
  return `case ${h.caseId} (${oneLine(h.caseTitle)}) · ${where}`;
}
