/**
 * The analyzer of a site playbook that ships no analyzer of its own (a folder with only a
 * playbook.yaml, from STACKSCOPE_PLAYBOOKS): exit codes become findings, output is evidence.
 */
import { completed, finding, lines } from './analyze-kit.js';
import type { Analyzer, Finding } from './types.js';

export const exitCodeAnalyzer: Analyzer = (input) => {
  const out: Finding[] = [];
  for (const step of new Set(input.outputs.map((o) => o.step))) {
    for (const o of completed(input, step)) {
      const tail = lines(o.exitCode === 0 ? o.stdout : o.stderr || o.stdout).slice(-5);
      out.push(
        o.exitCode === 0
          ? finding({ check: `${step}.exit`, severity: 'ok', title: `${step} on ${o.node}: exit 0`, explanation: '', evidence: [{ node: o.node, step, lines: tail }] })
          : finding({
              check: `${step}.exit`,
              severity: 'warning',
              title: `${step} on ${o.node}: exit ${o.exitCode}`,
              explanation: `The command ended with exit code ${o.exitCode}; its last lines are the evidence.`,
              evidence: [{ node: o.node, step, lines: tail }],
              nextStep: `Read the full output of ${step} on ${o.node} in the case.`,
            }),
      );
    }
  }
  return out;
};
