import { Fragment, useEffect, useState, type ReactNode } from 'react';
import type { T } from '../../i18n/index.js';
import { useLang } from '../../i18n/index.js';

/** 52.9 MB, 64 KB, 512 B (characters, which for command output are nearly always bytes). */
export function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  if (chars >= 1024) return `${(chars / 1024).toFixed(chars >= 10 * 1024 ? 0 : 1)} KB`;
  return `${chars} B`;
}

/** "2 h ago", "3 d ago" — what someone woken at 3 a.m. reads faster than a timestamp. */
export function timeAgo(iso: string, t: T, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 45) return t('cases.ago.now');
  const m = Math.round(s / 60);
  if (m < 60) return t('cases.ago.min', { n: m });
  const h = Math.round(m / 60);
  if (h < 36) return t('cases.ago.h', { n: h });
  return t('cases.ago.d', { n: Math.round(h / 24) });
}

/** Relative time that stays current, the exact time on hover. */
export function TimeAgo(props: { iso: string | null }) {
  const { t } = useLang();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!props.iso) return null;
  return (
    <time dateTime={props.iso} title={new Date(props.iso).toLocaleString()}>
      {timeAgo(props.iso, t)}
    </time>
  );
}

/** Search text with its hits wrapped in \u0002…\u0003 (as the case log marks them) shown as <mark>. */
export function Highlighted(props: { text: string }) {
  const parts = props.text.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : <Fragment key={i}>{p.replace(/[\u0002\u0003]/g, '')}</Fragment>,
      )}
    </>
  );
}

/** A translated sentence with elements in its {placeholders}, so word order stays the translator's. */
export function rich(text: string, vars: Record<string, ReactNode>): ReactNode[] {
  return text.split(/(\{\w+\})/).map((part, i) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={i}>{name !== undefined && name in vars ? vars[name] : part}</Fragment>;
  });
}

/** Clock time for the timeline: today's as 14:05, older ones with their date. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
