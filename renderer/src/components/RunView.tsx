import { useEffect, useState } from 'react';
import type { Run, StepResult } from '../../../main/contract/types.js';
import { errorText, formatDuration, formatTime, useApp } from '../context.js';
import { useLang } from '../i18n/index.js';
import { formatSize } from './case/Bits.js';
import { Findings } from './Findings.js';

/** The end of each output shown in the run; the whole of it opens in the output viewer (paged). */
const SHOWN_CHARS = 64 * 1024;

type Stream = 'stdout' | 'stderr';
const charsKey = { stdout: 'stdoutChars', stderr: 'stderrChars' } as const;

/** Append streamed text, keep only the shown tail, count the whole. */
function appendTail(s: StepResult, stream: Stream, data: string): StepResult {
  const text = s[stream] + data;
  return { ...s, [stream]: text.length > SHOWN_CHARS ? text.slice(-SHOWN_CHARS) : text, [charsKey[stream]]: (s[charsKey[stream]] ?? s[stream].length) + data.length };
}

/**
 * One run with a pane per node. Events that arrive before the initial fetch answers are already
 * in that answer (both travel over one ordered channel), so only later ones are appended.
 */
export function RunView(props: { runId: number; onFinished?: () => void; onOpenOutput?: (stepId: number, stream: Stream) => void }) {
  const { api, transport } = useApp();
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let ready = false;
    let alive = true;
    const patchStep = (stepId: number, f: (s: StepResult) => StepResult): void =>
      setRun((r) => (r ? { ...r, steps: r.steps.map((s) => (s.id === stepId ? f(s) : s)) } : r));
    const offs = [
      transport.on('step.output', (p) => {
        if (!ready || p.runId !== props.runId) return;
        patchStep(p.stepId, (s) => appendTail(s, p.stream, p.data));
      }),
      transport.on('step.updated', (p) => {
        if (!ready || p.step.runId !== props.runId) return;
        patchStep(p.step.id, (s) => ({ ...s, ...p.step }));
      }),
      transport.on('run.findings', (p) => {
        if (!ready || p.runId !== props.runId) return;
        setRun((r) => (r ? { ...r, findings: p.findings } : r));
      }),
      transport.on('run.finished', (p) => {
        if (!ready || p.runId !== props.runId) return;
        // Re-read once: the stored output is the redacted, complete one.
        api['runs.get']({ runId: props.runId, outputTail: SHOWN_CHARS }).then((r) => alive && setRun(r), () => undefined);
        props.onFinished?.();
      }),
    ];
    api['runs.get']({ runId: props.runId, outputTail: SHOWN_CHARS }).then(
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
    // props.onFinished is a fresh closure each render; re-subscribing for it would drop events.
  }, [api, transport, props.runId]);

  if (error) return <p className="error">{error}</p>;
  if (!run) return <p className="hint">Loading run…</p>;
  return (
    <article className="run" data-testid={`run-${run.id}`} data-state={run.state}>
      <header>
        <code className="command">{run.kind === 'playbook' ? `playbook ${run.title}` : `$ ${run.title}`}</code>
        <span className={`state ${run.state}`}>{run.state}</span>
        <span className="hint">{formatTime(run.startedAt)}</span>
        {run.state === 'running' && (
          <button type="button" className="small danger" onClick={() => void api['runs.cancel']({ runId: run.id })}>
            Cancel
          </button>
        )}
      </header>
      <Findings findings={run.findings} />
      <div className="steps">
        {run.steps.map((s) => (
          <section key={s.id} className="step" data-testid={run.kind === 'playbook' ? `step-${s.stepKey}-${s.nodeName}` : `step-${s.nodeName}`} data-state={s.state}>
            <header>
              {run.kind === 'playbook' && <code>{s.stepKey}</code>}
              <strong>{s.nodeName}</strong>
              <span className={`state ${s.state}`}>{s.state}</span>
              {s.exitCode !== null && <span className="exit" data-testid="exit-code">exit {s.exitCode}</span>}
              {s.exitSignal && <span className="exit">signal {s.exitSignal}</span>}
              <span className="hint">{formatDuration(s.durationMs)}</span>
            </header>
            {s.error && <p className="error">{s.error}</p>}
            {s.stdout && <Output text={s.stdout} total={s.stdoutChars ?? s.stdout.length} kind="stdout" onOpen={props.onOpenOutput && (() => props.onOpenOutput?.(s.id, 'stdout'))} />}
            {s.stderr && <Output text={s.stderr} total={s.stderrChars ?? s.stderr.length} kind="stderr" onOpen={props.onOpenOutput && (() => props.onOpenOutput?.(s.id, 'stderr'))} />}
          </section>
        ))}
      </div>
    </article>
  );
}

function Output(props: { text: string; total: number; kind: Stream; onOpen?: () => void }) {
  const { t } = useLang();
  const cut = props.total > props.text.length;
  return (
    <>
      {(cut || props.onOpen) && (
        <p className="output-note hint">
          {cut && t('cases.run.tail', { shown: formatSize(props.text.length), total: formatSize(props.total), stream: props.kind })}
          {props.onOpen && (
            <button type="button" className="small" onClick={props.onOpen}>
              {t('cases.run.openOutput', { stream: props.kind })}
            </button>
          )}
        </p>
      )}
      <pre className={`output ${props.kind}`} data-testid={props.kind}>
        {props.text}
      </pre>
    </>
  );
}
