import { useCallback, useEffect, useRef, useState } from 'react';
import type { Followup, ReportData, ReportExport, ReportFormat } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { ReportPreview } from './ReportPreview.js';

const formats: Array<{ id: ReportFormat; label: string }> = [
  { id: 'md', label: 'Markdown' },
  { id: 'html', label: 'HTML' },
  { id: 'pdf', label: 'PDF' },
  { id: 'json', label: 'JSON' },
];

/** IANA zones for the time zone field's suggestions (any IANA name is accepted). */
const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Hand an exported report to the browser as a file download. */
function download(r: ReportExport): void {
  const bytes = r.encoding === 'base64' ? Uint8Array.from(atob(r.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(r.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: r.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The incident report of a case: what the lead writes (summary, impact, follow-ups) and the export. */
export function ReportPanel(props: { caseId: number }) {
  const { api, transport } = useApp();
  // The report is written in the UI's language (its headings and timeline; findings stay as written).
  const { t, lang } = useLang();
  const [summary, setSummary] = useState('');
  const [impact, setImpact] = useState('');
  const [rootCause, setRootCause] = useState('');
  const [contributing, setContributing] = useState('');
  /** A summary and impact drafted by the core from the case (top problems, when, where). */
  const [draft, setDraft] = useState<{ summary: string; impact: string } | null>(null);
  const [newOwner, setNewOwner] = useState('');
  const [newDue, setNewDue] = useState('');
  const [withCommands, setWithCommands] = useState(false);
  const [followups, setFollowups] = useState<Followup[]>([]);
  const [newFollowup, setNewFollowup] = useState('');
  const [saved, setSaved] = useState(false);
  /** Typed but not stored yet: an export stores it first, so the file has what the lead sees. */
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [hideIps, setHideIps] = useState(false);
  const [hideHostnames, setHideHostnames] = useState(false);
  const [hideUsers, setHideUsers] = useState(false);
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const [attachOutputs, setAttachOutputs] = useState(false);
  /** The report as it will be exported with the options above; null while closed. */
  const [preview, setPreview] = useState<ReportData | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

  const load = useCallback(
    (withText: boolean) => {
      api['cases.report']({ caseId: props.caseId }).then(
        (r) => {
          if (withText) {
            setSummary(r.summary);
            setImpact(r.impact);
            setRootCause(r.rootCause);
            setContributing(r.contributing);
          }
          setDraft(r.draft);
          setFollowups(r.followups);
        },
        (err: unknown) => setError(errorText(err)),
      );
    },
    [api, props.caseId],
  );
  useEffect(() => load(true), [load]);
  useEffect(() => transport.on('case.changed', (p) => p.caseId === props.caseId && load(false)), [transport, load, props.caseId]);

  // The preview follows the options, the stored text and whatever else happens in the case.
  const [previewTick, setPreviewTick] = useState(0);
  useEffect(() => (previewOpen ? transport.on('case.changed', (p) => p.caseId === props.caseId && setPreviewTick((n) => n + 1)) : undefined), [transport, previewOpen, props.caseId]);
  useEffect(() => {
    if (!previewOpen) return;
    let live = true;
    const timer = setTimeout(() => {
      api['report.preview']({ caseId: props.caseId, options: { hideIps, hideHostnames, hideUsers, timeZone, lang } }).then(
        (r) => live && (setPreview(r), setError('')),
        (err: unknown) => live && setError(errorText(err)),
      );
    }, 150); // typing a time zone asks once, not per key
    return () => ((live = false), clearTimeout(timer));
  }, [api, props.caseId, previewOpen, hideIps, hideHostnames, hideUsers, timeZone, lang, previewTick]);

  // What the fields hold right now, for answers that come back after more typing.
  const typed = useRef({ summary, impact, rootCause, contributing });
  typed.current = { summary, impact, rootCause, contributing };
  const store = async (): Promise<void> => {
    const sent = { summary, impact, rootCause, contributing };
    const r = await api['cases.updateReport']({ caseId: props.caseId, ...sent });
    // Show what was stored (a password typed here comes back redacted), unless the field was
    // changed while this was on its way: then the newer text stays and is saved next.
    const now = typed.current;
    if (now.summary === sent.summary) setSummary(r.summary);
    if (now.impact === sent.impact) setImpact(r.impact);
    if (now.rootCause === sent.rootCause) setRootCause(r.rootCause);
    if (now.contributing === sent.contributing) setContributing(r.contributing);
    if (now.summary === sent.summary && now.impact === sent.impact && now.rootCause === sent.rootCause && now.contributing === sent.contributing) setDirty(false);
    setPreviewTick((n) => n + 1);
  };
  const togglePreview = (): void => {
    if (previewOpen) return setPreviewOpen(false);
    // The preview shows what is stored: store what was typed first, as an export does.
    (dirty ? store() : Promise.resolve()).then(
      () => setPreviewOpen(true),
      (err: unknown) => setError(errorText(err)),
    );
  };
  const save = (): void => {
    setSaved(false);
    store().then(
      () => setSaved(true),
      (err: unknown) => setError(errorText(err)),
    );
  };
  const edit = (set: (v: string) => void) => (e: { target: { value: string } }) => (set(e.target.value), setSaved(false), setDirty(true));
  // Leaving a field keeps what was typed (switching tabs would otherwise drop it).
  const keep = (): void => {
    if (dirty) save();
  };
  const fillTemplate = (): void => {
    // The draft from the case when there is one (what the case log says, blanks to fill); the bare skeleton otherwise.
    if (!summary.trim()) setSummary(draft?.summary || t('report.summary.skeleton'));
    if (!impact.trim()) setImpact(draft?.impact || t('report.impact.skeleton'));
    setSaved(false);
    setDirty(true);
  };
  const add = (): void => {
    if (!newFollowup.trim()) return;
    api['followups.add']({ caseId: props.caseId, text: newFollowup, ...(newOwner.trim() ? { owner: newOwner } : {}), ...(newDue ? { due: newDue } : {}) }).then(
      () => (setNewFollowup(''), setNewOwner(''), setNewDue(''), load(false)),
      (err: unknown) => setError(errorText(err)),
    );
  };
  const toggle = (f: Followup): void => {
    api['followups.toggle']({ id: f.id, done: !f.done }).then(
      () => load(false),
      (err: unknown) => setError(errorText(err)),
    );
  };
  const exportAs = (format: ReportFormat): void => {
    setBusy(format);
    setError('');
    const options = { hideIps, hideHostnames, hideUsers, paper, timeZone, lang, withCommands };
    const exported = async (): Promise<void> => {
      if (dirty) await store();
      const r = await api['report.export']({ caseId: props.caseId, format, options });
      download(r);
      // Full outputs never go into Markdown, HTML or PDF: they come as a JSON file beside them.
      if (attachOutputs && format !== 'json') {
        const outputs = await api['report.export']({ caseId: props.caseId, format: 'json', options: { ...options, withOutputs: true } });
        download({ ...outputs, fileName: `${r.fileName}.outputs.json` });
      }
    };
    exported().then(
      () => setBusy(null),
      (err: unknown) => (setError(errorText(err)), setBusy(null)),
    );
  };

  return (
    <section className="report-panel" aria-label={t('cases.tab.report')}>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <label className="report-field">
        <span>{t('report.summary')}</span>
        <textarea rows={6} value={summary} placeholder={t('report.summary.template')} onChange={edit(setSummary)} onBlur={keep} />
      </label>
      <label className="report-field">
        <span>{t('report.impact')}</span>
        <textarea rows={4} value={impact} placeholder={t('report.impact.template')} onChange={edit(setImpact)} onBlur={keep} />
      </label>
      <label className="report-field">
        <span>{t('report.rootCause')}</span>
        <textarea rows={2} value={rootCause} placeholder={t('report.rootCause.placeholder')} onChange={edit(setRootCause)} onBlur={keep} />
      </label>
      <label className="report-field">
        <span>{t('report.contributing')}</span>
        <textarea rows={3} value={contributing} placeholder={t('report.contributing.placeholder')} onChange={edit(setContributing)} onBlur={keep} />
      </label>
      <p>
        <button type="button" onClick={save}>
          {t('report.save')}
        </button>{' '}
        <button type="button" disabled={!!summary.trim() && !!impact.trim()} onClick={fillTemplate}>
          {t('report.useTemplate')}
        </button>{' '}
        {dirty && <span className="hint">{t('report.unsaved')}</span>}
        {saved && !dirty && <span className="hint">{t('report.saved')}</span>}
      </p>

      <h3>{t('report.followups')}</h3>
      {followups.length === 0 && <p className="hint">{t('report.followups.none')}</p>}
      <ul className="report-followups">
        {followups.map((f) => (
          <li key={f.id}>
            <label>
              <input type="checkbox" checked={f.done} onChange={() => toggle(f)} /> <span className={f.done ? 'done' : ''}>{f.text}</span>
              {(f.owner || f.due) && <span className="hint"> · {[f.owner, f.due].filter(Boolean).join(' · ')}</span>}
            </label>
          </li>
        ))}
      </ul>
      <form
        className="report-followup-new"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input aria-label={t('report.followups.new')} placeholder={t('report.followups.new')} value={newFollowup} onChange={(e) => setNewFollowup(e.target.value)} />
        <input aria-label={t('report.followups.owner')} placeholder={t('report.followups.owner')} value={newOwner} onChange={(e) => setNewOwner(e.target.value)} size={12} />
        <input aria-label={t('report.followups.due')} type="date" value={newDue} onChange={(e) => setNewDue(e.target.value)} />
        <button type="submit" disabled={!newFollowup.trim()}>
          {t('report.followups.add')}
        </button>
      </form>

      <h3>{t('report.export')}</h3>
      <p className="hint">{t('report.export.hint')}</p>
      <div className="report-options">
        <label>
          <input type="checkbox" checked={hideIps} onChange={(e) => setHideIps(e.target.checked)} /> {t('report.hideIps')}
        </label>
        <label>
          <input type="checkbox" checked={hideHostnames} onChange={(e) => setHideHostnames(e.target.checked)} /> {t('report.hideHostnames')}
        </label>
        <label>
          <input type="checkbox" checked={hideUsers} onChange={(e) => setHideUsers(e.target.checked)} /> {t('report.hideUsers')}
        </label>
        <label>
          {t('report.timeZone')} <input value={timeZone} list="report-time-zones" onChange={(e) => setTimeZone(e.target.value)} size={18} />
          <datalist id="report-time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <label>
          {t('report.paper')}{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value === 'letter' ? 'letter' : 'a4')}>
            <option value="a4">A4</option>
            <option value="letter">Letter</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={attachOutputs} onChange={(e) => setAttachOutputs(e.target.checked)} /> {t('report.attachOutputs')}
        </label>
        <label>
          <input type="checkbox" checked={withCommands} onChange={(e) => setWithCommands(e.target.checked)} /> {t('report.withCommands')}
        </label>
      </div>
      <p className="report-export">
        {formats.map((f) => (
          <button key={f.id} type="button" disabled={busy !== null} onClick={() => exportAs(f.id)}>
            {busy === f.id ? t('report.exporting') : t('report.download', { format: f.label })}
          </button>
        ))}
        <button type="button" aria-expanded={previewOpen} onClick={togglePreview}>
          {previewOpen ? t('report.preview.close') : t('report.preview')}
        </button>
      </p>
      {previewOpen && preview && <ReportPreview report={preview} />}
    </section>
  );
}
