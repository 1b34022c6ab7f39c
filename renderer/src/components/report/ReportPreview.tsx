import { formatSpan, healthyChecks, reportWords, severityOrder, stateWord } from '../../../../main/shared/report-words.js';
import type { ReportData, ReportTime } from '../../../../main/contract/types.js';

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
 * lead checks it before sending, in the report's language (the UI's, as the downloads).
 */
export function ReportPreview(props: { report: ReportData }) {
  const r = props.report;
  const h = r.header;
  const w = reportWords(r.lang);
  const c = w.columns;
  const healthy = healthyChecks(r);
  const rows: Array<[string, React.ReactNode]> = [
    [w.cluster, h.cluster ?? '–'],
    [w.severity, <span className={`sev ${h.severity}`}>{w.caseSeverities[h.severity]}</span>],
    [w.status, w.statuses[h.status]],
    [w.opened, <When at={h.opened} tz={r.timeZone} />],
    [w.mitigated, <When at={h.mitigated} tz={r.timeZone} />],
    [w.resolved, <When at={h.resolved} tz={r.timeZone} />],
    [w.duration, `${formatSpan(h.durationMs, w)}${h.resolved ? '' : ` ${w.notResolvedYet}`}`],
    [w.people, h.people.join(', ') || '–'],
  ];
  return (
    <article className="report-preview" data-testid="report-preview" lang={r.lang}>
      <h1>{w.title(h.title)}</h1>
      <p className="hint">
        {w.caseLine(h.caseId)} · {w.timesIn(r.timeZone)}
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
      <h2>{w.summary}</h2>
      <p className={r.summary.trim() ? 'prewrap' : 'hint'}>{r.summary.trim() || w.summaryTemplate}</p>
      <h2>{w.impact}</h2>
      <p className={r.impact.trim() ? 'prewrap' : 'hint'}>{r.impact.trim() || w.impactTemplate}</p>
      <h2>{w.timeline}</h2>
      <table>
        <thead>
          <tr>
            <th>{w.time(r.timeZone)}</th>
            <th>{w.what}</th>
            <th>{w.who}</th>
          </tr>
        </thead>
        <tbody>
          {r.timeline.map((e, i) => (
            <tr key={i} data-kind={e.kind}>
              <td className="nowrap">
                <When at={e.at} tz={r.timeZone} />
              </td>
              <td className="prewrap">
                <strong>{w.kinds[e.kind]}</strong> {e.text}
              </td>
              <td>{e.author ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{w.findings}</h2>
      {!r.findings.some((f) => f.severity !== 'ok') && <p className="hint">{w.noProblems}</p>}
      {severityOrder.map((sev) => {
        const list = r.findings.filter((f) => f.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev}>
            <h3>
              <span className={`sev ${sev}`}>{w.severities[sev]}</span> {w.findingsCount(list.length)}
            </h3>
            {list.map((f) => (
              <div key={f.id} className={`report-finding ${sev}`} data-testid="report-finding">
                <h4>{f.title}</h4>
                <p className="hint">
                  <code>{f.check}</code> · {w.playbook} <code>{f.playbook}</code> · {f.status}
                </p>
                {f.explanation && <p>{f.explanation}</p>}
                {f.evidence.map((e, i) => (
                  <div key={i}>
                    <p>
                      {w.evidenceFrom} <strong>{e.node}</strong> ({w.step} <code>{e.step}</code>)
                    </p>
                    <pre>{e.lines.join('\n')}</pre>
                  </div>
                ))}
                {f.likelyCause && (
                  <p>
                    <strong>{w.likelyCause}</strong> {f.likelyCause}
                  </p>
                )}
                {f.nextStep && (
                  <p>
                    <strong>{w.nextStep}</strong> {f.nextStep}
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
            <span className="sev ok">{w.severities.ok}</span> {w.checkedHealthy(healthy.length)}
          </h3>
          <ul>
            {healthy.map((f) => (
              <li key={f.id}>
                {f.title}{' '}
                <span className="hint">
                  (<code>{f.check}</code>, {w.playbook} <code>{f.playbook}</code>)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{w.followups}</h2>
      {r.followups.length === 0 ? (
        <p className="hint">{w.noneYet}</p>
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
        <summary>
          {w.appendix} ({r.commands.reduce((n, x) => n + x.steps.length, 0)})
        </summary>
        {r.commands.map((n) => (
          <section key={n.node}>
            <h3>{n.node}</h3>
            <table>
              <thead>
                <tr>
                  <th>{c.run}</th>
                  <th>{c.stepAndCommand}</th>
                  <th>{c.state}</th>
                  <th>{c.exit}</th>
                  <th>{c.duration}</th>
                </tr>
              </thead>
              <tbody>
                {n.steps.map((s, i) => (
                  <tr key={i}>
                    <td>{s.runId}</td>
                    <td>
                      <strong>{s.step}</strong>
                      <br />
                      <code>{s.command}</code>
                    </td>
                    <td>{stateWord(w, s.state)}</td>
                    <td>{s.exitCode ?? '–'}</td>
                    <td className="nowrap">{formatSpan(s.durationMs, w)}</td>
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
