import { useState, type ReactNode } from 'react';
import type { Run, TimelineEntry } from '../../../../main/contract/types.js';
import { errorText, useApp } from '../../context.js';
import { useLang } from '../../i18n/index.js';
import { RunBadges } from '../RunBadges.js';
import { clockTime, rich, TimeAgo } from './Bits.js';
import { Markdown } from './Markdown.js';

function nodesText(nodes: string[]): string {
  return nodes.length <= 4 ? nodes.join(', ') : `${nodes.slice(0, 3).join(', ')} +${nodes.length - 3}`;
}

/**
 * Everything that happened in the case, oldest first, each with who and when. A run's badge says
 * what it found (from `runs`, whose findings tell a could-not-check warning from a real one).
 */
export function Timeline(props: { entries: TimelineEntry[]; runs?: Run[]; onShowRun: (runId: number) => void; onShowFinding: (findingId: number) => void }) {
  const { t } = useLang();
  const who = (author: string | null): ReactNode => <strong className="who">{author ?? t('cases.someone')}</strong>;
  const status = (s: string): ReactNode => <span className={`status-tag ${s}`}>{t(`cases.status.${s}`)}</span>;

  const line = (e: TimelineEntry): ReactNode => {
    switch (e.kind) {
      case 'opened':
        return (
          <>
            {rich(t('cases.tl.opened'), { who: who(e.author) })} <span className={`sev ${e.severity}`}>{t(`common.${e.severity}`)}</span>
          </>
        );
      case 'status':
        return rich(t('cases.tl.status'), { who: who(e.author), from: status(e.from), to: status(e.to) });
      case 'note':
        return rich(t('cases.tl.note'), { who: who(e.author) });
      case 'run':
        return (
          <>
            {rich(t(e.runKind === 'playbook' ? 'cases.tl.playbook' : 'cases.tl.command'), {
              who: who(e.author),
              what: <code className="what">{e.title}</code>,
              nodes: <span className="nodes">{nodesText(e.nodes)}</span>,
            })}{' '}
            <RunBadges state={e.state} findings={props.runs?.find((r) => r.id === e.runId)?.findings ?? []} />
            {e.runKind === 'playbook' && (
              <span className="counts">
                {e.critical > 0 && <span className="sev critical">{t('cases.count.critical', { n: e.critical })}</span>}
                {e.warning > 0 && <span className="sev warning">{t('cases.count.warning', { n: e.warning })}</span>}
                {e.ok > 0 && <span className="sev ok">{t('cases.count.ok', { n: e.ok })}</span>}
                {e.skipped > 0 && <span className="sev skipped">{t('cases.count.skipped', { n: e.skipped })}</span>}
              </span>
            )}
            <button type="button" className="link" onClick={() => props.onShowRun(e.runId)}>
              {t('cases.tl.showRun')}
            </button>
          </>
        );
      case 'finding':
        return (
          <>
            <span className={`sev ${e.severity}`}>{t(`common.${e.severity}`)}</span> <span className="finding-title">{e.title}</span>{' '}
            {e.nodes.length > 0 && <span className="nodes">{t('cases.tl.onNodes', { nodes: nodesText(e.nodes) })}</span>} <span className="hint">{e.playbook}</span>{' '}
            <button type="button" className="link" onClick={() => props.onShowFinding(e.findingId)}>
              {t('cases.tl.showFinding')}
            </button>
          </>
        );
      case 'terminal':
        return (
          <>
            {rich(t('cases.tl.terminal'), { who: who(e.author), node: <span className="nodes">{e.nodeName}</span> })} <span className="hint">{e.summary}</span>
          </>
        );
      default: {
        // A kind a newer feature records that this build does not know yet.
        const other = e as { kind: string; summary?: string; author?: string | null };
        return (
          <>
            {who(other.author ?? null)} <span className="hint">{other.summary ?? other.kind}</span>
          </>
        );
      }
    }
  };

  if (props.entries.length === 0) return <p className="hint">{t('common.loading')}</p>;
  return (
    <ol className="timeline" aria-label={t('cases.tab.timeline')}>
      {props.entries.map((e) => (
        <li key={e.id} className={`tl tl-${e.kind} ${e.kind === 'finding' ? e.severity : ''}`} data-testid="timeline-entry" data-kind={e.kind}>
          <span className="tl-dot" aria-hidden="true" />
          <div className="tl-body">
            <div className="tl-line">
              <span className="tl-text">{line(e)}</span>
              <span className="tl-time">
                <TimeAgo iso={e.at} /> · {clockTime(e.at)}
              </span>
            </div>
            {e.kind === 'note' && (
              <div className="note-body" data-testid="note">
                <Markdown text={e.text} />
              </div>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Write a note in Markdown, preview it, add it to the case as this user. */
export function NoteComposer(props: { caseId: number; onAdded: () => void }) {
  const { api, info } = useApp();
  const { t } = useLang();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = (): void => {
    if (!text.trim() || saving) return;
    setSaving(true);
    setError('');
    api['notes.add']({ caseId: props.caseId, text }).then(
      () => {
        setText('');
        setPreview(false);
        setSaving(false);
        props.onAdded();
      },
      (err: unknown) => {
        setError(errorText(err));
        setSaving(false);
      },
    );
  };
  return (
    <form
      className="note-composer"
      aria-label={t('cases.note.form')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="note-tabs">
        <button type="button" className={preview ? '' : 'on'} onClick={() => setPreview(false)}>
          {t('cases.note.write')}
        </button>
        <button type="button" className={preview ? 'on' : ''} onClick={() => setPreview(true)} disabled={!text.trim()}>
          {t('cases.note.preview')}
        </button>
        <span className="hint">{t('cases.note.as', { author: info.author })}</span>
      </div>
      {preview ? (
        <div className="note-body preview">
          <Markdown text={text} />
        </div>
      ) : (
        <textarea
          aria-label={t('cases.note.label')}
          placeholder={t('cases.note.placeholder')}
          value={text}
          rows={4}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
      )}
      <div className="row">
        <span className="hint">{t('cases.note.help')}</span>
        <button type="submit" className="primary" disabled={!text.trim() || saving}>
          {t('cases.note.add')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
