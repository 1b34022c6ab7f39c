/**
 * Fixtures: real outputs captured from a cluster (or quoted from public docs and bug reports),
 * laid out as `fixtures/<scenario>/<node>/<step>.out` (stdout), optional `.err` (stderr) and
 * `.exit` (exit code, default 0; `timeout`, `error: reason` for steps that never completed), plus
 * `input.json` ({deployment, params, nodes: [{name, roles}]}) and `SOURCE.md` (where it came from).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Deployment, NodeRole, StepState } from '../../main/contract/types.js';
import type { AnalyzerInput, StepOutput } from './types.js';

interface FixtureMeta {
  deployment?: Deployment;
  params?: Record<string, string | number>;
  nodes?: Array<{ name: string; roles: NodeRole[] }>;
}

export function loadFixture(dir: string): AnalyzerInput {
  const metaFile = join(dir, 'input.json');
  const meta: FixtureMeta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as FixtureMeta) : {};
  const outputs: StepOutput[] = [];
  const nodeNames = readdirSync(dir).filter((n) => statSync(join(dir, n)).isDirectory()).sort();
  for (const node of nodeNames) {
    const files = readdirSync(join(dir, node));
    const steps = new Set(files.map((f) => f.replace(/\.(out|err|exit)$/, '')));
    for (const step of [...steps].sort()) {
      const read = (ext: string): string | null => (files.includes(`${step}.${ext}`) ? readFileSync(join(dir, node, `${step}.${ext}`), 'utf8') : null);
      const exit = (read('exit') ?? '0').trim();
      let state: StepState = 'succeeded';
      let exitCode: number | null = null;
      let error: string | null = null;
      if (exit === 'timeout') {
        state = 'timeout';
        error = 'timed out';
      } else if (exit.startsWith('error')) {
        state = 'error';
        error = exit.replace(/^error:?\s*/, '') || 'could not run';
      } else {
        exitCode = Number(exit);
        state = exitCode === 0 ? 'succeeded' : 'failed';
      }
      outputs.push({ step, node, state, exitCode, stdout: read('out') ?? '', stderr: read('err') ?? '', error, command: step });
    }
  }
  const nodes = meta.nodes ?? nodeNames.map((name) => ({ name, roles: [name.startsWith('compute') ? 'compute' : 'controller'] as NodeRole[] }));
  return { deployment: meta.deployment ?? 'packages', params: meta.params ?? {}, nodes, outputs };
}

/**
 * Evidence lines that are not, verbatim, a line of the output of the node and step they name
 * (stdout or stderr). An analyzer must quote, never paraphrase: empty means every quote is real.
 */
export function evidenceNotInOutput(input: AnalyzerInput, findings: Array<{ check: string; evidence: Array<{ node: string; step: string; lines: string[] }> }>): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    for (const e of f.evidence) {
      const outs = input.outputs.filter((o) => o.node === e.node && o.step === e.step);
      if (!outs.length) {
        problems.push(`${f.check}: evidence names ${e.node}/${e.step}, which has no output`);
        continue;
      }
      const all = new Set(outs.flatMap((o) => [...o.stdout.split('\n'), ...o.stderr.split('\n'), ...(o.error ? [o.error] : [])]));
      for (const l of e.lines) if (!all.has(l)) problems.push(`${f.check}: ${e.node}/${e.step} has no line ${JSON.stringify(l)}`);
    }
  }
  return problems;
}
