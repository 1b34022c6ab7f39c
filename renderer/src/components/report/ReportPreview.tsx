import { formatSpan, type FindingSeverity, type ReportData, type ReportTime } from '../../../../main/contract/types.js';

const severities: FindingSeverity[] = ['critical', 'warning', 'info'];

function When(props: { at: ReportTime | null; tz: string }) {
  if (!props.at) return <>–</>;
  if (props.tz === 'UTC') return <>{props.at.local}</>;
  return (
    <>
      {props.at.local}
      <br />
      <span className="hint">{props.at.utc}</span>
    </>
  );
}

/**
 * The report as the exported files will read (same data, same redaction and pseudonyms), so the
 * lead checks it before sending. The text is the report's own (English), not the UI's language.
 */
export function ReportPreview(props: { report: ReportData }) {
  const r = props.report;
  const h = r.header;
  const healthy = r.findings.filter((f) => f.severity === 'ok');
  const rows: Array<[string, React.ReactNode]> = [
    ['Cluster', h.cluster ?? '–'],
    ['Severity', <span className={`sev ${h.severity}`}>{h.severity}</span>],
    ['Status', h.status],
    ['Opened', <When at={h.opened} tz={r.timeZone} />],
    ['Mitigated', <When at={h.mitigated} tz={r.timeZone} />],
    ['Resolved', <When at={h.resolved} tz={r.timeZone} />],
    ['Duration', `${formatSpan(h.durationMs)}${h.resolved ? '' : ' (not resolved yet)'}`],
    ['People involved', h.people.join(', ') || '–'],
  ];
  return (
    <article className="report-preview" data-testid="report-preview">
      <h1>Incident report: {h.title}</h1>
      <p className="hint">
        Case {h.caseId} · times in {r.timeZone === 'UTC' ? 'UTC' : `${r.timeZone} and UTC`}
      </p>
      <table className="kv">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Summary</h2>
      <p className={r.summary.trim() ? 'prewrap' : 'hint'}>{r.summary.trim() || 'Not written yet.'}</p>
      <h2>Impact</h2>
      <p className={r.impact.trim() ? 'prewrap' : 'hint'}>{r.impact.trim() || 'Not written yet.'}</p>
      <h2>Timeline</h2>
      <table>
        <thead>
          <tr>
            <th>Time ({r.timeZone})</th>
            <th>What</th>
            <th>Who</th>
          </tr>
        </thead>
        <tbody>
          {r.timeline.map((e, i) => (
            <tr key={i} data-kind={e.kind}>
              <td className="nowrap">
                <When at={e.at} tz={r.timeZone} />
              </td>
              <td className="prewrap">
                <strong>{e.kind}</strong> {e.text}
              </td>
              <td>{e.author ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Findings</h2>
      {!r.findings.some((f) => f.severity !== 'ok') && <p className="hint">No problems were found by the playbooks run in this case.</p>}
      {severities.map((sev) => {
        const list = r.findings.filter((f) => f.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev}>
            <h3>
              <span className={`sev ${sev}`}>{sev}</span> {list.length} finding{list.length === 1 ? '' : 's'}
            </h3>
            {list.map((f) => (
              <div key={f.id} className={`report-finding ${sev}`} data-testid="report-finding">
                <h4>{f.title}</h4>
                <p className="hint">
                  <code>{f.check}</code> · playbook <code>{f.playbook}</code> · {f.status}
                </p>
                {f.explanation && <p>{f.explanation}</p>}
                {f.evidence.map((e, i) => (
                  <div key={i}>
                    <p>
                      Evidence from <strong>{e.node}</strong> (step <code>{e.step}</code>)
                    </p>
                    <pre>{e.lines.join('\n')}</pre>
                  </div>
                ))}
                {f.likelyCause && (
                  <p>
                    <strong>Likely cause:</strong> {f.likelyCause}
                  </p>
                )}
                {f.nextStep && (
                  <p>
                    <strong>Next step:</strong> {f.nextStep}
                  </p>
                )}
              </div>
            ))}
          </section>
        );
      })}
      {healthy.length > 0 && (
        <section>
          <h3>
            <span className="sev ok">ok</span> Checked and healthy ({healthy.length})
          </h3>
          <ul>
            {healthy.map((f) => (
              <li key={f.id}>
                {f.title}{' '}
                <span className="hint">
                  (<code>{f.check}</code>, playbook <code>{f.playbook}</code>)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Follow-up actions</h2>
      {r.followups.length === 0 ? (
        <p className="hint">None recorded yet.</p>
      ) : (
        <ul>
          {r.followups.map((f, i) => (
            <li key={i}>
              {f.done ? '☑' : '☐'} {f.text}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Appendix: {r.commands.reduce((n, c) => n + c.steps.length, 0)} commands on {r.commands.length} nodes</summary>
        {r.commands.map((c) => (
          <section key={c.node}>
            <h3>{c.node}</h3>
            <table>
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Step and command</th>
                  <th>State</th>
                  <th>Exit</th>
                  <th>Duration</th>
                </tr>
              </thead>
              <tbody>
                {c.steps.map((s, i) => (
                  <tr key={i}>
                    <td>{s.runId}</td>
                    <td>
                      <strong>{s.step}</strong>
                      <br />
                      <code>{s.command}</code>
                    </td>
                    <td>{s.state}</td>
                    <td>{s.exitCode ?? '–'}</td>
                    <td className="nowrap">{formatSpan(s.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </details>
    </article>
  );
}
