import type { ReactNode } from 'react';

/**
 * The Markdown runbooks use: paragraphs, `-`/`1.` lists, fenced code, and inline `code`,
 * **bold** and *italic*. Built as React elements (never HTML strings), so runbook text cannot
 * inject markup.
 */
type Block = { kind: 'p'; text: string } | { kind: 'ul' | 'ol'; items: string[] } | { kind: 'code'; text: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^\s{0,3}[-*]\s+(.*)$/;
const NUMBER = /^\s{0,3}\d+[.)]\s+(.*)$/;

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] as string;
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).trimStart().startsWith(marker); i++) body.push(lines[i] as string);
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (!line.trim()) continue;
    const listKind = BULLET.test(line) ? 'ul' : NUMBER.test(line) ? 'ol' : null;
    if (listKind) {
      const re = listKind === 'ul' ? BULLET : NUMBER;
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const l = lines[i] as string;
        const m = re.exec(l);
        if (m) items.push(m[1] as string);
        else if (l.trim() && /^\s+/.test(l) && items.length) items[items.length - 1] += ` ${l.trim()}`;
        else break;
      }
      i--;
      blocks.push({ kind: listKind, items });
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length; i++) {
      const l = lines[i] as string;
      if (!l.trim() || FENCE.test(l) || BULLET.test(l) || NUMBER.test(l)) break;
      para.push(l.trim());
    }
    i--;
    blocks.push({ kind: 'p', text: para.join(' ') });
  }
  return blocks;
}

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/;

export function inline(text: string): ReactNode[] {
  return text
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part, i) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
      if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={i}>{part.slice(2, -2)}</strong>;
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return <em key={i}>{part.slice(1, -1)}</em>;
      return part;
    });
}

export function Markdown(props: { text: string; className?: string }) {
  if (!props.text) return null;
  return (
    <div className={`md ${props.className ?? ''}`}>
      {parseBlocks(props.text).map((b, i) =>
        b.kind === 'code' ? (
          <pre key={i} className="md-code">
            {b.text}
          </pre>
        ) : b.kind === 'p' ? (
          <p key={i}>{inline(b.text)}</p>
        ) : b.kind === 'ul' ? (
          <ul key={i}>
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ul>
        ) : (
          <ol key={i}>
            {b.items.map((it, j) => (
              <li key={j}>{inline(it)}</li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
