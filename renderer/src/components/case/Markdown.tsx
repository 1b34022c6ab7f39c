import type { ReactNode } from 'react';

/**
 * The Markdown people write in case notes, rendered as React elements: never as HTML, so a note
 * holding `<script>` or `<img onerror>` shows that text literally. Headings, lists, quotes, code
 * blocks, `code`, **bold**, *italic* and [links](url) (shown with their address, not followed).
 */
export function Markdown(props: { text: string }) {
  return <div className="md">{blocks(props.text)}</div>;
}

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\s][^*\n]*\*)|(\b_[^_\s][^_\n]*_\b)|(\[[^\]\n]+\]\([^)\s]+\))/g;

export function inline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const tok = m[0];
    const k = `${key}.${n++}`;
    if (m[1]) out.push(<code key={k}>{tok.slice(1, -1)}</code>);
    else if (m[2]) out.push(<strong key={k}>{inline(tok.slice(2, -2), k)}</strong>);
    else if (m[3] || m[4]) out.push(<em key={k}>{inline(tok.slice(1, -1), k)}</em>);
    else {
      const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(tok);
      out.push(
        <span key={k} className="md-link">
          {link?.[1]} <span className="md-url">{link?.[2]}</span>
        </span>,
      );
    }
    last = at + tok.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function withBreaks(lines: string[], key: string): ReactNode[] {
  return lines.flatMap((l, i) => (i === 0 ? inline(l, `${key}.${i}`) : [<br key={`${key}.br${i}`} />, ...inline(l, `${key}.${i}`)]));
}

function blocks(text: string): ReactNode[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: ReactNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const key = `b${i}`;
    const fence = /^\s*```/.exec(line);
    if (fence) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^\s*```/.test(lines[i] ?? '')) code.push(lines[i++] ?? '');
      i++; // closing fence (or end of text)
      out.push(
        <pre key={key}>
          <code>{code.join('\n')}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const body = inline(heading[2] ?? '', key);
      out.push(level === 1 ? <h3 key={key}>{body}</h3> : level === 2 ? <h4 key={key}>{body}</h4> : <h5 key={key}>{body}</h5>);
      i++;
      continue;
    }
    const bullet = /^\s*[-*]\s+/;
    const numbered = /^\s*\d+[.)]\s+/;
    if (bullet.test(line) || numbered.test(line)) {
      const re = bullet.test(line) ? bullet : numbered;
      const items: ReactNode[] = [];
      while (i < lines.length && re.test(lines[i] ?? '')) {
        items.push(<li key={`${key}.${i}`}>{inline((lines[i] ?? '').replace(re, ''), `${key}.${i}`)}</li>);
        i++;
      }
      out.push(re === bullet ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>);
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? '')) quoted.push((lines[i++] ?? '').replace(/^\s*>\s?/, ''));
      out.push(<blockquote key={key}>{withBreaks(quoted, key)}</blockquote>);
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !/^\s*(```|#{1,3}\s|[-*]\s|\d+[.)]\s|>)/.test(lines[i] ?? '')) para.push(lines[i++] ?? '');
    if (para.length === 0) para.push(lines[i++] ?? ''); // a line no block rule took
    out.push(<p key={key}>{withBreaks(para, key)}</p>);
  }
  return out;
}
