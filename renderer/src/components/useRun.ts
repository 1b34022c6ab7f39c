import { useEffect, useRef, useState } from 'react';
import type { Run, StepResult } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';

/**
 * A run as it happens: fetched once, then kept current from the step/findings/finished events.
 * Events that arrive before the fetch answers are already in that answer (both travel over one
 * ordered channel), so only later ones are applied.
 */
export function useRun(runId: number, onFinished?: () => void): { run: Run | null; error: string } {
  const { api, transport } = useApp();
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState('');
  // The latest callback without re-subscribing (a re-subscription could drop events).
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let ready = false;
    let alive = true;
    const patchStep = (stepId: number, f: (s: StepResult) => StepResult): void =>
      setRun((r) => (r ? { ...r, steps: r.steps.map((s) => (s.id === stepId ? f(s) : s)) } : r));
    const offs = [
      transport.on('step.output', (p) => {
        if (!ready || p.runId !== runId) return;
        patchStep(p.stepId, (s) => ({ ...s, [p.stream]: s[p.stream] + p.data }));
      }),
      transport.on('step.updated', (p) => {
        if (!ready || p.step.runId !== runId) return;
        setRun((r) => {
          if (!r) return r;
          // Playbook steps appear as they start.
          if (!r.steps.some((s) => s.id === p.step.id)) return { ...r, steps: [...r.steps, { ...p.step, stdout: '', stderr: '' }] };
          return { ...r, steps: r.steps.map((s) => (s.id === p.step.id ? { ...s, ...p.step } : s)) };
        });
      }),
      transport.on('run.findings', (p) => {
        if (!ready || p.runId !== runId) return;
        setRun((r) => (r ? { ...r, findings: p.findings } : r));
      }),
      transport.on('run.finished', (p) => {
        if (!ready || p.runId !== runId) return;
        // Re-read once: the stored output is the redacted, complete one.
        api['runs.get']({ runId }).then((r) => alive && setRun(r), () => undefined);
        finished.current?.();
      }),
    ];
    api['runs.get']({ runId }).then(
      (r) => {
        if (!alive) return;
        setRun(r);
        ready = true;
      },
      (err) => setError(errorText(err)),
    );
    return () => {
      alive = false;
      for (const off of offs) off();
    };
  }, [api, transport, runId]);

  return { run, error };
}
