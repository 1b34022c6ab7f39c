import type { CaseDetail, CaseSummary, Cluster, Run, StepResult } from '../contract/types.js';

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
  return [s.nodeName, state, exit, duration(s.durationMs), s.error ?? ''];
}

export function formatClusters(clusters: Cluster[]): string {
  if (clusters.length === 0) return 'No clusters yet. Add one: stackscope cluster add NAME --deployment packages';
  return clusters
    .map((c) => {
      const rows = c.nodes.map((n) => [
        `  ${n.name}`,
        `${n.user}@${n.host}:${n.port}`,
        n.roles.join(','),
        n.auth.method,
        n.jumpNodeId ? `via ${c.nodes.find((j) => j.id === n.jumpNodeId)?.name ?? n.jumpNodeId}` : '',
        n.hostKey ? dim(n.hostKey.fingerprint) : yellow('host key not trusted'),
      ]);
      return `${bold(c.name)} (${c.deployment})\n${rows.length ? table(rows) : '  (no nodes)'}`;
    })
    .join('\n\n');
}

export function formatCases(cases: CaseSummary[]): string {
  if (cases.length === 0) return 'No cases yet.';
  return table([
    ['ID', 'SEVERITY', 'STATUS', 'RUNS', 'OPENED', 'TITLE'],
    ...cases.map((c) => [String(c.id), c.severity, c.status, String(c.runCount), c.openedAt.replace('T', ' ').slice(0, 19), c.title]),
  ]);
}

export function formatRun(run: Run, withOutput: boolean): string {
  const head = `Run ${run.id} · ${run.kind} · ${run.state} · started ${run.startedAt}\n$ ${run.title}`;
  const summary = table(run.steps.map(stepLine));
  if (!withOutput) return `${head}\n${summary}`;
  const outputs = run.steps
    .map((s) => {
      const parts = [`--- ${s.nodeName} (${s.state}${s.exitCode !== null ? `, exit ${s.exitCode}` : ''}) ---`];
      if (s.stdout) parts.push(s.stdout.replace(/\n$/, ''));
      if (s.stderr) parts.push(dim('[stderr]'), s.stderr.replace(/\n$/, ''));
      if (s.error) parts.push(red(`[${s.error}]`));
      return parts.join('\n');
    })
    .join('\n');
  return `${head}\n${summary}\n${outputs}`;
}

export function formatCase(c: CaseDetail): string {
  const head = `Case ${c.id}: ${c.title}\nseverity ${c.severity} · status ${c.status} · cluster ${c.clusterName ?? '-'} · opened ${c.openedAt}`;
  if (c.runs.length === 0) return `${head}\n\nNo runs yet.`;
  return `${head}\n\n${c.runs.map((r) => formatRun(r, true)).join('\n\n')}`;
}
