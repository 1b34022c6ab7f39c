import { useEffect, useRef, useState } from 'react';
import type { Run, StepResult } from '../../../main/contract/types.js';
import { errorText, useApp } from '../context.js';

/**
 * A run as it happens: fetched once, then kept current from the step/findings/finished events.
 * Events that arrive before the fetch answers are already in that answer (both travel over one
 * ordered channel), so only later ones are applied.
 */
type Stream = 'stdout' | 'stderr';
const charsKey = { stdout: 'stdoutChars', stderr: 'stderrChars' } as const;

/** Append streamed text; with a `tail`, keep only that many last characters and count the whole. */
function append(s: StepResult, stream: Stream, data: string, tail?: number): StepResult {
  const text = s[stream] + data;
  if (tail === undefined) return { ...s, [stream]: text };
  // slice(-0) is the whole string: a tail of 0 keeps nothing (a check's progress needs only states).
  return { ...s, [stream]: text.length > tail ? (tail > 0 ? text.slice(-tail) : '') : text, [charsKey[stream]]: (s[charsKey[stream]] ?? s[stream].length) + data.length };
}

/** `tail`: keep only the last N characters of each output (the viewer pages the rest). */
export function useRun(runId: number, onFinished?: () => void, tail?: number): { run: Run | null; error: string } {
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
        patchStep(p.stepId, (s) => append(s, p.stream, p.data, tail));
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
        api['runs.get']({ runId, outputTail: tail }).then((r) => alive && setRun(r), () => undefined);
        finished.current?.();
      }),
    ];
    api['runs.get']({ runId, outputTail: tail }).then(
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
  }, [api, transport, runId, tail]);

  return { run, error };
}
