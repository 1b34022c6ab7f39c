import { withRefTitles } from '../../../../main/shared/findings-summary.js';
import { evidenceShown, formatSpan, FULL_PROBLEMS, reportSummary, reportWords, ruledOutByName, ruledOutLine, stateWord } from '../../../../main/shared/report-words.js';
import type { ReportData, ReportTime } from '../../../../main/contract/types.js';
import { Markdown } from '../case/Markdown.js';

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
  const sum = reportSummary(r);
  const factors = r.contributing.text.split('\n').filter((l) => l.trim());
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
      {r.summary.trim() ? <Markdown text={r.summary} /> : <p className="hint">{w.summaryTemplate}</p>}
      <h2>{w.impact}</h2>
      {r.impact.trim() ? <Markdown text={r.impact} /> : <p className="hint">{w.impactTemplate}</p>}
      <h2>{w.rootCause}</h2>
      {r.rootCause.text.trim() ? <Markdown text={r.rootCause.text} /> : <p className="hint">{w.noContributing}</p>}
      {r.rootCause.fromFinding && <p className="hint">{w.fromTopFinding}</p>}
      <h2>{w.contributing}</h2>
      {factors.length ? (
        <ul>
          {factors.map((l, i) => (
            <li key={i}>{l.replace(/^\s*[-*]\s+/, '')}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">{w.noContributing}</p>
      )}
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
      {!sum.problems.length && <p className="hint">{w.noProblems}</p>}
      {sum.problems.slice(0, FULL_PROBLEMS).map((p) => {
        const f = p.lead;
        return (
          <div key={f.id} className={`report-finding ${f.severity}`} data-testid="report-finding">
            <h3>
              <span className={`sev ${f.severity}`}>{w.severities[f.severity]}</span> {p.title}
            </h3>
            <p className="hint">
              {w.playbook} <code>{f.playbook}</code> · <code>{f.check}</code>
            </p>
            {f.explanation && <p>{withRefTitles(f.explanation, r.findings)}</p>}
            {evidenceShown(f).map((e, i) => (
              <div key={i}>
                <p className="hint">
                  {w.evidenceFrom} <strong>{e.node}</strong> · <code>{f.playbook}</code> {w.step} <code>{e.step}</code>
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
                <strong>{w.nextStep}</strong> {withRefTitles(f.nextStep, r.findings)}
              </p>
            )}
            {p.consequences.length > 0 && (
              <>
                <p>
                  <strong>{w.becauseOfThis}</strong>
                </p>
                <ul>
                  {p.consequences.map((c) => (
                    <li key={c.lead.id}>
                      <span className={`sev ${c.severity}`}>{w.severities[c.severity]}</span> {c.title} <span className="hint">({c.lead.playbook})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        );
      })}
      {sum.problems.length > FULL_PROBLEMS && (
        <section>
          <h3>{w.otherProblems(sum.problems.length - FULL_PROBLEMS)}</h3>
          <ul>
            {sum.problems.slice(FULL_PROBLEMS).map((p) => (
              <li key={p.lead.id}>
                <span className={`sev ${p.severity}`}>{w.severities[p.severity]}</span> {p.title} <span className="hint">({p.lead.playbook})</span>
                {p.consequences.length > 0 && ` — ${w.becauseOfThis} ${p.consequences.map((c) => c.title).join('; ')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {sum.notChecked.length > 0 && (
        <section>
          <h3>{w.notChecked(sum.notChecked.length)}</h3>
          {ruledOutByName(sum) ? (
            <p className="hint">{sum.notChecked.map((p) => `${p.title} (${[...new Set([p.lead, ...p.also].map((x) => x.playbook))].join(', ')})`).join(' · ')}</p>
          ) : (
            <ul>
              {sum.notChecked.map((p) => (
                <li key={p.lead.id} className="hint">
                  {p.title} ({[...new Set([p.lead, ...p.also].map((x) => x.playbook))].join(', ')})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {sum.ruledOut.length > 0 && (
        <section>
          <h3>
            <span className="sev ok">{w.severities.ok}</span> {w.checkedHealthy(sum.counts.ok)}
          </h3>
          {ruledOutByName(sum) ? (
            <p>
              {sum.ruledOut.map((x, i) => (
                <span key={x.playbook}>
                  {i > 0 && ', '}
                  <code>{x.playbook}</code>
                </span>
              ))}
              . {w.ruledOutByName(sum.counts.ok)}
            </p>
          ) : (
            <ul>
              {sum.ruledOut.map((x) => (
                <li key={x.playbook}>
                  <code>{x.playbook}</code>: {ruledOutLine(x.checks, w.moreChecks)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <h2>{w.actionItems}</h2>
      {r.followups.length === 0 ? (
        <p className="hint">{w.noneYet}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{w.done}</th>
              <th>{w.actionItems}</th>
              <th>{w.owner}</th>
              <th>{w.due}</th>
            </tr>
          </thead>
          <tbody>
            {r.followups.map((f, i) => (
              <tr key={i}>
                <td>{f.done ? '☑' : '☐'}</td>
                <td>{f.text}</td>
                <td>{f.owner ?? '–'}</td>
                <td className="nowrap">{f.due ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
