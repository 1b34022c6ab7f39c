import type { RunFinding } from '../../../main/contract/types.js';

/** A run's findings, worst first (the engine stores them sorted), each open to its evidence. */
export function Findings(props: { findings: RunFinding[] }) {
  if (props.findings.length === 0) return null;
  const count = (s: RunFinding['severity']) => props.findings.filter((f) => f.severity === s && f.status !== 'SKIPPED').length;
  const skipped = props.findings.filter((f) => f.status === 'SKIPPED').length;
  return (
    <section className="findings" aria-label="Findings">
      <p className="summary">
        {count('critical')} critical · {count('warning')} warning · {count('ok')} ok · {skipped} not checked
      </p>
      {props.findings.map((f) => (
        <details key={f.id} className={`finding ${f.severity}`} data-testid="finding" data-severity={f.severity} data-check={f.check} open={f.severity === 'critical'}>
          <summary>
            <span className={`sev ${f.status === 'SKIPPED' ? 'skipped' : f.severity}`}>{f.status === 'SKIPPED' ? 'not checked' : f.severity}</span>
            {f.title}
          </summary>
          {f.explanation && <p>{f.explanation}</p>}
          {f.evidence.map((e, i) => (
            <figure key={i} className="evidence">
              <figcaption>
                {e.node} · {e.step}
              </figcaption>
              <pre data-testid="evidence">{e.lines.join('\n')}</pre>
            </figure>
          ))}
          {f.likelyCause && (
            <p>
              <strong>Likely cause:</strong> {f.likelyCause}
            </p>
          )}
          {f.nextStep && (
            <p>
              <strong>Next step:</strong> <code>{f.nextStep}</code>
            </p>
          )}
        </details>
      ))}
    </section>
  );
}
